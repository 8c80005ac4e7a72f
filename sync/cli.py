"""Client sync command line: ``python -m sync status | run-once | run | proxy``.

``proxy`` starts the fault-injecting proxy (:mod:`sync.faults`) so a technician can rehearse a bad line
between a workstation and a server without special kernel features.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from datetime import time as dtime

from app.i18n import tr

TOKEN_ENV = "MOTCUA_SYNC_TOKEN"


def _hostport(text: str) -> tuple[str, int]:
    host, _, port = text.rpartition(":")
    if not host or not port.isdigit():
        raise argparse.ArgumentTypeError(f"expected HOST:PORT, got {text!r}")
    return host, int(port)


def _fmt(value: object) -> str:
    return "—" if value is None else str(value)


def _print_report(report: object) -> None:
    from sync.engine import SyncReport

    assert isinstance(report, SyncReport)
    print(tr("Trạng thái: {state}", state=report.state))
    print(tr("Đã gửi: {pushed} · đã xác nhận: {ack} · đã nhận cập nhật: {pulled} · danh mục: {cat}",
             pushed=report.pushed, ack=report.acknowledged, pulled=report.pulled, cat=report.catalogue_updates))
    print(tr("Còn chờ gửi: {queued} (cũ nhất: {oldest})", queued=report.queued, oldest=_fmt(report.oldest_unsent)))
    if report.uploaded_files or report.deferred_files:
        print(tr("Tệp scan đã gửi xong: {done} · để gửi sau: {later}", done=report.uploaded_files,
                 later=report.deferred_files))
    print(tr("Lần đồng bộ thành công gần nhất: {at}", at=_fmt(report.last_success)))
    if report.clock_skew_s:
        print(tr("Lệch đồng hồ so với máy chủ: {s} giây", s=report.clock_skew_s))
    for error in report.errors:
        print(f"- {error}")


def _night_window(text: str) -> tuple[dtime, dtime]:
    start, sep, end = text.partition("-")
    try:
        if not sep:
            raise ValueError(text)
        return dtime.fromisoformat(start.strip()), dtime.fromisoformat(end.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected HH:MM-HH:MM, got {text!r}") from exc


def _engine(args: argparse.Namespace):  # noqa: ANN202 - SyncEngine, imported lazily
    from app.settings import load_settings
    from app.storage import open_cli_storage
    from sync.engine import ScanPolicy, SyncEngine

    token = args.token or os.environ.get(TOKEN_ENV)
    policy = ScanPolicy(only_when_kbps_above=args.scan_min_kbps, night_window=args.scan_night)
    storage = open_cli_storage()
    # Trust comes from the workstation's settings only: no command-line switch can loosen it.
    settings = load_settings()
    return SyncEngine(storage.db, args.server, token, scan_policy=policy, attachment_store=storage.store,
                      ca_file=settings.server_ca_file, pins=settings.server_pins,
                      catalogue_keys=settings.catalogue_public_keys)


def cmd_status(_args: argparse.Namespace) -> int:
    from app.storage import open_cli_database
    from sync.engine import status

    db = open_cli_database()
    try:
        st = status(db)
    finally:
        db.close()
    print(tr("Trạng thái: {state}", state=st.state))
    print(tr("Còn chờ gửi: {queued} (cũ nhất: {oldest})", queued=st.queued, oldest=_fmt(st.oldest_unsent)))
    print(tr("Lần đồng bộ thành công gần nhất: {at}", at=_fmt(st.last_success)))
    print(tr("Hồ sơ chờ gửi: {n} (cũ nhất: {code}, từ {since})", n=st.queued_dossiers,
             code=_fmt(st.oldest_unsent_dossier), since=_fmt(st.oldest_unsent_dossier_since)))
    print(tr("Tệp scan chờ gửi: {n} ({mb:.1f} MB)", n=st.queued_attachments,
             mb=st.queued_attachment_bytes / 1_000_000))
    print(tr("Lần thử gần nhất: {at}", at=_fmt(st.last_attempt)))
    if st.clock_skew_s:
        print(tr("Lệch đồng hồ so với máy chủ: {s} giây", s=st.clock_skew_s))
    if st.min_client_version or st.latest_client_version:
        print(tr("Phiên bản ứng dụng tỉnh yêu cầu: tối thiểu {minimum}, mới nhất {latest}",
                 minimum=_fmt(st.min_client_version or None), latest=_fmt(st.latest_client_version or None)))
    if st.message:
        print(st.message)
    for error in st.item_errors:
        print(f"- {_fmt(error.code)}: {error.message}")
    return 0


def cmd_run_once(args: argparse.Namespace) -> int:
    engine = _engine(args)
    try:
        report = engine.run_once()
    finally:
        engine.close()
        engine.db.close()
    _print_report(report)
    return {"up_to_date": 0, "syncing": 0, "offline": 3, "needs_login": 4}.get(report.state, 2)


def cmd_run(args: argparse.Namespace) -> int:
    from sync.engine import run_forever

    engine = _engine(args)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        run_forever(engine, stop, on_report=_print_report)
    finally:
        engine.close()
        engine.db.close()
    return 0


def cmd_proxy(args: argparse.Namespace) -> int:
    from sync.faults import FaultConfig, FaultProxy

    config = FaultConfig(latency_ms=args.latency_ms, rate_kbps=args.rate_kbps, reset_prob=args.reset_prob,
                         cut_after_bytes=args.cut_after_bytes, cut_direction=args.cut_direction,
                         stall_ms=args.stall_ms, stall_after_bytes=args.stall_after_bytes, blackhole=args.blackhole)
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with FaultProxy(args.target, args.listen, config, seed=args.seed) as proxy:
        host, port = proxy.address
        print(f"proxy {host}:{port} -> {args.target[0]}:{args.target[1]} {config}", flush=True)
        started = time.monotonic()
        while not stop.wait(timeout=5.0):
            if args.verbose:
                print(f"{time.monotonic() - started:7.0f}s up={proxy.bytes_up} down={proxy.bytes_down} "
                      f"conns={proxy.connections_accepted} resets={proxy.connections_reset}", flush=True)
        print(f"up={proxy.bytes_up} down={proxy.bytes_down} conns={proxy.connections_accepted} "
              f"resets={proxy.connections_reset}", flush=True)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m sync", description="Motcua sync client")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status", help="queue and last sync, from the local database").set_defaults(func=cmd_status)
    for name, func, text in (("run-once", cmd_run_once, "one sync run"), ("run", cmd_run, "sync until Ctrl+C")):
        p = sub.add_parser(name, help=text)
        p.add_argument("--server", required=True)
        p.add_argument("--token", default=None, help=f"workstation token (or ${TOKEN_ENV})")
        p.add_argument("--scan-min-kbps", type=float, default=None,
                       help="upload scans only while the measured line is faster than this")
        p.add_argument("--scan-night", type=_night_window, default=None, metavar="HH:MM-HH:MM",
                       help="upload scans in this local time window (either condition is enough)")
        p.set_defaults(func=func)
    p = sub.add_parser("proxy", help="fault-injecting TCP proxy")
    p.add_argument("--listen", type=_hostport, default=("127.0.0.1", 0))
    p.add_argument("--target", type=_hostport, required=True)
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--rate-kbps", type=float, default=None)
    p.add_argument("--reset-prob", type=float, default=0.0)
    p.add_argument("--cut-after-bytes", type=int, default=None)
    p.add_argument("--cut-direction", choices=("up", "down", "both"), default="both")
    p.add_argument("--stall-ms", type=float, default=0.0)
    p.add_argument("--stall-after-bytes", type=int, default=0)
    p.add_argument("--blackhole", action="store_true")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--verbose", "-v", action="store_true")
    p.set_defaults(func=cmd_proxy)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # noqa: BLE001 - a CLI prints the user-facing message, not a traceback
        from app.errors import UserError

        if isinstance(exc, UserError):
            print(exc.message, file=sys.stderr)
            return 2
        raise
