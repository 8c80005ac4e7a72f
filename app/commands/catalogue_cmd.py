"""``motcua catalogue import|export|list``: maintain the procedure catalogue without the UI."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import catalogue
from app.commands import console
from app.fsutil import atomic_write_text
from app.i18n import tr
from app.storage import open_cli_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalogue", help="danh mục thủ tục hành chính")
    actions = parser.add_subparsers(dest="catalogue_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    imp = actions.add_parser("import", help="nhập danh mục từ tệp JSON")
    imp.add_argument("file", help="tệp danh mục (JSON)")
    imp.set_defaults(func=cmd_import)

    exp = actions.add_parser("export", help="xuất danh mục đang dùng ra JSON")
    exp.add_argument("-o", "--output", help="tệp đích (mặc định: in ra màn hình)")
    exp.set_defaults(func=cmd_export)

    lst = actions.add_parser("list", help="liệt kê hoặc tìm thủ tục (không phân biệt dấu)")
    lst.add_argument("query", nargs="?", default="", help="từ khóa, ví dụ: khai sinh")
    lst.add_argument("--all", action="store_true", help="kể cả thủ tục đã ngừng áp dụng")
    lst.add_argument("--limit", type=int, default=None, help="số dòng tối đa")
    lst.set_defaults(func=cmd_list)




def cmd_import(args: argparse.Namespace) -> int:
    # Validate the file before touching the database: a bad file must change nothing.
    new = catalogue.load_catalogue_file(Path(args.file))
    db = open_cli_database()
    try:
        with db.session() as session:
            result = catalogue.import_catalogue(session, new)
    finally:
        db.close()
    console.write(
        tr(
            "Đã nhập danh mục phiên bản {version}: thêm {added}, cập nhật {updated}, "
            "không đổi {unchanged}, ngừng áp dụng {deactivated} thủ tục.",
            version=result.version, added=result.added, updated=result.updated,
            unchanged=result.unchanged, deactivated=result.deactivated,
        )
        + "\n"
    )
    if result.deactivated_codes:
        console.write(tr("Ngừng áp dụng: {codes}", codes=", ".join(result.deactivated_codes)) + "\n")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        with db.session() as session:
            catalogue.ensure_seeded(session)
            data = catalogue.export_catalogue(session)
    finally:
        db.close()
    text = catalogue.catalogue_to_json(data)
    if args.output:
        path = Path(args.output)
        atomic_write_text(path, text)
        print(
            tr("Đã xuất {count} thủ tục ra {path}.", count=len(data["procedures"]), path=path),
            file=sys.stderr,
        )
    else:
        console.write(text)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        with db.session() as session:
            catalogue.ensure_seeded(session)
            found = catalogue.search_procedures(session, args.query, limit=args.limit, include_inactive=args.all)
            inactive = {spec.code for spec in found if not catalogue.is_active(session, spec.code)}
            version = catalogue.catalogue_version(session) or "-"
    finally:
        db.close()
    width = max((len(spec.code) for spec in found), default=0)
    lines = []
    for spec in found:
        mark = " " + tr("(ngừng áp dụng)") if spec.code in inactive else ""
        deadline = catalogue.describe_processing(spec.processing)
        lines.append(f"{spec.code:<{width}}  {deadline:<16}  {spec.name}{mark}")
    lines.append(tr("{count} thủ tục (danh mục {version}).", count=len(found), version=version))
    console.write("\n".join(lines) + "\n")
    return 0
