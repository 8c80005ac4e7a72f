"""Working-day calendar: hand-checked due dates (see the comment of each case for the arithmetic)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.models import Base, CalendarDay
from app.settings import Settings
from app.workdays import (
    CalendarRules,
    WorkCalendar,
    calendar_from_settings,
    list_calendar_days,
    parse_date,
    parse_datetime,
    remove_calendar_day,
    set_calendar_day,
)

# March 2027 has no public holiday: Mon 1, Wed 3, Thu 4, Fri 5, Sat 6, Sun 7, Mon 8, Tue 9.


def dt(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M")


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar(CalendarRules())


@pytest.fixture
def session():
    engine = create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        yield s
    engine.dispose()


# ----- working days and periods ---------------------------------------------------------------------


def test_default_week(cal: WorkCalendar) -> None:
    assert cal.is_working_day(date(2027, 3, 5))  # Friday
    assert not cal.is_working_day(date(2027, 3, 6))  # Saturday
    assert not cal.is_working_day(date(2027, 3, 7))  # Sunday
    assert cal.periods_on(date(2027, 3, 5)) == [
        (dt("2027-03-05 07:00"), dt("2027-03-05 11:30")),
        (dt("2027-03-05 13:30"), dt("2027-03-05 17:00")),
    ]
    assert cal.periods_on(date(2027, 3, 6)) == []
    assert cal.next_working_day(date(2027, 3, 5)) == date(2027, 3, 8)


def test_holidays_package_tet_2027(cal: WorkCalendar) -> None:
    # What holidays 0.109 gives for VN 2027: 29 Tết (Thu 4/2) to Mùng năm (Wed 10/2), weekend included.
    expected = {
        date(2027, 2, 4): "29 Tết",
        date(2027, 2, 5): "Giao thừa Tết Nguyên Đán",
        date(2027, 2, 6): "Tết Nguyên Đán",
        date(2027, 2, 7): "Mùng hai Tết Nguyên Đán",
        date(2027, 2, 8): "Mùng ba Tết Nguyên Đán",
        date(2027, 2, 9): "Mùng bốn Tết Nguyên Đán",
        date(2027, 2, 10): "Mùng năm Tết Nguyên Đán",
    }
    for day, name in expected.items():
        assert cal.holiday_name(day) == name
        assert not cal.is_working_day(day)
    assert cal.holiday_name(date(2027, 2, 3)) is None
    assert cal.holiday_name(date(2027, 2, 11)) is None
    assert cal.next_working_day(date(2027, 2, 3)) == date(2027, 2, 11)


def test_public_holidays_can_be_turned_off() -> None:
    cal = WorkCalendar(CalendarRules(use_public_holidays=False))
    assert cal.is_working_day(date(2027, 2, 8))
    assert cal.holiday_name(date(2027, 2, 8)) is None


# ----- due dates in working days / hours ------------------------------------------------------------


def test_three_days_from_thursday_afternoon_across_weekend(cal: WorkCalendar) -> None:
    # 24 h: Thu 16:20–17:00 = 0:40, Fri 8 h, Mon 8 h -> 16:40; Tue needs 7:20 = 4:30 morning + 2:50 -> 16:20.
    assert cal.due_for_days(dt("2027-03-04 16:20"), 3) == dt("2027-03-09 16:20")


def test_received_during_lunch_break(cal: WorkCalendar) -> None:
    # Counting starts at 13:30: Wed 3:30, Thu 07:00 + 4:30 = 11:30 (a result on a closing time stays there).
    assert cal.due_for_days(dt("2027-03-03 12:15"), 1) == dt("2027-03-04 11:30")
    # 4 h: 13:30–17:00 = 3:30, then 0:30 on Thursday.
    assert cal.due_for_hours(dt("2027-03-03 12:15"), 4) == dt("2027-03-04 07:30")


def test_received_on_sunday(cal: WorkCalendar) -> None:
    # Counting starts Monday 07:00; 16 h = Monday + Tuesday.
    assert cal.due_for_days(dt("2027-03-07 10:00"), 2) == dt("2027-03-09 17:00")


def test_received_before_opening_and_after_closing(cal: WorkCalendar) -> None:
    assert cal.due_for_hours(dt("2027-03-03 06:10"), 1) == dt("2027-03-03 08:00")
    assert cal.due_for_hours(dt("2027-03-03 18:40"), 1) == dt("2027-03-04 08:00")


def test_tet_2027_is_skipped(cal: WorkCalendar) -> None:
    # Wed 3/2 10:00: 1:30 + 3:30 = 5 h; 4/2–10/2 off; Thu 11/2 8 h -> 13 h; Fri 12/2 07:00 + 3 h = 10:00.
    assert cal.due_for_days(dt("2027-02-03 10:00"), 2) == dt("2027-02-12 10:00")
    # Received on 29 Tết itself: counting starts Thu 11/2 07:00; 3 days = Thu, Fri, Mon.
    assert cal.due_for_days(dt("2027-02-04 16:20"), 3) == dt("2027-02-15 17:00")


def test_due_dispatch_and_invalid_units(cal: WorkCalendar) -> None:
    received = dt("2027-03-04 16:20")
    assert cal.due(received, 3, "working_days") == dt("2027-03-09 16:20")
    assert cal.due(received, 2, "working_hours") == dt("2027-03-05 08:20")
    assert cal.due(received, 0, "same_day") == dt("2027-03-05 17:00")
    with pytest.raises(ValidationError, match="không hợp lệ"):
        cal.due(received, 3, "calendar_days")
    with pytest.raises(ValidationError, match="không được âm"):
        cal.due(received, -1, "working_days")
    with pytest.raises(ValidationError):
        cal.add_working_time(received, -5)


def test_zero_time_keeps_the_start(cal: WorkCalendar) -> None:
    assert cal.add_working_time(dt("2027-03-05 17:00"), 0) == dt("2027-03-05 17:00")


def test_half_days_and_custom_day_hours() -> None:
    cal = WorkCalendar(CalendarRules(day_hours=7.0))
    # 0.5 day of 7 h = 3:30 from 07:00 -> 10:30.
    assert cal.due_for_days(dt("2027-03-03 07:00"), 0.5) == dt("2027-03-03 10:30")


# ----- same-day rule ------------------------------------------------------------------------------


def test_same_day_rule(cal: WorkCalendar) -> None:
    assert cal.due_same_day(dt("2027-03-03 14:59")) == dt("2027-03-03 17:00")
    assert cal.due_same_day(dt("2027-03-03 15:00")) == dt("2027-03-03 17:00")  # "after 15:00" only
    assert cal.due_same_day(dt("2027-03-03 15:01")) == dt("2027-03-04 17:00")
    assert cal.due_same_day(dt("2027-03-03 06:45")) == dt("2027-03-03 17:00")  # before opening
    assert cal.due_same_day(dt("2027-03-03 12:00")) == dt("2027-03-03 17:00")  # lunch break


def test_same_day_friday_after_cutoff_is_monday(cal: WorkCalendar) -> None:
    assert cal.due_same_day(dt("2027-03-05 15:30")) == dt("2027-03-08 17:00")


def test_same_day_on_a_day_off(cal: WorkCalendar) -> None:
    assert cal.due_same_day(dt("2027-03-07 09:00")) == dt("2027-03-08 17:00")  # Sunday
    assert cal.due_same_day(dt("2027-02-08 09:00")) == dt("2027-02-11 17:00")  # Mùng ba Tết


# ----- Saturday morning, extra days off, swapped working days ----------------------------------------


def test_saturday_morning_opening() -> None:
    cal = WorkCalendar(CalendarRules(saturday_morning=True))
    assert cal.periods_on(date(2027, 3, 6)) == [(dt("2027-03-06 07:00"), dt("2027-03-06 11:30"))]
    assert not cal.is_working_day(date(2027, 3, 7))
    # Fri 16:00: 1 h Friday, 4:30 Saturday, 2:30 Monday -> 09:30 (without Saturday it would be Mon 16:00).
    assert cal.due_for_days(dt("2027-03-05 16:00"), 1) == dt("2027-03-08 09:30")
    assert WorkCalendar().due_for_days(dt("2027-03-05 16:00"), 1) == dt("2027-03-08 16:00")
    # Friday after the cut-off: Saturday's close; Saturday after its close: Monday.
    assert cal.due_same_day(dt("2027-03-05 15:30")) == dt("2027-03-06 11:30")
    assert cal.due_same_day(dt("2027-03-06 10:00")) == dt("2027-03-06 11:30")
    assert cal.due_same_day(dt("2027-03-06 12:00")) == dt("2027-03-08 17:00")


def test_saturday_morning_does_not_open_on_a_holiday() -> None:
    cal = WorkCalendar(CalendarRules(saturday_morning=True))
    assert not cal.is_working_day(date(2027, 5, 1))  # Labour Day on a Saturday


def test_extra_day_off_and_swapped_working_day() -> None:
    rules = CalendarRules(
        extra_off=frozenset({date(2027, 3, 8)}),
        extra_work=frozenset({date(2027, 3, 6)}),
        notes=((date(2027, 3, 8), "Nghỉ theo quyết định của tỉnh"),),
    )
    cal = WorkCalendar(rules)
    assert not cal.is_working_day(date(2027, 3, 8))
    assert cal.holiday_name(date(2027, 3, 8)) == "Nghỉ theo quyết định của tỉnh"
    # A swapped Saturday is a full working day.
    assert cal.is_working_day(date(2027, 3, 6))
    assert len(cal.periods_on(date(2027, 3, 6))) == 2
    # Fri 09:00: 2:30 + 3:30 = 6 h; Sat 8 h -> 14 h; Sun, Mon off; Tue 07:00 + 2 h = 09:00.
    assert cal.due_for_days(dt("2027-03-05 09:00"), 2) == dt("2027-03-09 09:00")


def test_swapped_working_day_overrides_a_public_holiday() -> None:
    cal = WorkCalendar(CalendarRules(extra_work=frozenset({date(2027, 2, 4)})))
    assert cal.is_working_day(date(2027, 2, 4))
    assert cal.holiday_name(date(2027, 2, 4)) is None


def test_same_day_in_both_lists_is_refused() -> None:
    with pytest.raises(ValidationError):
        CalendarRules(extra_off=frozenset({date(2027, 3, 8)}), extra_work=frozenset({date(2027, 3, 8)}))


# ----- pauses -------------------------------------------------------------------------------------


def test_pause_shifts_due_by_paused_working_time(cal: WorkCalendar) -> None:
    # Mon 08:00 + 24 h: Mon 7 h, Tue 8 h, Wed 8 h, Thu 1 h -> Thu 08:00.
    due = cal.due_for_days(dt("2027-03-01 08:00"), 3)
    assert due == dt("2027-03-04 08:00")
    paused, resumed = dt("2027-03-02 10:00"), dt("2027-03-03 09:00")
    # Tue 10:00–11:30 + 13:30–17:00 = 5 h, Wed 07:00–09:00 = 2 h.
    assert cal.working_seconds_between(paused, resumed) == 7 * 3600
    new_due = cal.shift_for_pause(due, paused, resumed)
    assert new_due == dt("2027-03-04 17:00")
    assert cal.working_seconds_between(due, new_due) == 7 * 3600


def test_pause_over_a_weekend_counts_only_working_time(cal: WorkCalendar) -> None:
    # Fri 16:00–17:00 + Mon 07:00–08:00 = 2 h.
    shifted = cal.shift_for_pause(dt("2027-03-09 17:00"), dt("2027-03-05 16:00"), dt("2027-03-08 08:00"))
    assert shifted == dt("2027-03-10 09:00")


def test_pause_edge_cases(cal: WorkCalendar) -> None:
    due = dt("2027-03-05 17:00")
    assert cal.shift_for_pause(due, dt("2027-03-06 09:00"), dt("2027-03-07 09:00")) == due  # weekend only
    with pytest.raises(ValidationError):
        cal.shift_for_pause(due, dt("2027-03-03 09:00"), dt("2027-03-02 09:00"))


def test_working_seconds_between(cal: WorkCalendar) -> None:
    assert cal.working_seconds_between(dt("2027-03-03 07:00"), dt("2027-03-03 17:00")) == 8 * 3600
    assert cal.working_seconds_between(dt("2027-03-03 12:00"), dt("2027-03-03 13:00")) == 0
    assert cal.working_seconds_between(dt("2027-03-03 17:00"), dt("2027-03-03 07:00")) == -8 * 3600
    assert cal.working_seconds_between(dt("2027-02-03 17:00"), dt("2027-02-11 07:00")) == 0  # Tết


# ----- appointments -------------------------------------------------------------------------------


def test_validate_appointment(cal: WorkCalendar) -> None:
    cal.validate_appointment(dt("2027-03-03 17:00"))
    cal.validate_appointment(dt("2027-03-03 07:00"))
    with pytest.raises(ValidationError, match="Mùng ba Tết Nguyên Đán") as info:
        cal.validate_appointment(dt("2027-02-08 09:00"))
    assert "08/02/2027" in info.value.message
    with pytest.raises(ValidationError, match="cuối tuần"):
        cal.validate_appointment(dt("2027-03-07 09:00"))
    with pytest.raises(ValidationError, match="ngoài giờ làm việc"):
        cal.validate_appointment(dt("2027-03-03 12:00"))


# ----- guards -------------------------------------------------------------------------------------


def test_no_working_periods_does_not_loop_forever() -> None:
    cal = WorkCalendar(CalendarRules(periods=()))
    with pytest.raises(ValidationError, match="không có giờ làm việc"):
        cal.due_for_days(dt("2027-03-03 09:00"), 1)
    with pytest.raises(ValidationError):
        cal.due_same_day(dt("2027-03-03 09:00"))
    with pytest.raises(ValidationError):
        cal.next_working_day(date(2027, 3, 3))


def test_invalid_rules() -> None:
    with pytest.raises(ValidationError):
        CalendarRules(periods=((time(13, 30), time(11, 30)),))
    with pytest.raises(ValidationError):
        CalendarRules(periods=((time(7), time(12)), (time(11), time(17))))
    with pytest.raises(ValidationError):
        CalendarRules(day_hours=0)


# ----- parsing ------------------------------------------------------------------------------------


def test_parse_datetime_formats() -> None:
    assert parse_datetime("2027-02-04 16:20") == dt("2027-02-04 16:20")
    assert parse_datetime("04/02/2027 16:20") == dt("2027-02-04 16:20")
    assert parse_datetime(" 4/2/2027 07:05 ") == dt("2027-02-04 07:05")
    assert parse_date("2027-02-04") == date(2027, 2, 4)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2027-02-30 10:00", "không tồn tại"),
        ("30/02/2027 10:00", "không tồn tại"),
        ("2027-13-01 10:00", "không tồn tại"),
        ("2027-02-04 25:00", "không tồn tại"),
        ("2027-02-04 10:60", "không tồn tại"),
        ("2027-02-04", "không đúng dạng"),
        ("hôm nay", "không đúng dạng"),
        ("", "không đúng dạng"),
    ],
)
def test_impossible_datetimes(text: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        parse_datetime(text)


# ----- settings, table and version ------------------------------------------------------------------


def test_calendar_from_settings(session: Session) -> None:
    settings = Settings(saturday_morning=True, same_day_cutoff="14:00", working_day_hours=7.5)
    set_calendar_day(session, date(2027, 3, 8), "off", "Bão")
    cal = calendar_from_settings(settings, session)
    assert cal.rules.saturday_morning
    assert cal.rules.same_day_cutoff == time(14, 0)
    assert cal.rules.day_hours == 7.5
    assert cal.holiday_name(date(2027, 3, 8)) == "Bão"
    assert cal.due_same_day(dt("2027-03-05 14:30")) == dt("2027-03-06 11:30")
    assert calendar_from_settings(Settings(), None).rules == CalendarRules()


def test_calendar_table_editing(session: Session) -> None:
    set_calendar_day(session, date(2027, 3, 8), "off", "Bão")
    set_calendar_day(session, date(2027, 3, 6), "work")
    set_calendar_day(session, date(2028, 1, 3), "off")
    assert [row.day for row in list_calendar_days(session)] == [
        date(2027, 3, 6),
        date(2027, 3, 8),
        date(2028, 1, 3),
    ]
    assert [row.day for row in list_calendar_days(session, 2028)] == [date(2028, 1, 3)]
    set_calendar_day(session, date(2027, 3, 8), "work", "Đổi lại")  # replaces
    assert session.get_one(CalendarDay, date(2027, 3, 8)).kind == "work"
    assert remove_calendar_day(session, date(2027, 3, 8))
    assert not remove_calendar_day(session, date(2027, 3, 8))
    with pytest.raises(ValidationError):
        set_calendar_day(session, date(2027, 3, 9), "holiday")


def test_version_is_stable_and_follows_the_table(session: Session) -> None:
    settings = Settings()
    base = calendar_from_settings(settings, session).version
    assert len(base) == 12
    assert calendar_from_settings(settings, session).version == base
    set_calendar_day(session, date(2027, 3, 8), "off", "Bão")
    with_off = calendar_from_settings(settings, session).version
    assert with_off != base
    set_calendar_day(session, date(2027, 3, 8), "off", "Ghi chú khác")
    assert calendar_from_settings(settings, session).version == with_off  # a note changes no due date
    set_calendar_day(session, date(2027, 3, 8), "work")
    assert calendar_from_settings(settings, session).version not in (base, with_off)
    remove_calendar_day(session, date(2027, 3, 8))
    assert calendar_from_settings(settings, session).version == base
    assert calendar_from_settings(Settings(saturday_morning=True), session).version != base
