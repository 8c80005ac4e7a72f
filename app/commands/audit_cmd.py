"""``motcua audit verify|list``: check the hash chain of the audit log and read it without the UI."""

from __future__ import annotations

import argparse
import json

from app.commands import console
from app.i18n import tr
from app.security import audit
from app.storage import open_cli_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("audit", help="nhật ký kiểm tra (audit log)")
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    ver = actions.add_parser("verify", help="kiểm tra nhật ký có bị sửa, xoá hay đổi thứ tự không")
    ver.set_defaults(func=cmd_verify)

    lst = actions.add_parser("list", help="xem các mục nhật ký mới nhất")
    lst.add_argument("--limit", type=int, default=50, help="số mục tối đa (mặc định 50)")
    lst.add_argument("--action", default=None, help="chỉ xem một loại thao tác, ví dụ login_failed")
    lst.set_defaults(func=cmd_list)




def safe_text(value: str) -> str:
    """Escape control characters so a stored value cannot forge lines or colours in a terminal or log."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                   for ch in value)


def cmd_verify(_args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        with db.session() as session:
            report = audit.verify(session)
    finally:
        db.close()
    if report.ok:
        head = str(report.head) if report.head else "-"
        console.write(tr("Nhật ký toàn vẹn: {count} mục, đầu chuỗi {head}.", count=report.count, head=head) + "\n")
        return 0
    lines = [tr("NHẬT KÝ ĐÃ BỊ CAN THIỆP: {n} vấn đề trên {count} mục.", n=len(report.problems),
                count=report.count)]
    lines += [f"- {problem.message}" for problem in report.problems]
    console.write("\n".join(lines) + "\n")
    return 1


def cmd_list(args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        with db.session() as session:
            entries = audit.list_entries(session, limit=max(1, args.limit), action=args.action)
    finally:
        db.close()
    lines = []
    for entry in entries:
        details = "" if entry.details in ("", "{}") else json.dumps(json.loads(entry.details), ensure_ascii=False)
        fields = [str(entry.seq), entry.at, entry.operator, entry.action, entry.object_ref, details]
        lines.append("  ".join(safe_text(f) for f in fields if f != ""))
    lines.append(tr("{count} mục.", count=len(entries)))
    console.write("\n".join(lines) + "\n")
    return 0
