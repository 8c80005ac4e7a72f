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


def test_upgrade_backfills_the_outcome_of_finished_dossiers(data_dir):
    """0007 adds the stored outcome and computes it for dossiers finished before, with the services' function."""
    path = paths.database_path()
    engine = make_engine(path)
    with engine.begin() as connection:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0006_satisfaction")
        rows = [  # code, status, received, due, finished, returned
            ("early", 10, "2027-03-04 09:15:00.000000", "2027-03-09 09:15:00.000000",
             "2027-03-08 10:00:00.000000", "2027-03-10 14:00:00.000000"),
            ("late", 9, "2027-03-04 09:15:00", "2027-03-09 09:15:00", "2027-03-09 10:00:00", None),
            ("legacy", 10, "2027-03-04 09:15:00", None, None, "2027-03-15 09:00:00"),
            ("clock", 9, "2027-03-04 09:15:00", "2027-03-09 09:15:00", "2027-03-03 09:00:00", None),
            ("open", 4, "2027-03-04 09:15:00", "2027-03-09 09:15:00", None, None),
        ]
        for n, (code, status, received, due, finished, returned) in enumerate(rows):
            connection.exec_driver_sql(
                "INSERT INTO dossiers (id, code, procedure_code, procedure_name, field_name, applicant_name, status,"
                " channel, received_at, due_at, finished_at, returned_at, received_by, created_at, updated_at,"
                " applicant_kind, applicant_id_number, applicant_address, applicant_phone, applicant_email,"
                " request_summary, sets_count, fee_amount, notes, result_place, returned_signature,"
                " calendar_version, catalogue_version, workstation, search_text)"
                " VALUES (?, ?, '1.004873', 'x', 'Hộ tịch', 'A', ?, 1, ?, ?, ?, ?, '', ?, ?, 'citizen', '', '', '',"
                " '', '', 1, 0, '', '', 0, '', '', '', ?)",
                (f"id-{n}", code, status, received, due, finished, returned, received, received, f"ma {code}"))
    engine.dispose()

    db = open_database()
    assert stored_revision(path) == head_revision()
    with db.engine.connect() as con:
        found = {row[0]: row[1:] for row in con.exec_driver_sql(
            "SELECT code, outcome, outcome_at, working_seconds FROM dossiers")}
        triggers = {row[0] for row in con.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        # The FTS index still follows the table (no table rebuild dropped its triggers).
        con.exec_driver_sql("UPDATE dossiers SET search_text = 'ma moi' WHERE code = 'open'")
        hits = con.exec_driver_sql("SELECT count(*) FROM dossier_fts WHERE dossier_fts MATCH 'moi'").scalar()
    db.close()
    hour = 3600
    assert found["early"] == ("early", "2027-03-08 10:00:00.000000", int(16.75 * hour))
    assert found["late"] == ("late", "2027-03-09 10:00:00.000000", int(24.75 * hour))
    assert found["legacy"] == ("no_appointment", "2027-03-15 09:00:00.000000", int(55.75 * hour))  # Thu 5.75 h, six full days, Mon 2 h
    assert found["clock"] == ("clock_error", "2027-03-03 09:00:00.000000", None)
    assert found["open"] == (None, None, None)
    assert {"dossiers_fts_ai", "dossiers_fts_ad", "dossiers_fts_au", "dossiers_outcome_stale"} <= triggers
    assert hits == 1
