"""``motcua calendar``: due dates, the list of days off and the editable table of exceptions."""

from __future__ import annotations

import argparse
from datetime import date, datetime, timedelta

from app.commands import console
from app.errors import NotFoundError
from app.i18n import tr
from app.settings import load_settings
from app.storage import open_cli_database
from app.workdays import (
    WorkCalendar,
    calendar_from_settings,
    format_day,
    list_calendar_days,
    parse_date,
    parse_datetime,
    remove_calendar_day,
    set_calendar_day,
)


def _number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(tr("“{value}” không phải là số.", value=text)) from None


def _load_calendar() -> WorkCalendar:
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            return calendar_from_settings(settings, session)
    finally:
        db.close()


def _cmd_due(args: argparse.Namespace) -> int:
    received = (
        parse_datetime(args.received) if args.received else datetime.now().replace(second=0, microsecond=0)
    )
    calendar = _load_calendar()
    if args.same_day:
        due = calendar.due(received, 0, "same_day")
        what = tr("trong ngày (quy tắc {cutoff})", cutoff=calendar.rules.same_day_cutoff.strftime("%H:%M"))
    elif args.hours is not None:
        due = calendar.due(received, args.hours, "working_hours")
        what = tr("{n:g} giờ làm việc", n=args.hours)
    else:
        due = calendar.due(received, args.days, "working_days")
        what = tr("{n:g} ngày làm việc", n=args.days)
    print(due.strftime("%Y-%m-%d %H:%M"))
    print(
        tr(
            "Tiếp nhận {received}, thời hạn {what}: hẹn trả {hour} {day}.",
            received=received.strftime("%H:%M %d/%m/%Y"),
            what=what,
            hour=due.strftime("%H:%M"),
            day=format_day(due.date()),
        )
    )
    skipped = calendar.days_off_between(received.date(), due.date())
    if skipped:
        listed = "; ".join(f"{d.strftime('%d/%m/%Y')} ({name})" for d, name in skipped)
        print(tr("Đã bỏ qua ngày nghỉ: {days}.", days=listed))
    print(tr("Phiên bản lịch: {version}", version=calendar.version))
    return 0


def _cmd_holidays(args: argparse.Namespace) -> int:
    year = args.year or date.today().year
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            calendar = calendar_from_settings(settings, session)
            table = {row.day: row for row in list_calendar_days(session, year)}
    finally:
        db.close()
    days = set(table)
    day = date(year, 1, 1)
    while day.year == year:
        if calendar.public_holiday_name(day) is not None:
            days.add(day)
        day += timedelta(days=1)
    print(tr("Ngày nghỉ và ngày làm bù năm {year}:", year=year))
    if not days:
        print(tr("(không có)"))
    for d in sorted(days):
        row = table.get(d)
        if row is not None and row.kind == "work":
            label = tr("làm bù")
            name = row.note or calendar.public_holiday_name(d) or ""
        elif row is not None:
            label = tr("nghỉ (bảng của đơn vị)")
            name = calendar.holiday_name(d) or ""
        else:
            label = tr("nghỉ lễ")
            name = calendar.holiday_name(d) or ""
        print(f"{d.isoformat()}  {format_day(d):<22}  {label:<22}  {name}".rstrip())
    print(tr("Phiên bản lịch: {version}", version=calendar.version))
    return 0


def _cmd_set_day(args: argparse.Namespace) -> int:
    day = parse_date(args.date)
    kind = "off" if args.off else "work"
    db = open_cli_database()
    try:
        with db.session() as session:
            set_calendar_day(session, day, kind, args.note or "")
    finally:
        db.close()
    if kind == "off":
        print(tr("Đã đặt {day} là ngày nghỉ.", day=format_day(day)))
    else:
        print(tr("Đã đặt {day} là ngày làm việc (làm bù).", day=format_day(day)))
    print(tr("Phiên bản lịch: {version}", version=_load_calendar().version))
    return 0


def _cmd_remove_day(args: argparse.Namespace) -> int:
    day = parse_date(args.date)
    db = open_cli_database()
    try:
        with db.session() as session:
            removed = remove_calendar_day(session, day)
    finally:
        db.close()
    if not removed:
        raise NotFoundError(tr("Ngày {day} không có trong bảng lịch của đơn vị.", day=format_day(day)))
    print(tr("Đã xoá {day} khỏi bảng lịch của đơn vị.", day=format_day(day)))
    print(tr("Phiên bản lịch: {version}", version=_load_calendar().version))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("calendar", help="lịch làm việc, ngày nghỉ và hạn trả kết quả")
    commands = parser.add_subparsers(dest="calendar_command", metavar="SUBCOMMAND")

    parser.set_defaults(func=lambda _args: console.show_help(parser))

    due = commands.add_parser("due", help="tính hạn trả kết quả")
    due.add_argument("--received", help='thời điểm tiếp nhận, ví dụ "2027-02-04 16:20" (mặc định: bây giờ)')
    amount = due.add_mutually_exclusive_group(required=True)
    amount.add_argument("--days", type=_number, help="số ngày làm việc")
    amount.add_argument("--hours", type=_number, help="số giờ làm việc")
    amount.add_argument(
        "--same-day", action="store_true", help="trả trong ngày (sau giờ chốt: ngày làm việc kế tiếp)"
    )
    due.set_defaults(func=_cmd_due)

    hol = commands.add_parser("holidays", help="liệt kê ngày nghỉ và ngày làm bù của một năm")
    hol.add_argument("--year", type=int, help="năm (mặc định: năm nay)")
    hol.set_defaults(func=_cmd_holidays)

    set_day = commands.add_parser("set-day", help="thêm ngày nghỉ hoặc ngày làm bù vào bảng của đơn vị")
    set_day.add_argument("date", help="ngày, ví dụ 2027-02-12 hoặc 12/02/2027")
    kind = set_day.add_mutually_exclusive_group(required=True)
    kind.add_argument("--off", action="store_true", help="ngày nghỉ")
    kind.add_argument("--work", action="store_true", help="ngày làm việc (làm bù)")
    set_day.add_argument("--note", default="", help="ghi chú, ví dụ căn cứ quyết định")
    set_day.set_defaults(func=_cmd_set_day)

    remove = commands.add_parser("remove-day", help="xoá một ngày khỏi bảng của đơn vị")
    remove.add_argument("date", help="ngày, ví dụ 2027-02-12")
    remove.set_defaults(func=_cmd_remove_day)
