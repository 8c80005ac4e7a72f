"""Append-only, hash-chained audit log.

Each entry stores the hash of the previous one, and its own hash is SHA-256 over the canonical JSON of
``(seq, at, operator, action, object, details, prev_hash)``. Editing, deleting or reordering any entry
breaks the chain, which :func:`verify` reports. Someone holding the database file can still rewrite the
whole chain from the edit onwards (there is no secret in it), which is why the chain head travels with sync:
the province keeps the heads it has seen and a rewritten history no longer contains them. The last head the
province acknowledged is also kept locally as an anchor that :func:`verify` checks.

``details`` must not carry personal data in clear: record dossier codes and ids, never names, ID numbers,
addresses or phone numbers (the log is kept for years and is sent to the province).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app import clock
from app.i18n import tr
from app.models import AuditEntry, SyncState

GENESIS = "0" * 64
SYSTEM = "system"  # actor of entries written while nobody is logged in (CLI maintenance, start-up)
ANCHOR_KEY = "audit.acknowledged_head"

# What is worth recording; the UI and services use these names.
LOGIN = "login"
LOGIN_FAILED = "login_failed"
ACCOUNT_LOCKED = "account_locked"
LOGOUT = "logout"
SWITCH_USER = "switch_user"
IDLE_LOCK = "idle_lock"
UNLOCK = "unlock"
VIEW = "view_personal_data"
PRINT = "print"
EXPORT = "export"
STATUS_CHANGE = "status_change"
SETTINGS_CHANGE = "settings_change"
OPERATOR_ADD = "operator_add"
OPERATOR_DISABLE = "operator_disable"
OPERATOR_ENABLE = "operator_enable"
PASSWORD_CHANGE = "password_change"
PASSWORD_RESET = "password_reset"
ENROLL = "workstation_enroll"
SIGNATURE_REJECTED = "signature_rejected"
CATALOGUE_IMPORT = "catalogue_import"

_ACTION_RE = re.compile(r"^[a-z][a-z0-9_.]{0,47}$")
# Keys that name personal data; a value under one of them would be kept in clear for years.
_PERSONAL_KEYS = frozenset({
    "name", "full_name", "applicant_name", "submitter_name", "returned_to", "address", "applicant_address",
    "submitter_address", "phone", "applicant_phone", "submitter_phone", "email", "applicant_email",
    "birth_date", "applicant_birth_date", "id_number", "applicant_id_number", "submitter_id_number", "cccd",
    "cmnd", "password", "token", "secret",
})
# A bare 9–12 digit number is a CMND/CCCD or a phone number; dossier codes and ids always contain letters
# or separators, so they are not caught.
_PERSONAL_VALUE_RE = re.compile(r"^\+?\d[\d ]{7,13}\d$")
MAX_DETAILS_CHARS = 4000


class _HasUsername(Protocol):
    username: str


@dataclass(frozen=True)
class ChainHead:
    """The last entry's position and hash: what sync sends so the province can notice tampering."""

    seq: int
    hash: str

    def as_wire(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    def __str__(self) -> str:
        return f"{self.seq}:{self.hash}"

    @classmethod
    def parse(cls, value: str) -> ChainHead:
        seq, _, digest = value.partition(":")
        return cls(int(seq), digest)


@dataclass(frozen=True)
class Problem:
    kind: str  # edited | missing | reordered | bad_start | anchor_mismatch | truncated
    seq: int | None
    message: str


@dataclass
class VerifyReport:
    count: int = 0
    head: ChainHead | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def kinds(self) -> set[str]:
        return {p.kind for p in self.problems}


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept (the province recomputes it)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def entry_hash(seq: int, at: str, operator: str, action: str, object_ref: str, details: Any,
               prev_hash: str) -> str:
    payload = canonical_json({
        "seq": seq, "at": at, "operator": operator, "action": action, "object": object_ref,
        "details": details, "prev_hash": prev_hash,
    })
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _check_details(value: Any, path: str = "details") -> None:
    """Refuse personal data in clear: a programming error, caught by the tests of each caller."""
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{path}: keys must be strings")
            if key.casefold() in _PERSONAL_KEYS:
                raise ValueError(f"{path}.{key}: personal data must not be written to the audit log")
            _check_details(item, f"{path}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check_details(item, f"{path}[{index}]")
    elif isinstance(value, str):
        if _PERSONAL_VALUE_RE.match(value.strip()):
            raise ValueError(f"{path}: looks like an ID or phone number; record the dossier code instead")
    elif value is not None and not isinstance(value, bool | int | float):
        raise ValueError(f"{path}: {type(value).__name__} is not JSON")


def _actor(operator: _HasUsername | str | None) -> str:
    if operator is None:
        # Imported here: the workstation session imports the operators module, which records entries.
        from app.security.session import current_operator

        current = current_operator()
        return current.username if current else SYSTEM
    return operator if isinstance(operator, str) else operator.username


def record(session: Session, operator: _HasUsername | str | None, action: str, object_ref: str = "",
           details: dict[str, Any] | None = None) -> AuditEntry:
    """Append one entry in the caller's transaction, so the action and its record commit together.

    ``operator``: an Operator, the current :class:`~app.security.session.OperatorRef`, a login name, or
    ``None`` for whoever is logged in at this workstation (``"system"`` if nobody is).
    ``object_ref``: what was acted on, as ``kind:id`` (``dossier:<code>``, ``operator:<username>``).
    """
    if not _ACTION_RE.match(action):
        raise ValueError(f"invalid audit action {action!r}")
    if len(object_ref) > 128:
        raise ValueError("object_ref longer than 128 characters")
    details = dict(details or {})
    _check_details(details)
    details_text = canonical_json(details)
    if len(details_text) > MAX_DETAILS_CHARS:
        raise ValueError("audit details too long")
    actor = _actor(operator)
    # The ORM select autoflushes, so an entry added earlier in this same transaction is seen as the head.
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at = clock.now().isoformat()
    entry = AuditEntry(
        seq=seq, at=at, operator=actor, action=action, object_ref=object_ref, details=details_text,
        prev_hash=prev_hash, hash=entry_hash(seq, at, actor, action, object_ref, details, prev_hash),
    )
    session.add(entry)
    # Flush now: a second writer that raced us on the same seq fails here, inside its own action.
    session.flush()
    return entry


def chain_head(session: Session) -> ChainHead | None:
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return ChainHead(int(row[0]), str(row[1])) if row else None


def hash_at(session: Session, seq: int) -> str | None:
    """The stored hash of entry ``seq`` (``None`` if there is no such entry)."""
    value = session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == seq))
    return str(value) if value is not None else None


def acknowledged_head(session: Session) -> ChainHead | None:
    row = session.get(SyncState, ANCHOR_KEY)
    try:
        return ChainHead.parse(row.value) if row else None
    except ValueError:
        return ChainHead(-1, "")  # an unreadable anchor is itself a sign of tampering; verify reports it


def acknowledge_head(session: Session, head: ChainHead) -> None:
    """Called by sync once the province has stored ``head``; later checks require it to stay in the chain."""
    session.merge(SyncState(key=ANCHOR_KEY, value=str(head)))


def list_entries(session: Session, *, limit: int = 50, action: str | None = None) -> list[AuditEntry]:
    stmt = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    return list(session.execute(stmt).scalars())


def verify(session: Session, anchor: ChainHead | None = None) -> VerifyReport:
    """Walk the whole chain and report every edit, gap, reordering and a missing anchor.

    Reads the raw column values with plain SQL, so a row an attacker filled with odd types or broken JSON is
    reported rather than crashing the check. ``anchor`` defaults to the head last acknowledged by the
    province.
    """
    report = VerifyReport()
    rows = session.execute(text(
        "SELECT seq, at, operator, action, object_ref, details, prev_hash, hash FROM audit_log ORDER BY seq"
    )).all()
    report.count = len(rows)
    hashes = {row[7]: row[0] for row in rows}
    prev_seq, prev_hash = 0, GENESIS
    for seq, at, operator, action, object_ref, details_text, stored_prev, stored_hash in rows:
        gap = seq != prev_seq + 1
        if gap and seq > prev_seq + 1:
            first, last = prev_seq + 1, seq - 1
            kind = "missing" if prev_seq else "bad_start"
            report.problems.append(Problem(kind, first, tr(
                "Thiếu mục nhật ký số {first}–{last} (đã bị xoá).", first=first, last=last)))
        try:
            details = json.loads(details_text) if isinstance(details_text, str) else object()
            expected = entry_hash(seq, at, operator, action, object_ref, details, stored_prev)
        except (TypeError, ValueError):
            expected = None
        if expected != stored_hash:
            report.problems.append(Problem("edited", seq, tr(
                "Mục nhật ký số {seq} đã bị sửa (mã băm không khớp nội dung).", seq=seq)))
        if stored_prev != prev_hash and not gap:
            if stored_prev in hashes and hashes[stored_prev] != seq - 1:
                report.problems.append(Problem("reordered", seq, tr(
                    "Mục nhật ký số {seq} bị đổi thứ tự (đứng sau mục số {other}).",
                    seq=seq, other=hashes[stored_prev])))
            else:
                report.problems.append(Problem("edited", seq, tr(
                    "Mục nhật ký số {seq} không nối với mục trước (chuỗi băm bị cắt).", seq=seq)))
        prev_seq, prev_hash = seq, stored_hash
    if rows:
        report.head = ChainHead(int(rows[-1][0]), str(rows[-1][7]))
    anchor = anchor if anchor is not None else acknowledged_head(session)
    if anchor is not None:
        if report.head is None or report.head.seq < anchor.seq:
            report.problems.append(Problem("truncated", anchor.seq, tr(
                "Nhật ký ngắn hơn lần đồng bộ trước (mục số {seq} đã được gửi lên tỉnh nhưng không còn).",
                seq=anchor.seq)))
        elif hashes.get(anchor.hash) != anchor.seq:
            report.problems.append(Problem("anchor_mismatch", anchor.seq, tr(
                "Nhật ký từ mục số {seq} trở về trước khác với bản đã gửi lên tỉnh (lịch sử bị viết lại).",
                seq=anchor.seq)))
    return report
