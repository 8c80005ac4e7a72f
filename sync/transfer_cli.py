"""Offline transfer from the command line: ``python -m sync.transfer_cli export | public-key | province-keygen``.

- ``export -o FILE --recipient PUBKEY_FILE [--mark-sent]`` writes the queue to one encrypted, signed file.
- ``public-key [-o FILE]`` prints this workstation's signing key, for the server's ``import-transfer --trust``.
- ``province-keygen --private FILE --public FILE`` makes the province's X25519 key pair (done once, at the
  province; the private file stays on the server, the public one is given to every workstation).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from app.errors import UserError
from app.i18n import tr


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync.transfer_cli", description="Motcua offline transfer")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write the outbox to one encrypted, signed file")
    export.add_argument("-o", "--output", required=True, help="file to write (e.g. on a USB stick)")
    export.add_argument("--recipient", required=True, help="file with the province's X25519 public key (base64)")
    export.add_argument("--unit", default=None, help="unit id enrolled on the server (default: settings)")
    export.add_argument("--mark-sent", action="store_true",
                        help="acknowledge the exported rows locally (the network path will not send them)")
    public = commands.add_parser("public-key", help="print this workstation's signing public key")
    public.add_argument("-o", "--output", default=None, help="also write it to this file")
    keygen = commands.add_parser("province-keygen", help="create the province's X25519 key pair")
    keygen.add_argument("--private", required=True, help="private key file to create (keep it secret)")
    keygen.add_argument("--public", required=True, help="public key file to give to the workstations")
    return parser


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise UserError(tr("Không đọc được tệp {path}: {error}", path=path, error=exc.strerror or exc)) from exc


def _export(args: argparse.Namespace) -> int:
    from app.security.signing import workstation_signing_key
    from app.settings import load_settings
    from app.storage import open_cli_storage
    from sync.transfer import export_queue

    settings = load_settings()
    key = workstation_signing_key(create=True)
    assert key is not None
    storage = open_cli_storage()
    db = storage.db
    try:
        report = export_queue(db, storage.store, args.output, _read_text(args.recipient), key,
                              unit_id=args.unit or settings.unit_id, workstation=settings.workstation_name,
                              mark_sent=args.mark_sent)
    finally:
        db.close()
    print(tr("Đã ghi {n} hồ sơ và {files} tệp đính kèm vào {path} ({size} byte).", n=report.dossiers,
             files=report.attachments, path=report.path, size=report.bytes_written))
    if report.skipped_attachments:
        print(tr("{n} tệp đính kèm không đưa vào tệp này; chúng vẫn nằm trong hàng đợi gửi.",
                 n=len(report.skipped_attachments)))
    if args.mark_sent:
        print(tr("Đã đánh dấu {n} mục là đã gửi; máy sẽ không gửi lại chúng qua mạng.", n=report.marked_sent))
    else:
        print(tr("Hàng đợi vẫn giữ nguyên: khi có mạng, máy vẫn gửi và máy chủ tự bỏ phần trùng."))
    return 0


def _public_key(args: argparse.Namespace) -> int:
    from app.fsutil import atomic_write_text
    from app.security.signing import public_key_text, workstation_signing_key

    key = workstation_signing_key(create=True)
    assert key is not None
    text = public_key_text(key)
    if args.output:
        atomic_write_text(Path(args.output), text + "\n")
    print(text)
    return 0


def _keygen(args: argparse.Namespace) -> int:
    from app.fsutil import atomic_write_text
    from sync.transfer import generate_province_key, province_private_key_text, province_public_key_text

    private = Path(args.private)
    if private.exists():
        # Overwriting would make every file already encrypted for the old key unreadable.
        raise UserError(tr("Tệp {path} đã tồn tại; không ghi đè khoá bí mật.", path=private))
    key = generate_province_key()
    atomic_write_text(private, province_private_key_text(key) + "\n")
    private.chmod(0o600)
    atomic_write_text(Path(args.public), province_public_key_text(key) + "\n")
    print(tr("Đã tạo cặp khoá của tỉnh. Giữ kín {private}; gửi {public} cho các máy trạm.",
             private=private, public=args.public))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handlers = {"export": _export, "public-key": _public_key, "province-keygen": _keygen}
    try:
        return handlers[args.command](args)
    except UserError as exc:
        print(exc.message, file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
