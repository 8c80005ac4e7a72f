"""Start-up: an unusable database is explained in Vietnamese and left untouched."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from app import paths
from ui.main import run_gui


def test_a_corrupt_database_is_reported_and_not_touched(qapp, tmp_path, modal, monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    db_file = tmp_path / "motcua.sqlite3"
    garbage = b"this is not a database" * 100
    db_file.write_bytes(garbage)
    modal.expect(QMessageBox, lambda box: box.text())
    try:
        assert run_gui(str(tmp_path)) == 2
    finally:
        paths.set_data_dir(None)
    (message,) = modal.check(count=1)
    assert "bị hỏng" in message
    assert db_file.read_bytes() == garbage


def test_the_app_starts_in_the_developer_plaintext_mode_as_make_run_does(tmp_path):
    """A real process, as `make run` starts it on a machine without an OS keyring."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOTCUA_SMOKE_QUIT": "1",
           "MOTCUA_INSECURE_PLAINTEXT": "1", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--data-dir", str(tmp_path)], env=env, cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert "motcua-smoke: window shown=True" in done.stderr, done.stderr[-2000:]
    assert (tmp_path / "motcua.sqlite3").is_file()
