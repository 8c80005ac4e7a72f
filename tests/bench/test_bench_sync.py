"""Scan uploads over shaped links (run on demand: ``make bench`` or ``pytest -m bench -s tests/bench/test_bench_sync.py``).

Profiles GPRS 20 kbit/s, 2G 50 kbit/s and 3G 250 kbit/s (upstream rate of the fault proxy, with a one-way
latency typical of each), each clean and with the connection dropped every 2 minutes; files of 100 KB, 2 MB
and 20 MB. Prints, per case: goodput as % of the shaped capacity (and of a raw TCP stream through the same
shaped proxy, measured in the same run), bytes on the wire / payload (proxy counters, client → server), the
bytes sent again after the server had acknowledged them (client request log against the offsets the server
reported), and whether the server's file matches the SHA-256.

Time is scaled so the default run takes a few minutes: a case that would need more than
``MOTCUA_BENCH_CASE_S`` (default 6) seconds on the real link runs ``k`` times faster, with everything that
has a time scale divided by ``k``: the rate is multiplied by ``k``; the latency, the drop interval (first drop
half an interval in) and the chunk sizer's target airtime are divided by ``k``. Chunk sizes in bytes are therefore those of the real link.
Fixed costs that do not scale (loopback round trips, fsync on the server, Python) weigh ``k`` times more
than on the real link, so scaled figures are, if anything, pessimistic. ``MOTCUA_BENCH_CASE_S=100000`` runs
in real time. The 20 MB file on GPRS and 2G is skipped unless ``MOTCUA_BENCH_FULL=1`` (real link: about
2 h 13 min on GPRS and 53 min on 2G). No timing asserts: figures are printed; the targets are goodput
≥ 85 % clean, ≥ 70 % with drops, wire ≤ 1.05 × payload clean.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import time as dtime

import pytest
import requests
from sqlalchemy import func, select

from app import paths
from app.attachments import AttachmentStore
from app.catalogue import ensure_seeded
from app.db import open_database
from app.models import OutboxItem
from app.services.digitisation import attach_file
from app.settings import Settings
from sync.backoff import Backoff
from sync.engine import ScanPolicy, SyncEngine
from sync.faults import FaultProxy
from sync.transport import Transport
from sync.tus import TARGET_AIRTIME_S, ChunkSizer
from tests.sync.conftest import ServerHandle
from tests.sync.conftest_client import receive, scan_bytes

KB, MB = 1000, 1000 * 1000
FULL = os.environ.get("MOTCUA_BENCH_FULL") == "1"
CASE_S = float(os.environ.get("MOTCUA_BENCH_CASE_S", "6"))
DROP_EVERY_S = 120.0


@dataclass(frozen=True)
class Profile:
    name: str
    kbps: float  # upstream, kbit/s
    one_way_ms: float


PROFILES = (Profile("GPRS", 20.0, 300.0), Profile("2G", 50.0, 250.0), Profile("3G", 250.0, 100.0))
SIZES = (100 * KB, 2 * MB, 20 * MB)
RESULTS: list[str] = []


def _cases() -> Iterator[tuple[Profile, int, bool]]:
    for profile in PROFILES:
        for size in SIZES:
            for drops in (False, True):
                yield profile, size, drops


def _case_id(case: tuple[Profile, int, bool]) -> str:
    profile, size, drops = case
    return f"{profile.name}-{size // KB}KB-{'drops' if drops else 'clean'}"


def _real_seconds(profile: Profile, size: int) -> float:
    return size * 8 / (profile.kbps * 1000)


class RecordingSession(requests.Session):
    """Logs tus requests with the offsets involved, to tell a resend of acknowledged bytes."""

    def __init__(self) -> None:
        super().__init__()
        self.log: list[tuple[str, int | None, int, int | None]] = []  # method, sent offset, body, reply offset
        self.first_tus: float | None = None  # monotonic time of the first tus request
        self.last_tus: float | None = None  # ... and of the last tus reply

    def request(self, method, url, *args, **kwargs):  # type: ignore[override]
        headers = kwargs.get("headers") or {}
        data = kwargs.get("data")
        sent = headers.get("Upload-Offset")
        if "/v1/uploads" in url and self.first_tus is None:
            self.first_tus = time.monotonic()
        try:
            response = super().request(method, url, *args, **kwargs)
        except requests.exceptions.RequestException:
            if "/v1/uploads" in url:
                self.log.append((method, int(sent) if sent else None, len(data or b""), None))
            raise
        if "/v1/uploads" in url:
            self.last_tus = time.monotonic()
            reply = response.headers.get("Upload-Offset")
            ok = response.status_code < 300
            self.log.append((method, int(sent) if sent else None, len(data or b""),
                             int(reply) if ok and reply and reply.isdigit() else None))
        return response

    def acknowledged_resent(self) -> tuple[int, int]:
        """(bytes the client put in PATCH bodies, bytes of those below an offset the server had confirmed)."""
        confirmed = 0
        attempted = resent = 0
        for method, sent, body, reply in self.log:
            if method == "PATCH" and sent is not None:
                attempted += body
                resent += max(0, min(confirmed, sent + body) - sent)
            if reply is not None:
                confirmed = max(confirmed, reply)
        return attempted, resent


def _raw_goodput(rate_kbps: float, one_way_ms: float, seconds: float) -> float:
    """Bytes/s of a plain TCP stream through the same shaped proxy: what the shaper itself lets through."""
    sink = socket.create_server(("127.0.0.1", 0))
    received = [0]
    done = threading.Event()

    def drain_sink() -> None:
        conn, _ = sink.accept()
        with conn:
            while chunk := conn.recv(65536):
                received[0] += len(chunk)
        done.set()

    threading.Thread(target=drain_sink, daemon=True).start()
    payload = b"\x00" * max(64 * 1024, int(rate_kbps * 125 * seconds))
    with FaultProxy(sink.getsockname()[:2]) as proxy:
        proxy.configure(rate_kbps=rate_kbps, latency_ms=one_way_ms)
        started = time.monotonic()
        with socket.create_connection(proxy.address) as conn:
            conn.sendall(payload)
            conn.shutdown(socket.SHUT_WR)
            done.wait(timeout=seconds * 5 + 10)
        elapsed = time.monotonic() - started
    sink.close()
    return received[0] / elapsed


@pytest.fixture(scope="module")
def bench_server(tmp_path_factory) -> Iterator[ServerHandle]:
    handle = ServerHandle(tmp_path_factory.mktemp("bench-server"))
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()
        print("\n" + "\n".join(RESULTS))


@pytest.mark.bench
@pytest.mark.parametrize("case", list(_cases()), ids=[_case_id(c) for c in _cases()])
def test_bench_sync_upload(case, bench_server, tmp_path):
    profile, size, drops = case
    real_s = _real_seconds(profile, size)
    if size >= 20 * MB and profile.kbps < 100 and not FULL:
        pytest.skip(f"{_case_id(case)}: {real_s / 60:.0f} min on the real link; MOTCUA_BENCH_FULL=1 runs it scaled")
    k = max(1.0, real_s / CASE_S)
    rate = profile.kbps * k
    latency = profile.one_way_ms / k

    paths.set_data_dir(tmp_path / "client")
    db = open_database()
    try:
        settings = Settings(operator_name="Trần Thị Lan",
                            unit_id=f"000.{len(RESULTS) // 100:02d}.{len(RESULTS) % 100:02d}.H58")
        with db.session() as session:
            ensure_seeded(session)
        dossier = receive(db, settings)
        data = scan_bytes(size, seed=size)
        with db.session() as session:
            attachment_id = attach_file(session, settings, AttachmentStore(), dossier.id, data,
                                        document_position=0, pages=1).attachment.id
        # Metadata and the catalogue first, unshaped, with scans held back: the figures are the file's.
        never = ScanPolicy(night_window=(dtime(0), dtime(0)))
        warmup = SyncEngine(db, bench_server.url, bench_server.token, scan_policy=never)
        warmup.run_once()
        warmup.close()

        host, port = bench_server.url.removeprefix("http://").split(":")
        raw_bps = _raw_goodput(rate, latency, min(3.0, CASE_S / 2))
        with FaultProxy((host, int(port)), seed=1) as proxy:
            proxy.configure(rate_kbps=rate, latency_ms=latency)
            wire = RecordingSession()
            transport = Transport(proxy.url, bench_server.token, session=wire, timeouts=(5.0, 30.0))
            sizer = ChunkSizer(target_s=TARGET_AIRTIME_S / k)
            engine = SyncEngine(db, proxy.url, bench_server.token, transport=transport, sizer=sizer,
                                backoff=Backoff(base_s=0.2 / k, cap_s=5.0 / k))
            stop = threading.Event()
            drops_done = [0]

            def dropper() -> None:
                # First drop half an interval in, then every interval: a transfer shorter than two minutes
                # still meets a drop when it would on average, instead of never.
                wait = DROP_EVERY_S / k / 2
                while not stop.wait(wait):
                    wait = DROP_EVERY_S / k
                    proxy.drop_all()
                    drops_done[0] += 1

            proxy.reset_counters()
            if drops:
                threading.Thread(target=dropper, daemon=True).start()
            started = time.monotonic()
            budget = real_s / k * 10 + 60
            runs = 0
            while time.monotonic() - started < budget:
                engine.run_once()
                runs += 1
                with db.session() as session:
                    if not session.scalar(select(func.count(OutboxItem.id))):
                        break
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            stop.set()
            bytes_up = proxy.bytes_up
            engine.close()
        stored = bench_server.upload_path(attachment_id)
        intact = stored.exists() and hashlib.sha256(stored.read_bytes()).digest() == hashlib.sha256(data).digest()
        attempted, resent = wire.acknowledged_resent()
        capacity = rate * 125.0
        goodput = size / elapsed / capacity
        file_s = (wire.last_tus or started) - (wire.first_tus or started)
        file_goodput = size / max(file_s, 1e-6) / capacity
        line = (f"{_case_id(case):24} k={k:6.1f} real≈{real_s / 60:6.1f} min  goodput file {file_goodput:6.1%} "
                f"run {goodput:6.1%} of shaped (raw TCP through the shaper {raw_bps / capacity:5.1%})  wire/payload "
                f"{bytes_up / size:5.3f}  PATCH bytes/payload {attempted / size:5.3f}  acked bytes resent "
                f"{resent}  drops {drops_done[0]}  runs {runs}  sha256 {'ok' if intact else 'MISMATCH'}")
        RESULTS.append(line)
        print("\n" + line)
    finally:
        db.close()
        paths.set_data_dir(None)
