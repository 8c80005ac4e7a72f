"""``motcua privacy purge|export``: the retention rule and a citizen's request for their data, without the UI.

``export`` needs a leader or administrator: their password is asked at a hidden prompt (or read from standard
input with ``--password-stdin``), as for the operator commands.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import console
from app.commands.operator_cmd import _Passwords
from app.i18n import tr
from app.security import operators
from app.services import citizen_export, retention
from app.settings import load_settings
from app.storage import open_cli_storage


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("privacy", help="bảo vệ dữ liệu cá nhân: thời hạn lưu giữ, trích xuất dữ liệu")
    actions = parser.add_subparsers(dest="privacy_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    purge = actions.add_parser("purge", help="xoá dữ liệu cá nhân của hồ sơ đã trả quá thời hạn lưu giữ "
                                             "(chỉ hồ sơ tỉnh đã nhận đủ)")
    purge.add_argument("--days", type=int, default=None,
                       help="số ngày giữ sau khi trả kết quả (mặc định: theo cài đặt retention_days)")
    purge.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không thay đổi gì")
    purge.add_argument("--yes", action="store_true", help="không hỏi lại")
    purge.set_defaults(func=cmd_purge)

    export = actions.add_parser("export", help="trích xuất toàn bộ dữ liệu của một công dân (theo số CCCD/CMND)")
    export.add_argument("--id-number", required=True, help="số CCCD (12 số) hoặc CMND (9 số)")
    export.add_argument("-o", "--output", required=True, help="tệp .zip kết quả")
    export.add_argument("--operator", required=True, help="tên đăng nhập của lãnh đạo hoặc quản trị viên")
    export.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ đầu vào chuẩn")
    export.set_defaults(func=cmd_export)


def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    try:
        answer = input(question + " [c/K] ")
    except (EOFError, OSError):
        return False
    return answer.strip().casefold() in {"c", "có", "y", "yes"}


def cmd_purge(args: argparse.Namespace) -> int:
    days = args.days if args.days is not None else load_settings().retention_days
    if days <= 0:
        console.write_line(tr("Chưa đặt thời hạn lưu giữ (retention_days = 0): không xoá gì."))
        return 0
    storage = open_cli_storage()
    try:
        preview = retention.run_purge(storage.db, storage.store, days, dry_run=True)
        for code in preview.purged:
            console.write_line(tr("{code}: sẽ xoá dữ liệu cá nhân", code=code))
        for code in preview.kept_unconfirmed:
            console.write_line(tr("{code}: giữ lại (tỉnh chưa xác nhận nhận đủ hồ sơ và tệp)", code=code))
        console.write_line(tr("{n} hồ sơ quá {days} ngày sau khi trả kết quả và tỉnh đã nhận đủ; {k} hồ sơ được "
                              "giữ vì chưa đồng bộ xong.", n=len(preview.purged), days=days,
                              k=len(preview.kept_unconfirmed)))
        if args.dry_run or not preview.purged:
            return 0
        if not _confirm(tr("Xoá dữ liệu cá nhân và bản scan của {n} hồ sơ trên máy này?", n=len(preview.purged)),
                        args.yes):
            console.write_line(tr("Đã huỷ, dữ liệu không thay đổi."))
            return 1
        report = retention.run_purge(storage.db, storage.store, days)
    finally:
        storage.close()
    console.write_line(tr("Đã xoá dữ liệu cá nhân của {n} hồ sơ và {files} tệp scan.", n=len(report.purged),
                          files=report.files))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    number = citizen_export.normalise_id_number(args.id_number)
    storage = open_cli_storage()
    try:
        secret = _Passwords(args.password_stdin).ask(tr("Mật khẩu của {name}", name=args.operator))
        actor = operators.login(storage.db, args.operator, secret)
        operators.require(actor, operators.CITIZEN_DATA)
        with storage.db.session() as session:
            result = citizen_export.export_citizen(session, storage.store, actor, number,
                                                   Path(args.output).expanduser(),
                                                   unit_name=load_settings().unit_name)
    finally:
        storage.close()
    console.write_line(tr("Đã trích xuất {n} hồ sơ ({codes}) và {files} tệp vào {path}.", n=len(result.codes),
                          codes=", ".join(result.codes), files=result.files, path=result.path))
    console.write_line(tr("Tệp chứa dữ liệu cá nhân: chỉ giao cho đúng người yêu cầu, không để lại trên máy."))
    return 0
