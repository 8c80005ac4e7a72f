"""``motcua catalogue import|export|list``: maintain the procedure catalogue without the UI.

``import`` takes only a file signed by a key in ``catalogue_public_keys`` (a detached ``<file>.sig`` or a
signed envelope): the catalogue decides fees and legal deadlines printed on receipts, so a file passed around
by e-mail or USB stick must be the province's. ``--unsigned`` exists for the one case the province cannot
sign yet (first set-up of a pilot, a key not yet distributed): it needs an administrator's password and leaves
an audit entry with the file's SHA-256, so an unsigned import is always attributable and can be traced to
the exact file.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from app import catalogue
from app.commands import console
from app.commands.operator_cmd import _Passwords
from app.db import Database
from app.errors import ValidationError
from app.fsutil import atomic_write_text
from app.i18n import tr
from app.models import Operator
from app.security import audit, operators, signing
from app.settings import load_settings
from app.storage import open_cli_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("catalogue", help="danh mục thủ tục hành chính")
    actions = parser.add_subparsers(dest="catalogue_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    imp = actions.add_parser("import", help="nhập danh mục từ tệp JSON đã ký số")
    imp.add_argument("file", help="tệp danh mục (JSON kèm tệp chữ ký .sig, hoặc tệp đã ký dạng phong bì)")
    imp.add_argument("--unsigned", action="store_true",
                     help="nhập tệp chưa ký số (cần mật khẩu quản trị viên, được ghi vào nhật ký kiểm tra)")
    imp.add_argument("--admin", default=None, help="tên đăng nhập quản trị viên (bắt buộc với --unsigned)")
    imp.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ đầu vào chuẩn")
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
    # Validate the file (signature, then content) before touching the database: a bad file changes nothing.
    path = Path(args.file)
    db = open_cli_database()
    try:
        if args.unsigned:
            actor, new, details = _unsigned(db, args, path)
        else:
            actor, new, details = None, _verified(db, path), {"signed": True}
        with db.session() as session:
            result = catalogue.import_catalogue(session, new)
            audit.record(session, actor, audit.CATALOGUE_IMPORT, f"catalogue:{result.version}"[:128],
                         {**details, "added": result.added, "updated": result.updated,
                          "deactivated": result.deactivated})
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


def _verified(db: Database, path: Path) -> catalogue.Catalogue:
    keys = load_settings().catalogue_public_keys
    try:
        return signing.load_verified_catalogue(path, keys)
    except signing.SignatureError as exc:
        with db.session() as session:
            audit.record(session, None, audit.SIGNATURE_REJECTED, "catalogue:file",
                         {"source": "import", "sha256": _sha256(path), "reason": (exc.detail or "")[:200]})
        if not keys:
            raise ValidationError(tr(
                "Chưa cài đặt khoá công khai của tỉnh (catalogue_public_keys) nên không kiểm tra được chữ ký "
                "của tệp danh mục. Hãy nhập khoá của tỉnh vào cài đặt, hoặc (chỉ quản trị viên) dùng --unsigned "
                "--admin TÊN nếu tỉnh chưa ký được tệp.")) from exc
        raise


def _unsigned(db: Database, args: argparse.Namespace, path: Path) -> tuple[Operator, catalogue.Catalogue, dict]:
    if not args.admin:
        raise ValidationError(tr("Nhập tệp danh mục chưa ký số cần quản trị viên: thêm --admin TÊN_ĐĂNG_NHẬP."))
    password = _Passwords(args.password_stdin).ask(tr("Mật khẩu của {name}", name=args.admin))
    admin = operators.require(operators.login(db, args.admin, password), operators.IMPORT_CATALOGUE)
    new = catalogue.load_catalogue_file(path)
    print(tr("Cảnh báo: tệp danh mục chưa được ký số; việc nhập được ghi vào nhật ký kiểm tra."), file=sys.stderr)
    return admin, new, {"signed": False, "sha256": _sha256(path)}


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


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
