"""The highest dossier code number each workstation block of a unit has used on recent days.

A workstation reinstalled with an empty database keeps its slot but has lost its daily counter; it asks for
these numbers before issuing codes, so its next code continues after the ones the province already holds
instead of colliding with them (``sync.protocol``: ``GET /v1/workstations/me/code-counters``).

Codes are unique on the server and every code of one (unit, day, slot) lies in one contiguous range of the
``code`` index, ``<unit>-YYMMDD-s000`` .. ``<unit>-YYMMDD-s999``, so each block costs one index probe from
the top of its range, whatever the number of dossiers stored.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.i18n import tr
from sync.protocol import CODE_COUNTER_MAX_DAYS
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError
from sync.server.models import ServerDossier
from sync.server.store import Principal

SLOTS = range(10)
BLOCK = 1000


def parse_days(raw: str | None) -> list[str]:
    """The ``days`` query parameter (comma-separated ``YYMMDD``); absent means today and yesterday here."""
    if raw is None or not raw.strip():
        today = local_now().date()
        return [f"{today:%y%m%d}", f"{today - timedelta(days=1):%y%m%d}"]
    days = list(dict.fromkeys(part.strip() for part in raw.split(",")))
    if len(days) > CODE_COUNTER_MAX_DAYS:
        raise ApiError(400, "too_many_days", tr("Chỉ hỏi được tối đa {n} ngày mỗi lần.", n=CODE_COUNTER_MAX_DAYS))
    for day in days:
        if not _valid_day(day):
            raise ApiError(400, "invalid_day", tr("Ngày “{day}” không đúng dạng YYMMDD.", day=day[:16]))
    return days


def _valid_day(day: str) -> bool:
    if len(day) != 6 or not day.isdigit():
        return False
    try:
        date(2000 + int(day[:2]), int(day[2:4]), int(day[4:]))
    except ValueError:
        return False
    return True


def _highest_in_block(session: Any, prefix: str, slot: int) -> int | None:
    low, high = f"{prefix}{slot}000", f"{prefix}{slot}999"
    # Descending from the top of the range; the first well-formed code is the answer. The check guards
    # against codes some other client wrote with extra characters, and against collations that order
    # punctuation differently from byte order (the range may then hold codes of another prefix).
    codes = session.scalars(select(ServerDossier.code).where(ServerDossier.code >= low, ServerDossier.code <= high)
                            .order_by(ServerDossier.code.desc()))
    for code in codes:
        number = code[len(prefix):]
        if code.startswith(prefix) and len(number) == 4 and number.isdigit() and int(number) // BLOCK == slot:
            return int(number)
    return None


def code_counters(db: ServerDatabase, principal: Principal, days: list[str]) -> dict[str, Any]:
    """``{"unit_id", "counters": [{"day", "slot", "last"}...]}`` for the workstation's unit; a block with no
    code on a day is left out."""
    counters = []
    with db.session() as session:
        for day in days:
            prefix = f"{principal.unit_id}-{day}-"
            for slot in SLOTS:
                last = _highest_in_block(session, prefix, slot)
                if last is not None:
                    counters.append({"day": day, "slot": slot, "last": last})
    return {"unit_id": principal.unit_id, "counters": counters}
