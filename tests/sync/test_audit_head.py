"""The audit chain head travels with sync; the reference server refuses and flags a log cut back or rewritten."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import json
import sqlite3

import requests
from conftest_client import client_db, client_dir, receive, server, settings  # noqa: F401,I001

from app.security import audit
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, UP_TO_DATE, SyncEngine
from sync.server import audit_heads, cli
from sync.server.db import ServerDatabase


def _engine(db, server) -> SyncEngine:
    return SyncEngine(db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0))


def _record(db, n: int) -> None:
    with db.session() as session:
        for i in range(n):
            audit.record(session, "admin", audit.PRINT, f"dossier:TEST-{i}", {"form": "01"})


def _alerts(server) -> list:
    db = ServerDatabase(server.db_url)
    try:
        return audit_heads.list_alerts(db)
    finally:
        db.close()


def _stored_head(server) -> tuple[int, str] | None:
    con = sqlite3.connect(server.db_path)
    try:
        return con.execute("SELECT seq, hash FROM audit_heads").fetchone()
    finally:
        con.close()


def _raw(db) -> sqlite3.Connection:
    """The workstation's file opened behind the app's back, triggers dropped as an attacker would."""
    con = sqlite3.connect(db.path)
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    con.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    return con


def _head(db) -> audit.ChainHead:
    with db.session() as session:
        head = audit.chain_head(session)
    assert head is not None
    return head


def test_the_head_is_accepted_and_acknowledged(client_db, settings, server):
    receive(client_db, settings)
    _record(client_db, 3)
    head = _head(client_db)
    engine = _engine(client_db, server)
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert _stored_head(server) == (head.seq, head.hash)
    with client_db.session() as session:
        assert audit.acknowledged_head(session) == head
    # New entries move the head forward; the anchor at the accepted seq proves the old part is unchanged.
    _record(client_db, 2)
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert _stored_head(server)[0] == head.seq + 2
    assert _alerts(server) == []
    engine.close()


def test_an_edited_row_is_flagged_and_dossiers_still_sync(client_db, settings, server):
    _record(client_db, 5)
    engine = _engine(client_db, server)
    assert engine.run_once().state == UP_TO_DATE
    accepted = _stored_head(server)
    con = _raw(client_db)
    with con:
        con.execute("UPDATE audit_log SET object_ref = 'dossier:OTHER' WHERE seq = 2")
    con.close()
    dossier = receive(client_db, settings)  # a dossier received after the tampering still goes up
    report = engine.run_once()
    assert report.state == NEEDS_ATTENTION
    assert any("Nhật ký kiểm tra trên máy này không khớp" in e for e in report.errors)
    assert report.acknowledged == 1
    con = sqlite3.connect(server.db_path)
    assert con.execute("SELECT id FROM dossiers").fetchall() == [(dossier.id,)]
    con.close()
    alerts = _alerts(server)
    assert [a.code for a in alerts] == ["audit_chain_broken"]
    assert _stored_head(server) == accepted  # the refused head is not stored
    # The same refusal on the next run is counted on the same alert, not a new one.
    engine.run_once()
    assert [(a.id, a.repeats) for a in _alerts(server)] == [(alerts[0].id, 2)]
    engine.close()


def test_a_rewritten_history_is_flagged(client_db, settings, server):
    """An attacker who recomputes every hash from the edit onwards: the chain is intact, but the hash at the
    seq the province accepted is not the one it holds."""
    _record(client_db, 4)
    engine = _engine(client_db, server)
    assert engine.run_once().state == UP_TO_DATE
    con = _raw(client_db)
    with con:
        rows = con.execute("SELECT seq, at, operator, action, object_ref, details FROM audit_log "
                           "ORDER BY seq").fetchall()
        prev = audit.GENESIS
        for seq, at, operator, action, object_ref, details in rows:
            if seq == 2:
                object_ref = "dossier:OTHER"
            digest = audit.entry_hash(seq, at, operator, action, object_ref, json.loads(details), prev)
            con.execute("UPDATE audit_log SET object_ref = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                        (object_ref, prev, digest, seq))
            prev = digest
        # The local anchor is rewritten too, so the workstation's own check sees nothing wrong.
        con.execute("UPDATE sync_state SET value = ? WHERE key = ?", (f"{rows[-1][0]}:{prev}", audit.ANCHOR_KEY))
    con.close()
    with client_db.session() as session:
        assert audit.verify(session).ok
    _record(client_db, 1)  # and the head moves on, so only the anchor can tell
    report = engine.run_once()
    assert report.state == NEEDS_ATTENTION
    assert [a.code for a in _alerts(server)] == ["audit_head_rewritten"]
    engine.close()


def test_a_deleted_row_at_the_end_is_a_head_going_backwards(client_db, settings, server, capsys):
    _record(client_db, 4)
    engine = _engine(client_db, server)
    assert engine.run_once().state == UP_TO_DATE
    con = _raw(client_db)
    with con:
        con.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
        con.execute("DELETE FROM sync_state WHERE key = ?", (audit.ANCHOR_KEY,))  # cover the tracks
    con.close()
    report = engine.run_once()
    assert report.state == NEEDS_ATTENTION
    [alert] = _alerts(server)
    assert alert.code == "audit_head_regressed" and alert.claimed_seq == alert.known_seq - 1
    # The operator sees it, and after investigating takes the current log as the new baseline.
    assert cli.main(["audit-alerts", "--db", server.db_url]) == 2
    assert "audit_head_regressed" in capsys.readouterr().out
    assert cli.main(["audit-accept", "workstation-1", "--db", server.db_url]) == 0
    assert cli.main(["audit-alerts", "--db", server.db_url]) == 0
    assert engine.run_once().state == UP_TO_DATE
    assert _stored_head(server)[0] == alert.claimed_seq
    engine.close()


def test_the_server_checks_the_head_itself(server):
    url = f"{server.url}/v1/workstations/me/audit-head"
    auth = server.auth()
    h1, h2 = "a" * 64, "b" * 64
    assert requests.put(url, json={"seq": 5, "hash": h1}, headers=auth, timeout=10).status_code == 200
    same_seq = requests.put(url, json={"seq": 5, "hash": h2}, headers=auth, timeout=10)
    assert same_seq.status_code == 409 and same_seq.json()["code"] == "audit_head_rewritten"
    ahead = requests.put(url, json={"seq": 7, "hash": h2}, headers=auth, timeout=10)
    assert ahead.status_code == 409 and ahead.json() == {**ahead.json(), "code": "audit_anchor_required",
                                                         "acknowledged_seq": 5}
    good = requests.put(url, json={"seq": 7, "hash": h2, "anchor": {"seq": 5, "hash": h1}}, headers=auth,
                        timeout=10)
    assert good.status_code == 200
    back = requests.put(url, json={"seq": 6, "hash": h1}, headers=auth, timeout=10)
    assert back.status_code == 409 and back.json()["code"] == "audit_head_regressed"
    assert requests.put(url, json={"seq": -1, "hash": h1}, headers=auth, timeout=10).status_code == 400
    assert requests.put(url, json={"seq": 8, "hash": h1}, timeout=10).status_code == 401
    assert [a.code for a in _alerts(server)] == ["audit_head_rewritten", "audit_head_regressed"]
