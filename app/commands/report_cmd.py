"""``motcua report ...``: service-quality indicators, the public late list and the deadline watch lists."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import date
from typing import Any

from app import clock
from app.i18n import tr
from app.services.deadline_watch import WatchItem, apology_reminders, due_today, due_within, overdue
from app.services.deadlines import LABELS as ON_TIME_LABELS
from app.services.indicators import GroupIndicators, Indicator, compute_indicators, late_finished
from app.settings import load_settings
from app.status import CHANNEL_LABELS, label
from app.storage import open_cli_database
from app.workdays import calendar_from_settings, parse_date


def _json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _figure(ind: Indicator) -> str:
    if ind.value is None:
        return tr("không có số liệu")
    if ind.unit == "ratio":
        return f"{ind.value * 100:.1f} % ({ind.numerator}/{ind.denominator})"
    if ind.unit == "hours":
        return tr("{value:g} giờ (trung bình trên {n} hồ sơ)", value=ind.value, n=ind.denominator)
    return f"{ind.value:g}"


def _print_group(group: GroupIndicators) -> None:
    print(f"== {group.label}")
    for ind in group.indicators():
        line = f"  {ind.label}: {_figure(ind)}"
        if ind.parts:
            parts = ", ".join(f"{tr(ON_TIME_LABELS.get(k, k))} {v}" for k, v in ind.parts.items())
            line += f" [{parts}]"
        print(line)
        if ind.note:
            print(f"    {ind.note}")
    if group.by_status:
        print("  " + tr("Theo trạng thái: ") + "; ".join(f"{label(s)} {n}" for s, n in group.by_status.items()))
    if group.by_channel:
        print("  " + tr("Theo kênh: ") + "; ".join(
            f"{tr(CHANNEL_LABELS.get(c, str(c)))} {n}" for c, n in group.by_channel.items()))


def _indicators(args: argparse.Namespace) -> int:
    start, end = parse_date(args.start), parse_date(args.end)
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            calendar = calendar_from_settings(settings, session)
            report = compute_indicators(session, start, end, by=args.by, calendar=calendar, with_codes=args.json)
    finally:
        db.close()
    if args.json:
        _json(report.to_dict())
        return 0
    print(tr("Chỉ số chất lượng phục vụ từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}", start=start, end=end))
    _print_group(report.overall)
    for group in report.groups:
        _print_group(group)
    return 0


def _watch_line(item: WatchItem) -> str:
    return (f"{item.code}\t{item.applicant}\t{item.procedure}\t{item.due_at:%H:%M %d/%m/%Y}\t"
            f"{item.official}\t{item.remaining_hours:g} h")


def _late(args: argparse.Namespace) -> int:
    now = clock.now()
    end = parse_date(args.end) if args.end else now.date()
    start = parse_date(args.start) if args.start else date(end.year, 1, 1)
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            calendar = calendar_from_settings(settings, session)
            running_late = overdue(session, now, calendar)
            finished_late = late_finished(session, start, end)
    finally:
        db.close()
    if args.json:
        _json({"now": now.isoformat(), "start": start.isoformat(), "end": end.isoformat(),
               "overdue": [asdict(i) for i in running_late], "finished_late": [asdict(i) for i in finished_late]})
        return 0
    print(tr("Hồ sơ đang quá hạn ({n}):", n=len(running_late)))
    for item in running_late:
        print("  " + _watch_line(item))
    print(tr("Hồ sơ giải quyết quá hạn từ {start:%d/%m/%Y} đến {end:%d/%m/%Y} ({n}):", start=start, end=end,
             n=len(finished_late)))
    for late in finished_late:
        print(f"  {late.code}\t{late.applicant}\t{late.procedure}\t{late.due_at:%H:%M %d/%m/%Y}\t"
              f"{late.finished_at:%H:%M %d/%m/%Y}\t{late.official}")
    return 0


def _deadlines(args: argparse.Namespace) -> int:
    now = clock.now()
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            calendar = calendar_from_settings(settings, session)
            lists = [
                (tr("Quá hạn"), overdue(session, now, calendar)),
                (tr("Đến hạn hôm nay"), due_today(session, now, calendar)),
                (tr("Đến hạn trong {n:g} ngày làm việc", n=args.days), due_within(session, now, args.days, calendar)),
                (tr("Cần lập phiếu xin lỗi (mẫu 04) trong {n:g} giờ làm việc tới", n=args.lead_hours),
                 apology_reminders(session, now, calendar, args.lead_hours)),
            ]
    finally:
        db.close()
    if args.json:
        _json({title: [asdict(i) for i in items] for title, items in lists})
        return 0
    for title, items in lists:
        print(f"{title} ({len(items)}):")
        for item in items:
            print("  " + _watch_line(item))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="báo cáo chỉ số chất lượng phục vụ, hồ sơ quá hạn")
    sub = parser.add_subparsers(dest="report_command", required=True)

    indicators = sub.add_parser("indicators", help="chỉ số chất lượng phục vụ trong một kỳ")
    indicators.add_argument("--from", dest="start", required=True, help="ngày bắt đầu, YYYY-MM-DD")
    indicators.add_argument("--to", dest="end", required=True, help="ngày kết thúc, YYYY-MM-DD")
    indicators.add_argument("--by", choices=["procedure", "field", "official"], help="nhóm theo")
    indicators.add_argument("--json", action="store_true", help="xuất JSON kèm danh sách mã hồ sơ")
    indicators.set_defaults(func=_indicators)

    late = sub.add_parser("late", help="danh sách công khai hồ sơ quá hạn và cán bộ chịu trách nhiệm")
    late.add_argument("--from", dest="start", help="ngày bắt đầu (mặc định: đầu năm)")
    late.add_argument("--to", dest="end", help="ngày kết thúc (mặc định: hôm nay)")
    late.add_argument("--json", action="store_true")
    late.set_defaults(func=_late)

    deadlines = sub.add_parser("deadlines", help="hồ sơ quá hạn, đến hạn và cần phiếu xin lỗi")
    deadlines.add_argument("--days", type=float, default=3, help="số ngày làm việc nhìn trước (mặc định 3)")
    deadlines.add_argument("--lead-hours", type=float, default=8, help="số giờ làm việc báo trước phiếu xin lỗi")
    deadlines.add_argument("--json", action="store_true")
    deadlines.set_defaults(func=_deadlines)
