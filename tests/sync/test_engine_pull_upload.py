"""Catalogue pulls and tus uploads against the reference server."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import hashlib
import json
import os
from datetime import date

from conftest_client import PROCEDURE, client_db, client_dir, receive, server, server_rows, settings  # noqa: F401,I001
from sqlalchemy import select

from app.catalogue import is_active, seed_catalogue_path
from app.models import CalendarDay
from sync.backoff import Backoff
from sync.engine import UP_TO_DATE, SyncEngine
from sync.faults import FaultProxy
from sync.transport import Kind, Transport
from sync.tus import ChunkSizer, upload_file


def test_catalogue_release_deactivates_a_procedure_a_queued_dossier_uses(client_db, settings, server, tmp_path):
    dossier = receive(client_db, settings)  # queued, uses PROCEDURE
    data = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    data["version"] = "2027.1"
    data["procedures"] = [p for p in data["procedures"] if p["code"] != PROCEDURE]
    data["calendar_days"] = [{"day": "2027-04-30", "kind": "off", "note": "Nghỉ bù"}]
    release = tmp_path / "release.json"
    release.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    server.publish_catalogue(release)
    engine = SyncEngine(client_db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0),
                        catalogue_keys=[server.catalogue_public_key])
    report = engine.run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert report.catalogue_updates == len(data["procedures"]) + 1
    assert [r[0] for r in server_rows(server.db_path)] == [dossier.id]
    with client_db.session() as s:
        assert not is_active(s, PROCEDURE)
        assert s.execute(select(CalendarDay.kind).where(CalendarDay.day == date(2027, 4, 30))).scalar() == "off"
    assert engine.run_once().catalogue_updates == 0  # the cursor moved with the release


def test_tus_upload_resumes_after_a_cut_and_completes_once(server, tmp_path):
    payload = os.urandom(700 * 1024)
    path = tmp_path / "scan.pdf"
    path.write_bytes(payload)
    sha = hashlib.sha256(payload).hexdigest()
    host, port = server.url.removeprefix("http://").split(":")
    attachment_id = "01a21ee7-0000-7000-8000-000000000001"
    with FaultProxy((host, int(port))) as proxy:
        transport = Transport(proxy.url, server.token, timeouts=(2, 5))
        proxy.configure(cut_after_bytes=300 * 1024, cut_direction="up")
        sizer = ChunkSizer(size=128 * 1024)
        first = upload_file(transport, proxy.url, attachment_id, path, sha, {"dossier_id": "d-1"},
                            sizer=sizer, max_failures=1)
        assert not first.complete and 0 < first.offset < len(payload)
        proxy.heal()
        second = upload_file(Transport(proxy.url, server.token), proxy.url, attachment_id, path, sha,
                             {"dossier_id": "d-1"}, sizer=sizer)
        assert second.complete and second.kind is Kind.OK, second.detail
        assert second.bytes_sent == len(payload) - first.offset  # resumed, not restarted
        again = upload_file(Transport(proxy.url, server.token), proxy.url, attachment_id, path, sha,
                            {"dossier_id": "d-1"})
        assert again.complete and again.bytes_sent == 0
    assert hashlib.sha256(server.upload_path(attachment_id).read_bytes()).hexdigest() == sha
