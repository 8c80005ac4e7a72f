"""Watch lists of open dossiers, seen on Monday 08/03/2027 at 10:00 (working time 07:00–11:30, 13:30–17:00)."""

from __future__ import annotations

from datetime import datetime

import pytest

from app.services import dossiers as svc
from app.services.deadline_watch import apology_reminders, due_today, due_within, overdue
from app.services.intake import DocumentInput
from app.workdays import WorkCalendar
from tests.unit.test_dossiers import receive

NOW = datetime(2027, 3, 8, 10, 0)
CALENDAR = WorkCalendar()


@pytest.fixture
def board(db, settings, frozen_now):
    frozen_now.value = NOW
    codes = {
        # 3 working days from Thursday 09:15: due Tuesday 09:15, 7.25 working hours from now.
        "tomorrow": receive(db, settings, received_at=datetime(2027, 3, 4, 9, 15)).code,
        # Same-day procedure received this morning: due today 17:00.
        "today": receive(db, settings, procedure_code="2.000815", received_at=datetime(2027, 3, 8, 8, 0),
                         documents=[DocumentInput(name="Bản chính", originals=1)]).code,
        # Received Monday 01/03 09:00: due Thursday 04/03 09:00, long past.
        "late": receive(db, settings, received_at=datetime(2027, 3, 1, 9, 0)).code,
        # Same appointment, but paused on Wednesday 03/03 before it: not late while the citizen holds it.
        "paused": receive(db, settings, received_at=datetime(2027, 3, 1, 9, 0)).code,
        # Paused on Friday 05/03, after the appointment had passed: still late.
        "paused_late": receive(db, settings, received_at=datetime(2027, 3, 1, 9, 0)).code,
        # Due Tuesday 10:00 (exactly 8 working hours away) but the apology was already issued.
        "apologised": receive(db, settings, received_at=datetime(2027, 3, 4, 10, 0)).code,
        # Due Wednesday 10/03 09:15: beyond 8 working hours, within 2 working days.
        "later": receive(db, settings, received_at=datetime(2027, 3, 5, 9, 15)).code,
        # Finished dossiers are never watched.
        "done": receive(db, settings, received_at=datetime(2027, 3, 1, 9, 0)).code,
    }
    paper = [DocumentInput(name="Bản sao Giấy khai sinh", certified_copies=1)]
    with db.session() as session:
        svc.request_supplement(session, settings, codes["paused"], paper, "Thiếu giấy tờ",
                               at=datetime(2027, 3, 3, 10, 0))
        svc.request_supplement(session, settings, codes["paused_late"], paper, "Thiếu giấy tờ",
                               at=datetime(2027, 3, 5, 10, 0))
        svc.issue_apology(session, settings, codes["apologised"], "Cần xác minh thêm",
                          datetime(2027, 3, 12, 15, 0))
        svc.withdraw(session, settings, codes["done"], "Công dân xin rút")
    return codes


def codes_of(items) -> list[str]:
    return [i.code for i in items]


def test_due_today(db, board):
    with db.session() as session:
        items = due_today(session, NOW, CALENDAR)
    assert codes_of(items) == [board["today"]]
    item = items[0]
    assert item.due_at == datetime(2027, 3, 8, 17, 0)
    assert item.remaining_hours == 5.0  # 10:00–11:30 and 13:30–17:00
    assert item.official == "Trần Thị Lan" and item.applicant == "Nguyễn Văn Đạt"
    assert item.procedure.startswith("Chứng thực bản sao")


def test_due_within_working_days(db, board):
    with db.session() as session:
        one_day = due_within(session, NOW, 1, CALENDAR)
        two_days = due_within(session, NOW, 2, CALENDAR)
    # One working day from Monday 10:00 reaches Tuesday 10:00.
    assert codes_of(one_day) == [board["today"], board["tomorrow"]]
    assert codes_of(two_days) == [board["today"], board["tomorrow"], board["later"]]
    assert [i.remaining_hours for i in two_days] == [5.0, 7.25, 15.25]


def test_overdue_ignores_a_dossier_paused_before_its_deadline(db, board):
    with db.session() as session:
        items = overdue(session, NOW, CALENDAR)
    assert codes_of(items) == [board["late"], board["paused_late"]]
    late, paused_late = items
    # Thursday 09:00–17:00 (6 h), Friday 8 h, Monday 07:00–10:00 (3 h) = 17 h late.
    assert late.remaining_hours == -17.0 and not late.paused
    # Its clock stopped Friday 10:00: 6 h + Friday 07:00–10:00 (3 h) past the appointment.
    assert paused_late.remaining_hours == -9.0 and paused_late.paused


def test_apology_reminders_look_ahead_in_working_hours(db, settings, frozen_now, board):
    with db.session() as session:
        items = apology_reminders(session, NOW, CALENDAR)
        assert codes_of(apology_reminders(session, NOW, CALENDAR, lead_hours=4)) == []
        wider = apology_reminders(session, NOW, CALENDAR, lead_hours=16)
    assert codes_of(items) == [board["today"], board["tomorrow"]]
    assert board["apologised"] not in codes_of(wider)
    assert codes_of(wider) == [board["today"], board["tomorrow"], board["later"]]

    with db.session() as session:  # once form 04 is issued the reminder goes away
        svc.issue_apology(session, settings, board["tomorrow"], "Cần xác minh", datetime(2027, 3, 11, 9, 0))
    with db.session() as session:
        assert codes_of(apology_reminders(session, NOW, CALENDAR)) == [board["today"]]


def test_friday_afternoon_reminders_reach_monday(db, settings, frozen_now):
    friday = datetime(2027, 3, 5, 15, 0)
    frozen_now.value = friday
    code = receive(db, settings, received_at=datetime(2027, 3, 3, 8, 0)).code  # due Monday 08/03 08:00
    with db.session() as session:
        items = apology_reminders(session, friday, CALENDAR)
        assert due_today(session, friday, CALENDAR) == []
    assert codes_of(items) == [code] and items[0].remaining_hours == 3.0


def test_empty_database_gives_empty_lists(db):
    with db.session() as session:
        assert due_today(session, NOW) == []
        assert due_within(session, NOW, 3) == []
        assert overdue(session, NOW) == []
        assert apology_reminders(session, NOW) == []
