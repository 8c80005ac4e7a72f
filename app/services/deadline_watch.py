"""Which open dossiers need attention now: due today, due soon, overdue, and apologies (form 04) to issue.

A dossier waiting for a supplement (status 5 with ``paused_at`` set) has its clock stopped: its appointment
moves by the pause when the citizen comes back, so it is neither due nor late while it waits. The one
exception is a dossier whose deadline had already passed when the pause began: the pause cannot undo that.

All lists are ordered by due time and read only the few columns they show, through the ``due_at`` index.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.models import Apology, Dossier
from app.services.deadlines import WorkingClock
from app.status import OPEN_STATUSES, Status
from app.workdays import WorkCalendar

_OPEN = sorted(int(s) for s in OPEN_STATUSES)


@dataclass(frozen=True)
class WatchItem:
    """One open dossier of a watch list."""

    code: str
    applicant: str
    procedure: str
    due_at: datetime
    official: str  # who received it (received_by): the official answerable for the appointment
    status: int
    remaining_hours: float  # working hours left until due_at; negative when overdue
    paused: bool = False


def _select():  # noqa: ANN202 - a SQLAlchemy Select
    return select(
        Dossier.code, Dossier.applicant_name, Dossier.procedure_name, Dossier.due_at, Dossier.received_by,
        Dossier.status, Dossier.paused_at,
    ).where(Dossier.status.in_(_OPEN), Dossier.due_at.is_not(None))


def _is_paused(status: int, paused_at: datetime | None) -> bool:
    return status == Status.SUPPLEMENT_REQUESTED and paused_at is not None


def _item(row, now: datetime, clock: WorkingClock) -> WatchItem:  # noqa: ANN001 - a SQLAlchemy Row
    code, applicant, procedure, due_at, official, status, paused_at = row
    paused = _is_paused(status, paused_at)
    # While paused the remaining time is frozen at the moment the pause began.
    reference = paused_at if paused else now
    remaining = clock.working_seconds_between(reference, due_at) / 3600
    return WatchItem(code=code, applicant=applicant, procedure=procedure, due_at=due_at, official=official,
                     status=status, remaining_hours=round(remaining, 2), paused=paused)


def _running(session: Session, stmt, now: datetime, calendar: WorkCalendar) -> list[WatchItem]:  # noqa: ANN001
    """Rows of ``stmt`` whose clock is running (paused dossiers left out), as watch items."""
    rows = session.execute(stmt.order_by(Dossier.due_at, Dossier.code)).all()
    clock = WorkingClock(calendar)
    return [_item(r, now, clock) for r in rows if not _is_paused(r.status, r.paused_at)]


def due_today(session: Session, now: datetime, calendar: WorkCalendar | None = None) -> list[WatchItem]:
    """Open dossiers due later today (from ``now`` to midnight); those already past are in :func:`overdue`."""
    calendar = calendar or WorkCalendar()
    midnight = datetime.combine(now.date() + timedelta(days=1), time())
    stmt = _select().where(Dossier.due_at >= now, Dossier.due_at < midnight)
    return _running(session, stmt, now, calendar)


def due_within(session: Session, now: datetime, working_days: float,
               calendar: WorkCalendar | None = None) -> list[WatchItem]:
    """Open dossiers due from ``now`` until ``working_days`` of working time have elapsed."""
    calendar = calendar or WorkCalendar()
    horizon = calendar.add_working_time(now, working_days * calendar.rules.day_hours * 3600)
    stmt = _select().where(Dossier.due_at >= now, Dossier.due_at <= horizon)
    return _running(session, stmt, now, calendar)


def overdue(session: Session, now: datetime, calendar: WorkCalendar | None = None) -> list[WatchItem]:
    """Open dossiers past their appointment, most overdue first.

    A paused dossier is listed only when its deadline had passed before the pause began.
    """
    calendar = calendar or WorkCalendar()
    rows = session.execute(_select().where(Dossier.due_at < now).order_by(Dossier.due_at, Dossier.code)).all()
    # Long-overdue dossiers span months: the per-day clock measures each in two look-ups.
    clock, items = WorkingClock(calendar), []
    for row in rows:
        if _is_paused(row.status, row.paused_at) and row.paused_at <= row.due_at:
            continue
        items.append(_item(row, now, clock))
    return items


def apology_reminders(session: Session, now: datetime, calendar: WorkCalendar | None = None,
                      lead_hours: float = 8) -> list[WatchItem]:
    """Running dossiers due within the next ``lead_hours`` of working time that have no apology yet.

    Form 04 must reach the citizen before the appointment is missed, so the list looks ahead in working
    hours: eight hours on a Friday afternoon reach into Monday.
    """
    calendar = calendar or WorkCalendar()
    horizon = calendar.add_working_time(now, lead_hours * 3600)
    has_apology = exists().where(Apology.dossier_id == Dossier.id)
    stmt = _select().where(Dossier.due_at >= now, Dossier.due_at <= horizon, ~has_apology)
    return _running(session, stmt, now, calendar)
