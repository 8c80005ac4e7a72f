"""Headless command line: ``motcua <command> ...``.

Each command lives in ``app/commands/<name>_cmd.py`` with ``register(subparsers)``; handlers take the parsed
arguments and return an exit code. User errors print their Vietnamese message and exit with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from app import __version__, paths
from app.errors import UserError

COMMAND_MODULES: tuple[str, ...] = (
    "app.commands.catalogue_cmd",
    "app.commands.calendar_cmd",
    "app.commands.dossier_cmd",
    "app.commands.forms_cmd",
    "app.commands.id_cmd",
    "app.commands.report_cmd",
    "app.commands.audit_cmd",
    "app.commands.operator_cmd",
    "app.commands.monthly_cmd",
    "app.commands.backup_cmd",
    "app.commands.privacy_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="motcua", description="Một Cửa — phần mềm tiếp nhận hồ sơ tại xã")
    parser.add_argument("--version", action="version", version=f"motcua {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu (mặc định: thư mục dữ liệu người dùng)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def command_names() -> set[str]:
    return {name.rsplit(".", 1)[1].removesuffix("_cmd") for name in COMMAND_MODULES}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args) or 0)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
