"""A workstation and its own provincial server on one machine, for ``make run`` and demonstrations.

``python -m ui.local_stack --data-dir DIR`` starts the reference server (``python -m sync.server serve``) as a
subprocess on 127.0.0.1 with a free port and its data under ``DIR/local-server/``, enrols this workstation,
opens the window through the ordinary bootstrap (``ui.main.run_gui``: database key, fonts, extensions),
points its ``server_url`` at the local server and trusts the server's catalogue signing key for this run only
(the settings file is not rewritten), and stops the server when the window closes.

The workstation token goes to the OS keyring. Where there is none (a bare Linux session), it is kept in
memory for this run only and the status bar says so: a token must never land in a file.
"""

from __future__ import annotations

import argparse
import atexit
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from keyring.errors import KeyringError

from app import paths
from app.security import keys
from sync.server.probe import is_serving, stop_process

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

START_TIMEOUT_S = 20.0
SERVER_DIR = "local-server"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LocalServer:
    """The reference server as a child process; ``stop()`` is safe to call more than once."""

    workdir: Path
    host: str = "127.0.0.1"
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.workdir / 'server.sqlite3'}"

    def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        root = Path(__file__).resolve().parents[1]
        cmd = [sys.executable, "-m", "sync.server", "serve", "--host", self.host, "--port", str(self.port),
               "--db", self.db_url, "--storage", str(self.workdir / "storage")]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
        with open(self.workdir / "server.log", "ab") as log:
            self.process = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and self.process.poll() is None:
            if self.ready():
                return
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the local server did not start; see {self.workdir / 'server.log'}")

    def ready(self) -> bool:
        return is_serving(self.host, self.port)

    @property
    def signing_key_path(self) -> Path:
        return self.workdir / "catalogue-signing.key"

    def catalogue_public_key(self) -> str:
        """The key this server signs its catalogue releases with (created with the server's data)."""
        from app.security.signing import public_key_text
        from sync.server.signing_key import load_or_create

        return public_key_text(load_or_create(self.signing_key_path))

    def stop(self) -> None:
        process, self.process = self.process, None
        stop_process(process)

    def enroll(self, unit_id: str) -> str:
        """A new token for this workstation. Each run gets a fresh name: the server keeps only token hashes,
        so an old enrolment cannot be recovered, only replaced."""
        from sync.server import store
        from sync.server.db import ServerDatabase

        db = ServerDatabase(self.db_url)
        try:
            return store.enroll(db, unit_id, f"{socket.gethostname()}-{secrets.token_hex(4)}")
        finally:
            db.close()

    def accepts(self, token: str) -> bool:
        from sync.server import store
        from sync.server.db import ServerDatabase
        from sync.server.errors import ApiError

        db = ServerDatabase(self.db_url)
        try:
            store.authenticate(db, f"Bearer {token}")
            return True
        except ApiError:
            return False
        finally:
            db.close()


class _TokenInMemory(keys.MemoryKeyring):
    """Holds the enrolment token of this run and nothing else: every other secret (signing key...) still
    finds no keyring, exactly as without this backend, instead of silently living for one run only."""

    def _check(self, service: str, username: str) -> None:
        if (service, username) != (keys.SERVICE, keys.ENROLLMENT_TOKEN):
            raise KeyringError("no OS keyring; only this run's enrolment token is kept in memory")

    def get_password(self, service: str, username: str) -> str | None:
        self._check(service, username)
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._check(service, username)
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._check(service, username)
        super().delete_password(service, username)


def keep_token(server: LocalServer, unit_id: str) -> str:
    """Make sure the keyring holds a token this server accepts; returns a notice for the status bar
    ("" when all is well). Without a usable OS keyring the token lives in process memory only."""
    try:
        current = keys.load_secret(keys.ENROLLMENT_TOKEN)
        if current and server.accepts(current):
            return ""
        keys.store_secret(keys.ENROLLMENT_TOKEN, server.enroll(unit_id))
        return ""
    except keys.KeyringUnavailable:
        keys.use_backend(_TokenInMemory())
        keys.store_secret(keys.ENROLLMENT_TOKEN, server.enroll(unit_id))
        return _keyring_notice()


def _keyring_notice() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "LocalStack", "Không có kho mật khẩu của hệ điều hành: mã xác thực máy trạm chỉ được giữ trong bộ nhớ "
        "cho lần chạy này và không được ghi ra tệp.")


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C in the terminal of ``make run`` (or a SIGTERM) closes the app normally, so the server stops
    with it instead of being left running on its port."""
    from PySide6.QtCore import QTimer

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: app.quit())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def attach_to_window(app: QApplication, server_url: str, notice: str, *, retry_ms: int = 200,
                     catalogue_key: str = "") -> None:
    """Point the running window at the local server once ``run_gui`` has built it, trusting the server's
    catalogue signing key for this run (catalogue releases published with ``--signing-key`` pointing at
    ``DIR/local-server/catalogue-signing.key`` then apply).

    ``run_gui`` may first show modal dialogs (recovery code, keyring problems) before the window exists, so
    this polls until it does. The URL goes into the window's settings object only (never saved by this
    module); publishing a settings change is what makes the sync controller start its runs.
    """
    from PySide6.QtCore import QTimer

    from app.changes import Changes
    from ui.main_window import MainWindow

    # The shown one: a window closed earlier (and not yet deleted) must not get the URL.
    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
    if window is None:
        QTimer.singleShot(retry_ms, lambda: attach_to_window(app, server_url, notice, retry_ms=retry_ms,
                                                             catalogue_key=catalogue_key))
        return
    window.ctx.settings.server_url = server_url
    if catalogue_key and catalogue_key not in window.ctx.settings.catalogue_public_keys:
        window.ctx.settings.catalogue_public_keys = [*window.ctx.settings.catalogue_public_keys, catalogue_key]
    window.ctx.events.publish(Changes(settings=True))
    if notice:
        window.statusBar().showMessage(notice)


def run(data_dir: str | None) -> int:
    """Start the server, then the ordinary GUI bootstrap (``ui.main.run_gui``), then stop the server."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from ui.main import run_gui

    if data_dir:
        paths.set_data_dir(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    server = LocalServer(paths.data_dir() / SERVER_DIR)
    server.start()
    atexit.register(server.stop)  # also when something below raises before the window closes
    try:
        notice = keep_token(server, load_settings().unit_id)
        catalogue_key = server.catalogue_public_key()
        QTimer.singleShot(0, lambda: attach_to_window(app, server.url, notice, catalogue_key=catalogue_key))
        _quit_on_signals(app)
        return run_gui(data_dir)
    finally:
        server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.local_stack",
                                     description="Run the workstation with a local reference server.")
    parser.add_argument("--data-dir", default=os.environ.get(paths.DATA_DIR_ENV))
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    return run(args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
