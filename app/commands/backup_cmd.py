"""``motcua backup create|list|restore|undo-restore|check``: backups of the data folder without the UI.

A restore replaces the data of this workstation, so it asks for confirmation unless ``--yes`` is given, and
it must run while the app is closed (the database file is moved).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app import backup, paths
from app.commands import console
from app.i18n import tr
from app.security import audit
from app.storage import database_key, open_cli_database

BACKUP_CREATE = backup.BACKUP_CREATE
BACKUP_RESTORE = backup.BACKUP_RESTORE


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="sao lưu và khôi phục dữ liệu")
    actions = parser.add_subparsers(dest="backup_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: console.show_help(parser))

    create = actions.add_parser("create", help="tạo bản sao lưu (cơ sở dữ liệu và tệp đính kèm)")
    create.add_argument("-o", "--output", default=None,
                        help="thư mục lưu bản sao lưu, ví dụ ổ USB (mặc định: thư mục backups)")
    create.add_argument("--keep", type=int, default=None, help="chỉ giữ N bản mới nhất trong thư mục đó")
    create.set_defaults(func=cmd_create)

    lst = actions.add_parser("list", help="liệt kê các bản sao lưu")
    lst.add_argument("-o", "--output", default=None, help="thư mục chứa bản sao lưu (mặc định: thư mục backups)")
    lst.set_defaults(func=cmd_list)

    restore = actions.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (đóng ứng dụng trước)")
    restore.add_argument("file", help="tệp sao lưu motcua-backup-….zip")
    restore.add_argument("--yes", action="store_true", help="không hỏi lại")
    restore.set_defaults(func=cmd_restore)

    undo = actions.add_parser("undo-restore", help="trả lại dữ liệu trước lần khôi phục")
    undo.add_argument("folder", nargs="?", default=None,
                      help="thư mục before-restore-… (mặc định: lần khôi phục gần nhất)")
    undo.add_argument("--yes", action="store_true", help="không hỏi lại")
    undo.set_defaults(func=cmd_undo)

    check = actions.add_parser("check", help="kiểm tra tính toàn vẹn của dữ liệu")
    check.set_defaults(func=cmd_check)




def _confirm(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    try:
        answer = input(question + " [c/K] ")
    except EOFError:
        return False
    return answer.strip().casefold() in {"c", "có", "y", "yes"}


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB".replace(".", ",")


def cmd_create(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser() if args.output else None
    # Opening migrates an old schema first, so the archive always carries a schema this version knows.
    db = open_cli_database()
    try:
        run = backup.run_backup(db, target or paths.backups_dir(), keep=args.keep if args.keep and args.keep > 0 else None, actor=audit.SYSTEM,
                                create_folder=True)
    finally:
        db.close()
    made = run.backup
    console.write_line(tr("Đã sao lưu vào {path} ({size}, {n} tệp đính kèm).", path=made.path, size=_size(made.size),
            n=made.manifest.attachment_count))
    if run.pruned:
        console.write_line(tr("Đã xoá {n} bản sao lưu cũ.", n=len(run.pruned)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    folder = Path(args.output).expanduser() if args.output else paths.backups_dir()
    archives = backup.list_backups(folder)
    for path in archives:
        try:
            manifest = backup.read_manifest(path)
            info = tr("{time}  {size}  {n} tệp đính kèm  lược đồ {rev}",
                      time=manifest.created_at.strftime("%H:%M %d/%m/%Y"), size=_size(path.stat().st_size),
                      n=manifest.attachment_count, rev=manifest.schema_revision or "-")
        except Exception as exc:  # noqa: BLE001 - one unreadable file must not hide the others
            info = tr("không đọc được ({error})", error=getattr(exc, "message", exc))
        console.write_line(f"{path.name}  {info}")
    console.write_line(tr("{n} bản sao lưu trong {folder}.", n=len(archives), folder=folder))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    archive = Path(args.file).expanduser()
    manifest = backup.verify_backup(archive)
    console.write_line(tr("Bản sao lưu lúc {time}: {n} tệp đính kèm, đã kiểm tra mã băm.",
            time=manifest.created_at.strftime("%H:%M %d/%m/%Y"), n=manifest.attachment_count))
    if not _confirm(tr("Thay dữ liệu hiện tại bằng bản sao lưu này? Dữ liệu hiện tại được giữ lại để có thể "
                       "hoàn tác."), args.yes):
        console.write_line(tr("Đã huỷ, dữ liệu không thay đổi."))
        return 1
    key = database_key()
    result = backup.restore_backup(archive, paths.data_dir(), key=key.key if key else None)
    db = open_cli_database()  # migrates a backup made by an older version
    try:
        with db.session() as session:
            audit.record(session, audit.SYSTEM, BACKUP_RESTORE, f"backup:{archive.name}"[:128],
                         {"schema": manifest.schema_revision})
    finally:
        db.close()
    console.write_line(tr("Đã khôi phục. Dữ liệu trước đó được giữ tại {path}.", path=result.previous))
    console.write_line(tr("Để hoàn tác: motcua backup undo-restore \"{path}\"", path=result.previous))
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    if args.folder:
        previous = Path(args.folder).expanduser()
    else:
        points = backup.restore_points()
        if not points:
            console.write_line(tr("Không có lần khôi phục nào để hoàn tác."))
            return 1
        previous = points[0]
    if not _confirm(tr("Trả lại dữ liệu từ {path}?", path=previous), args.yes):
        console.write_line(tr("Đã huỷ, dữ liệu không thay đổi."))
        return 1
    undone = backup.undo_restore(previous)
    console.write_line(tr("Đã hoàn tác lần khôi phục. Dữ liệu đã khôi phục được giữ tại {path}.", path=undone))
    return 0


def cmd_check(_args: argparse.Namespace) -> int:
    key = database_key()
    problems = backup.check_data(paths.database_path(), key=key.key if key else None)
    if not problems:
        console.write_line(tr("Dữ liệu toàn vẹn: không phát hiện lỗi."))
        return 0
    console.write_line(tr("PHÁT HIỆN {n} VẤN ĐỀ TRONG DỮ LIỆU:", n=len(problems)))
    for problem in problems:
        console.write_line(f"- {problem}")
    console.write_line(tr("Đừng xoá hay sửa tệp dữ liệu. Hãy sao chép cả thư mục {folder} sang ổ khác, rồi khôi phục bản "
            "sao lưu gần nhất (motcua backup list, motcua backup restore) hoặc liên hệ hỗ trợ kỹ thuật.",
            folder=paths.data_dir()))
    return 1
