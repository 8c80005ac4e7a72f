"""Digitisation of a dossier: scanned or imported files attached to the checklist items and to the result.

The file goes into the attachment store first (durable), then one transaction records the row, an event
in the dossier's history and the upload in the outbox, so a crash never leaves a row without its file.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, outbox
from app.attachments import AttachmentStore
from app.changes import Changes
from app.errors import NotFoundError
from app.i18n import tr
from app.ids import uuid7
from app.models import DossierAttachment, DossierEvent
from app.services.dossiers import actor_name, get_dossier
from app.settings import Settings

SOURCES = ("scan", "file", "result")


@dataclass(frozen=True)
class Attached:
    attachment: DossierAttachment
    changes: Changes


def attach_file(session: Session, settings: Settings, store: AttachmentStore, dossier_key: str,
                data: bytes, *, document_position: int | None, source: str = "scan",
                pages: int | None = None, original_name: str | None = None) -> Attached:
    """Store ``data`` (usually one PDF per document) and attach it to the dossier's item at ``document_position``
    (``None`` for the result document or an unsorted file)."""
    if source not in SOURCES:
        raise ValueError(source)
    dossier = get_dossier(session, dossier_key)
    document = None
    if document_position is not None:
        document = next((d for d in dossier.documents if d.position == document_position), None)
        if document is None:
            raise NotFoundError(tr("Hồ sơ {code} không có thành phần số {n}.", code=dossier.code,
                                   n=document_position + 1))
    stored = store.put_bytes(data, pages=pages)
    now = clock.now()
    attachment = DossierAttachment(
        id=uuid7(), dossier_id=dossier.id, document_id=document.id if document else None,
        position=len(attachments_of(session, dossier.id)), sha256=stored.sha256, size=stored.size,
        pages=stored.pages, kind=str(stored.kind), digitised=True, source=source, cipher=store.cipher.name,
        original_name=original_name, created_at=now,
    )
    session.add(attachment)
    dossier.events.append(DossierEvent(
        at=now, actor=actor_name(settings), action="digitised", from_status=dossier.status,
        to_status=dossier.status, reason=document.name if document else tr("Kết quả giải quyết"),
        data={"attachment_id": attachment.id, "pages": stored.pages, "sha256": stored.sha256},
    ))
    session.flush()
    outbox.enqueue(session, outbox.ATTACHMENT, attachment.id)
    outbox.enqueue(session, outbox.DOSSIER, dossier.id)  # the dossier now declares one more file
    return Attached(attachment, Changes.dossier(dossier.id))


def attachments_of(session: Session, dossier_id: str) -> list[DossierAttachment]:
    stmt = select(DossierAttachment).where(DossierAttachment.dossier_id == dossier_id).order_by(
        DossierAttachment.position)
    return list(session.execute(stmt).scalars())
