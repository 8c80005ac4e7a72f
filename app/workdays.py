"""Working-day calendar of the counter: opening periods, days off and due dates.

Every due date (hạn trả kết quả) is computed here. The rules are data: opening periods and the Saturday
morning come from the settings, public holidays from the ``holidays`` package, and the province's yearly
decisions (extra days off, swapped working days) from the editable ``calendar_days`` table, which always
wins over the package because the Tết layout and swap days are only decided each year.

Times are naive local wall-clock times, like the rest of the database.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import tr
from app.models import CalendarDay
from app.settings import Settings, parse_hhmm

Period = tuple[time, time]

DEFAULT_PERIODS: tuple[Period, ...] = ((time(7, 0), time(11, 30)), (time(13, 30), time(17, 0)))
DEFAULT_SATURDAY_PERIODS: tuple[Period, ...] = ((time(7, 0), time(11, 30)),)

UNITS: tuple[str, ...] = ("working_days", "working_hours", "same_day")
DAY_KINDS: tuple[str, ...] = ("off", "work")

# A run of this many days without any working time means the rules can never produce a due date
# (e.g. no periods configured); longer than any real holiday stretch.
MAX_IDLE_DAYS = 400

# The version hash covers the public holidays of a fixed window of years, so it does not drift with the
# current date; a dossier stores it to show which calendar its due date came from.
VERSION_YEARS = range(2020, 2046)

WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")

# Used only when the installed ``holidays`` release cannot give Vietnamese names.
_EN_TO_VI = {
    "International New Year's Day": "Tết Dương lịch",
    "Vietnamese New Year's Eve": "Giao thừa Tết Nguyên Đán",
    "Vietnamese New Year": "Tết Nguyên Đán",
    "Hung Kings' Commemoration Day": "Ngày Giỗ Tổ Hùng Vương",
    "Liberation Day/Reunification Day": "Ngày Chiến thắng",
    "International Labor Day": "Ngày Quốc tế Lao động",
    "National Day": "Quốc khánh",
}


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> dict[date, str]:
    """Vietnamese public holidays of one year, with Vietnamese names (the package data is static per process)."""
    if "vi" in getattr(holidays.VN, "supported_languages", ()):
        table = holidays.country_holidays("VN", years=year, language="vi")
        return dict(table.items())
    table = holidays.country_holidays("VN", years=year)
    result = {}
    for day, name in table.items():
        vi = name
        for english, vietnamese in _EN_TO_VI.items():
            if english in name:
                vi = name.replace(english, vietnamese)
                break
        result[day] = vi
    return result


def _check_periods(periods: Iterable[Period]) -> None:
    previous_end: time | None = None
    for start, end in periods:
        if start >= end or (previous_end is not None and start < previous_end):
            raise ValidationError(
                tr(
                    "Giờ làm việc {start}–{end} không hợp lệ.",
                    start=start.strftime("%H:%M"),
                    end=end.strftime("%H:%M"),
                )
            )
        previous_end = end


def format_periods(periods: Iterable[Period]) -> str:
    return ", ".join(f"{s.strftime('%H:%M')}–{e.strftime('%H:%M')}" for s, e in periods)


def format_day(d: date) -> str:
    return f"{WEEKDAY_NAMES[d.weekday()]}, {d.strftime('%d/%m/%Y')}"


@dataclass(frozen=True)
class CalendarRules:
    """Everything a due date depends on. Hashable, so a calendar can be cached per rule set."""

    periods: tuple[Period, ...] = DEFAULT_PERIODS
    saturday_morning: bool = False
    saturday_periods: tuple[Period, ...] = DEFAULT_SATURDAY_PERIODS
    same_day_cutoff: time = time(15, 0)
    day_hours: float = 8.0
    extra_off: frozenset[date] = frozenset()
    extra_work: frozenset[date] = frozenset()
    use_public_holidays: bool = True
    # Notes of the table rows, shown as the name of an extra day off; they do not change any due date.
    notes: tuple[tuple[date, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        _check_periods(self.periods)
        _check_periods(self.saturday_periods)
        if not self.day_hours or self.day_hours <= 0:
            raise ValidationError(tr("Số giờ của một ngày làm việc phải lớn hơn 0."))
        both = self.extra_off & self.extra_work
        if both:
            raise ValidationError(
                tr(
                    "Ngày {day} vừa là ngày nghỉ vừa là ngày làm bù.",
                    day=min(both).strftime("%d/%m/%Y"),
                )
            )


class WorkCalendar:
    """Answers "is this working time?" and computes due dates under one :class:`CalendarRules`."""

    def __init__(self, rules: CalendarRules | None = None) -> None:
        self.rules = rules or CalendarRules()
        self._notes = dict(self.rules.notes)

    # ----- days -----------------------------------------------------------------------------------

    def public_holiday_name(self, d: date) -> str | None:
        """Name of the public holiday on ``d`` per the package, ignoring the table (for listings)."""
        if not self.rules.use_public_holidays:
            return None
        return _public_holidays(d.year).get(d)

    def holiday_name(self, d: date) -> str | None:
        """Vietnamese name of the day off on ``d`` (public holiday or extra day off), else ``None``."""
        if d in self.rules.extra_work:
            return None
        if d in self.rules.extra_off:
            return self._notes.get(d) or tr("Ngày nghỉ theo lịch của đơn vị")
        return self.public_holiday_name(d)

    def _day_periods(self, d: date) -> tuple[Period, ...]:
        rules = self.rules
        if d in rules.extra_work:
            # A swapped working day (ngày làm bù) replaces a full weekday, Saturday included.
            return rules.periods
        if d in rules.extra_off or self.public_holiday_name(d) is not None:
            return ()
        weekday = d.weekday()
        if weekday < 5:
            return rules.periods
        if weekday == 5 and rules.saturday_morning:
            return rules.saturday_periods
        return ()

    def periods_on(self, d: date) -> list[tuple[datetime, datetime]]:
        """Opening periods of ``d`` as datetimes; empty on a day off."""
        return [(datetime.combine(d, s), datetime.combine(d, e)) for s, e in self._day_periods(d)]

    def is_working_day(self, d: date) -> bool:
        return bool(self._day_periods(d))

    def next_working_day(self, d: date) -> date:
        """First working day strictly after ``d``."""
        day = d
        for _ in range(MAX_IDLE_DAYS):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise self._no_working_time()

    def days_off_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Named days off (not plain weekends) from ``first`` to ``last`` inclusive."""
        result = []
        day = first
        while day <= last:
            name = self.holiday_name(day)
            if name is not None:
                result.append((day, name))
            day += timedelta(days=1)
        return result

    def _no_working_time(self) -> ValidationError:
        return ValidationError(
            tr(
                "Lịch làm việc không có giờ làm việc nào trong {days} ngày liên tiếp; hãy kiểm tra cấu hình.",
                days=MAX_IDLE_DAYS,
            )
        )

    # ----- working time ---------------------------------------------------------------------------

    def add_working_time(self, start: datetime, seconds: float) -> datetime:
        """Moment when ``seconds`` of working time have elapsed after ``start``.

        Outside working time the count starts at the next opening. A result that lands exactly on a closing
        time stays there (17:00), rather than jumping to the next morning.
        """
        if seconds < 0:
            raise ValidationError(tr("Thời gian cộng thêm không được âm."))
        if seconds == 0:
            return start
        remaining = timedelta(seconds=seconds)
        day = start.date()
        idle = 0
        while True:
            periods = self.periods_on(day)
            if periods:
                idle = 0
            else:
                idle += 1
                if idle > MAX_IDLE_DAYS:
                    raise self._no_working_time()
            for period_start, period_end in periods:
                if period_end <= start:
                    continue
                begin = max(period_start, start)
                available = period_end - begin
                if remaining <= available:
                    return begin + remaining
                remaining -= available
            day += timedelta(days=1)

    def working_seconds_between(self, a: datetime, b: datetime) -> float:
        """Working time between two moments, in seconds (negative when ``b`` is before ``a``)."""
        if b < a:
            return -self.working_seconds_between(b, a)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            for period_start, period_end in self.periods_on(day):
                begin, end = max(period_start, a), min(period_end, b)
                if end > begin:
                    total += end - begin
            day += timedelta(days=1)
        return total.total_seconds()

    def is_working_time(self, dt: datetime) -> bool:
        """Whether ``dt`` is inside an opening period, both ends included (17:00 is a valid appointment)."""
        return any(s <= dt <= e for s, e in self.periods_on(dt.date()))

    # ----- due dates ------------------------------------------------------------------------------

    def due_for_hours(self, received: datetime, hours: float) -> datetime:
        return self.add_working_time(received, hours * 3600)

    def due_for_days(self, received: datetime, days: float) -> datetime:
        return self.add_working_time(received, days * self.rules.day_hours * 3600)

    def due_same_day(self, received: datetime) -> datetime:
        """Close of the receiving day, or of the next working day when received after the cut-off (15:00 rule).

        Received exactly at the cut-off still counts as the same day: the rule speaks of "after 15:00".
        A dossier received after the day's closing, or on a day off, is due at the next working day's close.
        """
        day = received.date()
        periods = self.periods_on(day)
        if periods and received.time() <= self.rules.same_day_cutoff and received < periods[-1][1]:
            return periods[-1][1]
        return self.periods_on(self.next_working_day(day))[-1][1]

    def due(self, received: datetime, value: float, unit: str) -> datetime:
        """Due date for a processing time expressed as in the procedure catalogue."""
        if unit not in UNITS:
            raise ValidationError(
                tr(
                    "Đơn vị thời hạn “{unit}” không hợp lệ (ngày làm việc, giờ làm việc hoặc trong ngày).",
                    unit=unit,
                )
            )
        if value is None or value < 0:
            raise ValidationError(tr("Thời hạn giải quyết không được âm."))
        if unit == "working_days":
            return self.due_for_days(received, value)
        if unit == "working_hours":
            return self.due_for_hours(received, value)
        return self.due_same_day(received)

    def shift_for_pause(self, due: datetime, paused_from: datetime, resumed_at: datetime) -> datetime:
        """Due date moved by the working time that elapsed while the dossier waited for a supplement."""
        if resumed_at < paused_from:
            raise ValidationError(tr("Thời điểm tiếp tục xử lý không được trước thời điểm tạm dừng."))
        return self.add_working_time(due, self.working_seconds_between(paused_from, resumed_at))

    def validate_appointment(self, dt: datetime) -> None:
        """Refuse an appointment outside working time, naming the holiday when there is one."""
        if self.is_working_time(dt):
            return
        day = dt.date()
        name = self.holiday_name(day)
        if name is not None:
            raise ValidationError(
                tr(
                    "Ngày {day} là ngày nghỉ ({name}), không thể hẹn trả kết quả.",
                    day=format_day(day),
                    name=name,
                )
            )
        if not self.is_working_day(day):
            raise ValidationError(
                tr("Ngày {day} là ngày nghỉ cuối tuần, không thể hẹn trả kết quả.", day=format_day(day))
            )
        raise ValidationError(
            tr(
                "Giờ hẹn {hour} ngày {day} nằm ngoài giờ làm việc ({periods}).",
                hour=dt.strftime("%H:%M"),
                day=format_day(day),
                periods=format_periods(self._day_periods(day)),
            )
        )

    # ----- version --------------------------------------------------------------------------------

    @cached_property
    def version(self) -> str:
        """Short stable hash of the rules and of the public holiday dates they rely on."""
        rules = self.rules
        holiday_dates: list[str] = []
        if rules.use_public_holidays:
            for year in VERSION_YEARS:
                holiday_dates.extend(d.isoformat() for d in sorted(_public_holidays(year)))
        payload = {
            "periods": [[s.isoformat(), e.isoformat()] for s, e in rules.periods],
            "saturday_morning": rules.saturday_morning,
            "saturday_periods": [[s.isoformat(), e.isoformat()] for s, e in rules.saturday_periods],
            "same_day_cutoff": rules.same_day_cutoff.isoformat(),
            "day_hours": float(rules.day_hours),
            "extra_off": sorted(d.isoformat() for d in rules.extra_off),
            "extra_work": sorted(d.isoformat() for d in rules.extra_work),
            "use_public_holidays": rules.use_public_holidays,
            "holidays": holiday_dates,
        }
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()
        return digest[:12]


# ----- building from settings and the editable table ----------------------------------------------


def _periods_from_settings(raw: Iterable[Iterable[str]]) -> tuple[Period, ...]:
    periods = []
    for pair in raw:
        start, end = list(pair)
        periods.append((parse_hhmm(start), parse_hhmm(end)))
    return tuple(periods)


def calendar_from_settings(settings: Settings, session: Session | None) -> WorkCalendar:
    """Calendar from the workstation settings and the editable ``calendar_days`` table."""
    off: set[date] = set()
    work: set[date] = set()
    notes: list[tuple[date, str]] = []
    if session is not None:
        for row in session.scalars(select(CalendarDay).order_by(CalendarDay.day)):
            (off if row.kind == "off" else work).add(row.day)
            if row.note:
                notes.append((row.day, row.note))
    rules = CalendarRules(
        periods=_periods_from_settings(settings.working_periods),
        saturday_morning=bool(settings.saturday_morning),
        saturday_periods=_periods_from_settings(settings.saturday_periods),
        same_day_cutoff=parse_hhmm(settings.same_day_cutoff),
        day_hours=float(settings.working_day_hours),
        extra_off=frozenset(off),
        extra_work=frozenset(work),
        notes=tuple(notes),
    )
    return WorkCalendar(rules)


def set_calendar_day(session: Session, day: date, kind: str, note: str = "") -> CalendarDay:
    """Add or replace the table entry of ``day``: ``off`` (extra day off) or ``work`` (swapped working day)."""
    if kind not in DAY_KINDS:
        raise ValidationError(tr("Loại ngày “{kind}” không hợp lệ (chỉ nhận off hoặc work).", kind=kind))
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ValidationError(tr("Ngày không hợp lệ: “{value}”.", value=day))
    row = session.get(CalendarDay, day)
    if row is None:
        row = CalendarDay(day=day, kind=kind, note=note or "")
        session.add(row)
    else:
        row.kind = kind
        row.note = note or ""
    session.flush()
    return row


def remove_calendar_day(session: Session, day: date) -> bool:
    """Delete the table entry of ``day``; ``False`` when there was none."""
    row = session.get(CalendarDay, day)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def list_calendar_days(session: Session, year: int | None = None) -> list[CalendarDay]:
    query = select(CalendarDay).order_by(CalendarDay.day)
    if year is not None:
        query = query.where(CalendarDay.day >= date(year, 1, 1), CalendarDay.day <= date(year, 12, 31))
    return list(session.scalars(query))


# ----- parsing ------------------------------------------------------------------------------------

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_date(text: str) -> date:
    """Date typed as ``YYYY-MM-DD`` or ``DD/MM/YYYY``."""
    value = (text or "").strip()
    match = _ISO_RE.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _VN_RE.match(value)
        if not match:
            raise ValidationError(
                tr("Ngày “{value}” không đúng dạng (ví dụ 2027-02-04 hoặc 04/02/2027).", value=text)
            )
        day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise ValidationError(
            tr("Ngày {day:02d}/{month:02d}/{year} không tồn tại.", day=day, month=month, year=year)
        ) from None


def parse_datetime(text: str) -> datetime:
    """Moment typed as ``YYYY-MM-DD HH:MM`` or ``DD/MM/YYYY HH:MM`` (seconds optional)."""
    value = (text or "").strip().replace("T", " ")
    parts = value.split()
    if len(parts) != 2 or not _TIME_RE.match(parts[1]):
        raise ValidationError(
            tr(
                "Thời điểm “{value}” không đúng dạng (ví dụ 2027-02-04 16:20 hoặc 04/02/2027 16:20).",
                value=text,
            )
        )
    day = parse_date(parts[0])
    hour, minute, second = _TIME_RE.match(parts[1]).groups()
    try:
        moment = time(int(hour), int(minute), int(second or 0))
    except ValueError:
        raise ValidationError(
            tr("Giờ “{value}” không tồn tại (giờ từ 00:00 đến 23:59).", value=parts[1])
        ) from None
    return datetime.combine(day, moment)
