"""Retention of personal data: the local copy of a finished dossier is emptied once it is no longer needed.

A dossier qualifies when its result was returned at least ``retention_days`` ago AND the province holds
everything about it: the dossier itself was acknowledged by the server and nothing of it waits in the
outbox, and every attachment was uploaded and acknowledged. Anything not yet confirmed is kept, however
old: the counter's copy is then the only one.

Purging keeps what the register and the indicators need (code, procedure, dates, status, channel, fees, the
attachment rows with their kind and source, ratings' levels) and removes what identifies the person: the
applicant's and submitter's fields become a marker or empty, the free texts that may name someone are
cleared, and the scans are deleted from the store. The scans are encrypted with a key derived per file from
a salt kept in the file's own header, so deleting the file removes the only way to decrypt any copy of it
left on the disk; the file is still overwritten first (:func:`app.db.wipe_file`).

A purge is local only and is deliberately not queued in the outbox: sending the emptied dossier would
overwrite the province's full record with the marker. The ``purged`` event in the dossier's history is what
marks it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from app import clock, outbox
from app.attachments import AttachmentStore
from app.db import Database, wipe_file
from app.i18n import tr
from app.models import Dossier, DossierAttachment, DossierEvent, Meta, OutboxItem, SatisfactionRating
from app.security import audit
from app.services.dossiers import search_text_for

PURGED_ACTION = "purged"
AUDIT_ACTION = "privacy_purge"
PURGE_LAST_RUN_KEY = "privacy.last_purge"
# What a purged dossier shows in place of the applicant's name (the register still has a line per dossier).
MARKER = "[đã xoá dữ liệu cá nhân]"
# Keys of event data that hold a person's name.
_PERSONAL_EVENT_KEYS = ("returned_to",)


@dataclass
class PurgeReport:
    retention_days: int
    dry_run: bool
    purged: list[str] = field(default_factory=list)  # dossier codes
    purged_ids: list[str] = field(default_factory=list)
    kept_unconfirmed: list[str] = field(default_factory=list)  # old enough, but the province lacks something
    files: int = 0  # scans deleted (or, in a dry run, that would be)

    @property
    def changed(self) -> bool:
        return bool(self.purged) and not self.dry_run


def is_purged(session: Session, dossier_id: str) -> bool:
    return session.execute(select(DossierEvent.id).where(
        DossierEvent.dossier_id == dossier_id, DossierEvent.action == PURGED_ACTION).limit(1)).first() is not None


def _purged_clause():  # noqa: ANN202 - an SQL expression
    return exists().where(DossierEvent.dossier_id == Dossier.id, DossierEvent.action == PURGED_ACTION)


def confirmed_by_province(session: Session, dossier: Dossier) -> bool:
    """The server acknowledged the dossier's latest state and every one of its files; nothing is queued."""
    if outbox.last_acknowledged(session, outbox.DOSSIER, dossier.id) < 1:
        return False
    keys = [dossier.id, *(a.id for a in dossier.attachments)]
    queued = session.execute(select(OutboxItem.id).where(OutboxItem.key.in_(keys)).limit(1)).first()
    if queued is not None:
        return False
    return all(a.uploaded_at is not None for a in dossier.attachments)


def expired_dossiers(session: Session, retention_days: int, now: datetime | None = None) -> list[Dossier]:
    """Dossiers returned more than ``retention_days`` ago and not purged yet, oldest first."""
    now = now or clock.now()
    cutoff = now - timedelta(days=retention_days)
    stmt = (select(Dossier).where(Dossier.returned_at.is_not(None), Dossier.returned_at <= cutoff, ~_purged_clause())
            .options(selectinload(Dossier.attachments)).order_by(Dossier.returned_at, Dossier.seq))
    return list(session.execute(stmt).scalars())


def _blank(session: Session, dossier: Dossier, retention_days: int, now: datetime) -> None:
    dossier.applicant_name = MARKER
    dossier.applicant_id_number = ""
    dossier.applicant_birth_date = None
    dossier.applicant_address = ""
    dossier.applicant_phone = ""
    dossier.applicant_email = ""
    if dossier.submitter_role is not None:
        dossier.submitter_name = MARKER
    else:
        dossier.submitter_name = None
    dossier.submitter_id_number = None
    dossier.submitter_phone = None
    dossier.submitter_address = None
    dossier.returned_to = MARKER if dossier.returned_to else None
    dossier.request_summary = ""
    dossier.notes = ""
    dossier.search_text = search_text_for(dossier)
    dossier.updated_at = now
    for event in dossier.events:
        if any(key in (event.data or {}) for key in _PERSONAL_EVENT_KEYS):
            event.data = {k: v for k, v in event.data.items() if k not in _PERSONAL_EVENT_KEYS}
    for attachment in dossier.attachments:
        attachment.original_name = None
    for rating in session.execute(select(SatisfactionRating).where(
            SatisfactionRating.dossier_id == dossier.id)).scalars():
        rating.note = ""  # the citizen's own words; the level and flags stay for the indicators
    dossier.events.append(DossierEvent(
        at=now, actor=tr("Hệ thống (tự động)"), action=PURGED_ACTION, from_status=dossier.status, to_status=dossier.status,
        reason=tr("Đã xoá dữ liệu cá nhân trên máy sau {n} ngày kể từ khi trả kết quả (tỉnh đã nhận đủ hồ sơ).",
                  n=retention_days),
        data={"retention_days": retention_days}))


def purge_expired(session: Session, retention_days: int, *, now: datetime | None = None,
                  dry_run: bool = False, actor: str = audit.SYSTEM) -> PurgeReport:
    """Empty the personal data of every qualifying dossier in the caller's transaction; audited per dossier.

    Files are not touched here (the transaction might still roll back): call :func:`delete_purged_files`
    after the commit, or use :func:`run_purge`, which does both. The rule acts, not the person logged in:
    ``actor`` defaults to the system.
    """
    report = PurgeReport(retention_days=retention_days, dry_run=dry_run)
    if retention_days <= 0:
        return report
    now = now or clock.now()
    for dossier in expired_dossiers(session, retention_days, now):
        if not confirmed_by_province(session, dossier):
            report.kept_unconfirmed.append(dossier.code)
            continue
        report.purged.append(dossier.code)
        report.purged_ids.append(dossier.id)
        report.files += len({a.sha256 for a in dossier.attachments})
        if dry_run:
            continue
        _blank(session, dossier, retention_days, now)
        audit.record(session, actor, AUDIT_ACTION, f"dossier:{dossier.code}",
                     {"retention_days": retention_days, "files": len(dossier.attachments)})
    session.flush()
    return report


def files_to_delete(session: Session, store: AttachmentStore) -> list[str]:
    """Stored scans referenced only by purged dossiers (a file shared with a kept dossier stays)."""
    purged = exists().where(DossierEvent.dossier_id == DossierAttachment.dossier_id,
                            DossierEvent.action == PURGED_ACTION)
    purged_hashes = set(session.execute(select(DossierAttachment.sha256).where(purged)).scalars())
    kept_hashes = set(session.execute(select(DossierAttachment.sha256).where(~purged)).scalars())
    return sorted(h for h in purged_hashes - kept_hashes if store.exists(h))


def delete_purged_files(db: Database, store: AttachmentStore) -> int:
    """Delete the files of purged dossiers; also finishes the work of a run interrupted after its commit."""
    with db.session() as session:
        hashes = files_to_delete(session, store)
    for digest in hashes:
        wipe_file(store.path_for(digest))
    return len(hashes)


def run_purge(db: Database, store: AttachmentStore, retention_days: int, *, now: datetime | None = None,
              dry_run: bool = False) -> PurgeReport:
    """One complete run: the database changes commit first, then the files go."""
    with db.session() as session:
        report = purge_expired(session, retention_days, now=now, dry_run=dry_run)
    if not dry_run and retention_days > 0:
        report.files = delete_purged_files(db, store)
    return report


def purge_due(session: Session, now: datetime | None = None) -> bool:
    """Once a day is enough: whether the last automatic run was on an earlier day (or never)."""
    now = now or clock.now()
    row = session.get(Meta, PURGE_LAST_RUN_KEY)
    return row is None or row.value[:10] != now.date().isoformat()


def mark_purge_run(session: Session, now: datetime | None = None) -> None:
    session.merge(Meta(key=PURGE_LAST_RUN_KEY, value=(now or clock.now()).isoformat()))
