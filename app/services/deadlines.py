"""On-time classes of finished dossiers (trước hạn / đúng hạn / quá hạn) against their appointment."""

from __future__ import annotations

from datetime import datetime

from app.i18n import tr

EARLY, ON_TIME, LATE = "early", "on_time", "late"
LABELS = {EARLY: "Trước hạn", ON_TIME: "Đúng hạn", LATE: "Quá hạn"}


def on_time_class(finished_at: datetime, due_at: datetime | None) -> str | None:
    """Early when finished on a day before the appointment day, on time on that day up to the appointed
    time, late after it; ``None`` when there is no appointment (legacy imports)."""
    if due_at is None:
        return None
    if finished_at > due_at:
        return LATE
    return EARLY if finished_at.date() < due_at.date() else ON_TIME


def on_time_label(finished_at: datetime, due_at: datetime | None) -> str:
    cls = on_time_class(finished_at, due_at)
    return tr(LABELS[cls]) if cls else ""
