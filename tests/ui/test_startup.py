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


def test_a_database_too_damaged_to_open_gets_the_recovery_choices(qapp, tmp_path, modal, monkeypatch):
    """A real SQLite file with one page overwritten: the recovery dialog explains and offers the way out."""
    from app import backup
    from app.db import open_database
    from tests.ui.test_backup_ui import corrupt_table
    from ui.views.recovery_dialog import RecoveryDialog

    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(tmp_path)
    try:
        db = open_database()
        made = backup.run_backup(db, paths.backups_dir(), create_folder=True).backup
        db.close()
        db_file = tmp_path / "motcua.sqlite3"
        corrupt_table(db_file, "alembic_version")
        damaged = db_file.read_bytes()

        def look_and_leave(dialog: RecoveryDialog) -> tuple[list[str], str, bool]:
            seen = (dialog.problems, dialog.backup_label.text(), dialog.read_only_button.isVisible())
            dialog.quit_button.click()
            return seen

        modal.expect(RecoveryDialog, look_and_leave)
        assert run_gui(str(tmp_path)) == 2
    finally:
        paths.set_data_dir(None)
    ((problems, info, read_only),) = modal.check(count=1)
    assert problems and made.path.name in info and not read_only
    assert db_file.read_bytes() == damaged
