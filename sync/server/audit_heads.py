"""Audit chain heads reported by workstations, and the tamper alerts raised when one does not fit.

Each workstation keeps a hash-chained audit log (``app.security.audit``). Anyone holding its database file
can edit rows, or even recompute every hash from an edit onwards, but cannot change what the province has
already seen. So on every sync run the workstation sends its chain head (seq and hash, no content), the hash
its chain now holds at the seq the province accepted last (the "anchor"), and whether its own walk of the
chain found it intact. The server refuses, and records an alert for the operator, when:

- the seq went backwards (rows deleted from the end, or an older copy of the database restored);
- the hash at an accepted seq changed (history rewritten, hashes recomputed);
- the workstation's own check found the chain broken (a row edited or deleted without fixing the hashes).

Only positions and hashes are stored, never log content. An operator who has investigated accepts the
workstation's current chain as the new baseline with ``python -m sync.server audit-accept NAME``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.i18n import tr
from sync.protocol import AUDIT_ANCHOR_REQUIRED, AUDIT_TAMPER_CODES
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError
from sync.server.models import AuditAlert, AuditHead, Workstation
from sync.server.store import Principal

HASH_HEX = re.compile(r"^[0-9a-f]{64}$")
REGRESSED, REWRITTEN, BROKEN = AUDIT_TAMPER_CODES
ANCHOR_REQUIRED = AUDIT_ANCHOR_REQUIRED


@dataclass(frozen=True)
class HeadReport:
    seq: int
    hash: str
    intact: bool
    problems: tuple[str, ...]
    anchor: tuple[int, str] | None  # (seq, hash the chain holds there now; "" if the row is gone)


def _bad(message: str) -> ApiError:
    return ApiError(400, "invalid_audit_head", message)


def _seq(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(tr("“seq” phải là số nguyên không âm."))
    return value


def parse_head(body: Any) -> HeadReport:
    if not isinstance(body, dict):
        raise _bad(tr("Nội dung gửi lên phải là một đối tượng JSON."))
    seq, digest = _seq(body.get("seq")), body.get("hash")
    if not isinstance(digest, str) or not HASH_HEX.match(digest):
        raise _bad(tr("“hash” phải là mã băm SHA-256 dạng hex."))
    intact = body.get("intact", True)
    if not isinstance(intact, bool):
        raise _bad(tr("“intact” phải là true hoặc false."))
    problems = body.get("problems") or []
    if not isinstance(problems, list) or not all(isinstance(p, str) and len(p) <= 32 for p in problems):
        raise _bad(tr("“problems” phải là danh sách mã lỗi ngắn."))
    anchor = body.get("anchor")
    parsed_anchor = None
    if anchor is not None:
        if not isinstance(anchor, dict):
            raise _bad(tr("“anchor” phải là một đối tượng JSON."))
        anchor_hash = anchor.get("hash")
        if not isinstance(anchor_hash, str) or (anchor_hash and not HASH_HEX.match(anchor_hash)):
            raise _bad(tr("“anchor.hash” phải là mã băm SHA-256 dạng hex."))
        parsed_anchor = (_seq(anchor.get("seq")), anchor_hash)
    return HeadReport(seq, digest, intact, tuple(problems[:10]), parsed_anchor)


def _verdict(known: AuditHead | None, head: HeadReport) -> tuple[str, str] | None:
    """(code, operator-facing detail) when the head must be refused, else ``None``."""
    if not head.intact:
        kinds = ", ".join(head.problems) or "?"
        return BROKEN, f"workstation reports a broken chain ({kinds}) at head {head.seq}"
    if known is None:
        return None
    if head.seq < known.seq:
        return REGRESSED, f"head seq {head.seq} is below the accepted seq {known.seq}"
    if head.seq == known.seq:
        if head.hash != known.hash:
            return REWRITTEN, f"hash at accepted seq {known.seq} changed"
        return None
    if head.anchor is None or head.anchor[0] != known.seq:
        return ANCHOR_REQUIRED, ""
    if head.anchor[1] != known.hash:
        return REWRITTEN, f"hash at accepted seq {known.seq} changed (history rewritten)"
    return None


def _record_alert(session: Any, who: Principal, known: AuditHead | None, head: HeadReport, code: str,
                  detail: str) -> AuditAlert:
    now = local_now()
    same = session.scalar(select(AuditAlert).where(
        AuditAlert.workstation_id == who.id, AuditAlert.resolved_at.is_(None), AuditAlert.code == code,
        AuditAlert.claimed_seq == head.seq, AuditAlert.claimed_hash == head.hash))
    if same is not None:
        same.repeats += 1
        same.last_at = now
        return same
    alert = AuditAlert(workstation_id=who.id, workstation_name=who.name, unit_id=who.unit_id, code=code,
                       known_seq=known.seq if known else None, known_hash=known.hash if known else "",
                       claimed_seq=head.seq, claimed_hash=head.hash, detail=detail, first_at=now, last_at=now,
                       repeats=1)
    session.add(alert)
    return alert


def put_head(db: ServerDatabase, who: Principal, head: HeadReport) -> dict[str, Any]:
    """Store the head, or refuse it with 409 (recording a tamper alert, committed before the refusal)."""
    refusal: ApiError | None = None
    with db.session() as session:
        known = session.get(AuditHead, who.id)
        verdict = _verdict(known, head)
        if verdict is None:
            if head.seq > 0 and (known is None or head.seq > known.seq):
                if known is None:
                    session.add(AuditHead(workstation_id=who.id, seq=head.seq, hash=head.hash,
                                          updated_at=local_now()))
                else:
                    known.seq, known.hash, known.updated_at = head.seq, head.hash, local_now()
            return {"seq": head.seq, "hash": head.hash, "accepted": True}
        code, detail = verdict
        assert known is not None or code == BROKEN
        if code == ANCHOR_REQUIRED:
            assert known is not None
            refusal = ApiError(409, ANCHOR_REQUIRED, tr(
                "Cần gửi kèm mã băm của mục nhật ký số {seq} để đối chiếu.", seq=known.seq),
                extra={"acknowledged_seq": known.seq})
        else:
            alert = _record_alert(session, who, known, head, code, detail)
            session.flush()
            refusal = ApiError(409, code, tr(
                "Nhật ký kiểm tra của máy trạm không khớp với bản đã ghi nhận trên hệ thống của tỉnh (có thể đã "
                "bị sửa hoặc xoá). Đã ghi cảnh báo số {id} cho quản trị viên.", id=alert.id),
                extra={"alert_id": alert.id, "acknowledged_seq": known.seq if known else None})
    raise refusal


def list_alerts(db: ServerDatabase, *, include_resolved: bool = False) -> list[AuditAlert]:
    with db.session() as session:
        stmt = select(AuditAlert).order_by(AuditAlert.id)
        if not include_resolved:
            stmt = stmt.where(AuditAlert.resolved_at.is_(None))
        return list(session.scalars(stmt))


def accept_current(db: ServerDatabase, name: str) -> int | None:
    """After an investigation: close the workstation's alerts and forget its head, so the next head it sends
    becomes the new baseline. Returns the number of alerts closed, ``None`` for an unknown workstation."""
    with db.session() as session:
        workstation = session.scalar(select(Workstation).where(Workstation.name == name))
        if workstation is None:
            return None
        alerts = list(session.scalars(select(AuditAlert).where(AuditAlert.workstation_id == workstation.id,
                                                               AuditAlert.resolved_at.is_(None))))
        now = local_now()
        for alert in alerts:
            alert.resolved_at = now
        known = session.get(AuditHead, workstation.id)
        if known is not None:
            session.delete(known)
        return len(alerts)


def alert_to_json(alert: AuditAlert) -> dict[str, Any]:
    return {"id": alert.id, "workstation": alert.workstation_name, "unit_id": alert.unit_id, "code": alert.code,
            "known_seq": alert.known_seq, "claimed_seq": alert.claimed_seq, "detail": alert.detail,
            "first_at": alert.first_at.isoformat(), "last_at": alert.last_at.isoformat(), "repeats": alert.repeats,
            "resolved_at": alert.resolved_at.isoformat() if alert.resolved_at else None}
