"""Operators: first set-up, roles, login with lockout that expires with the clock, idle lock, user switching."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app import clock
from app.errors import StateError, ValidationError
from app.models import AuditEntry, Operator
from app.security import audit, operators, passwords
from app.security.operators import LoginFailed, PermissionDenied
from app.security.session import NotLoggedIn, current_operator, reset_workstation

ADMIN_PW = "Quầy-một-cửa-2027"
LAN_PW = "Quay1@Sang-07"


@pytest.fixture(autouse=True)
def fast_hashes():
    passwords.use_fast_hasher_for_tests()
    reset_workstation()
    yield
    passwords.use_fast_hasher_for_tests(False)
    reset_workstation()


@pytest.fixture
def now():
    class Now:
        value = datetime(2027, 3, 4, 8, 0)

    clock.set_clock(lambda: Now.value)
    yield Now
    clock.set_clock(None)


@pytest.fixture
def staff(db, now):
    with db.session() as s:
        admin = operators.create_first_admin(s, "admin", "Phạm Văn Quản", ADMIN_PW)
        operators.add_operator(s, admin, "lan", "Trần Thị Lan", operators.OFFICIAL, LAN_PW)
        operators.add_operator(s, admin, "hung", "Lê Văn Hùng", operators.LEADER, "ChuTich#2027")
        for name in ("lan", "hung"):  # as if both had already replaced their temporary passwords
            operators.get_operator(s, name).must_change_password = False
    return db


def actions(db) -> list[tuple[str, str]]:
    with db.session() as s:
        return [(e.operator, e.action) for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]


def test_first_setup_creates_the_only_admin_once(db, now):
    with db.session() as s:
        assert operators.needs_first_setup(s)
        admin = operators.create_first_admin(s, " Admin ", "Phạm Văn Quản", ADMIN_PW)
        assert (admin.username, admin.role) == ("admin", operators.ADMIN)
        assert admin.password_hash.startswith("$argon2id$") and ADMIN_PW not in admin.password_hash
    with pytest.raises(StateError), db.session() as s:
        operators.create_first_admin(s, "other", "Người Khác", "Khac-Mat-Khau-1")
    assert actions(db) == [("admin", audit.OPERATOR_ADD)]


@pytest.mark.parametrize("password, fragment", [
    ("ngan1", "ít nhất 8"), ("aaaaaaaaaaaa", "quá đơn giản"), ("admin-secret-1", "tên đăng nhập"),
    (" khoang-trang-1", "dấu cách"),
])
def test_password_policy_speaks_vietnamese(db, now, password, fragment):
    with pytest.raises(ValidationError) as info, db.session() as s:
        operators.create_first_admin(s, "admin", "Phạm Văn Quản", password)
    assert fragment in info.value.message


def test_production_hasher_uses_argon2id_with_real_cost():
    passwords.use_fast_hasher_for_tests(False)
    stored = passwords.hash_password(ADMIN_PW)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=2$")
    assert passwords.verify_password(stored, ADMIN_PW)
    assert not passwords.verify_password(stored, ADMIN_PW + "x")
    assert not passwords.verify_password("not a hash", ADMIN_PW)


def test_weaker_hash_is_upgraded_at_next_login(staff):
    passwords.use_fast_hasher_for_tests(False)  # "production" parameters are now stronger than stored
    operators.login(staff, "lan", LAN_PW)
    with staff.session() as s:
        assert "m=65536,t=3" in operators.get_operator(s, "lan").password_hash


def test_same_password_typed_in_nfc_or_nfd(staff):
    with staff.session() as s:
        lan = operators.get_operator(s, "lan")
        operators.change_password(s, lan, LAN_PW, "Mật-khẩu-Tân-Lập")
    assert operators.login(staff, "lan", unicodedata.normalize("NFD", "Mật-khẩu-Tân-Lập")).username == "lan"


def test_password_storm_locks_and_the_lock_expires_with_the_clock(staff, now):
    for attempt in range(1, 5):
        with pytest.raises(LoginFailed) as info:
            operators.login(staff, "lan", f"doan-sai-{attempt}")
        assert info.value.message == "Sai tên đăng nhập hoặc mật khẩu." and info.value.locked_until is None
    with pytest.raises(LoginFailed) as info:
        operators.login(staff, "lan", "doan-sai-5")
    assert info.value.locked_until == now.value + timedelta(minutes=5)
    assert "tạm khoá" in info.value.message
    # While locked even the right password is refused, and does not reveal that it was right.
    now.value += timedelta(minutes=4, seconds=59)
    with pytest.raises(LoginFailed) as info:
        operators.login(staff, "lan", LAN_PW)
    assert info.value.locked_until is not None
    now.value += timedelta(seconds=1)
    assert operators.login(staff, "lan", LAN_PW).username == "lan"
    with staff.session() as s:
        lan = operators.get_operator(s, "lan")
        assert (lan.failed_attempts, lan.lockouts, lan.locked_until) == (0, 0, None)
    log = actions(staff)
    assert log.count(("lan", audit.LOGIN_FAILED)) == 6 and ("lan", audit.ACCOUNT_LOCKED) in log
    assert log[-1] == ("lan", audit.LOGIN)


def test_lockouts_in_a_row_double_the_lock(staff, now):
    for storm, minutes in enumerate((5, 10, 20), start=1):
        for i in range(operators.MAX_FAILURES):
            with pytest.raises(LoginFailed) as info:
                operators.login(staff, "lan", f"sai-{storm}-{i}")
        assert info.value.locked_until == now.value + timedelta(minutes=minutes)
        now.value = info.value.locked_until
    assert operators.lock_duration(30) == operators.MAX_LOCK


def test_unknown_user_gets_the_same_answer_and_is_not_recorded(staff):
    with pytest.raises(LoginFailed) as info:
        operators.login(staff, "Quay1@Sang-07", "whatever-1")  # a password typed into the name field
    assert info.value.message == "Sai tên đăng nhập hoặc mật khẩu."
    with staff.session() as s:
        last = audit.list_entries(s, limit=1)[0]
        assert (last.operator, last.action, last.object_ref) == (audit.SYSTEM, audit.LOGIN_FAILED, "")
        assert "Quay1" not in last.details


def test_roles_and_permissions(staff):
    lan = operators.login(staff, "lan", LAN_PW)
    hung = operators.login(staff, "hung", "ChuTich#2027")
    assert operators.has_permission(lan.role, operators.RECEIVE)
    assert not operators.has_permission(lan.role, operators.AUDIT_VIEW)
    assert operators.has_permission(hung.role, operators.AUDIT_VIEW)
    assert not operators.has_permission(hung.role, operators.RECEIVE)
    with pytest.raises(PermissionDenied) as info, staff.session() as s:
        operators.add_operator(s, lan, "mai", "Đỗ Thị Mai", operators.ADMIN, "Mai-Mat-Khau-1")
    assert "Cán bộ một cửa" in info.value.message
    with pytest.raises(PermissionDenied), staff.session() as s:
        operators.set_idle_lock_minutes(s, hung, 10)


def test_disabled_account_cannot_log_in_and_last_admin_stays(staff):
    admin = operators.login(staff, "admin", ADMIN_PW)
    with staff.session() as s:
        operators.disable_operator(s, admin, "lan")
    with pytest.raises(LoginFailed) as info:
        operators.login(staff, "lan", LAN_PW)
    assert "đã bị khoá" in info.value.message
    with pytest.raises(StateError), staff.session() as s:
        operators.disable_operator(s, admin, "admin")
    assert ("admin", audit.OPERATOR_DISABLE) in actions(staff)


def test_admin_reset_lifts_a_lock_and_forces_a_change(staff, now):
    for i in range(operators.MAX_FAILURES):
        with pytest.raises(LoginFailed):
            operators.login(staff, "lan", f"sai-{i}")
    admin = operators.login(staff, "admin", ADMIN_PW)
    with staff.session() as s:
        operators.reset_password(s, admin, "lan", "Tam-Thoi-2027")
    lan = operators.login(staff, "lan", "Tam-Thoi-2027")
    assert lan.must_change_password
    with pytest.raises(ValidationError), staff.session() as s:
        operators.change_password(s, operators.get_operator(s, "lan"), "sai-cu", "Moi-Hon-2027")


def test_idle_lock_policy_is_bounded_and_audited(staff):
    admin = operators.login(staff, "admin", ADMIN_PW)
    with staff.session() as s:
        assert operators.idle_lock_minutes(s) == operators.DEFAULT_IDLE_LOCK_MINUTES
        operators.set_idle_lock_minutes(s, admin, 3)
        with pytest.raises(ValidationError):
            operators.set_idle_lock_minutes(s, admin, 0)
    with staff.session() as s:
        assert operators.idle_lock_minutes(s) == 3
        entry = audit.list_entries(s, limit=1, action=audit.SETTINGS_CHANGE)[0]
        assert entry.details == '{"new":3,"old":5}'


def test_workstation_idle_lock_fast_unlock_and_switch(staff, now):
    admin = operators.login(staff, "admin", ADMIN_PW)
    with staff.session() as s:
        operators.set_idle_lock_minutes(s, admin, 2)
    ws = reset_workstation()
    with pytest.raises(NotLoggedIn):
        ws.require()
    ws.login(staff, "lan", LAN_PW)
    assert current_operator().username == "lan" and ws.idle_lock_minutes == 2
    now.value += timedelta(minutes=1, seconds=30)
    ws.touch()
    now.value += timedelta(minutes=1, seconds=59)
    assert not ws.check_idle(staff)
    now.value += timedelta(seconds=1)
    assert ws.check_idle(staff) and ws.locked
    assert current_operator() is None  # nothing is done in the name of someone who walked away
    with pytest.raises(NotLoggedIn):
        ws.require(operators.RECEIVE)
    with pytest.raises(LoginFailed):
        ws.unlock(staff, "sai-roi")
    assert ws.locked
    ws.unlock(staff, LAN_PW)
    assert ws.require(operators.RECEIVE).username == "lan"
    # A colleague takes the counter: a wrong password leaves Lan's session as it was.
    with pytest.raises(LoginFailed):
        ws.switch_user(staff, "hung", "sai")
    assert current_operator().username == "lan"
    ws.switch_user(staff, "hung", "ChuTich#2027")
    assert current_operator().username == "hung"
    with pytest.raises(PermissionDenied):
        ws.require(operators.RECEIVE)
    ws.logout(staff)
    assert current_operator() is None
    log = actions(staff)
    assert ("lan", audit.IDLE_LOCK) in log and ("lan", audit.UNLOCK) in log
    assert ("hung", audit.SWITCH_USER) in log and log[-1] == ("hung", audit.LOGOUT)
    with staff.session() as s:
        assert audit.verify(s).ok


def test_failed_unlock_counts_towards_the_lockout(staff, now):
    ws = reset_workstation()
    ws.login(staff, "lan", LAN_PW)
    ws.lock(staff)
    for i in range(operators.MAX_FAILURES):
        with pytest.raises(LoginFailed):
            ws.unlock(staff, f"sai-{i}")
    with pytest.raises(LoginFailed) as info:
        ws.unlock(staff, LAN_PW)
    assert info.value.locked_until is not None and ws.locked


def test_no_password_or_hash_in_the_audit_log(staff):
    operators.login(staff, "lan", LAN_PW)
    with pytest.raises(LoginFailed):
        operators.login(staff, "lan", "Sai-Mat-Khau-99")
    with staff.session() as s:
        text = " ".join(f"{e.operator} {e.object_ref} {e.details}" for e in audit.list_entries(s, limit=100))
        hashes = [o.password_hash for o in s.execute(select(Operator)).scalars()]
    assert LAN_PW not in text and "Sai-Mat-Khau-99" not in text
    assert not any(h in text for h in hashes)


def run_cli(monkeypatch, stdin: str, *argv: str) -> int:
    import argparse
    import io

    from app.commands import operator_cmd

    parser = argparse.ArgumentParser()
    operator_cmd.register(parser.add_subparsers())
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_operator_cli(db, now, monkeypatch, capsys):
    assert run_cli(monkeypatch, f"{ADMIN_PW}\n", "operator", "init-admin", "admin", "--full-name", "Phạm Văn Quản",
                   "--password-stdin") == 0
    with pytest.raises(StateError):
        run_cli(monkeypatch, f"{ADMIN_PW}\n", "operator", "init-admin", "khac", "--full-name", "Khác",
                "--password-stdin")
    assert run_cli(monkeypatch, f"{ADMIN_PW}\nTam-Thoi-2027\n", "operator", "add", "lan", "--full-name",
                   "Trần Thị Lan", "--role", "official", "--admin", "admin", "--password-stdin") == 0
    with pytest.raises(LoginFailed):
        run_cli(monkeypatch, "sai-mat-khau\n", "operator", "disable", "lan", "--admin", "admin", "--password-stdin")
    assert run_cli(monkeypatch, f"Tam-Thoi-2027\n{LAN_PW}\n", "operator", "passwd", "lan", "--password-stdin") == 0
    assert operators.login(db, "lan", LAN_PW).must_change_password is False
    assert run_cli(monkeypatch, f"{ADMIN_PW}\n", "operator", "disable", "lan", "--admin", "admin",
                   "--password-stdin") == 0
    capsys.readouterr()
    assert run_cli(monkeypatch, "", "operator", "list") == 0
    out = capsys.readouterr().out
    assert "Quản trị viên" in out and "đã khoá" in out and "2 người dùng." in out
    assert ADMIN_PW not in out


def test_a_temporary_password_must_be_changed_before_any_work(db, now):
    with db.session() as s:
        admin = operators.create_first_admin(s, "admin", "Phạm Văn Quản", ADMIN_PW)
        operators.add_operator(s, admin, "mai", "Đỗ Thị Mai", operators.OFFICIAL, "Tam-Thoi-2027")
    ws = reset_workstation()
    ref = ws.login(db, "mai", "Tam-Thoi-2027")
    assert ref.must_change_password
    with pytest.raises(NotLoggedIn, match="đổi mật khẩu"):
        ws.require(operators.RECEIVE)
    with pytest.raises(ValidationError, match="hiện tại"):
        ws.change_password(db, "sai-mat-khau", "Quay2#Chieu-08")
    with pytest.raises(ValidationError, match="khác"):
        ws.change_password(db, "Tam-Thoi-2027", "Tam-Thoi-2027")
    with pytest.raises(ValidationError, match="ít nhất"):
        ws.change_password(db, "Tam-Thoi-2027", "ngan")
    assert ws.operator.must_change_password
    ref = ws.change_password(db, "Tam-Thoi-2027", "Quay2#Chieu-08")
    assert not ref.must_change_password and ws.require(operators.RECEIVE).username == "mai"
    ws.logout(db)
    assert not operators.login(db, "mai", "Quay2#Chieu-08").must_change_password
    with pytest.raises(LoginFailed):
        operators.login(db, "mai", "Tam-Thoi-2027")
    assert ("mai", audit.PASSWORD_CHANGE) in actions(db)
