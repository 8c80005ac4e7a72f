"""The hash-chained audit log: verify catches edits, deletions, reordering and rewritten history."""

from __future__ import annotations

import argparse
import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app import clock
from app.commands import audit_cmd
from app.db import open_database
from app.security import audit, operators, passwords
from app.security.session import reset_workstation


@pytest.fixture(autouse=True)
def fixed_clock():
    class Now:
        value = datetime(2027, 3, 4, 8, 0)

    def tick():
        Now.value += timedelta(seconds=7)
        return Now.value

    clock.set_clock(tick)
    passwords.use_fast_hasher_for_tests()
    reset_workstation()
    yield
    clock.set_clock(None)
    passwords.use_fast_hasher_for_tests(False)
    reset_workstation()


def fill(db, n: int = 6) -> None:
    with db.session() as s:
        for i in range(1, n + 1):
            audit.record(s, "lan", audit.VIEW, f"dossier:000.00.06.H56-270304-{1000 + i}", {"screen": "detail"})


def attacker(db, *statements: str) -> None:
    """Someone with the database file: drops the triggers, then edits the table directly."""
    with db.engine.begin() as con:
        con.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        con.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            con.exec_driver_sql(statement)


def report(db) -> audit.VerifyReport:
    with db.session() as s:
        return audit.verify(s)


def test_entries_chain_and_verify_clean(db):
    fill(db)
    with db.session() as s:
        entries = list(reversed(audit.list_entries(s, limit=10)))
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0].prev_hash == audit.GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    first = entries[0]
    assert first.hash == audit.entry_hash(1, first.at, "lan", audit.VIEW, first.object_ref, {"screen": "detail"},
                                          audit.GENESIS)
    result = report(db)
    assert result.ok and result.count == 6 and result.head == audit.ChainHead(6, entries[-1].hash)


def test_chain_head_is_stable(db):
    fill(db, 3)
    with db.session() as s:
        head = audit.chain_head(s)
        assert audit.verify(s).head == head
    for _ in range(3):  # reading, verifying and reopening the file change nothing
        with db.session() as s:
            assert audit.chain_head(s) == head
    db.close()
    reopened = open_database(db.path)
    with reopened.session() as s:
        assert audit.chain_head(s) == head
        assert audit.ChainHead.parse(str(head)) == head
        assert head.as_wire() == {"seq": 3, "hash": head.hash}
        audit.record(s, "lan", audit.PRINT, "dossier:X-1")
    with reopened.session() as s:
        new = audit.chain_head(s)
    assert new.seq == 4 and new.hash != head.hash
    reopened.close()


def test_triggers_refuse_update_and_delete(db):
    fill(db, 2)
    for statement in ("UPDATE audit_log SET operator = 'x' WHERE seq = 1", "DELETE FROM audit_log WHERE seq = 2"):
        with pytest.raises(Exception, match="append-only"), db.engine.begin() as con:
            con.exec_driver_sql(statement)
    assert report(db).ok


def test_edited_row_is_caught(db):
    fill(db)
    attacker(db, "UPDATE audit_log SET object_ref = 'dossier:000.00.06.H56-270304-9999' WHERE seq = 3")
    result = report(db)
    assert not result.ok
    assert [(p.kind, p.seq) for p in result.problems] == [("edited", 3)]
    assert "số 3 đã bị sửa" in result.problems[0].message


def test_edited_details_to_garbage_is_reported_not_crashing(db):
    fill(db, 3)
    attacker(db, "UPDATE audit_log SET details = '{not json', at = 12345 WHERE seq = 2")
    assert [(p.kind, p.seq) for p in report(db).problems] == [("edited", 2)]


def test_deleted_rows_are_caught(db):
    fill(db)
    attacker(db, "DELETE FROM audit_log WHERE seq IN (3, 4)")
    result = report(db)
    assert result.kinds() == {"missing"} and result.problems[0].seq == 3
    assert "3–4" in result.problems[0].message


def test_deleted_first_row_is_caught(db):
    fill(db, 3)
    attacker(db, "DELETE FROM audit_log WHERE seq = 1")
    assert "bad_start" in report(db).kinds()


def test_reordered_rows_are_caught(db):
    fill(db)
    attacker(db,
             "UPDATE audit_log SET seq = 100 WHERE seq = 2",
             "UPDATE audit_log SET seq = 2 WHERE seq = 3",
             "UPDATE audit_log SET seq = 3 WHERE seq = 100")
    result = report(db)
    assert "reordered" in result.kinds()
    assert {p.seq for p in result.problems} == {2, 3, 4}


def test_rewritten_history_is_caught_by_the_acknowledged_head(db):
    fill(db, 4)
    with db.session() as s:
        audit.acknowledge_head(s, audit.chain_head(s))
    # An attacker who knows the scheme rewrites entry 2 and recomputes every hash after it.
    with db.session() as s:
        rows = s.execute(text("SELECT seq, at, operator, action, object_ref, details FROM audit_log ORDER BY seq")).all()
    statements, prev = ["DELETE FROM audit_log"], audit.GENESIS
    for seq, at, operator, action, object_ref, details in rows:
        if seq == 2:
            object_ref = "dossier:OTHER"
        digest = audit.entry_hash(seq, at, operator, action, object_ref, json.loads(details), prev)
        statements.append(f"INSERT INTO audit_log VALUES ({seq}, '{at}', '{operator}', '{action}', "
                          f"'{object_ref}', '{details}', '{prev}', '{digest}')")
        prev = digest
    attacker(db, *statements)
    assert report(db).kinds() == {"anchor_mismatch"}
    attacker_truncates = "DELETE FROM audit_log WHERE seq >= 3"
    with db.engine.begin() as con:
        con.exec_driver_sql(attacker_truncates)
    assert "truncated" in report(db).kinds()


def test_append_is_part_of_the_callers_transaction(db):
    fill(db, 2)
    with pytest.raises(RuntimeError), db.session() as s:
        audit.record(s, "lan", audit.EXPORT, "report:2027-03")
        raise RuntimeError("the export failed")
    with db.session() as s:
        assert audit.chain_head(s).seq == 2
        assert audit.record(s, "lan", audit.EXPORT, "report:2027-03").seq == 3


def test_two_writers_cannot_fork_the_chain(db):
    fill(db, 1)
    with pytest.raises(IntegrityError), db.session() as s:
        s.execute(text("INSERT INTO audit_log VALUES (2, 'x', 'y', 'z', '', '{}', 'p', 'h')"))
        s.add(audit.AuditEntry(seq=2, at="a", operator="b", action="c", object_ref="", details="{}",
                               prev_hash="p", hash="h2"))
        s.flush()


@pytest.mark.parametrize("details", [
    {"applicant_name": "Nguyễn Văn Đạt"}, {"nested": {"address": "Thôn 1"}}, {"q": "001099012345"},
    {"phone": "0912345678"}, {"list": ["0912 345 678"]}, {"password": "x"},
])
def test_personal_data_in_details_is_refused(db, details):
    with pytest.raises(ValueError), db.session() as s:
        audit.record(s, "lan", audit.VIEW, "dossier:X", details)


def test_ids_and_codes_are_fine_in_details(db):
    with db.session() as s:
        entry = audit.record(s, "lan", audit.STATUS_CHANGE, "dossier:000.00.06.H56-270304-1000",
                             {"id": "0190a3b4-7c1d-7e2f-8a9b-0c1d2e3f4a5b", "from": 1, "to": 2})
    assert json.loads(entry.details)["to"] == 2


def test_record_without_operator_uses_the_workstation_operator(db):
    with db.session() as s:
        assert audit.record(s, None, audit.VIEW, "dossier:X").operator == audit.SYSTEM
        operators.create_first_admin(s, "admin", "Phạm Văn Quản", "Quay-Mot-Cua-1")
    ws = reset_workstation()
    ws.login(db, "admin", "Quay-Mot-Cua-1")
    with db.session() as s:
        assert audit.record(s, None, audit.PRINT, "dossier:X").operator == "admin"


def run_cli(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    audit_cmd.register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_cli_verify_and_list(db, capsys):
    fill(db, 3)
    with db.session() as s:
        audit.record(s, "lan", audit.PRINT, "dossier:X\n99  2027-03-04T09:00:00  admin\x1b[31m",
                     {"note": "dòng 1\n2027-03-04 fake entry"})
    assert run_cli("audit", "verify") == 0
    assert "toàn vẹn: 4 mục" in capsys.readouterr().out
    assert run_cli("audit", "list", "--limit", "2") == 0
    out = capsys.readouterr().out
    # Neither a stored newline nor a colour escape reaches the terminal: no forged lines.
    assert "dossier:X\\x0a99  2027-03-04T09:00:00  admin\\x1b[31m" in out and "\x1b" not in out
    assert '"dòng 1\\n2027-03-04 fake entry"' in out
    assert out.count("\n") == 3
    attacker(db, "DELETE FROM audit_log WHERE seq = 2")
    assert run_cli("audit", "verify") == 1
    assert "ĐÃ BỊ CAN THIỆP" in capsys.readouterr().out


def test_hash_at_names_the_stored_hash_of_one_entry(db):
    fill(db, 3)
    with db.session() as session:
        head = audit.chain_head(session)
        assert audit.hash_at(session, head.seq) == head.hash
        assert audit.hash_at(session, 2) == session.execute(text("SELECT hash FROM audit_log WHERE seq = 2")).scalar()
        assert audit.hash_at(session, 99) is None
