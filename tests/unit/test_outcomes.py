"""The outcome stored on each finished dossier (class, finish moment, working time) and what keeps it true.

Dossiers are received Thursday 04/03/2027 09:15 for procedure 1.004873 (3 working days, due Tuesday 09/03
09:15); working time is 07:00–11:30, 13:30–17:00.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text, update

from app.models import Dossier
from app.services import dossiers as svc
from app.services.deadlines import (
    CLOCK_ERROR,
    EARLY,
    LATE,
    NO_APPOINTMENT,
    ON_TIME,
    WorkingClock,
    finish_outcome,
    refresh_outcomes,
)
from app.services.indicators import compute_indicators
from app.services.intake import DocumentInput
from app.workdays import CalendarRules, WorkCalendar
from tests.bench.test_bench_indicators import build, on_the_fly
from tests.unit.test_dossiers import receive

MARCH = (date(2027, 3, 1), date(2027, 3, 31))
RECEIVED = datetime(2027, 3, 4, 9, 15)
DUE = datetime(2027, 3, 9, 9, 15)


def stored(db, code: str) -> tuple[str | None, datetime | None, int | None]:
    with db.session() as session:
        row = session.execute(text("SELECT outcome, outcome_at, working_seconds FROM dossiers WHERE code = :c"),
                              {"c": code}).one()
    at = datetime.fromisoformat(row.outcome_at) if row.outcome_at else None
    return row.outcome, at, row.working_seconds


def resolve(db, settings, frozen_now, code: str, moment: datetime) -> None:
    frozen_now.value = moment
    with db.session() as session:
        svc.start_processing(session, settings, code)
        svc.mark_resolved(session, settings, code)


@pytest.fixture
def code(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    return receive(db, settings).code


# ----- the one judging function -------------------------------------------------------------------------------


def test_finish_outcome_classes():
    cal = WorkCalendar()
    judge = lambda status, fin, due=DUE, **kw: finish_outcome(status, RECEIVED, due, fin, None, calendar=cal, **kw)  # noqa: E731
    assert judge(9, datetime(2027, 3, 8, 10, 0)).outcome == EARLY
    assert judge(9, datetime(2027, 3, 9, 9, 15)).outcome == ON_TIME  # at the appointed minute
    assert judge(9, datetime(2027, 3, 9, 9, 15, 0, 900000)).outcome == ON_TIME  # same second
    assert judge(9, datetime(2027, 3, 9, 9, 15, 1)).outcome == LATE
    assert judge(9, datetime(2027, 3, 9, 9, 0), due=None).outcome == NO_APPOINTMENT
    wrong = judge(9, datetime(2027, 3, 3, 9, 0))
    assert (wrong.outcome, wrong.working_seconds) == (CLOCK_ERROR, None)
    # Withdrawn while paused: judged when the pause began, not when withdrawn.
    paused = judge(7, datetime(2027, 3, 12, 9, 0), paused_from=datetime(2027, 3, 5, 10, 0))
    assert paused.outcome == EARLY and paused.at == datetime(2027, 3, 12, 9, 0)
    # Open, refused or stopped dossiers have no outcome.
    for status in (2, 3, 4, 5, 8):
        assert judge(status, datetime(2027, 3, 8, 10, 0)) == finish_outcome(status, RECEIVED, DUE, None, None)
        assert judge(status, datetime(2027, 3, 8, 10, 0)).outcome is None
    # Only the return time kept (legacy): it is the finish.
    returned = finish_outcome(10, RECEIVED, DUE, None, datetime(2027, 3, 9, 10, 0), calendar=cal)
    assert (returned.outcome, returned.at) == (LATE, datetime(2027, 3, 9, 10, 0))
    assert returned.working_seconds == int(24.75 * 3600)


def test_working_clock_matches_the_calendar():
    """The per-day clock used for bulk work gives what WorkCalendar gives, across Tết, weekends and swaps."""
    rules = CalendarRules(saturday_morning=True, extra_off=frozenset({date(2027, 2, 22)}),
                          extra_work=frozenset({date(2027, 2, 27)}))
    calendar = WorkCalendar(rules)
    clock = WorkingClock(calendar)
    rng = random.Random(5)
    base = datetime(2026, 12, 20)
    for _ in range(400):
        a = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 120))
        b = a + timedelta(minutes=rng.randrange(0, 60 * 24 * 40))
        if rng.random() < 0.5:  # visit the table backwards too
            a, b = a - timedelta(days=200), b - timedelta(days=200)
        assert clock.working_seconds_between(a, b) == calendar.working_seconds_between(a, b)


# ----- stored by the services ---------------------------------------------------------------------------------


def test_outcome_is_stored_when_the_dossier_is_resolved_and_kept_when_returned(db, settings, frozen_now, code):
    assert stored(db, code) == (None, None, None)
    resolve(db, settings, frozen_now, code, datetime(2027, 3, 8, 10, 0))
    # Thursday 5.75 h + Friday 8 h + Monday 3 h.
    assert stored(db, code) == (EARLY, datetime(2027, 3, 8, 10, 0), int(16.75 * 3600))
    frozen_now.value = datetime(2027, 3, 10, 14, 0)
    with db.session() as session:
        svc.return_result(session, settings, code, "Nguyễn Văn Đạt", signature_taken=True)
    # Returning changes the status (the staleness trigger fires) but the finish is still the resolution.
    assert stored(db, code) == (EARLY, datetime(2027, 3, 8, 10, 0), int(16.75 * 3600))


def test_withdrawal_while_paused_is_stored_as_judged_at_the_pause(db, settings, frozen_now, code):
    with db.session() as session:
        svc.request_supplement(session, settings, code, [DocumentInput(name="Bản sao Giấy khai sinh")],
                               "Thiếu giấy tờ", at=datetime(2027, 3, 5, 10, 0))
    frozen_now.value = datetime(2027, 3, 12, 9, 0)
    with db.session() as session:
        svc.withdraw(session, settings, code, "Không bổ sung được")
    outcome, at, _ = stored(db, code)
    assert (outcome, at) == (EARLY, datetime(2027, 3, 12, 9, 0))


def test_refused_dossier_has_no_outcome(db, settings, frozen_now, code):
    with db.session() as session:
        svc.refuse(session, settings, code, "Không thuộc thẩm quyền")
    assert stored(db, code) == (None, None, None)


def test_apology_with_a_new_date_changes_the_stored_class(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    apologised, plain = receive(db, settings).code, receive(db, settings).code
    frozen_now.value = datetime(2027, 3, 9, 8, 0)
    with db.session() as session:
        svc.issue_apology(session, settings, apologised, "Cần xác minh thêm", datetime(2027, 3, 10, 16, 0))
    for c in (apologised, plain):
        resolve(db, settings, frozen_now, c, datetime(2027, 3, 10, 10, 0))
    assert stored(db, apologised)[0] == ON_TIME  # the new appointment's day, before 16:00
    assert stored(db, plain)[0] == LATE


def test_resumed_supplement_moves_the_appointment_the_outcome_is_judged_against(db, settings, frozen_now, code):
    with db.session() as session:
        svc.request_supplement(session, settings, code, [DocumentInput(name="Bản sao Giấy khai sinh")],
                               "Thiếu giấy tờ", at=datetime(2027, 3, 5, 10, 0))
    frozen_now.value = datetime(2027, 3, 8, 10, 0)
    with db.session() as session:
        svc.resume_after_supplement(session, settings, code, at=datetime(2027, 3, 8, 10, 0))
    resolve_at = datetime(2027, 3, 10, 9, 0)  # late against Tuesday 09:15, on time against Wednesday 09:15
    frozen_now.value = resolve_at
    with db.session() as session:
        svc.mark_resolved(session, settings, code)
    assert stored(db, code)[0] == ON_TIME


# ----- kept true outside the services -------------------------------------------------------------------------


def test_a_write_outside_the_services_clears_the_outcome_and_the_indicators_judge_it(db, settings, frozen_now,
                                                                                       code):
    resolve(db, settings, frozen_now, code, datetime(2027, 3, 8, 10, 0))
    with db.session() as session:
        session.execute(update(Dossier).where(Dossier.code == code).values(due_at=datetime(2027, 3, 5, 9, 0)))
    assert stored(db, code) == (None, None, None)
    with db.session() as session:
        report = compute_indicators(session, *MARCH, with_codes=True)
    assert report.overall.on_time.parts == {EARLY: 0, ON_TIME: 0, LATE: 1}
    assert report.overall.on_time.denominator_codes == (code,)
    assert report.overall.processing_hours.value == pytest.approx(16.75)
    # The repair stores it again, with the same function.
    with db.session() as session:
        assert refresh_outcomes(session.connection(), WorkCalendar()) == 1
        assert refresh_outcomes(session.connection(), WorkCalendar()) == 0
    assert stored(db, code) == (LATE, datetime(2027, 3, 8, 10, 0), int(16.75 * 3600))


def test_a_status_from_the_province_is_counted(db, settings, frozen_now, code):
    from sync.apply import apply_status_change

    with db.session() as session:
        dossier = svc.get_dossier(session, code)
        assert apply_status_change(session, {"dossier_id": dossier.id, "status": 9, "seq": 1,
                                             "at": "2027-03-09T10:00:00"}, now=datetime(2027, 3, 9, 10, 5))
    assert stored(db, code)[0] is None  # written outside the services: judged on the fly
    with db.session() as session:
        overall = compute_indicators(session, *MARCH, with_codes=True).overall
    assert overall.on_time.parts == {EARLY: 0, ON_TIME: 0, LATE: 1}
    assert overall.processing_hours.denominator_codes == (code,)
    assert overall.processing_hours.value == pytest.approx(24.75)


# ----- the stored figures equal the query-time ones -----------------------------------------------------------


def _figures(report) -> list[tuple]:
    out = []
    for group in (report.overall, *report.groups):
        for ind in group.indicators():
            out.append((group.key, ind.key, ind.value, ind.numerator, ind.denominator, ind.note, ind.parts,
                        ind.numerator_codes, ind.denominator_codes))
        out.append((group.key, group.names, group.by_status, group.by_channel))
    return out


def test_stored_outcomes_give_the_query_time_figures_on_a_generated_year(tmp_path):
    from app.db import open_database

    path = tmp_path / "generated.sqlite3"
    build(path, 3000, seed=3)
    year, calendar = (date(2027, 1, 1), date(2027, 12, 31)), WorkCalendar()
    db = open_database(path)
    try:
        with db.session() as session:
            missing = session.execute(text(
                "SELECT count(*) FROM dossiers WHERE status IN (7, 9, 10) AND outcome IS NULL")).scalar()
            assert missing == 0
            baseline = on_the_fly(session, *year, calendar)
            reports = {by: compute_indicators(session, *year, by=by, calendar=calendar, with_codes=True)
                       for by in (None, "procedure", "official")}
        overall = reports[None].overall
        assert overall.received.value == baseline["received"]
        assert overall.on_time.parts == {k: baseline[k] for k in (EARLY, ON_TIME, LATE)}
        assert overall.no_appointment.value == baseline[NO_APPOINTMENT] > 0
        assert overall.clock_errors.value == baseline[CLOCK_ERROR] > 0
        assert overall.processing_hours.denominator == baseline["work_n"]
        assert overall.processing_hours.numerator == round(baseline["work_seconds"] / 3600, 2)
        # Every dossier's outcome forgotten: the on-the-fly path gives the very same report, codes included.
        with db.session() as session:
            session.execute(text("UPDATE dossiers SET outcome = NULL, outcome_at = NULL, working_seconds = NULL"))
        with db.session() as session:
            for by, report in reports.items():
                again = compute_indicators(session, *year, by=by, calendar=calendar, with_codes=True)
                assert _figures(again) == _figures(report)
    finally:
        db.close()


def test_satisfaction_counts_overdue_from_the_same_outcomes(db, settings, frozen_now):
    from app.services.satisfaction import record_rating

    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    early, late, late_pending = (receive(db, settings).code for _ in range(3))
    for c, moment in ((early, datetime(2027, 3, 8, 10, 0)), (late, datetime(2027, 3, 9, 10, 0)),
                      (late_pending, datetime(2027, 3, 9, 10, 0))):
        resolve(db, settings, frozen_now, c, moment)
    frozen_now.value = datetime(2027, 3, 10, 8, 0)
    with db.session() as session:
        for c in (early, late, late_pending):
            svc.return_result(session, settings, c, "Nguyễn Văn Đạt", signature_taken=True)
            record_rating(session, settings, c, 4)
        # Rewriting the appointment outside the services, even unchanged, clears the stored outcome.
        session.execute(update(Dossier).where(Dossier.code == late_pending).values(due_at=DUE))
    assert stored(db, late_pending)[0] is None and stored(db, late)[0] == LATE
    with db.session() as session:
        satisfaction = compute_indicators(session, *MARCH, with_codes=True).overall.satisfaction
    assert satisfaction.parts == {"dissatisfied": 0, "complaint": 0, "overdue": 2}
    assert (satisfaction.numerator, satisfaction.denominator) == (1, 3)
    assert satisfaction.numerator_codes == (early,)
    assert set(satisfaction.denominator_codes) == {early, late, late_pending}
