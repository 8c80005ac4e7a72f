from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import select

from app.attachments import AttachmentStore
from app.errors import NotFoundError
from app.models import OutboxItem
from app.services.digitisation import attach_file, attachments_of
from app.services.dossiers import get_dossier
from tests.unit.test_dossiers import receive

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" + b"x" * 2000 + b"\n%%EOF\n"


def test_a_scan_lands_on_its_checklist_item_and_is_queued(db, settings, frozen_now, data_dir):
    dossier = receive(db, settings)
    store = AttachmentStore()
    with db.session() as session:
        attached = attach_file(session, settings, store, dossier.code, PDF, document_position=0, pages=2)
    with db.session() as session:
        rows = attachments_of(session, dossier.id)
        assert [(r.sha256, r.size, r.pages) for r in rows] == [(hashlib.sha256(PDF).hexdigest(), len(PDF), 2)]
        stored = get_dossier(session, dossier.code)
        assert rows[0].document_id == stored.documents[0].id
        assert stored.events[-1].action == "digitised"
        queued = {(i.kind, i.key) for i in session.execute(select(OutboxItem)).scalars()}
        assert ("attachment", attached.attachment.id) in queued and ("dossier", dossier.id) in queued
    assert store.read(rows[0].sha256) == PDF


def test_unknown_checklist_item_stores_nothing_in_the_database(db, settings, frozen_now, data_dir):
    dossier = receive(db, settings)
    with pytest.raises(NotFoundError), db.session() as session:
        attach_file(session, settings, AttachmentStore(), dossier.code, PDF, document_position=7)
    with db.session() as session:
        assert attachments_of(session, dossier.id) == []
