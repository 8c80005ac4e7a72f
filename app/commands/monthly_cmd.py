"""``motcua report-month --month 2027-03 -o report.pdf [--xlsx F] [--csv F]``: the monthly quality report."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.fsutil import storage_error
from app.i18n import tr
from app.reports.monthly import build_monthly, parse_month, render_monthly_pdf, write_csv, write_xlsx
from app.settings import load_settings
from app.storage import open_cli_database
from app.workdays import calendar_from_settings


def _run(args: argparse.Namespace) -> int:
    start, end = parse_month(args.month)
    settings = load_settings()
    db = open_cli_database()
    try:
        with db.session() as session:
            calendar = calendar_from_settings(settings, session)
            report = build_monthly(session, settings, start, end, calendar)
    finally:
        db.close()
    written: list[Path] = []
    target = Path(args.output)
    try:
        render_monthly_pdf(report, target)
        written.append(target)
        if args.xlsx:
            write_xlsx(report, Path(args.xlsx))
            written.append(Path(args.xlsx))
        if args.csv:
            written.extend(write_csv(report, Path(args.csv)))
    except OSError as exc:
        raise storage_error(exc, target) from exc
    overall = report.overall.overall
    print(tr("Báo cáo tháng {m}: {n} hồ sơ tiếp nhận, {r} hồ sơ giải quyết.", m=report.month_text,
             n=int(overall.received.value or 0), r=overall.on_time.denominator or 0))
    for path in written:
        print(tr("Đã ghi {path}", path=path))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report-month", help="báo cáo chỉ số chất lượng phục vụ hằng tháng (PDF, XLSX, CSV)")
    parser.add_argument("--month", required=True, help="tháng báo cáo, YYYY-MM (ví dụ 2027-03)")
    parser.add_argument("-o", "--output", required=True, help="tệp PDF cần ghi")
    parser.add_argument("--xlsx", help="ghi thêm tệp XLSX (chỉ số, danh sách hồ sơ, hồ sơ quá hạn)")
    parser.add_argument("--csv", help="ghi thêm tệp CSV chỉ số (danh sách hồ sơ ghi vào <tên>-ho-so.csv)")
    parser.set_defaults(func=_run)
