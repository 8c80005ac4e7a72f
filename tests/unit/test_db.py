"""Storage: pragmas, start-up migration with a backup, refusal of a newer database, unusable disks."""

from __future__ import annotations

import os
import sqlite3

import pytest
from alembic import command

from app import paths
from app.db import alembic_config, head_revision, make_engine, open_database, stored_revision
from app.errors import StorageError


def test_new_database_has_safe_pragmas(data_dir):
    db = open_database()
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert con.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert con.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert stored_revision(paths.database_path()) == head_revision()
    assert db.backup is None
    db.close()


def test_older_database_is_backed_up_then_migrated(data_dir):
    path = paths.database_path()
    engine = make_engine(path)
    with engine.begin() as connection:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001_initial")
        connection.exec_driver_sql(
            "INSERT INTO meta(key, value) VALUES ('catalogue_version', 'old-version')"
        )
    engine.dispose()
    assert stored_revision(path) == "0001_initial"

    db = open_database()
    assert db.backup is not None and db.backup.exists()
    assert stored_revision(path) == head_revision()
    with db.engine.connect() as con:
        assert con.exec_driver_sql("SELECT value FROM meta WHERE key='catalogue_version'").scalar() == "old-version"
        columns = {row[1] for row in con.exec_driver_sql("PRAGMA table_info(dossiers)")}
        assert {"register_book", "register_entry"} <= columns
    db.close()
    backup = sqlite3.connect(db.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001_initial"
    backup.close()


def test_newer_database_is_refused_untouched(data_dir):
    db = open_database()
    db.close()
    path = paths.database_path()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as info:
        open_database()
    assert "phiên bản mới hơn" in info.value.message
    assert path.read_bytes() == before
    assert not list(paths.backups_dir().iterdir())


def test_garbage_file_is_refused_with_a_clear_message(data_dir):
    paths.database_path().write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as info:
        open_database()
    assert "bị hỏng" in info.value.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_folder_gives_a_clear_message(data_dir):  # pragma: no cover - CI runs as root
    os.chmod(data_dir, 0o500)
    try:
        with pytest.raises(StorageError):
            open_database()
    finally:
        os.chmod(data_dir, 0o700)


def test_read_only_database_file_gives_a_clear_message(data_dir):
    """Even as root, SQLite honours a read-only open: a write reports a Vietnamese message."""
    db = open_database()
    db.close()
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import sessionmaker

    from app.db import Database

    engine = create_engine(f"sqlite:///file:{paths.database_path()}?mode=ro&uri=true")
    ro = Database(path=paths.database_path(), engine=engine, sessions=sessionmaker(engine))
    with pytest.raises(StorageError) as info, ro.session() as session:
        session.execute(text("INSERT INTO meta(key, value) VALUES ('x', 'y')"))
    assert "chỉ đọc" in info.value.message


def test_head_constant_matches_the_migration_scripts():
    from app.migrations import HEAD_REVISION

    assert head_revision() == HEAD_REVISION
