"""The sync engine against the reference server, directly and through the fault proxy."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import sqlite3

from conftest_client import client_db, client_dir, receive, server, server_rows, settings  # noqa: F401,I001
from sqlalchemy import select

from app.models import DossierEvent, OutboxItem
from app.services import dossiers as svc
from app.status import Status
from sync.apply import PROVINCE_ACTION
from sync.backoff import Backoff
from sync.engine import NEEDS_LOGIN, OFFLINE, UP_TO_DATE, SyncEngine, status
from sync.faults import FaultProxy
from sync.transport import Transport


def make_engine(db, url, token):
    # Zero backoff: a retried row is due again at once, so tests need no clock games.
    return SyncEngine(db, url, token, backoff=Backoff(base_s=0, cap_s=0), timeouts=(2.0, 3.0))


def queued(db) -> int:
    with db.session() as s:
        return len(list(s.execute(select(OutboxItem)).scalars()))


def test_push_stores_each_dossier_once_and_later_changes_as_new_revisions(client_db, settings, server):
    made = [receive(client_db, settings, name=f"Nguyễn Văn {n}") for n in "ABC"]
    engine = make_engine(client_db, server.url, server.token)
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert (report.pushed, report.acknowledged, report.queued) == (3, 3, 0)
    assert report.last_success is not None and report.clock_skew_s == 0.0
    rows = server_rows(server.db_path)
    assert sorted(r[0] for r in rows) == sorted(d.id for d in made)
    assert all(r[2] == 1 for r in rows)
    assert engine.run_once().pushed == 0  # nothing left to send
    # A change after the acknowledgement must reach the server as a newer revision, not be taken for a replay.
    with client_db.session() as s:
        svc.start_processing(s, settings, made[0].id)
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 1, report.errors
    row = next(r for r in server_rows(server.db_path) if r[0] == made[0].id)
    assert (row[2], row[3]) == (2, int(Status.PROCESSING))
    st = status(client_db)
    assert st.state == UP_TO_DATE and st.queued == 0 and st.last_success is not None


def test_lost_reply_then_heal_stores_exactly_once(client_db, settings, server):
    made = [receive(client_db, settings, name=f"Lê Thị {n}") for n in "ABCD"]
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port))) as proxy:
        # Measure the hello reply, then let exactly that much through: every later reply on the
        # connection is cut after the server has processed the request.
        assert Transport(proxy.url).probe().ok
        hello_bytes = proxy.bytes_down
        proxy.configure(cut_after_bytes=hello_bytes, cut_direction="down")
        engine = make_engine(client_db, proxy.url, server.token)
        report = engine.run_once()
        assert report.state == OFFLINE
        assert report.errors == ["Kết nối bị ngắt giữa chừng. Ứng dụng sẽ tự gửi lại, không tạo bản trùng."]
        # The server got the first PUT although the workstation never heard back.
        assert len(server_rows(server.db_path)) == 1
        assert queued(client_db) == 4
        proxy.heal()
        # A new engine object on the same database: the restart resumes from the outbox alone.
        report = make_engine(client_db, proxy.url, server.token).run_once()
        assert report.state == UP_TO_DATE, report.errors
        assert proxy.bytes_up > 0 and proxy.bytes_down > 0
    rows = server_rows(server.db_path)
    assert sorted(r[0] for r in rows) == sorted(d.id for d in made)
    assert queued(client_db) == 0


def test_random_resets_lose_and_duplicate_nothing(client_db, settings, server):
    made = [receive(client_db, settings, name=f"Phạm Văn {n}") for n in "ABCDEF"]
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port)), seed=7) as proxy:
        proxy.configure(reset_prob=0.4, reset_window_bytes=3000)
        engine = make_engine(client_db, proxy.url, server.token)
        for _ in range(40):
            if engine.run_once().state == UP_TO_DATE:
                break
        else:
            proxy.heal()
            assert engine.run_once().state == UP_TO_DATE
        assert proxy.connections_reset > 0
    assert sorted(r[0] for r in server_rows(server.db_path)) == sorted(d.id for d in made)


def test_server_down_is_offline_and_keeps_the_queue(client_db, settings, server):
    receive(client_db, settings)
    server.stop()
    try:
        report = make_engine(client_db, server.url, server.token).run_once()
        assert report.state == OFFLINE and report.queued == 1
        assert status(client_db).state == OFFLINE
    finally:
        server.start()
    assert make_engine(client_db, server.url, server.token).run_once().state == UP_TO_DATE
    assert len(server_rows(server.db_path)) == 1


def test_bad_token_asks_for_login_and_keeps_the_queue(client_db, settings, server):
    receive(client_db, settings)
    report = make_engine(client_db, server.url, "not-a-token").run_once()
    assert report.state == NEEDS_LOGIN and report.queued == 1
    assert "đăng nhập lại" in report.errors[0]
    assert server_rows(server.db_path) == []
    assert make_engine(client_db, server.url, server.token).run_once().state == UP_TO_DATE


def test_pulled_status_change_is_applied_once_and_not_sent_back(client_db, settings, server):
    dossier = receive(client_db, settings)
    engine = make_engine(client_db, server.url, server.token)
    assert engine.run_once().state == UP_TO_DATE
    server.set_status(dossier.code, int(Status.RESOLVED), "Đã ký giấy xác nhận")
    report = engine.run_once()
    assert report.pulled == 1 and report.state == UP_TO_DATE, report.errors
    assert engine.run_once().pulled == 0
    with client_db.session() as s:
        stored = svc.get_dossier(s, dossier.id)
        assert stored.status == Status.RESOLVED and stored.finished_at is not None
        events = [e for e in stored.events if e.action == PROVINCE_ACTION]
        assert len(events) == 1 and events[0].reason == "Đã ký giấy xác nhận"
        assert s.execute(select(OutboxItem)).first() is None
    # The local service continues from the province's status.
    with client_db.session() as s:
        svc.return_result(s, settings, dossier.id, "Nguyễn Văn Đạt", signature_taken=True)
    assert engine.run_once().state == UP_TO_DATE
    row = server_rows(server.db_path)[0]
    assert row[3] == int(Status.RETURNED)


def test_stale_cursor_resyncs_without_duplicate_events(client_db, settings, server):
    from sync import state

    dossier = receive(client_db, settings)
    engine = make_engine(client_db, server.url, server.token)
    engine.run_once()
    server.set_status(dossier.code, int(Status.PROCESSING))
    engine.run_once()
    with client_db.session() as s:
        state.put(s, state.CHANGES_CURSOR, "999999")  # a cursor the server never gave: 410
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    with client_db.session() as s:
        n = s.execute(select(DossierEvent).where(DossierEvent.action == PROVINCE_ACTION)).all()
        assert len(n) == 1


def test_a_purged_dossier_is_never_sent_again(client_db, settings, server):
    from datetime import timedelta

    from app import clock
    from app import outbox as app_outbox
    from app.services import retention

    made = receive(client_db, settings, name="Phạm Thị Hồng")
    engine = make_engine(client_db, server.url, server.token)
    assert engine.run_once().acknowledged == 1
    with client_db.session() as s:
        svc.start_processing(s, settings, made.id)
        svc.mark_resolved(s, settings, made.id)
        svc.return_result(s, settings, made.id, "Phạm Thị Hồng", signature_taken=True)
    assert engine.run_once().acknowledged == 1
    later = clock.now() + timedelta(days=400)
    with client_db.session() as s:
        result = retention.purge_expired(s, 30, now=later)
        assert result.purged == [made.code]
        # Something re-queues the emptied dossier (a late rating, a repair script): it must not leave.
        app_outbox.enqueue(s, "dossier", made.id)
    report = engine.run_once()
    assert report.pushed == 0 and queued(client_db) == 0, report.errors
    con = sqlite3.connect(server.db_path)
    try:
        (name,) = con.execute("SELECT json_extract(payload, '$.applicant.name') FROM dossiers WHERE id = ?",
                              (made.id,)).fetchone()
    finally:
        con.close()
    assert name == "Phạm Thị Hồng"
