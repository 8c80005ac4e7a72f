"""Scans through the engine: after their dossier's metadata, by tus, acknowledged with ``uploaded_at``."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime, time, timedelta

import requests
from conftest_client import (  # noqa: F401
    attach,
    client_db,
    client_dir,
    receive,
    scan_bytes,
    server,
    server_rows,
    server_uploads,
    settings,
)
from sqlalchemy import select

from app.attachments import AttachmentStore
from app.models import DossierAttachment, OutboxItem
from app.services import dossiers as svc
from sync import engine as engine_module
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, SYNCING, UP_TO_DATE, ScanPolicy, SyncEngine, status
from sync.transport import Transport


class RecordingSession(requests.Session):
    """Remembers (method, path, headers) of every request, to check order and encodings on the wire."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, str, dict[str, str]]] = []

    def request(self, method, url, *args, **kwargs):  # type: ignore[override]
        self.log.append((method, url.split("?")[0].split("/", 3)[-1], dict(kwargs.get("headers") or {})))
        return super().request(method, url, *args, **kwargs)


def make_engine(db, server, **kwargs) -> SyncEngine:
    session = kwargs.pop("session", None)
    transport = Transport(server.url, server.token, session=session, timeouts=(2.0, 5.0))
    return SyncEngine(db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0), transport=transport,
                      **kwargs)


def queued_kinds(db) -> list[str]:
    with db.session() as s:
        return sorted(s.execute(select(OutboxItem.kind)).scalars())


def uploaded_at(db, attachment_id: str):
    with db.session() as s:
        return s.get(DossierAttachment, attachment_id).uploaded_at


def test_scans_follow_their_dossier_and_are_acknowledged_with_uploaded_at(client_db, settings, server):
    dossier = receive(client_db, settings)
    files = [scan_bytes(300 * 1024, seed=1), scan_bytes(5000, seed=2)]
    ids = [attach(client_db, settings, dossier.id, data) for data in files]
    wire = RecordingSession()
    report = make_engine(client_db, server, session=wire).run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert report.uploaded_files == 2 and report.uploaded_bytes == sum(map(len, files))
    assert queued_kinds(client_db) == []
    assert all(uploaded_at(client_db, i) is not None for i in ids)
    uploads = server_uploads(server.db_path)
    for attachment_id, data in zip(ids, files, strict=True):
        assert uploads[attachment_id] == (dossier.id, len(data), len(data), True)
        assert hashlib.sha256(server.upload_path(attachment_id).read_bytes()).digest() == hashlib.sha256(data).digest()
    methods = [(m, p) for m, p, _ in wire.log]
    first_put = methods.index(("PUT", f"v1/dossiers/{dossier.id}"))
    first_post = methods.index(("POST", "v1/uploads"))
    assert first_put < first_post, "the scan went before its dossier's metadata"
    put_headers = wire.log[first_put][2]
    assert put_headers.get("Content-Encoding") == "gzip"
    assert all("Content-Encoding" not in h for m, _, h in wire.log if m == "PATCH"), "files are never recompressed"
    # The upload metadata names attachment, dossier, hash and file name (read back from the server).
    con = sqlite3.connect(server.db_path)
    raw = con.execute("SELECT raw_metadata FROM uploads WHERE attachment_id = ?", (ids[0],)).fetchone()[0]
    con.close()
    assert sorted(pair.split(" ")[0] for pair in raw.split(",")) == ["attachment_id", "dossier_id", "filename",
                                                                   "sha256"]


def test_server_that_lost_a_file_gets_it_again(client_db, settings, server):
    dossier = receive(client_db, settings)
    data = scan_bytes(70 * 1024, seed=3)
    attachment_id = attach(client_db, settings, dossier.id, data)
    engine = make_engine(client_db, server)
    assert engine.run_once().state == UP_TO_DATE
    # The province restored an old backup: the upload is gone, the dossier is still there.
    con = sqlite3.connect(server.db_path)
    con.execute("DELETE FROM uploads WHERE attachment_id = ?", (attachment_id,))
    con.commit()
    con.close()
    server.upload_path(attachment_id).unlink()
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert report.requeued_files == 1 and report.uploaded_files == 1
    assert server_uploads(server.db_path)[attachment_id][3]
    assert hashlib.sha256(server.upload_path(attachment_id).read_bytes()).hexdigest() == hashlib.sha256(
        data).hexdigest()
    assert queued_kinds(client_db) == [] and uploaded_at(client_db, attachment_id) is not None


def test_night_only_policy_sends_metadata_now_and_scans_at_night(client_db, settings, server):
    dossier = receive(client_db, settings)
    data = scan_bytes(100 * 1024, seed=4)
    attachment_id = attach(client_db, settings, dossier.id, data)
    policy = ScanPolicy(night_window=(time(22, 0), time(6, 0)))
    noon = datetime.now().replace(hour=12, minute=0, second=0, microsecond=0)
    report = make_engine(client_db, server, scan_policy=policy, clock=lambda: noon).run_once()
    assert report.state == SYNCING and report.deferred_files == 1, report.errors
    assert [r[0] for r in server_rows(server.db_path)] == [dossier.id]
    assert queued_kinds(client_db) == ["attachment"]
    st = status(client_db)
    assert (st.queued_dossiers, st.queued_attachments, st.queued_attachment_bytes) == (0, 1, len(data))
    night = noon.replace(hour=23)
    report = make_engine(client_db, server, scan_policy=policy, clock=lambda: night).run_once()
    assert report.state == UP_TO_DATE and report.uploaded_files == 1, report.errors
    assert uploaded_at(client_db, attachment_id) == night


def test_scan_policy_rules():
    noon, late = datetime(2026, 5, 4, 12, 0), datetime(2026, 5, 4, 23, 30)
    assert ScanPolicy().allows(noon, 5.0)
    slow_link = ScanPolicy(only_when_kbps_above=100.0)
    assert not slow_link.allows(noon, 50.0) and slow_link.allows(noon, 250.0)
    assert slow_link.allows(noon, None)  # unmeasured: one upload measures the line again
    night = ScanPolicy(night_window=(time(22), time(6)))
    assert not night.allows(noon, 10_000.0) and night.allows(late, 1.0)
    assert night.allows(datetime(2026, 5, 4, 5, 59), None) and not night.allows(datetime(2026, 5, 4, 6, 0), None)
    both = ScanPolicy(only_when_kbps_above=100.0, night_window=(time(22), time(6)))
    assert both.allows(late, 20.0) and both.allows(noon, 300.0) and not both.allows(noon, 20.0)


class XorCipher:
    name = "xor-test"

    def encrypt(self, plain: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in plain)

    def decrypt(self, stored: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in stored)


def test_encrypted_store_uploads_the_plain_file(client_db, settings, server, client_dir):
    store = AttachmentStore(client_dir / "vault", cipher=XorCipher())
    dossier = receive(client_db, settings)
    data = scan_bytes(90 * 1024, seed=5)
    attachment_id = attach(client_db, settings, dossier.id, data, store=store)
    assert store.path_for(hashlib.sha256(data).hexdigest()).read_bytes() != data
    report = make_engine(client_db, server, attachment_store=store).run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert server.upload_path(attachment_id).read_bytes() == data


def test_status_reports_queue_oldest_dossier_errors_and_skew(client_db, settings, server, client_dir,
                                                             monkeypatch):
    first = receive(client_db, settings, name="Nguyễn Văn Một")
    receive(client_db, settings, name="Nguyễn Văn Hai")
    data = scan_bytes(40 * 1024, seed=6)
    attachment_id = attach(client_db, settings, first.id, data)
    st = status(client_db)
    assert (st.queued_dossiers, st.queued_attachments, st.queued_attachment_bytes) == (2, 1, len(data))
    assert st.oldest_unsent_dossier == first.code and st.oldest_unsent_dossier_since is not None
    assert st.last_success is None and st.item_errors == () and st.clock_skew_s is None
    # The stored scan is damaged: its row must say so, in Vietnamese, naming the dossier.
    store_file = AttachmentStore().path_for(hashlib.sha256(data).hexdigest())
    store_file.write_bytes(b"\xff\xd8\xff" + b"\x00" * 10)

    class FastClock(datetime):
        @classmethod
        def now(cls, tz=None):  # the workstation runs ten minutes ahead of the province
            return datetime.now(tz) + timedelta(minutes=10)

    monkeypatch.setattr(engine_module, "datetime", FastClock)
    report = make_engine(client_db, server).run_once()
    assert report.state == NEEDS_ATTENTION
    st = status(client_db)
    assert (st.queued_dossiers, st.queued_attachments) == (0, 1)
    assert st.oldest_unsent_dossier is None
    assert st.last_success is None  # a run with a problem is not a success
    assert st.clock_skew_s is not None and 590 <= st.clock_skew_s <= 610 and st.skew_warning
    assert st.skew_message.startswith("Đồng hồ máy tính lệch 10 phút")
    [error] = st.item_errors
    assert (error.kind, error.key, error.code, error.attempts) == ("attachment", attachment_id, first.code, 1)
    assert error.message.startswith(f"Hồ sơ {first.code}: không đọc được tệp scan trên máy")
    assert "attachment" not in error.message and "client_error" not in error.message
    # Repaired: the row goes, the errors clear, the run counts as a success.
    store_file.write_bytes(data)
    monkeypatch.setattr(engine_module, "datetime", datetime)
    with client_db.session() as s:
        s.execute(OutboxItem.__table__.update().values(next_attempt_at=None))
    report = make_engine(client_db, server).run_once()
    assert report.state == UP_TO_DATE, report.errors
    st = status(client_db)
    assert st.queued == 0 and st.item_errors == () and st.last_success is not None
    assert st.clock_skew_s == 0.0 and not st.skew_warning
