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
