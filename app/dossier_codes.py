"""Dossier codes (mã hồ sơ) in the official format ``<unit id>-YYMMDD-XXXX``.

Several workstations of one commune issue codes while offline, so they cannot ask each other for the next
number. Each workstation is given a *slot* 0–9 when it is enrolled (a unit never gives one slot to two
workstations), and a slot owns the block ``slot*1000 .. slot*1000+999`` of each day's four-digit sequence:
slot 0 issues 0001–0999, slot 1 issues 1000–1999, and so on. Codes of two workstations can therefore never
collide, with or without a link, and a code printed on a receipt is final: it is never renumbered by sync.
A workstation that exhausts its block (999 dossiers in one day) gets a clear error rather than a code that
could collide. The per-day counter is advanced in the same transaction that inserts the dossier.

A reinstalled workstation (new database, same slot) would restart its counter and print codes the province
already holds, so before issuing codes it learns from the province the highest number each block has used
on recent days, and :func:`raise_counters` moves the local counters past them (never back).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import StateError, ValidationError
from app.i18n import tr
from app.models import CodeCounter

BLOCK = 1000
CODE_RE = re.compile(r"^(?P<unit>[0-9A-Z.]+)-(?P<day>\d{6})-(?P<seq>\d{4})$")


def format_code(unit_id: str, received_at: datetime, sequence: int) -> str:
    return f"{unit_id}-{received_at:%y%m%d}-{sequence:04d}"


def _block_start(slot: int) -> int:
    """The first number of a slot's block (slot 0 starts at 0001: 0000 is never issued)."""
    return slot * BLOCK if slot else 1


def next_code(session: Session, unit_id: str, slot: int, received_at: datetime) -> str:
    if not 0 <= slot <= 9:
        raise ValidationError(tr("Số hiệu máy trạm phải từ 0 đến 9."))
    day = f"{received_at:%y%m%d}"
    counter = session.execute(
        select(CodeCounter).where(
            CodeCounter.unit_id == unit_id, CodeCounter.day == day, CodeCounter.slot == slot
        )
    ).scalar_one_or_none()
    first = _block_start(slot)
    if counter is None:
        counter = CodeCounter(unit_id=unit_id, day=day, slot=slot, last=first - 1)
        session.add(counter)
    sequence = counter.last + 1
    if sequence > slot * BLOCK + BLOCK - 1:
        raise StateError(
            tr("Máy trạm đã dùng hết dãy số hồ sơ của ngày {day} (999 hồ sơ). Hãy tiếp nhận ở máy trạm khác.", day=day)
        )
    counter.last = sequence
    return format_code(unit_id, received_at, sequence)


def raise_counters(session: Session, unit_id: str, used: Iterable[tuple[str, int, int]]) -> int:
    """Make the counters of ``unit_id`` continue after numbers already used elsewhere; returns how many moved.

    ``used``: (day ``YYMMDD``, slot, highest number used in that slot's block). A counter is only ever raised,
    so a stale or partial answer can never make a code issued here be issued again. Entries that do not fit
    (a malformed day, a number outside its slot's block) are skipped rather than trusted. Runs in the caller's
    transaction; nothing is audited because no dossier or code changes, only the next number to issue.
    """
    wanted: dict[tuple[str, int], int] = {}
    for day, slot, last in used:
        if not (isinstance(day, str) and len(day) == 6 and day.isdigit()):
            continue
        if not (isinstance(slot, int) and isinstance(last, int) and 0 <= slot <= 9):
            continue
        if not _block_start(slot) <= last <= slot * BLOCK + BLOCK - 1:
            continue
        wanted[(day, slot)] = max(last, wanted.get((day, slot), last))
    raised = 0
    for (day, slot), last in sorted(wanted.items()):
        counter = session.get(CodeCounter, (unit_id, day, slot))
        if counter is None:
            session.add(CodeCounter(unit_id=unit_id, day=day, slot=slot, last=last))
        elif counter.last < last:
            counter.last = last
        else:
            continue
        raised += 1
    return raised


def parse_code(code: str) -> dict[str, str]:
    match = CODE_RE.match(code.strip())
    if not match:
        raise ValidationError(tr("Mã hồ sơ “{code}” không đúng dạng <mã đơn vị>-YYMMDD-XXXX.", code=code))
    return match.groupdict()
