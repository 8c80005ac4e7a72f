"""Local operator accounts: roles and permissions, first set-up, login with lockout, passwords.

Every function takes the caller's session (the caller owns the transaction) except :func:`login`, which
owns its own: a failed attempt must be committed even though the login is refused, or a password storm
would never reach the lockout.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import clock
from app.db import Database
from app.errors import NotFoundError, StateError, UserError, ValidationError
from app.i18n import tr
from app.ids import uuid7
from app.models import Meta, Operator
from app.security import audit, passwords
from app.text import nfc

OFFICIAL = "official"  # cán bộ tiếp nhận tại quầy
LEADER = "leader"  # lãnh đạo xã / người giám sát
ADMIN = "admin"  # quản trị hệ thống
ROLES: dict[str, str] = {
    OFFICIAL: "Cán bộ một cửa",
    LEADER: "Lãnh đạo / giám sát",
    ADMIN: "Quản trị viên",
}

# Permissions are checked by name; a role is a fixed set of them so a counter PC needs no policy editor.
RECEIVE = "dossier.receive"
PROCESS = "dossier.process"
VIEW = "dossier.view"
PRINT = "dossier.print"
EXPORT = "dossier.export"
REPORTS = "report.view"
AUDIT_VIEW = "audit.view"
MANAGE_OPERATORS = "operator.manage"
CHANGE_SETTINGS = "settings.change"
ENROLL = "workstation.enroll"
IMPORT_CATALOGUE = "catalogue.import"
# Everything held about one citizen, scans decrypted, handed to them on request (Nghị định 13/2023/NĐ-CP).
CITIZEN_DATA = "citizen.export"

PERMISSIONS: dict[str, frozenset[str]] = {
    OFFICIAL: frozenset({RECEIVE, PROCESS, VIEW, PRINT, REPORTS}),
    LEADER: frozenset({VIEW, PRINT, EXPORT, REPORTS, AUDIT_VIEW, CITIZEN_DATA}),
    # At a small commune the administrator often also serves at the counter.
    ADMIN: frozenset({RECEIVE, PROCESS, VIEW, PRINT, EXPORT, REPORTS, AUDIT_VIEW, MANAGE_OPERATORS,
                      CHANGE_SETTINGS, ENROLL, IMPORT_CATALOGUE, CITIZEN_DATA}),
}

MAX_FAILURES = 5
BASE_LOCK = timedelta(minutes=5)
MAX_LOCK = timedelta(hours=4)
IDLE_LOCK_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 5
IDLE_LOCK_RANGE = (1, 120)

USERNAME_RE = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


class PermissionDenied(UserError):  # noqa: N818 - named like the other UserErrors, by what happened
    """The logged-in operator's role does not allow the action."""


class LoginFailed(UserError):  # noqa: N818
    """Wrong name or password, a disabled account, or a locked account (``locked_until`` set)."""

    def __init__(self, message: str, *, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.locked_until = locked_until


class Actor(Protocol):
    """Who acts: an :class:`Operator` row or the workstation's :class:`~app.security.session.OperatorRef`."""

    @property
    def username(self) -> str: ...

    @property
    def role(self) -> str: ...


@dataclass(frozen=True)
class LoginResult:
    operator: Operator | None
    message: str = ""
    locked_until: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.operator is not None


def normalise_username(username: str) -> str:
    return nfc(username or "").strip().casefold()


def has_permission(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


def require(operator: Actor | None, permission: str) -> Actor:
    """Raise :class:`PermissionDenied` unless ``operator`` (Operator or OperatorRef) may do ``permission``."""
    role = getattr(operator, "role", None)
    if operator is None or role is None:
        raise PermissionDenied(tr("Hãy đăng nhập trước khi thực hiện thao tác này."))
    if not has_permission(role, permission):
        raise PermissionDenied(tr("Vai trò “{role}” không được phép thực hiện thao tác này.",
                                  role=ROLES.get(role, role)))
    return operator


def _validate_identity(username: str, full_name: str, role: str) -> tuple[str, str]:
    username = normalise_username(username)
    full_name = " ".join(nfc(full_name or "").split())
    if not USERNAME_RE.match(username):
        raise ValidationError(tr(
            "Tên đăng nhập “{name}” không hợp lệ: 2–32 ký tự, bắt đầu bằng chữ cái, chỉ gồm chữ không dấu, "
            "số, dấu chấm, gạch dưới, gạch ngang.", name=username))
    if not full_name:
        raise ValidationError(tr("Chưa nhập họ tên người dùng."))
    if len(full_name) > 100 or any(ord(ch) < 32 for ch in full_name):
        raise ValidationError(tr("Họ tên người dùng không hợp lệ."))
    if role not in ROLES:
        raise ValidationError(tr("Vai trò “{role}” không tồn tại.", role=role))
    return username, full_name


def operator_count(session: Session) -> int:
    return int(session.execute(select(func.count(Operator.id))).scalar() or 0)


def needs_first_setup(session: Session) -> bool:
    return operator_count(session) == 0


def _new_operator(session: Session, username: str, full_name: str, role: str, password: str,
                  *, must_change: bool) -> Operator:
    username, full_name = _validate_identity(username, full_name, role)
    passwords.check_policy(password, username=username)
    if session.execute(select(Operator.id).where(Operator.username == username)).first():
        raise ValidationError(tr("Tên đăng nhập “{name}” đã có người dùng.", name=username))
    now = clock.now()
    operator = Operator(
        id=uuid7(), username=username, full_name=full_name, role=role,
        password_hash=passwords.hash_password(password), active=True, must_change_password=must_change,
        failed_attempts=0, lockouts=0, password_changed_at=now, created_at=now, updated_at=now,
    )
    session.add(operator)
    session.flush()
    return operator


def create_first_admin(session: Session, username: str, full_name: str, password: str) -> Operator:
    """First set-up: only possible while there is no account at all, so it cannot be used to take over."""
    if not needs_first_setup(session):
        raise StateError(tr("Đã có tài khoản quản trị; hãy đăng nhập bằng tài khoản đó."))
    operator = _new_operator(session, username, full_name, ADMIN, password, must_change=False)
    audit.record(session, operator, audit.OPERATOR_ADD, f"operator:{operator.username}",
                 {"role": ADMIN, "first_setup": True})
    return operator


def add_operator(session: Session, actor: Actor | None, username: str, full_name: str, role: str,
                 password: str) -> Operator:
    """An administrator adds an account; the temporary password must be changed at first login."""
    actor = require(actor, MANAGE_OPERATORS)
    operator = _new_operator(session, username, full_name, role, password, must_change=True)
    audit.record(session, actor.username, audit.OPERATOR_ADD, f"operator:{operator.username}",
                 {"role": role})
    return operator


def get_operator(session: Session, username: str) -> Operator:
    operator = session.execute(
        select(Operator).where(Operator.username == normalise_username(username))
    ).scalar_one_or_none()
    if operator is None:
        raise NotFoundError(tr("Không có người dùng “{name}”.", name=normalise_username(username)))
    return operator


def list_operators(session: Session, *, include_disabled: bool = True) -> list[Operator]:
    stmt = select(Operator).order_by(Operator.username)
    if not include_disabled:
        stmt = stmt.where(Operator.active.is_(True))
    return list(session.execute(stmt).scalars())


def _active_admins(session: Session) -> int:
    return int(session.execute(
        select(func.count(Operator.id)).where(Operator.role == ADMIN, Operator.active.is_(True))
    ).scalar() or 0)


def set_active(session: Session, actor: Actor | None, username: str, active: bool) -> Operator:
    """Disable (or re-enable) an account; accounts are never deleted because the history names them."""
    actor = require(actor, MANAGE_OPERATORS)
    operator = get_operator(session, username)
    if operator.active == active:
        return operator
    if not active and operator.role == ADMIN and _active_admins(session) <= 1:
        raise StateError(tr("Không thể khoá tài khoản quản trị cuối cùng."))
    operator.active = active
    operator.updated_at = clock.now()
    audit.record(session, actor.username, audit.OPERATOR_ENABLE if active else audit.OPERATOR_DISABLE,
                 f"operator:{operator.username}")
    return operator


def disable_operator(session: Session, actor: Actor | None, username: str) -> Operator:
    return set_active(session, actor, username, False)


def lock_duration(lockouts: int) -> timedelta:
    """5 min for the first lockout, doubling with each further one in a row, capped at 4 hours."""
    return min(BASE_LOCK * (2 ** max(lockouts - 1, 0)), MAX_LOCK)


def _locked_message(until: datetime) -> str:
    return tr("Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Hãy thử lại sau {time}.",
              time=until.strftime("%H:%M %d/%m/%Y"))


def attempt_login(session: Session, username: str, password: str, *, action: str = audit.LOGIN) -> LoginResult:
    """Check a login and update the lockout counters; never raises for bad credentials.

    The same message answers an unknown name and a wrong password, and an unknown name costs the same
    argon2 time, so the counter does not reveal which accounts exist.
    """
    now = clock.now()
    wrong = tr("Sai tên đăng nhập hoặc mật khẩu.")
    name = normalise_username(username)
    operator = session.execute(select(Operator).where(Operator.username == name)).scalar_one_or_none()
    if operator is None:
        passwords.burn_time(password)
        # The typed name is not recorded: people sometimes type their password into the name field.
        audit.record(session, audit.SYSTEM, audit.LOGIN_FAILED, "", {"reason": "unknown_user"})
        return LoginResult(None, wrong)
    if operator.locked_until is not None and operator.locked_until > now:
        # Refused without checking the password, so guessing during a lock reveals nothing.
        audit.record(session, operator, audit.LOGIN_FAILED, f"operator:{operator.username}", {"reason": "locked"})
        return LoginResult(None, _locked_message(operator.locked_until), operator.locked_until)
    if not passwords.verify_password(operator.password_hash, password):
        operator.failed_attempts += 1
        operator.updated_at = now
        audit.record(session, operator, audit.LOGIN_FAILED, f"operator:{operator.username}",
                     {"reason": "wrong_password", "failures": operator.failed_attempts})
        if operator.failed_attempts >= MAX_FAILURES:
            operator.lockouts += 1
            operator.failed_attempts = 0
            operator.locked_until = now + lock_duration(operator.lockouts)
            audit.record(session, operator, audit.ACCOUNT_LOCKED, f"operator:{operator.username}",
                         {"until": operator.locked_until.isoformat(), "lockouts": operator.lockouts})
            return LoginResult(None, _locked_message(operator.locked_until), operator.locked_until)
        return LoginResult(None, wrong)
    if not operator.active:
        # Checked after the password so a wrong guess cannot learn that an account exists but is disabled.
        audit.record(session, operator, audit.LOGIN_FAILED, f"operator:{operator.username}", {"reason": "disabled"})
        return LoginResult(None, tr("Tài khoản này đã bị khoá. Hãy liên hệ quản trị viên."))
    operator.failed_attempts = 0
    operator.lockouts = 0
    operator.locked_until = None
    operator.last_login_at = now
    operator.updated_at = now
    if passwords.needs_rehash(operator.password_hash):
        operator.password_hash = passwords.hash_password(password)
    audit.record(session, operator, action, f"operator:{operator.username}")
    return LoginResult(operator)


def login(db: Database, username: str, password: str, *, action: str = audit.LOGIN) -> Operator:
    """Log in with a transaction of its own ; raises LoginFailed.

    The failure is committed before raising: the caller's rollback must not undo the lockout counter.
    """
    with db.session() as session:
        result = attempt_login(session, username, password, action=action)
    if not result.ok:
        raise LoginFailed(result.message, locked_until=result.locked_until)
    assert result.operator is not None
    return result.operator


def change_password(session: Session, operator: Operator, old_password: str, new_password: str) -> None:
    """The operator changes their own password; the old one is required even when already logged in."""
    if not passwords.verify_password(operator.password_hash, old_password):
        raise ValidationError(tr("Mật khẩu hiện tại không đúng."))
    if old_password == new_password:
        raise ValidationError(tr("Mật khẩu mới phải khác mật khẩu cũ."))
    passwords.check_policy(new_password, username=operator.username)
    now = clock.now()
    operator.password_hash = passwords.hash_password(new_password)
    operator.must_change_password = False
    operator.password_changed_at = now
    operator.updated_at = now
    audit.record(session, operator, audit.PASSWORD_CHANGE, f"operator:{operator.username}")


def reset_password(session: Session, actor: Actor | None, username: str, new_password: str) -> Operator:
    """An administrator sets a temporary password (forgotten password); it also lifts a lockout."""
    actor = require(actor, MANAGE_OPERATORS)
    operator = get_operator(session, username)
    passwords.check_policy(new_password, username=operator.username)
    now = clock.now()
    operator.password_hash = passwords.hash_password(new_password)
    operator.must_change_password = True
    operator.failed_attempts = 0
    operator.lockouts = 0
    operator.locked_until = None
    operator.password_changed_at = now
    operator.updated_at = now
    audit.record(session, actor.username, audit.PASSWORD_RESET, f"operator:{operator.username}")
    return operator


def idle_lock_minutes(session: Session) -> int:
    """Minutes without input after which the counter locks; stored in the database of this workstation."""
    row = session.get(Meta, IDLE_LOCK_KEY)
    try:
        value = int(row.value) if row else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES
    low, high = IDLE_LOCK_RANGE
    return min(max(value, low), high)


def set_idle_lock_minutes(session: Session, actor: Actor | None, minutes: int) -> None:
    actor = require(actor, CHANGE_SETTINGS)
    low, high = IDLE_LOCK_RANGE
    if not low <= int(minutes) <= high:
        raise ValidationError(tr("Thời gian tự khoá phải từ {low} đến {high} phút.", low=low, high=high))
    old = idle_lock_minutes(session)
    session.merge(Meta(key=IDLE_LOCK_KEY, value=str(int(minutes))))
    audit.record(session, actor.username, audit.SETTINGS_CHANGE, f"setting:{IDLE_LOCK_KEY}",
                 {"old": old, "new": int(minutes)})
