"""Retention: personal data of dossiers returned long ago and confirmed by the province is removed locally."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from app import backup, cli, outbox
from app.attachments import AttachmentStore
from app.models import AuditEntry, DossierAttachment, OutboxItem
from app.security.filecrypt import AesGcmCipher
from app.services import dossiers as svc
from app.services import retention
from app.services.digitisation import attach_file
from app.services.indicators import compute_indicators
from app.services.intake import Party
from app.services.satisfaction import record_rating
from app.services.search import search_dossiers
from tests.unit.test_dossiers import receive

SCAN = b"%PDF-1.4\n% giay khai sinh\n" + os.urandom(3000) + b"\n%%EOF\n"
PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(2000)
SHARED = b"\xff\xd8\xff\xe0 the same CCCD photo, attached twice" + os.urandom(500)
DAYS = 30


@pytest.fixture
def store(data_dir):
    return AttachmentStore(cipher=AesGcmCipher(os.urandom(32)))


def acknowledge_everything(db) -> None:
    """What the sync engine commits when the province accepted each item: uploaded_at and the outbox ack."""
    with db.session() as s:
        for item in list(s.execute(select(OutboxItem)).scalars()):
            if item.kind == outbox.ATTACHMENT:
                s.get(DossierAttachment, item.key).uploaded_at = datetime(2027, 3, 5, 10, 0)
            assert outbox.acknowledge(s, item.kind, item.key, item.revision)


def returned_dossier(db, settings, store, frozen_now, name: str, id_number: str, files: list[bytes]) -> str:
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    code = receive(db, settings, applicant=Party(
        name=name, id_number=id_number, birth_date=date(1990, 1, 2), sex="Nữ" if id_number[3] == "1" else "Nam",
        address="Thôn 3, xã Tân Lập", phone="0912345678")).code
    with db.session() as s:
        for data in files:
            attach_file(s, settings, store, code, data, document_position=0, pages=1,
                        original_name=f"{name}.pdf")
        svc.mark_resolved(s, settings, code)
        svc.return_result(s, settings, code, name, signature_taken=True)
        record_rating(s, settings, code, 2, comment=f"{name} chờ lâu")
    return code


@pytest.fixture
def counter(db, settings, store, frozen_now):
    """Three returned dossiers: two confirmed by the province, one whose scan has not gone up yet."""
    old = returned_dossier(db, settings, store, frozen_now, "Nguyễn Thị <b>Hoa</b>", "001190000001",
                           [SCAN, SHARED])
    kept = returned_dossier(db, settings, store, frozen_now, "Trần Văn Bình", "001090000002", [SHARED])
    acknowledge_everything(db)
    unsynced = returned_dossier(db, settings, store, frozen_now, "Lê Thị Cúc", "001190000003", [PHOTO])
    with db.session() as s:
        # Bình's dossier changed again after the ack: the newest state is still waiting to be sent.
        outbox.enqueue(s, outbox.DOSSIER, svc.get_dossier(s, kept).id)
    frozen_now.value = datetime(2027, 3, 4, 9, 20) + timedelta(days=DAYS, hours=1)
    return {"old": old, "kept": kept, "unsynced": unsynced}


def indicators(db):
    with db.session() as s:
        return compute_indicators(s, date(2027, 3, 1), date(2027, 3, 31)).to_dict()


def test_dry_run_lists_without_changing(db, store, counter):
    before = indicators(db)
    report = retention.run_purge(db, store, DAYS, dry_run=True)
    assert report.purged == [counter["old"]]
    assert sorted(report.kept_unconfirmed) == sorted([counter["kept"], counter["unsynced"]])
    with db.session() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == retention.AUDIT_ACTION)).first() is None
        assert svc.get_dossier(s, counter["old"]).applicant_name == "Nguyễn Thị <b>Hoa</b>"
        assert not retention.is_purged(s, svc.get_dossier(s, counter["old"]).id)
    assert store.exists(__import__("hashlib").sha256(SCAN).hexdigest())
    assert indicators(db) == before


def test_purge_removes_personal_data_and_scans_but_keeps_register_and_indicators(db, store, counter):
    import hashlib

    before = indicators(db)
    with db.session() as s:
        old = svc.get_dossier(s, counter["old"])
        kept_fields = (old.code, old.procedure_code, old.received_at, old.due_at, old.returned_at, old.status,
                       old.register_entry, len(old.documents))
    assert search_dossiers_codes(db, "hoa") == [counter["old"]]

    report = retention.run_purge(db, store, DAYS)
    assert report.purged == [counter["old"]] and report.files == 1  # the shared photo stays for Bình

    with db.session() as s:
        old = svc.get_dossier(s, counter["old"])
        assert (old.code, old.procedure_code, old.received_at, old.due_at, old.returned_at, old.status,
                old.register_entry, len(old.documents)) == kept_fields
        assert old.applicant_name == retention.MARKER
        assert (old.applicant_id_number, old.applicant_address, old.applicant_phone) == ("", "", "")
        assert old.applicant_birth_date is None and old.returned_to == retention.MARKER
        assert all("returned_to" not in (e.data or {}) for e in old.events)
        assert old.events[-1].action == retention.PURGED_ACTION
        assert all(a.original_name is None for a in old.attachments) and len(old.attachments) == 2
        assert "hoa" not in old.search_text and "001190000001" not in old.search_text
        # The others are untouched.
        assert svc.get_dossier(s, counter["kept"]).applicant_name == "Trần Văn Bình"
        assert svc.get_dossier(s, counter["unsynced"]).applicant_id_number == "001190000003"
        # Not sent: the province keeps its full record.
        assert s.execute(select(OutboxItem).where(OutboxItem.key == old.id)).first() is None
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == retention.AUDIT_ACTION)).scalar_one()
        assert entry.object_ref == f"dossier:{counter['old']}" and entry.operator == "system"
        assert json.loads(entry.details) == {"retention_days": DAYS, "files": 2}
    assert search_dossiers_codes(db, "hoa") == []
    assert search_dossiers_codes(db, "001190000001") == []
    assert not store.exists(hashlib.sha256(SCAN).hexdigest())
    assert store.read(hashlib.sha256(SHARED).hexdigest()) == SHARED
    assert store.read(hashlib.sha256(PHOTO).hexdigest()) == PHOTO
    assert indicators(db) == before
    assert backup.check_data(db.path) == []  # the deleted scans are not reported as missing

    # A second run finds nothing more; a file left behind by an interrupted run would be finished now.
    again = retention.run_purge(db, store, DAYS)
    assert again.purged == [] and again.files == 0


def test_nothing_is_purged_before_its_time_or_when_retention_is_off(db, store, counter, frozen_now):
    frozen_now.value -= timedelta(hours=2)  # 29 days and 23 hours after the return
    assert retention.run_purge(db, store, DAYS).purged == []
    frozen_now.value += timedelta(days=400)
    assert retention.run_purge(db, store, 0).purged == []


def test_once_everything_is_acknowledged_the_rest_go_too(db, store, counter):
    import hashlib

    acknowledge_everything(db)
    report = retention.run_purge(db, store, DAYS)
    assert sorted(report.purged) == sorted(counter.values())
    assert not store.exists(hashlib.sha256(SHARED).hexdigest())
    assert list(store.all_hashes()) == []


def test_purge_is_due_once_a_day(db, frozen_now):
    with db.session() as s:
        assert retention.purge_due(s)
        retention.mark_purge_run(s)
    with db.session() as s:
        assert not retention.purge_due(s)
    frozen_now.value += timedelta(days=1)
    with db.session() as s:
        assert retention.purge_due(s)


def test_cli_purge_dry_run_then_purge(db, store, counter, capsys, monkeypatch):
    monkeypatch.setattr("app.commands.privacy_cmd.open_cli_storage",
                        lambda: _Storage(db, store), raising=True)
    assert cli.main(["privacy", "purge", "--days", str(DAYS), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert counter["old"] in out and "Nguyễn" not in out
    with db.session() as s:
        assert not retention.is_purged(s, svc.get_dossier(s, counter["old"]).id)
    assert cli.main(["privacy", "purge", "--days", str(DAYS), "--yes"]) == 0
    with db.session() as s:
        assert retention.is_purged(s, svc.get_dossier(s, counter["old"]).id)


class _Storage:
    def __init__(self, db, store) -> None:
        self.db, self.store = db, store

    def close(self) -> None:
        pass


def search_dossiers_codes(db, query: str) -> list[str]:
    with db.session() as s:
        return [d.code for d in search_dossiers(s, query)]
