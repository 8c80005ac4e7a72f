"""Fixtures running the real reference server (uvicorn) on a free loopback port.

``sync_server`` runs it in a thread of the test process (fast to start); ``sync_server_process`` runs it as
a subprocess, so ``kill()`` is a real SIGKILL. Both yield a :class:`ServerHandle` with ``url``, ``token`` (an
enrolled workstation of unit ``UNIT_ID``), ``db_path``, ``storage_dir``, ``stop()``, ``start()`` (same port,
same data), ``kill()``, ``set_status(code, status, note)``, ``enroll()``, ``revoke()``,
``publish_catalogue()`` (signed with the key at ``signing_key_path``, public half in
``catalogue_public_key``) and ``upload_path()``. ``app_options`` (thread mode) are passed to ``create_app``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.server import store
from sync.server.db import ServerDatabase
from sync.server.probe import is_serving, stop_process

ROOT = Path(__file__).resolve().parents[2]
UNIT_ID = "UNIT-01"
START_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerHandle:
    def __init__(self, workdir: Path, unit_id: str = UNIT_ID, *, mode: str = "thread") -> None:
        assert mode in ("thread", "process")
        self.mode = mode
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db_path = workdir / "server.sqlite3"
        self.db_url = f"sqlite:///{self.db_path}"
        self.storage_dir = workdir / "storage"
        self.log_path = workdir / "server.log"
        self.port = free_port()
        self.host = "127.0.0.1"
        self.url = f"http://{self.host}:{self.port}"
        self.unit_id = unit_id
        self.extra_args: list[str] = []  # process mode: extra ``serve`` arguments
        self.app_options: dict[str, Any] = {}  # thread mode: keyword arguments of ``create_app``
        self.process: subprocess.Popen[bytes] | None = None
        self._server: Any = None  # thread mode: the uvicorn.Server
        self._thread: threading.Thread | None = None
        self.signing_key_path = workdir / "catalogue-signing.key"
        self.token = self.enroll("workstation-1", unit_id)

    @property
    def catalogue_public_key(self) -> str:
        """The public key workstations must trust for this server's catalogue releases."""
        from app.security.signing import public_key_text
        from sync.server.signing_key import load_or_create

        return public_key_text(load_or_create(self.signing_key_path))

    # --------------------------------------------------------------------------------- data helpers

    def _db(self) -> ServerDatabase:
        return ServerDatabase(self.db_url)

    def enroll(self, name: str, unit_id: str | None = None) -> str:
        db = self._db()
        try:
            return store.enroll(db, unit_id or self.unit_id, name)
        finally:
            db.close()

    def revoke(self, name: str = "workstation-1") -> None:
        db = self._db()
        try:
            assert store.revoke(db, name)
        finally:
            db.close()

    def set_status(self, code: str, status: int, note: str = "") -> int:
        """Record a provincial status change; returns its change seq."""
        db = self._db()
        try:
            return store.set_status(db, code, status, note=note, actor="tỉnh").seq
        finally:
            db.close()

    def publish_catalogue(self, path: Path) -> int:
        from sync.server.signing_key import load_or_create

        db = self._db()
        try:
            return store.publish_catalogue(db, path, load_or_create(self.signing_key_path)).seq
        finally:
            db.close()

    def upload_path(self, attachment_id: str) -> Path:
        return self.storage_dir / "uploads" / f"{attachment_id}.bin"

    # ------------------------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        if self.mode == "thread":
            self._start_thread()
        else:
            self._start_process()

    def _start_thread(self) -> None:
        import uvicorn

        from sync.server.app import create_app

        if self._thread is not None and self._thread.is_alive():
            return
        app = create_app(self.db_url, self.storage_dir, **self.app_options)
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", date_header=False,
                                server_header=False, timeout_graceful_shutdown=2)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="sync-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self._thread.is_alive():
            if self._server.started and self._ready():
                return
            time.sleep(0.02)
        self.stop()
        raise RuntimeError("server thread did not start")

    def _start_process(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        cmd = [sys.executable, "-m", "sync.server", "serve", "--host", self.host, "--port", str(self.port),
               "--db", self.db_url, "--storage", str(self.storage_dir), *self.extra_args]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self._ready():
                return
            time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"server did not start:\n{self.log_path.read_text(errors='replace')[-3000:]}")

    def _ready(self) -> bool:
        return is_serving(self.host, self.port)

    def stop(self) -> None:
        """Graceful stop (SIGTERM in process mode), falling back to a kill."""
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._thread = self._server = None
        stop_process(self.process)
        self.process = None

    def kill(self) -> None:
        """Abrupt stop: SIGKILL in process mode (nothing flushed or closed); in thread mode, uvicorn's forced
        exit, which drops open connections without waiting."""
        if self._thread is not None:
            self._server.force_exit = True
            self._server.should_exit = True
            self._thread.join(timeout=10)
            self._thread = self._server = None
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}


@pytest.fixture
def sync_server(tmp_path: Path) -> Iterator[ServerHandle]:
    """The reference server in a thread of the test process, with one enrolled workstation."""
    handle = ServerHandle(tmp_path / "server")
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def sync_server_process(tmp_path: Path) -> Iterator[ServerHandle]:
    """The reference server as a subprocess (``python -m sync.server serve``): ``kill()`` is a real kill -9."""
    handle = ServerHandle(tmp_path / "server-process", mode="process")
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()
