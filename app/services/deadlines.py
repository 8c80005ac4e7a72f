"""On-time classes of finished dossiers (trước hạn / đúng hạn / quá hạn) against their appointment.

:func:`finish_outcome` is the one place that decides how a finished dossier is judged: the service stores its
answer on the dossier when it finishes (``outcome``, ``outcome_at``, ``working_seconds``), the migration
backfills older rows with it, and the indicators fall back to it for rows whose stored outcome is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from app.i18n import tr

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from app.models import Dossier
    from app.workdays import WorkCalendar

EARLY, ON_TIME, LATE = "early", "on_time", "late"
LABELS = {EARLY: "Trước hạn", ON_TIME: "Đúng hạn", LATE: "Quá hạn"}
# Stored outcomes that are not an on-time class: a legacy import without an appointment, and a finish time
# before the receipt (a workstation clock set wrong).
NO_APPOINTMENT, CLOCK_ERROR = "no_appointment", "clock_error"
OUTCOMES = (EARLY, ON_TIME, LATE, NO_APPOINTMENT, CLOCK_ERROR)
# Withdrawn (7), resolved (9) and returned (10): the statuses whose finish is judged against the appointment.
RESOLVED_STATUSES = (7, 9, 10)
WITHDRAWN = 7


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


@dataclass(frozen=True)
class FinishOutcome:
    """How a dossier finished. All ``None`` while it is not finished (or not in a judged status).

    ``at`` is the finish moment the indicators put in a period (the resolution, else the return);
    ``working_seconds`` the working time from the receipt to that moment, ``None`` for a clock error or when
    no calendar was given.
    """

    outcome: str | None = None
    at: datetime | None = None
    working_seconds: int | None = None


def _second(moment: datetime | None) -> datetime | None:
    # Rows written with and without microseconds must be judged alike at the same second.
    return moment.replace(microsecond=0) if moment is not None else None


def finish_outcome(status: int, received_at: datetime, due_at: datetime | None, finished_at: datetime | None,
                   returned_at: datetime | None, paused_from: datetime | None = None,
                   calendar: WorkCalendar | None = None) -> FinishOutcome:
    """Judge a finished dossier.

    ``paused_from`` is the start of a supplement pause that never resumed: a dossier withdrawn while paused
    stopped its clock there, so it is judged at that moment. The on-time class needs no calendar; the
    working time does.
    """
    at = _second(finished_at or returned_at)
    if status not in RESOLVED_STATUSES or at is None:
        return FinishOutcome()
    received = _second(received_at)
    if at < received:
        return FinishOutcome(CLOCK_ERROR, at, None)
    seconds = int(round(calendar.working_seconds_between(received, at))) if calendar is not None else None
    if due_at is None:
        return FinishOutcome(NO_APPOINTMENT, at, seconds)
    stop = _second(paused_from) if status == WITHDRAWN and paused_from is not None else at
    return FinishOutcome(on_time_class(stop, _second(due_at)), at, seconds)


def pending_pause(dossier: Dossier) -> datetime | None:
    """Start of the dossier's supplement pause if it never resumed."""
    supplement = dossier.supplement
    return supplement.requested_at if supplement is not None and supplement.resumed_at is None else None


def dossier_outcome(dossier: Dossier, calendar: WorkCalendar) -> FinishOutcome:
    return finish_outcome(dossier.status, dossier.received_at, dossier.due_at, dossier.finished_at,
                          dossier.returned_at, pending_pause(dossier), calendar)


class WorkingClock:
    """Working time between two moments, like :meth:`WorkCalendar.working_seconds_between`, for many dossiers.

    Per day it keeps the working seconds elapsed since a reference day, so a dossier open for weeks costs two
    look-ups instead of a walk over its days. Moments are taken to the second, like the stored outcomes.
    """

    def __init__(self, calendar: WorkCalendar) -> None:
        self.calendar = calendar
        self._origin: date | None = None
        self._days: dict[date, tuple[float, list[tuple[float, float]]]] = {}

    def _day(self, day: date) -> tuple[float, list[tuple[float, float]]]:
        entry = self._days.get(day)
        if entry is not None:
            return entry
        if self._origin is None:
            self._origin = day
            self._days[day] = entry = (0.0, self._spans(day))
            return entry
        # Extend the table one day at a time from the nearest known day towards ``day``.
        if day > self._origin:
            step, cursor = timedelta(days=1), max(d for d in self._days if d < day)
        else:
            step, cursor = timedelta(days=-1), min(d for d in self._days if d > day)
        while cursor != day:
            cum, spans = self._days[cursor]
            nxt = cursor + step
            nxt_spans = self._spans(nxt)
            if step.days > 0:
                self._days[nxt] = (cum + sum(e - s for s, e in spans), nxt_spans)
            else:
                self._days[nxt] = (cum - sum(e - s for s, e in nxt_spans), nxt_spans)
            cursor = nxt
        return self._days[day]

    def _spans(self, day: date) -> list[tuple[float, float]]:
        midnight = datetime.combine(day, time())
        return [((s - midnight).total_seconds(), (e - midnight).total_seconds())
                for s, e in self.calendar.periods_on(day)]

    def elapsed(self, moment: datetime) -> float:
        """Working seconds from the reference day's midnight to ``moment``."""
        cum, spans = self._day(moment.date())
        second = moment.hour * 3600 + moment.minute * 60 + moment.second
        return cum + sum(min(max(second - s, 0.0), e - s) for s, e in spans)

    def working_seconds_between(self, a: datetime, b: datetime) -> float:
        return self.elapsed(b) - self.elapsed(a)


# Inputs of the outcome of every finished dossier, with the start of a pause that never resumed.
_OUTCOME_INPUTS = """
SELECT d.id, d.status, d.received_at, d.due_at, d.finished_at, d.returned_at,
  (SELECT sr.requested_at FROM supplement_requests sr WHERE sr.dossier_id = d.id AND sr.resumed_at IS NULL)
    AS paused_from
FROM dossiers d WHERE d.status IN (7, 9, 10) AND coalesce(d.finished_at, d.returned_at) IS NOT NULL
"""


def _parse(value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value)[:19])


def refresh_outcomes(connection: Connection, calendar: WorkCalendar, *, only_missing: bool = True) -> int:
    """Store the outcome of finished dossiers written without one (older databases, bulk imports, changes
    applied outside the services); ``only_missing=False`` recomputes all of them, e.g. after the calendar
    of past years was corrected. Returns the number of dossiers written."""
    clock = WorkingClock(calendar)
    sql = _OUTCOME_INPUTS + (" AND d.outcome IS NULL" if only_missing else "")
    rows = connection.exec_driver_sql(sql).all()
    updates = []
    for row in rows:
        result = finish_outcome(row.status, _parse(row.received_at), _parse(row.due_at), _parse(row.finished_at),
                                _parse(row.returned_at), _parse(row.paused_from), clock)
        at = result.at.strftime("%Y-%m-%d %H:%M:%S.%f") if result.at else None
        updates.append((result.outcome, at, result.working_seconds, row.id))
    if updates:
        connection.exec_driver_sql(
            "UPDATE dossiers SET outcome = ?, outcome_at = ?, working_seconds = ? WHERE id = ?", updates)
    return len(updates)
