"""``motcua forms render CODE --form 01 -o out.pdf`` and ``motcua forms register``: papers without the UI."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.errors import ValidationError
from app.i18n import tr
from app.services.papers import render_dossier_paper, render_register_pdf
from app.settings import load_settings
from app.storage import open_cli_database


def _render(args: argparse.Namespace) -> int:
    settings = load_settings()
    db = open_cli_database()
    with db.session() as session:
        render_dossier_paper(session, settings, args.dossier, args.form, Path(args.output))
    print(args.output)
    return 0


def _register(args: argparse.Namespace) -> int:
    try:
        start, end = date.fromisoformat(args.start), date.fromisoformat(args.end)
    except ValueError as exc:
        raise ValidationError(tr("Ngày không hợp lệ (dạng YYYY-MM-DD): {error}", error=exc)) from exc
    settings = load_settings()
    db = open_cli_database()
    with db.session() as session:
        count = render_register_pdf(session, settings, start, end, Path(args.output))
    print(tr("{n} hồ sơ → {path}", n=count, path=args.output))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("forms", help="in giấy tờ theo mẫu")
    sub = parser.add_subparsers(dest="forms_command", required=True)
    render = sub.add_parser("render", help="in mẫu 01–05 của một hồ sơ ra PDF")
    render.add_argument("dossier", help="mã hồ sơ")
    render.add_argument("--form", default="01", choices=["01", "02", "03", "04", "05"])
    render.add_argument("-o", "--output", required=True)
    render.set_defaults(func=_render)
    reg = sub.add_parser("register", help="in sổ theo dõi hồ sơ (mẫu 06)")
    reg.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    reg.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    reg.add_argument("-o", "--output", required=True)
    reg.set_defaults(func=_register)
