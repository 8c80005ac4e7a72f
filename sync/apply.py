"""Applying what the province sends to the local database (status changes, catalogue, calendar).

These functions live in ``sync/`` because they only exist for synchronisation; they use ``app.models`` and
the catalogue/calendar services directly and never commit: the caller commits a page together with its
cursor, so a page is applied exactly once or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import outbox
from app.catalogue import FORMAT_VERSION, import_catalogue, parse_catalogue
from app.i18n import tr
from app.models import Dossier, DossierEvent, OutboxItem
from app.security.signing import CATALOGUE, SignatureError, verify_envelope
from app.status import FINISHED_STATUSES, Status
from app.workdays import remove_calendar_day, set_calendar_day
from sync import state

PROVINCE_ACTION = "province_update"
PROVINCE_EVENT_LABEL = "Cập nhật từ hệ thống tỉnh"
# sync_state key prefix (+ dossier id): the newest province change the server let this workstation's later
# status override (a ``status_accepted`` reply); pulling changes up to it must not step the dossier back.
SUPERSEDED_PREFIX = "province_superseded:"
_CLOSED = FINISHED_STATUSES | {Status.NOT_RECEIVED, Status.STOPPED}


@dataclass
class ApplyResult:
    applied: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def _parse_at(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None, microsecond=0)
    except ValueError:
        return None


def _already_applied(session: Session, dossier_id: str, seq: Any) -> bool:
    if seq is None:
        return False
    stmt = select(func.count(DossierEvent.id)).where(
        DossierEvent.dossier_id == dossier_id,
        DossierEvent.action == PROVINCE_ACTION,
        func.json_extract(DossierEvent.data, "$.seq") == seq,
    )
    return bool(session.execute(stmt).scalar())


def _is_seq(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def province_seq(dossier: Dossier) -> int:
    """The highest province change seq applied to this dossier here (0 for none): what a pushed body knew.

    Read from the events :func:`apply_status_change` writes, so it moves in the same transaction as the
    status it describes and needs no column of its own.
    """
    seqs = [(e.data or {}).get("seq") for e in dossier.events if e.action == PROVINCE_ACTION]
    return max((s for s in seqs if _is_seq(s)), default=0)


def record_push_reply(session: Session, dossier_id: str, reply: dict[str, Any]) -> None:
    """Remember how the server settled a status that met a province change this workstation had not pulled.

    ``status_accepted``: the local status is further along than the province's, so pulling that change must
    keep it (the server did). ``status_kept``: the province's status stands, so the pull applies it as usual
    and any earlier "keep" is void. Call in the transaction that acknowledges the revision.
    """
    key = SUPERSEDED_PREFIX + dossier_id
    accepted, kept = reply.get("status_accepted"), reply.get("status_kept")
    if isinstance(accepted, dict) and _is_seq(accepted.get("change_seq")):
        state.put(session, key, str(max(state.get_int(session, key), accepted["change_seq"])))
    elif isinstance(kept, dict):
        state.put(session, key, None)


def apply_status_change(session: Session, change: dict[str, Any], *, now: datetime) -> bool:
    """Apply one change of the feed to the local dossier; ``False`` if unknown here, invalid or already applied.

    The event carries the feed's ``seq`` so that replaying the feed (after a stale cursor, 410) adds nothing.
    The dossier is not queued as a local change, with one exception: when it is *already* queued, its queued
    revision is bumped. That row may have been sent with its reply lost; re-sending it under the same
    idempotency key with this new body would be refused (422), while a new revision is harmless: it carries
    the province's own status back to it and the server keeps the highest revision.

    A change the server already let a later local status override (:func:`record_push_reply`) is recorded
    in the history without touching the status, so both sides end on the status the server holds.
    """
    dossier_id = change.get("dossier_id")
    try:
        status = Status(int(change.get("status")))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if not isinstance(dossier_id, str):
        return False
    dossier = session.execute(select(Dossier).where(Dossier.id == dossier_id)).scalar_one_or_none()
    if dossier is None:
        return False
    seq = change.get("seq")
    if _already_applied(session, dossier_id, seq):
        return False
    at = _parse_at(change.get("at")) or now
    note = str(change.get("note") or "")
    from_status = dossier.status
    data = {"seq": seq, "kind": change.get("kind") or "status", "source": tr(PROVINCE_EVENT_LABEL)}
    superseded_key = SUPERSEDED_PREFIX + dossier.id
    superseded = state.get_int(session, superseded_key)
    if _is_seq(seq) and seq <= superseded:
        data["province_status"] = int(status)
        if seq == superseded:
            state.put(session, superseded_key, None)  # the last change it covered: nothing left to guard
    else:
        dossier.status = int(status)
        dossier.updated_at = now
        if status in _CLOSED and dossier.finished_at is None:
            dossier.finished_at = at
        if status is not Status.SUPPLEMENT_REQUESTED:
            dossier.paused_at = None
    session.add(DossierEvent(
        dossier_id=dossier.id, at=at, actor=str(change.get("actor") or tr(PROVINCE_EVENT_LABEL)),
        action=PROVINCE_ACTION, from_status=from_status, to_status=dossier.status,
        reason=note or tr(PROVINCE_EVENT_LABEL), data=data,
    ))
    queued = session.execute(
        select(OutboxItem).where(OutboxItem.kind == outbox.DOSSIER, OutboxItem.key == dossier.id)
    ).scalar_one_or_none()
    if queued is not None:
        outbox.enqueue(session, outbox.DOSSIER, dossier.id)
    return True


def apply_changes(session: Session, changes: list[Any], *, now: datetime) -> ApplyResult:
    result = ApplyResult()
    for change in changes:
        if isinstance(change, dict) and apply_status_change(session, change, now=now):
            result.applied += 1
        else:
            result.skipped += 1
    session.flush()
    return result


def open_release(page: dict[str, Any], trusted_keys: Sequence[str], *, current_cursor: int | None) -> dict[str, Any] | None:
    """The release a catalogue page brings, once its Ed25519 signature checks out; ``None`` if it brings none.

    Raises :class:`SignatureError` (plain Vietnamese) for an unsigned or forged page, one signed by a key
    not in ``trusted_keys``, or a genuine but older release replayed in place of the current one.
    """
    envelope = page.get("release")
    if envelope is None:
        if page.get("procedures") or page.get("calendar_days"):
            raise SignatureError(tr("Danh mục thủ tục từ hệ thống tỉnh không có chữ ký số."), detail="unsigned page")
        return None
    if not trusted_keys:
        raise SignatureError(tr(
            "Chưa cài đặt khoá công khai của tỉnh để kiểm tra chữ ký số của danh mục thủ tục, nên bản cập nhật "
            "danh mục chưa được áp dụng (vẫn dùng danh mục cũ). Hãy nhờ quản trị viên nhập khoá của tỉnh vào "
            "cài đặt (catalogue_public_keys)."), detail="no catalogue_public_keys")
    raw = verify_envelope(envelope, trusted_keys, CATALOGUE, name=tr("Danh mục thủ tục từ hệ thống tỉnh"))
    try:
        release = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise SignatureError(tr("Danh mục thủ tục từ hệ thống tỉnh không đọc được dù chữ ký hợp lệ."),
                             detail=repr(exc)) from exc
    seq = release.get("seq") if isinstance(release, dict) else None
    if not isinstance(seq, int) or str(seq) != str(page.get("cursor")) or (
            current_cursor is not None and seq <= current_cursor):
        # Signed, but not the release this page stands for: an older one replayed to roll the catalogue back.
        raise SignatureError(tr("Hệ thống tỉnh gửi lại một bản danh mục cũ hơn bản đang dùng; không áp dụng."),
                             detail=f"release seq {seq!r}, page cursor {page.get('cursor')!r}, "
                                    f"current {current_cursor!r}")
    return release


def apply_catalogue(session: Session, release: dict[str, Any]) -> ApplyResult:
    """Import a verified catalogue release (:func:`open_release`) and its calendar exceptions.

    A release lists the complete catalogue, so :func:`app.catalogue.import_catalogue` deactivates (never
    deletes) procedures it no longer lists: queued and past dossiers keep their procedure code and name on
    the dossier row itself, and ``get_procedure`` still finds inactive procedures.
    """
    result = ApplyResult()
    procedures = release.get("procedures") or []
    version = release.get("version")
    if procedures and version:
        catalogue = parse_catalogue({"format": FORMAT_VERSION, "version": version, "procedures": procedures},
                                    source=tr("hệ thống tỉnh"))
        import_catalogue(session, catalogue)
        result.applied += len(catalogue.procedures)
    for raw in release.get("calendar_days") or []:
        if not isinstance(raw, dict):
            result.skipped += 1
            continue
        try:
            day = date.fromisoformat(str(raw.get("day")))
        except ValueError:
            result.skipped += 1
            continue
        kind = raw.get("kind")
        if kind in (None, "", "none", "removed") or raw.get("removed"):
            remove_calendar_day(session, day)
        else:
            set_calendar_day(session, day, str(kind), str(raw.get("note") or ""))
        result.applied += 1
    session.flush()
    return result
