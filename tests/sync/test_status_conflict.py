"""A province status change against a workstation revision made without it, on the real loopback server.

Also: a full disk while a page of pulled changes is being saved.
"""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
import requests
from conftest_client import client_db, client_dir, receive, server, server_rows, settings  # noqa: F401,I001
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app import paths
from app.models import DossierEvent, OutboxItem
from app.services import dossiers as svc
from app.status import Status
from sync import apply, state
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, UP_TO_DATE, SyncEngine
from sync.protocol import IDEMPOTENCY_HEADER, dossier_to_wire

PLAIN_REPLY_KEYS = {"id", "code", "revision", "stored_revision", "missing_attachments"}


def make_engine(db, server) -> tuple[SyncEngine, list[dict[str, Any]]]:
    """An engine whose dossier PUT replies are also kept, in order, for the test to read."""
    engine = SyncEngine(db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0), timeouts=(2.0, 3.0))
    replies: list[dict[str, Any]] = []
    send = engine.transport.request

    def spy(method: str, path: str, **kwargs: Any):
        result = send(method, path, **kwargs)
        if method == "PUT" and path.startswith("/v1/dossiers/"):
            replies.append(result.data)
        return result

    engine.transport.request = spy  # type: ignore[method-assign]
    return engine, replies


def server_payload(server, dossier_id: str) -> dict[str, Any]:
    con = sqlite3.connect(server.db_path)
    try:
        (raw,) = con.execute("SELECT payload FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    finally:
        con.close()
    return json.loads(raw)


def conflicts(server) -> list[tuple[str, int, int, int, int, str]]:
    """(dossier id, revision, client status, province status, change seq, outcome) as the server recorded."""
    con = sqlite3.connect(server.db_path)
    try:
        return list(con.execute("SELECT dossier_id, revision, client_status, province_status, change_seq, outcome "
                                "FROM status_conflicts ORDER BY id"))
    finally:
        con.close()


def local(db, dossier_id: str) -> tuple[int, list[tuple[str, int | None, dict[str, Any]]], int]:
    """(status, [(action, to_status, data)], queued outbox rows) of the workstation's copy."""
    with db.session() as s:
        dossier = svc.get_dossier(s, dossier_id)
        events = [(e.action, e.to_status, dict(e.data or {})) for e in dossier.events]
        queued = len(s.execute(select(OutboxItem)).all())
        return dossier.status, events, queued


def synced(db, settings, server, name: str = "Nguyễn Văn Đạt"):
    dossier = receive(db, settings, name=name)
    engine, replies = make_engine(db, server)
    assert engine.run_once().state == UP_TO_DATE
    return dossier, engine, replies


def test_province_status_stands_over_a_stale_revision_and_the_client_converges(client_db, settings, server):
    dossier, engine, replies = synced(client_db, settings, server)
    # Offline, the official starts processing (revision 2 queued) while the province stops the dossier.
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)
    seq = server.set_status(dossier.code, int(Status.STOPPED), "Tỉnh dừng xử lý theo đơn của cơ quan thuế")
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 1 and report.pulled == 1, report.errors
    assert replies[-1]["status_kept"] == {"status": int(Status.STOPPED), "change_seq": seq}
    assert "status_accepted" not in replies[-1]
    # The server took revision 2 (the official's processing step is in its history) but kept the status.
    assert server_rows(server.db_path) == [(dossier.id, dossier.code, 2, int(Status.STOPPED))]
    payload = server_payload(server, dossier.id)
    assert payload["status"] == int(Status.STOPPED) and payload["province_seq"] == 0
    assert [e["action"] for e in payload["events"]][-1] == "processing"
    assert conflicts(server) == [(dossier.id, 2, int(Status.PROCESSING), int(Status.STOPPED), seq, "kept")]
    listed = subprocess.run([sys.executable, "-m", "sync.server", "status-conflicts", "--json",
                             "--db", str(server.db_path)], capture_output=True, text=True, timeout=60, check=True)
    (record,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (record["code"], record["outcome"], record["province_status"]) == (dossier.code, "kept", int(Status.STOPPED))
    # The pull applied the province's status here too; nothing is left to send, nothing comes back.
    status, events, queued = local(client_db, dossier.id)
    assert status == Status.STOPPED and queued == 0
    assert [a for a, _, _ in events][-2:] == ["processing", apply.PROVINCE_ACTION]
    again = engine.run_once()
    assert (again.pushed, again.pulled, again.state) == (0, 0, UP_TO_DATE)
    assert server_rows(server.db_path)[0][2:] == (2, int(Status.STOPPED))


def test_a_local_status_ahead_of_the_province_is_kept_on_both_sides(client_db, settings, server):
    dossier, engine, replies = synced(client_db, settings, server, name="Lê Thị Hoa")
    # Offline, the official resolves the dossier and hands the result over; the province meanwhile marks
    # it "processing", a step the official had already passed.
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)
        svc.mark_resolved(s, settings, dossier.id)
        svc.return_result(s, settings, dossier.id, "Lê Thị Hoa", signature_taken=True)
    seq = server.set_status(dossier.code, int(Status.PROCESSING))
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.pulled == 1, report.errors
    assert replies[-1]["status_accepted"] == {"status": int(Status.RETURNED), "change_seq": seq}
    assert server_rows(server.db_path)[0][2:] == (replies[-1]["revision"], int(Status.RETURNED))
    assert conflicts(server)[0][2:] == (int(Status.RETURNED), int(Status.PROCESSING), seq, "accepted")
    # Pulling that change records it but does not step the dossier back to "processing".
    status, events, queued = local(client_db, dossier.id)
    assert status == Status.RETURNED and queued == 0
    action, to_status, data = events[-1]
    assert (action, to_status, data["seq"], data["province_status"]) == (
        apply.PROVINCE_ACTION, int(Status.RETURNED), seq, int(Status.PROCESSING))
    with client_db.session() as s:
        assert state.get(s, apply.SUPERSEDED_PREFIX + dossier.id) is None
    again = engine.run_once()
    assert (again.pushed, again.pulled) == (0, 0)


def test_a_step_taken_after_pulling_the_province_change_is_applied(client_db, settings, server):
    dossier, engine, replies = synced(client_db, settings, server, name="Phạm Văn Bình")
    seq = server.set_status(dossier.code, int(Status.PROCESSING), "Chuyển phòng chuyên môn")
    assert engine.run_once().pulled == 1
    with client_db.session() as s:
        assert svc.get_dossier(s, dossier.id).status == Status.PROCESSING
        svc.mark_resolved(s, settings, dossier.id)
        svc.return_result(s, settings, dossier.id, "Phạm Văn Bình", signature_taken=True)
        body = dossier_to_wire(svc.get_dossier(s, dossier.id), 99)
    assert body["province_seq"] == seq
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 1, report.errors
    assert set(replies[-1]) == PLAIN_REPLY_KEYS  # no conflict: the body knew the province's change
    assert server_rows(server.db_path)[0][3] == int(Status.RETURNED)
    assert conflicts(server) == []


def test_the_same_put_replays_the_same_reply_after_the_province_moves_on(client_db, settings, server):
    dossier, _engine, _replies = synced(client_db, settings, server, name="Đỗ Thị Mai")
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)
        body = dossier_to_wire(svc.get_dossier(s, dossier.id), 2)
    seq = server.set_status(dossier.code, int(Status.STOPPED))
    url = f"{server.url}/v1/dossiers/{dossier.id}"
    headers = {**server.auth(), IDEMPOTENCY_HEADER: f"dossier:{dossier.id}:2"}
    first = requests.put(url, json=body, headers=headers, timeout=5)
    assert first.status_code == 200 and "Idempotent-Replayed" not in first.headers
    assert first.json()["status_kept"] == {"status": int(Status.STOPPED), "change_seq": seq}
    # The province changes its mind; the replayed request still gets its own reply and changes nothing.
    later = server.set_status(dossier.code, int(Status.RESOLVED))
    second = requests.put(url, json=body, headers=headers, timeout=5)
    assert second.status_code == 200 and second.headers.get("Idempotent-Replayed") == "true"
    assert second.json() == first.json()
    assert server_rows(server.db_path)[0][2:] == (2, int(Status.RESOLVED))
    assert len(conflicts(server)) == 1
    # The same key with a body that now claims to know the later change is another request: refused.
    third = requests.put(url, json={**body, "province_seq": later}, headers=headers, timeout=5)
    assert third.status_code == 422 and third.json()["code"] == "idempotency_key_reused"


def test_without_a_province_change_the_reply_and_the_stored_state_are_unchanged(client_db, settings, server):
    dossier, engine, replies = synced(client_db, settings, server, name="Vũ Văn Nam")
    assert set(replies[-1]) == PLAIN_REPLY_KEYS
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 1, report.errors
    assert replies[-1] == {"id": dossier.id, "code": dossier.code, "revision": 2, "stored_revision": 2,
                           "missing_attachments": []}
    assert server_rows(server.db_path) == [(dossier.id, dossier.code, 2, int(Status.PROCESSING))]
    assert server_payload(server, dossier.id)["province_seq"] == 0
    # A body from a workstation that predates the rule (no province_seq) is stored exactly as before.
    with client_db.session() as s:
        svc.mark_resolved(s, settings, dossier.id)
        body = dossier_to_wire(svc.get_dossier(s, dossier.id), 3)
    del body["province_seq"]
    reply = requests.put(f"{server.url}/v1/dossiers/{dossier.id}", json=body, timeout=5,
                         headers={**server.auth(), IDEMPOTENCY_HEADER: f"dossier:{dossier.id}:3"})
    assert reply.status_code == 200 and set(reply.json()) == PLAIN_REPLY_KEYS
    assert server_rows(server.db_path)[0][2:] == (3, int(Status.RESOLVED))
    assert conflicts(server) == []
    bad = requests.put(f"{server.url}/v1/dossiers/{dossier.id}", json={**body, "revision": 4, "province_seq": -1},
                       timeout=5, headers={**server.auth(), IDEMPOTENCY_HEADER: f"dossier:{dossier.id}:4"})
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_province_seq"


DISK_FULL_MESSAGE = ("Chưa lưu được các cập nhật trạng thái từ hệ thống tỉnh: Ổ đĩa đã đầy, không lưu được. "
                     "Hãy giải phóng dung lượng rồi thử lại; dữ liệu đang nhập vẫn được giữ. "
                     "Lần đồng bộ sau sẽ nhận lại đầy đủ.")


def pull_onto_a_full_disk(db, settings, server, fill: Callable[[], None], free: Callable[[], None]) -> None:
    """Three province changes pulled while ``fill`` has made the disk full (it runs once the page is on its
    way); then ``free`` gives the space back and the next run must apply the page exactly once."""
    made = [receive(db, settings, name=f"Trần Văn {n}") for n in "ABC"]
    engine, _replies = make_engine(db, server)
    assert engine.run_once().state == UP_TO_DATE
    with db.session() as s:
        cursor_before = state.get(s, state.CHANGES_CURSOR)
    for dossier in made:
        server.set_status(dossier.code, int(Status.PROCESSING), "Đã chuyển phòng chuyên môn xử lý. " * 40)
    send = engine.transport.request

    def fill_when_pulling(method: str, path: str, **kwargs: Any):
        result = send(method, path, **kwargs)
        if path == "/v1/changes":
            fill()
        return result

    engine.transport.request = fill_when_pulling  # type: ignore[method-assign]
    report = engine.run_once()
    assert report.state == NEEDS_ATTENTION and report.pulled == 0
    assert report.errors[0] == DISK_FULL_MESSAGE
    free()
    with db.session() as s:
        assert state.get(s, state.CHANGES_CURSOR) == cursor_before
        assert s.execute(select(DossierEvent).where(DossierEvent.action == apply.PROVINCE_ACTION)).all() == []
        assert {svc.get_dossier(s, d.id).status for d in made} == {Status.RECEIVED}

    engine.transport.request = send  # type: ignore[method-assign]
    report = engine.run_once()
    assert report.state == UP_TO_DATE and report.pulled == 3, report.errors
    assert engine.run_once().pulled == 0
    with db.session() as s:
        assert state.get(s, state.CHANGES_CURSOR) != cursor_before
        events = s.execute(select(DossierEvent.dossier_id).where(DossierEvent.action == apply.PROVINCE_ACTION))
        assert sorted(events.scalars()) == sorted(d.id for d in made)
        assert {svc.get_dossier(s, d.id).status for d in made} == {Status.PROCESSING}


def test_a_full_disk_at_commit_of_a_pulled_page_keeps_the_cursor(client_db, settings, server, monkeypatch):
    # What SQLite raises at commit when the journal cannot grow; the page has been flushed by then.
    disk = {"full": False, "flushed": 0}
    real_apply, real_commit = apply.apply_changes, Session.commit

    def apply_changes(session: Session, changes: list[Any], **kwargs: Any) -> apply.ApplyResult:
        result = real_apply(session, changes, **kwargs)
        session.info["pulled_page"] = True
        disk["flushed"] += result.applied if disk["full"] else 0
        return result

    def commit(session: Session) -> None:
        if session.info.pop("pulled_page", False) and disk["full"]:
            raise OperationalError("COMMIT", {}, sqlite3.OperationalError("database or disk is full"))
        real_commit(session)

    monkeypatch.setattr(apply, "apply_changes", apply_changes)
    monkeypatch.setattr(Session, "commit", commit)
    pull_onto_a_full_disk(client_db, settings, server, fill=lambda: disk.update(full=True),
                          free=lambda: disk.update(full=False))
    assert disk["flushed"] == 3  # the whole page had been written before the commit failed


@pytest.fixture
def small_disk_db(tmp_path, monkeypatch):
    """The workstation database on a real, small file system (tmpfs of 16 MiB) that a test can fill up."""
    from app.catalogue import ensure_seeded
    from app.db import open_database

    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("needs permission to mount a small tmpfs (root on Linux)")
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(mount_point / "client")
    database = None
    try:
        database = open_database()
        with database.session() as session:
            ensure_seeded(session)
        yield database, mount_point
    finally:
        if database is not None:
            database.close()
        paths.set_data_dir(None)
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_really_full_disk_while_pulling_keeps_the_cursor(small_disk_db, settings, server):
    db, mount_point = small_disk_db
    filler = mount_point / "other files"

    def fill() -> None:
        free = os.statvfs(mount_point)
        with open(filler, "wb") as out, contextlib.suppress(OSError):
            out.write(b"\0" * (free.f_bavail * free.f_frsize))

    pull_onto_a_full_disk(db, settings, server, fill=fill, free=filler.unlink)
