"""``motcua id decode PATH... [--json]``: read citizen ID cards from photos or scans of their QR code."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from typing import Any

from app.citizens import CitizenCard
from app.commands import console
from app.errors import UserError
from app.i18n import tr


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("id", help=tr("thẻ căn cước (CCCD): đọc mã QR từ ảnh"))
    commands = parser.add_subparsers(dest="id_command", metavar="SUBCOMMAND")

    decode = commands.add_parser("decode", help=tr("giải mã mã QR trên ảnh chụp hoặc ảnh quét thẻ căn cước"))
    decode.add_argument("paths", nargs="+", metavar="PATH", help=tr("tệp ảnh (PNG, JPEG, ...)"))
    decode.add_argument("--json", action="store_true", help=tr("in mỗi ảnh một dòng JSON"))
    decode.set_defaults(func=_decode)

    parser.set_defaults(func=lambda _args: console.show_help(parser))


def card_to_json(card: CitizenCard) -> dict[str, Any]:
    return {
        "id_number": card.id_number,
        "old_id_number": card.old_id_number,
        "full_name": card.full_name,
        "date_of_birth": card.date_of_birth.isoformat(),
        "sex": card.sex,
        "address": card.address,
        "issue_date": card.issue_date.isoformat() if card.issue_date else None,
    }


def _use_utf8_stdout() -> None:
    # A Windows console defaults to a legacy code page that cannot print Vietnamese names.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):
            reconfigure(encoding="utf-8")


def _decode(args: argparse.Namespace) -> int:
    # Imported here: image libraries and libzbar would otherwise load on every ``motcua`` command.
    from app.idqr import read_card_from_image

    _use_utf8_stdout()
    for path in args.paths:
        try:
            card = read_card_from_image(path)
        except UserError as exc:
            # One unreadable photo must not hide the results of the others: report it and go on.
            if args.json:
                print(json.dumps({"path": path, "error": exc.message}, ensure_ascii=False), flush=True)
            else:
                print(tr("{path}: lỗi: {message}", path=path, message=exc.message), flush=True)
            continue
        if args.json:
            print(json.dumps({"path": path, **card_to_json(card)}, ensure_ascii=False), flush=True)
        else:
            print(_human(path, card), flush=True)
    return 0


def _human(path: str, card: CitizenCard) -> str:
    lines = [
        f"{path}:",
        tr("  Số định danh: {value}", value=card.id_number),
        tr("  Số CMND cũ:   {value}", value=card.old_id_number or "—"),
        tr("  Họ và tên:    {value}", value=card.full_name),
        tr("  Ngày sinh:    {value}", value=_birth(card)),
        tr("  Giới tính:    {value}", value=card.sex),
        tr("  Nơi thường trú: {value}", value=card.address),
        tr(
            "  Ngày cấp:     {value}",
            value=card.issue_date.strftime("%d/%m/%Y") if card.issue_date else "—",
        ),
    ]
    return "\n".join(lines)


def _birth(card: CitizenCard) -> str:
    if card.birth_year_only:
        return str(card.date_of_birth.year)
    return card.date_of_birth.strftime("%d/%m/%Y")
