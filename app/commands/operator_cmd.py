"""``motcua operator init-admin|add|list|disable|passwd``: local accounts without the UI.

Passwords are typed at a hidden prompt, or read one per line from standard input with ``--password-stdin``
(scripts, tests); never from the command line, where they would end up in the shell history.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from app.commands import console
from app.errors import ValidationError
from app.i18n import tr
from app.security import operators
from app.storage import open_cli_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("operator", help="tài khoản người dùng của máy trạm")
    actions = parser.add_subparsers(dest="operator_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    init = actions.add_parser("init-admin", help="tạo tài khoản quản trị đầu tiên")
    init.add_argument("username")
    init.add_argument("--full-name", required=True, help="họ tên")
    _stdin_flag(init)
    init.set_defaults(func=cmd_init_admin)

    add = actions.add_parser("add", help="thêm người dùng (cần quản trị viên)")
    add.add_argument("username")
    add.add_argument("--full-name", required=True, help="họ tên")
    add.add_argument("--role", choices=sorted(operators.ROLES), default=operators.OFFICIAL, help="vai trò")
    add.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")
    _stdin_flag(add)
    add.set_defaults(func=cmd_add)

    lst = actions.add_parser("list", help="liệt kê người dùng")
    lst.set_defaults(func=cmd_list)

    dis = actions.add_parser("disable", help="khoá một tài khoản (cần quản trị viên)")
    dis.add_argument("username")
    dis.add_argument("--admin", required=True, help="tên đăng nhập của quản trị viên")
    _stdin_flag(dis)
    dis.set_defaults(func=cmd_disable)

    pwd = actions.add_parser("passwd", help="đổi mật khẩu (hoặc đặt lại, với --admin)")
    pwd.add_argument("username")
    pwd.add_argument("--admin", default=None, help="quản trị viên đặt lại mật khẩu tạm thời")
    _stdin_flag(pwd)
    pwd.set_defaults(func=cmd_passwd)


def _stdin_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ đầu vào chuẩn, mỗi dòng một")



class _Passwords:
    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise ValidationError(tr("Thiếu mật khẩu ở đầu vào chuẩn."))
            return line.rstrip("\r\n")
        value = getpass.getpass(prompt + ": ")
        if confirm and getpass.getpass(tr("Nhập lại mật khẩu") + ": ") != value:
            raise ValidationError(tr("Hai lần nhập mật khẩu không khớp."))
        return value


def cmd_init_admin(args: argparse.Namespace) -> int:
    secret = _Passwords(args.password_stdin).ask(tr("Mật khẩu quản trị viên"), confirm=True)
    db = open_cli_database()
    try:
        with db.session() as session:
            admin = operators.create_first_admin(session, args.username, args.full_name, secret)
    finally:
        db.close()
    print(tr("Đã tạo tài khoản quản trị “{name}”.", name=admin.username))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    prompts = _Passwords(args.password_stdin)
    db = open_cli_database()
    try:
        admin = operators.login(db, args.admin, prompts.ask(tr("Mật khẩu của {name}", name=args.admin)))
        secret = prompts.ask(tr("Mật khẩu tạm thời cho người dùng mới"), confirm=True)
        with db.session() as session:
            added = operators.add_operator(session, admin, args.username, args.full_name, args.role, secret)
    finally:
        db.close()
    print(tr("Đã thêm “{name}” ({role}); người dùng phải đổi mật khẩu ở lần đăng nhập đầu.",
             name=added.username, role=operators.ROLES[added.role]))
    return 0


def cmd_list(_args: argparse.Namespace) -> int:
    db = open_cli_database()
    try:
        with db.session() as session:
            rows = operators.list_operators(session)
    finally:
        db.close()
    width = max((len(o.username) for o in rows), default=0)
    for o in rows:
        state = tr("đang dùng") if o.active else tr("đã khoá")
        if o.locked_until:
            state += " · " + tr("tạm khoá đến {time}", time=o.locked_until.strftime("%H:%M %d/%m"))
        print(f"{o.username:<{width}}  {operators.ROLES.get(o.role, o.role):<20}  {state:<12}  {o.full_name}")
    print(tr("{count} người dùng.", count=len(rows)))
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    prompts = _Passwords(args.password_stdin)
    db = open_cli_database()
    try:
        admin = operators.login(db, args.admin, prompts.ask(tr("Mật khẩu của {name}", name=args.admin)))
        with db.session() as session:
            operators.disable_operator(session, admin, args.username)
    finally:
        db.close()
    print(tr("Đã khoá tài khoản “{name}”.", name=operators.normalise_username(args.username)))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    prompts = _Passwords(args.password_stdin)
    db = open_cli_database()
    try:
        if args.admin:
            admin = operators.login(db, args.admin, prompts.ask(tr("Mật khẩu của {name}", name=args.admin)))
            secret = prompts.ask(tr("Mật khẩu tạm thời mới"), confirm=True)
            with db.session() as session:
                operators.reset_password(session, admin, args.username, secret)
        else:
            old = prompts.ask(tr("Mật khẩu hiện tại"))
            # Through login, so guessing the old password here counts towards the lockout too.
            operators.login(db, args.username, old)
            new = prompts.ask(tr("Mật khẩu mới"), confirm=True)
            with db.session() as session:
                operators.change_password(session, operators.get_operator(session, args.username), old, new)
    finally:
        db.close()
    print(tr("Đã đổi mật khẩu của “{name}”.", name=operators.normalise_username(args.username)))
    return 0
