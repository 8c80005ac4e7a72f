"""Dossier codes (mã hồ sơ) in the official format ``<unit id>-YYMMDD-XXXX``.

Several workstations of one commune issue codes while offline, so they cannot ask each other for the next
number. Each workstation is given a *slot* 0–9 when it is enrolled (a unit never gives one slot to two
workstations), and a slot owns the block ``slot*1000 .. slot*1000+999`` of each day's four-digit sequence:
slot 0 issues 0001–0999, slot 1 issues 1000–1999, and so on. Codes of two workstations can therefore never
collide, with or without a link, and a code printed on a receipt is final: it is never renumbered by sync.
A workstation that exhausts its block (999 dossiers in one day) gets a clear error rather than a code that
could collide. The per-day counter is advanced in the same transaction that inserts the dossier.
"""

from __future__ import annotations

import re
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


def next_code(session: Session, unit_id: str, slot: int, received_at: datetime) -> str:
    if not 0 <= slot <= 9:
        raise ValidationError(tr("Số hiệu máy trạm phải từ 0 đến 9."))
    day = f"{received_at:%y%m%d}"
    counter = session.execute(
        select(CodeCounter).where(
            CodeCounter.unit_id == unit_id, CodeCounter.day == day, CodeCounter.slot == slot
        )
    ).scalar_one_or_none()
    first = slot * BLOCK if slot else 1
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


def parse_code(code: str) -> dict[str, str]:
    match = CODE_RE.match(code.strip())
    if not match:
        raise ValidationError(tr("Mã hồ sơ “{code}” không đúng dạng <mã đơn vị>-YYMMDD-XXXX.", code=code))
    return match.groupdict()
