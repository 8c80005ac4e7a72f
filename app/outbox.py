"""The transactional outbox: services record here what the sync engine must send, in their own transaction.

``app/`` only writes and reads rows; sending belongs to ``sync/``. A row is coalesced per thing: a dossier
changed five times while offline is sent once, in its latest state, under the idempotency key
``<kind>:<key>:<revision>``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app import clock
from app.models import OutboxItem, SyncState

DOSSIER = "dossier"
ATTACHMENT = "attachment"
PRIORITY = {DOSSIER: 0, ATTACHMENT: 10}


def _acked_key(kind: str, key: str) -> str:
    return f"acked:{kind}:{key}"


def last_acknowledged(session: Session, kind: str, key: str) -> int:
    row = session.get(SyncState, _acked_key(kind, key))
    return int(row.value) if row else 0


def enqueue(session: Session, kind: str, key: str) -> OutboxItem:
    """Queue ``kind``/``key``; revisions only ever grow, also across acknowledged rows, so a key
    ``kind:key:revision`` never names two different bodies."""
    item = session.execute(
        select(OutboxItem).where(OutboxItem.kind == kind, OutboxItem.key == key)
    ).scalar_one_or_none()
    now = clock.now()
    if item is None:
        item = OutboxItem(kind=kind, key=key, revision=last_acknowledged(session, kind, key) + 1, priority=PRIORITY.get(kind, 5), created_at=now,
                          updated_at=now, attempts=0, last_error="")
        session.add(item)
    else:
        item.revision += 1
        item.updated_at = now
        item.next_attempt_at = None  # a fresh change is worth trying at once
    return item


def idempotency_key(item: OutboxItem) -> str:
    return f"{item.kind}:{item.key}:{item.revision}"


def due_items(session: Session, now: datetime | None = None, limit: int = 50) -> list[OutboxItem]:
    now = now or clock.now()
    stmt = (select(OutboxItem)
            .where((OutboxItem.next_attempt_at.is_(None)) | (OutboxItem.next_attempt_at <= now))
            .order_by(OutboxItem.priority, OutboxItem.created_at, OutboxItem.id)
            .limit(limit))
    return list(session.execute(stmt).scalars())


def acknowledge(session: Session, kind: str, key: str, revision: int) -> bool:
    """Remove the row if the acknowledged revision is still the latest; a newer change stays queued."""
    result = session.execute(
        delete(OutboxItem).where(OutboxItem.kind == kind, OutboxItem.key == key, OutboxItem.revision == revision)
    )
    if result.rowcount != 1:
        return False
    session.merge(SyncState(key=_acked_key(kind, key), value=str(revision)))
    return True


def record_failure(session: Session, item: OutboxItem, error: str, retry_at: datetime | None) -> None:
    item.attempts += 1
    item.last_error = error[:500]
    item.next_attempt_at = retry_at


def pending_count(session: Session, kind: str | None = None) -> int:
    from sqlalchemy import func

    stmt = select(func.count(OutboxItem.id))
    if kind:
        stmt = stmt.where(OutboxItem.kind == kind)
    return int(session.execute(stmt).scalar() or 0)
