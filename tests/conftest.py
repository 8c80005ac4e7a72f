"""Fixtures and process-wide test settings shared by every test folder (no Qt here).

The test environment never touches the developer's real keyring: the OS keyring is replaced by the "fail"
backend, so data opened by the CLI in a test runs in the explicit unencrypted developer mode; the encryption
tests install an in-memory keyring themselves. SANE is pointed at its ``test`` backend before anything can
initialise it (SANE reads its configuration once per process).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.setdefault("MOTCUA_INSECURE_PLAINTEXT", "1")
if "SANE_CONFIG_DIR" not in os.environ:
    _sane_dir = Path(tempfile.mkdtemp(prefix="motcua-sane-"))
    (_sane_dir / "dll.conf").write_text("test\n", encoding="utf-8")
    (_sane_dir / "test.conf").write_text('number_of_devices 2\ntest-picture "Grid"\nresolution 200\n',
                                         encoding="utf-8")
    os.environ["SANE_CONFIG_DIR"] = str(_sane_dir)

import pytest  # noqa: E402

from app import paths  # noqa: E402
from app.settings import Settings  # noqa: E402

_exit_status = 0


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


@pytest.fixture
def db(data_dir):
    from app.catalogue import ensure_seeded
    from app.db import open_database

    database = open_database()
    with database.session() as session:
        ensure_seeded(session)
    yield database
    database.close()


@pytest.fixture
def settings():
    return Settings(operator_name="Trần Thị Lan")


def pytest_sessionfinish(session, exitstatus):
    global _exit_status
    _exit_status = int(exitstatus)


def pytest_unconfigure(config):
    # A C extension in the Qt test run drops one reference to a bool too many; CPython notices only while
    # tearing the interpreter down, after every result is reported, and aborts. Leave without that
    # teardown so the run's own exit status stands (the app closes its database before exiting anyway).
    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status)
