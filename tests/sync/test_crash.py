"""kill -9 of the client engine: named crash points and random moments during long uploads.

Each case runs ``python -m sync run-once`` in a child process over a prepared workstation database, kills it
(``MOTCUA_CRASH_AT`` makes the engine ``os._exit(137)`` at a named point; the random cases send SIGKILL at a
random moment while the fault proxy holds the line to a slow rate), then drains the queue with a fresh engine
and checks: every dossier on the server once, in its latest local state; every scan complete on the server
with the same SHA-256; nothing left in the outbox; every ``uploaded_at`` set; ``PRAGMA integrity_check`` ok.

The default run is a few dozen cases (well under a minute); ``MOTCUA_CRASH_CASES=200`` runs many more random
kills and later occurrences of every named point.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import ROOT, ServerHandle
from conftest_client import attach, receive, scan_bytes, server_rows, server_uploads
from sqlalchemy import func, select

from app import paths
from app.catalogue import ensure_seeded
from app.db import open_database
from app.models import Dossier, DossierAttachment, DossierEvent, OutboxItem
from app.settings import Settings
from app.status import Status
from sync import crash
from sync.apply import PROVINCE_ACTION
from sync.backoff import Backoff
from sync.engine import SyncEngine
from sync.faults import FaultProxy

EXTRA = int(os.environ.get("MOTCUA_CRASH_CASES", "0"))
RANDOM_CASES = max(10, EXTRA)
OCCURRENCES = 3 if EXTRA == 0 else max(3, min(12, EXTRA // 10))  # mid_upload:1..N etc.
CHILD_TIMEOUT_S = 60.0
DRAIN_RUNS = 12
# A slow line for the random kills: 2.4 Mbit/s makes a 600 KB scan take about two seconds on the wire.
RANDOM_KILL_RATE_KBPS = 2400.0
_units = itertools.count(1)


@pytest.fixture(scope="module")
def crash_server(tmp_path_factory) -> Iterator[ServerHandle]:
    handle = ServerHandle(tmp_path_factory.mktemp("crash-server"))
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """A migrated, seeded workstation database, copied for each case (migrating is the slow part)."""
    folder = tmp_path_factory.mktemp("crash-template")
    paths.set_data_dir(folder)
    try:
        db = open_database()
        with db.session() as session:
            ensure_seeded(session)
        db.close()
    finally:
        paths.set_data_dir(None)
    return folder / "motcua.sqlite3"


@dataclass
class Workstation:
    folder: Path
    settings: Settings
    dossiers: list[str]
    files: dict[str, bytes]  # attachment id -> plain content

    def open(self):
        paths.set_data_dir(self.folder)
        return open_database()


def prepare(tmp_path: Path, template: Path, sizes: tuple[int, ...]) -> Workstation:
    folder = tmp_path / "client"
    folder.mkdir()
    shutil.copy(template, folder / "motcua.sqlite3")
    n = next(_units)
    # A unit of its own per case: printed codes must not collide on the shared server.
    settings = Settings(operator_name="Trần Thị Lan", unit_id=f"000.{n // 100:02d}.{n % 100:02d}.H57")
    station = Workstation(folder, settings, [], {})
    db = station.open()
    try:
        for i, size in enumerate(sizes):
            dossier = receive(db, settings, name=f"Công dân {n}-{i}")
            station.dossiers.append(dossier.id)
            if size:
                data = scan_bytes(size, seed=n * 100 + i)
                station.files[attach(db, settings, dossier.id, data)] = data
    finally:
        db.close()
        paths.set_data_dir(None)
    return station


def child(station: Workstation, url: str, token: str, crash_at: str | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), paths.DATA_DIR_ENV: str(station.folder)}
    env.pop(crash.CRASH_ENV, None)
    if crash_at:
        env[crash.CRASH_ENV] = crash_at
    return subprocess.Popen([sys.executable, "-m", "sync", "run-once", "--server", url, "--token", token],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def drain(station: Workstation, server: ServerHandle) -> None:
    """Restart on the same database and run until nothing is queued (bounded in runs and time)."""
    db = station.open()
    try:
        # A clock an hour ahead makes rows backed off by the killed run due at once.
        engine = SyncEngine(db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0),
                            clock=lambda: datetime.now() + timedelta(hours=1), timeouts=(2.0, 10.0))
        for _ in range(DRAIN_RUNS):
            engine.run_once()
            with db.session() as s:
                if not s.scalar(select(func.count(OutboxItem.id))):
                    break
            time.sleep(0.3)  # e.g. the server still finishing the killed run's request
        engine.close()
    finally:
        db.close()
        paths.set_data_dir(None)


def check(station: Workstation, server: ServerHandle) -> None:
    db_path = station.folder / "motcua.sqlite3"
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    db = station.open()
    try:
        with db.session() as s:
            assert s.scalar(select(func.count(OutboxItem.id))) == 0, "something was never sent"
            local = {d.id: (d.code, d.status) for d in s.execute(select(Dossier)).scalars()}
            not_uploaded = s.scalar(select(func.count(DossierAttachment.id))
                                    .where(DossierAttachment.uploaded_at.is_(None)))
            assert not_uploaded == 0
            province_events = s.scalar(select(func.count(DossierEvent.id))
                                       .where(DossierEvent.action == PROVINCE_ACTION))
    finally:
        db.close()
        paths.set_data_dir(None)
    rows = server_rows(server.db_path)
    ids = [r[0] for r in rows]
    for dossier_id in station.dossiers:
        assert ids.count(dossier_id) == 1, "a dossier is missing or duplicated on the server"
        row = next(r for r in rows if r[0] == dossier_id)
        assert (row[1], row[3]) == local[dossier_id], "the server holds another state than the workstation"
    codes = [r[1] for r in rows]
    assert all(codes.count(local[d][0]) == 1 for d in station.dossiers)
    uploads = server_uploads(server.db_path)
    for attachment_id, data in station.files.items():
        dossier_id, offset, length, completed = uploads[attachment_id]
        assert completed and offset == length == len(data) and dossier_id in station.dossiers
        stored = server.upload_path(attachment_id).read_bytes()
        assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(data).hexdigest()
    # A status decided at the province is applied once, however often its page was fetched.
    assert province_events == sum(1 for d in station.dossiers if local[d][1] == int(Status.PROCESSING))


def _named_cases() -> list[tuple[str, int]]:
    return [(point, n) for point in crash.POINTS for n in range(1, OCCURRENCES + 1)]


@pytest.mark.parametrize(("point", "occurrence"), _named_cases(), ids=[f"{p}-{n}" for p, n in _named_cases()])
def test_kill_at_named_point_then_restart_drains_exactly_once(point, occurrence, crash_server, template_db,
                                                              tmp_path):
    # 3 MB: the adaptive chunk starts at 256 KiB and doubles, so the file crosses several chunk boundaries.
    sizes = (3 * 1024 * 1024, 0, 150 * 1024, 70 * 1024)
    station = prepare(tmp_path, template_db, sizes)
    crash_at = f"{point}:{occurrence}"
    if point == crash.AFTER_PULL_BEFORE_COMMIT:
        # Pages to pull: the dossiers reach the server first, then the province changes the status of
        # ``occurrence`` of them; all of those arrive in one page, so the crash is at its first commit.
        drain(station, crash_server)
        for dossier_id in station.dossiers[:occurrence]:
            code = next(r[1] for r in server_rows(crash_server.db_path) if r[0] == dossier_id)
            crash_server.set_status(code, int(Status.PROCESSING), "Đang xử lý tại tỉnh")
        crash_at = f"{point}:1"
    proc = child(station, crash_server.url, crash_server.token, crash_at)
    out, _ = proc.communicate(timeout=CHILD_TIMEOUT_S)
    assert proc.returncode == crash.CRASH_EXIT_CODE, out.decode(errors="replace")
    drain(station, crash_server)
    check(station, crash_server)


@pytest.mark.parametrize("seed", range(RANDOM_CASES))
def test_kill_at_a_random_moment_during_slow_uploads(seed, crash_server, template_db, tmp_path):
    rng = random.Random(seed)
    sizes = (600 * 1024, rng.choice((0, 100 * 1024)), 200 * 1024)
    station = prepare(tmp_path, template_db, sizes)
    host, port = crash_server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port)), seed=seed) as proxy:
        proxy.configure(rate_kbps=RANDOM_KILL_RATE_KBPS)
        proc = child(station, proxy.url, crash_server.token)
        # Interpreter start takes about a second; the uploads about three more.
        killed_after = rng.uniform(0.8, 4.0)
        try:
            proc.wait(timeout=killed_after)
        except subprocess.TimeoutExpired:
            proc.kill()  # SIGKILL: nothing flushed, nothing closed
        proc.communicate(timeout=CHILD_TIMEOUT_S)
        proxy.drop_all()
    print(f"seed {seed}: killed after {killed_after:.2f}s, rc {proc.returncode}, {_moment(station, crash_server)}")
    drain(station, crash_server)
    check(station, crash_server)


def _moment(station: Workstation, server: ServerHandle) -> str:
    """Where the kill landed, from the server's side (printed with ``-s``)."""
    stored = sum(1 for r in server_rows(server.db_path) if r[0] in station.dossiers)
    uploads = server_uploads(server.db_path)
    parts = [f"{uploads[a][1]}/{uploads[a][2]}" if a in uploads else "-" for a in station.files]
    return f"dossiers on server {stored}/{len(station.dossiers)}, upload offsets {' '.join(parts)}"
