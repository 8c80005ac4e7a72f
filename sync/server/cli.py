"""Operator commands of the reference server: serve, enroll, revoke, set-status, list, catalogue-publish,
import-transfer, audit-alerts, audit-accept, catalogue-key, status-conflicts.

Every command takes ``--db`` (a SQLAlchemy URL or a SQLite file path; default from ``MOTCUA_SERVER_DB``).
Messages are for the operator, in Vietnamese.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from app.errors import ValidationError
from app.i18n import tr
from sync.server.db import ServerDatabase
from sync.server.errors import ApiError

DB_ENV = "MOTCUA_SERVER_DB"
STORAGE_ENV = "MOTCUA_SERVER_STORAGE"
MIN_CLIENT_ENV = "MOTCUA_MIN_CLIENT_VERSION"
LATEST_CLIENT_ENV = "MOTCUA_LATEST_CLIENT_VERSION"


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=os.environ.get(DB_ENV, "motcua-server.sqlite3"),
                        help=f"SQLAlchemy URL or SQLite file path (default: ${DB_ENV})")


def _add_signing_key(parser: argparse.ArgumentParser) -> None:
    from sync.server.signing_key import KEY_ENV, default_key_path

    parser.add_argument("--signing-key", default=default_key_path(),
                        help=f"file holding the catalogue signing key, created if missing (default: ${KEY_ENV})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync.server", description="Motcua reference sync server")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8600)
    serve.add_argument("--storage", default=os.environ.get(STORAGE_ENV, "motcua-server-files"),
                       help="folder for uploaded attachments")
    serve.add_argument("--max-upload-size", type=int, default=None, help="Tus-Max-Size in bytes")
    serve.add_argument("--log-level", default="warning")
    serve.add_argument("--min-client-version", default=os.environ.get(MIN_CLIENT_ENV, "0.1.0"),
                       help="oldest workstation version accepted, announced in the hello; older ones get a "
                            f"grace period, then stop taking new dossiers (default: ${MIN_CLIENT_ENV} or 0.1.0)")
    serve.add_argument("--latest-client-version", default=os.environ.get(LATEST_CLIENT_ENV) or None,
                       help="newest workstation version released, announced in the hello "
                            f"(default: ${LATEST_CLIENT_ENV} or this server's own version)")
    _add_db(serve)

    enroll = commands.add_parser("enroll", help="enrol a workstation and print its token once")
    enroll.add_argument("--unit", required=True, help="unit (commune) id")
    enroll.add_argument("--name", required=True, help="workstation name, unique")
    _add_db(enroll)

    revoke = commands.add_parser("revoke", help="revoke a workstation's token")
    revoke.add_argument("name")
    _add_db(revoke)

    status = commands.add_parser("set-status", help="record a status change the workstations will pull")
    status.add_argument("code", help="dossier code")
    status.add_argument("status", type=int, help="national status code (1-10)")
    status.add_argument("--note", default="")
    status.add_argument("--actor", default="")
    _add_db(status)

    listing = commands.add_parser("list", help="list enrolled workstations")
    _add_db(listing)

    publish = commands.add_parser("catalogue-publish", help="publish a catalogue file (app format), signed")
    publish.add_argument("file")
    _add_signing_key(publish)
    _add_db(publish)

    catalogue_key = commands.add_parser("catalogue-key",
                                        help="print the public key workstations must trust for catalogue "
                                             "releases (creates the signing key on first use)")
    _add_signing_key(catalogue_key)

    alerts = commands.add_parser("audit-alerts", help="list tamper alerts raised by workstations' audit heads")
    alerts.add_argument("--all", action="store_true", help="include alerts already closed")
    alerts.add_argument("--json", action="store_true", help="one JSON object per line")
    _add_db(alerts)

    accept = commands.add_parser("audit-accept",
                                 help="after an investigation: close a workstation's alerts and take its "
                                      "current audit head as the new baseline")
    accept.add_argument("name", help="workstation name")
    _add_db(accept)

    conflicts = commands.add_parser("status-conflicts",
                                    help="list pushed revisions that met a newer province status change")
    conflicts.add_argument("--limit", type=int, default=50, help="newest first; default 50")
    conflicts.add_argument("--json", action="store_true", help="one JSON object per line")
    _add_db(conflicts)

    transfer = commands.add_parser("import-transfer", help="import an offline transfer file (USB stick)")
    transfer.add_argument("file")
    transfer.add_argument("--key", required=True, help="file with the province's X25519 private key (base64)")
    transfer.add_argument("--trust", required=True, nargs="+", metavar="PUBKEY_FILE",
                          help="files with trusted workstation Ed25519 public keys (base64)")
    transfer.add_argument("--storage", default=os.environ.get(STORAGE_ENV, "motcua-server-files"),
                          help="folder for uploaded attachments (the one `serve` uses)")
    _add_db(transfer)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from sync.server.app import DEFAULT_MAX_UPLOAD, create_app

    app = create_app(args.db, args.storage, max_upload_size=args.max_upload_size or DEFAULT_MAX_UPLOAD,
                     min_client_version=args.min_client_version, latest_client_version=args.latest_client_version)
    # The app sets Date itself on every reply (clock-skew checks), so uvicorn must not add a second one.
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, date_header=False,
                server_header=False)
    return 0


def _import_transfer(db: ServerDatabase, args: argparse.Namespace) -> int:
    from pathlib import Path

    from sync.server.transfer_import import import_transfer

    def read_key(path: str) -> str:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValidationError(tr("Không đọc được tệp khoá {path}: {error}", path=path,
                                     error=exc.strerror or exc)) from exc

    report = import_transfer(db, args.file, read_key(args.key), [read_key(p) for p in args.trust],
                             storage_dir=args.storage)
    print(tr("Đã nhập tệp chuyển hồ sơ của đơn vị {unit}: {stored} hồ sơ mới hoặc cập nhật, {replayed} đã có, "
             "{older} cũ hơn bản trên máy chủ; {files} tệp đính kèm mới, {present} tệp đã có.",
             unit=report.unit_id, stored=report.stored, replayed=report.replayed, older=report.superseded,
             files=report.files_stored, present=report.files_present))
    for line in report.refused:
        print(f"- {line}", file=sys.stderr)
    return 1 if report.refused else 0


def _audit_alerts(db: ServerDatabase, args: argparse.Namespace) -> int:
    """Prints the alerts; exit status 2 while any is open, so a monitoring script can page someone."""
    from sync.server import audit_heads

    rows = audit_heads.list_alerts(db, include_resolved=args.all)
    for alert in rows:
        if args.json:
            print(json.dumps(audit_heads.alert_to_json(alert), ensure_ascii=False))
            continue
        state = tr("đã đóng") if alert.resolved_at else tr("đang mở")
        print(f"#{alert.id}\t{alert.unit_id}\t{alert.workstation_name}\t{alert.code}\t"
              f"{_fmt_seq(alert.known_seq)}→{alert.claimed_seq}\t{alert.last_at.isoformat()}\t"
              f"×{alert.repeats}\t{state}")
    if not rows and not args.json:
        print(tr("Không có cảnh báo nào."))
    return 2 if any(a.resolved_at is None for a in rows) else 0


def _status_conflicts(db: ServerDatabase, args: argparse.Namespace) -> int:
    """What the status rule decided, newest first: for the province to check the dossiers it stopped or moved."""
    from sqlalchemy import select

    from sync.server.models import StatusConflict

    with db.session() as session:
        rows = list(session.scalars(select(StatusConflict).order_by(StatusConflict.id.desc())
                                    .limit(max(1, args.limit))))
        for row in rows:
            record = {"at": row.at.isoformat(), "code": row.code, "unit_id": row.unit_id,
                      "workstation": row.workstation, "revision": row.revision, "client_status": row.client_status,
                      "province_status": row.province_status, "change_seq": row.change_seq, "outcome": row.outcome}
            if args.json:
                print(json.dumps(record, ensure_ascii=False))
            else:
                print("\t".join(str(record[k]) for k in ("at", "code", "workstation", "revision", "client_status",
                                                          "province_status", "change_seq", "outcome")))
    if not rows and not args.json:
        print(tr("Chưa có xung đột trạng thái nào."))
    return 0


def _fmt_seq(value: int | None) -> str:
    return "—" if value is None else str(value)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "serve":
        return _serve(args)
    if args.command == "catalogue-key":
        from app.security.signing import public_key_text
        from sync.server.signing_key import load_or_create

        try:
            print(public_key_text(load_or_create(args.signing_key)))
        except ValidationError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        return 0
    from sync.server import audit_heads, store

    db = ServerDatabase(args.db)
    try:
        if args.command == "enroll":
            token = store.enroll(db, args.unit, args.name)
            print(tr("Đã đăng ký máy trạm “{name}” (đơn vị {unit}).", name=args.name, unit=args.unit))
            print(tr("Mã xác thực (chỉ hiển thị một lần, hãy nhập vào máy trạm):"))
            print(token)
        elif args.command == "revoke":
            if not store.revoke(db, args.name):
                print(tr("Không có máy trạm tên “{name}”.", name=args.name), file=sys.stderr)
                return 1
            print(tr("Đã thu hồi quyền của máy trạm “{name}”.", name=args.name))
        elif args.command == "set-status":
            change = store.set_status(db, args.code, args.status, note=args.note, actor=args.actor)
            print(tr("Đã ghi trạng thái {status} cho hồ sơ {code} (thay đổi số {seq}).",
                     status=args.status, code=args.code, seq=change.seq))
        elif args.command == "list":
            for row in store.list_workstations(db):
                state = tr("đã thu hồi") if row.revoked else tr("đang hoạt động")
                print(f"{row.unit_id}\t{row.name}\t{state}\t{row.created_at.isoformat()}")
        elif args.command == "catalogue-publish":
            from sync.server.signing_key import load_or_create

            release = store.publish_catalogue(db, args.file, load_or_create(args.signing_key))
            print(tr("Đã công bố danh mục phiên bản {version}: {n} thủ tục, {days} ngày lịch (số {seq}).",
                     version=release.version, n=len(release.procedures), days=len(release.calendar_days),
                     seq=release.seq))
        elif args.command == "import-transfer":
            return _import_transfer(db, args)
        elif args.command == "audit-alerts":
            return _audit_alerts(db, args)
        elif args.command == "status-conflicts":
            return _status_conflicts(db, args)
        elif args.command == "audit-accept":
            closed = audit_heads.accept_current(db, args.name)
            if closed is None:
                print(tr("Không có máy trạm tên “{name}”.", name=args.name), file=sys.stderr)
                return 1
            print(tr("Đã đóng {n} cảnh báo của máy trạm “{name}”; lần đồng bộ tới sẽ lấy nhật ký hiện tại làm "
                     "mốc mới.", n=closed, name=args.name))
    except (ApiError, ValidationError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
