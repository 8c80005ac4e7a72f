"""Backup and restore of the database and the attachments; integrity check; the schedule and pruning."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app import backup, cli, paths
from app.attachments import AttachmentStore
from app.errors import StorageError, ValidationError
from app.migrations import HEAD_REVISION
from app.models import Meta

SCAN = b"%PDF-1.4\n% a scanned birth certificate\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"photo of an ID card" * 500
NOW = datetime(2027, 3, 4, 9, 20)


def put_meta(db, key: str, value: str) -> None:
    with db.session() as s:
        s.merge(Meta(key=key, value=value))


def get_meta(db_path: Path, key: str) -> str | None:
    con = sqlite3.connect(db_path)
    try:
        row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    finally:
        con.close()
    return row[0] if row else None


@pytest.fixture
def stored(db):
    """A database with a marker row and two attachments, as the counter leaves them."""
    put_meta(db, "test.marker", "trước sao lưu")
    store = AttachmentStore()
    scan = store.put_bytes(SCAN, pages=1)
    photo = store.put_bytes(PHOTO, pages=1)
    return db, scan.sha256, photo.sha256


def test_create_then_restore_round_trip(stored, data_dir, tmp_path):
    db, scan, photo = stored
    usb = tmp_path / "usb"
    made = backup.create_backup(usb, now=NOW)
    assert made.path.parent == usb and made.path.name == "motcua-backup-20270304-092000.zip"
    assert not [p for p in usb.iterdir() if p.name.endswith(".tmp")]  # written atomically
    manifest = backup.read_manifest(made.path)
    assert manifest.schema_revision == HEAD_REVISION
    assert manifest.app_version and manifest.attachment_count == 2 and manifest.cipher == "identity"
    assert {m.name for m in manifest.members} >= {backup.DB_MEMBER, f"attachments/{scan[:2]}/{scan[2:]}"}
    assert backup.verify_backup(made.path) == manifest

    # Work continues after the backup; the restore must bring back the earlier state exactly.
    put_meta(db, "test.marker", "sau sao lưu")
    AttachmentStore().put_bytes(b"%PDF-1.4 later scan", pages=1)
    db.close()

    result = backup.restore_backup(made.path, data_dir, now=NOW + timedelta(hours=1))
    assert get_meta(data_dir / "motcua.sqlite3", "test.marker") == "trước sao lưu"
    store = AttachmentStore()
    assert store.read(scan) == SCAN and store.read(photo) == PHOTO
    assert sorted(store.all_hashes()) == sorted([scan, photo])
    assert backup.integrity_check(data_dir / "motcua.sqlite3") == []
    assert result.previous.name == "before-restore-20270304-102000"


def test_restore_keeps_previous_data_and_can_be_undone(stored, data_dir):
    db, _scan, _photo = stored
    made = backup.create_backup(now=NOW)
    assert made.path.parent == paths.backups_dir()
    put_meta(db, "test.marker", "dữ liệu mới nhất")
    later = AttachmentStore().put_bytes(b"%PDF-1.4 scanned after the backup", pages=1).sha256
    db.close()

    result = backup.restore_backup(made.path, data_dir, now=NOW + timedelta(days=1))
    # The replaced data is intact in the set-aside folder...
    assert get_meta(result.previous / "motcua.sqlite3", "test.marker") == "dữ liệu mới nhất"
    assert (result.previous / "attachments" / later[:2] / later[2:]).is_file()
    assert backup.restore_points(data_dir) == [result.previous]
    assert not AttachmentStore().exists(later)

    # ...and undoing puts it back, keeping the restored copy aside in turn.
    undone = backup.undo_restore(result.previous, data_dir, now=NOW + timedelta(days=1, minutes=5))
    assert get_meta(data_dir / "motcua.sqlite3", "test.marker") == "dữ liệu mới nhất"
    assert AttachmentStore().exists(later)
    assert not result.previous.exists()
    assert get_meta(undone / "motcua.sqlite3", "test.marker") == "trước sao lưu"


def _rewrite(archive: Path, target: Path, change) -> None:  # noqa: ANN001 - change(name, data) -> data
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info.filename, change(info.filename, src.read(info)))


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and "backups" not in path.parts and not path.name.endswith(("-wal", "-shm")):
            files[str(path.relative_to(data_dir))] = path.read_bytes()
    return files


@pytest.mark.parametrize("tamper", ["attachment_bytes", "manifest_hash", "extra_member", "path_escape"])
def test_a_tampered_archive_is_refused_before_anything_changes(stored, data_dir, tmp_path, tamper):
    db, scan, _photo = stored
    made = backup.create_backup(tmp_path / "usb", now=NOW)
    db.close()
    bad = tmp_path / "usb" / "motcua-backup-20270304-092001.zip"
    member = f"attachments/{scan[:2]}/{scan[2:]}"

    if tamper == "attachment_bytes":
        _rewrite(made.path, bad, lambda name, data: data.replace(b"birth", b"death") if name == member else data)
    elif tamper == "manifest_hash":
        def change(name: str, data: bytes) -> bytes:
            if name != backup.MANIFEST:
                return data
            manifest = json.loads(data)
            manifest["members"][0]["sha256"] = "0" * 64
            return json.dumps(manifest).encode()
        _rewrite(made.path, bad, change)
    elif tamper == "extra_member":
        _rewrite(made.path, bad, lambda _name, data: data)
        with zipfile.ZipFile(bad, "a") as zf:
            zf.writestr("attachments/ff/" + "f" * 62, b"planted")
    else:
        def escape(name: str, data: bytes) -> bytes:
            if name != backup.MANIFEST:
                return data
            manifest = json.loads(data)
            manifest["members"].append({"name": "../../evil.py", "size": 1, "sha256": "0" * 64})
            return json.dumps(manifest).encode()
        _rewrite(made.path, bad, escape)

    before = _snapshot(data_dir)
    with pytest.raises(ValidationError) as caught:
        backup.restore_backup(bad, data_dir)
    assert "không phải bản sao lưu hợp lệ" in caught.value.message
    assert _snapshot(data_dir) == before
    assert backup.restore_points(data_dir) == []
    assert not list(data_dir.glob(".restore-*"))  # the staging folder is cleaned up
    with pytest.raises(ValidationError):
        backup.verify_backup(bad)


def test_not_a_zip_and_newer_schema_are_refused(stored, data_dir, tmp_path):
    db, _scan, _photo = stored
    junk = tmp_path / "motcua-backup-20270101-000000.zip"
    junk.write_bytes(b"not an archive at all")
    with pytest.raises(ValidationError):
        backup.restore_backup(junk, data_dir)

    made = backup.create_backup(tmp_path / "usb", now=NOW)
    db.close()
    newer = tmp_path / "newer.zip"

    def bump(name: str, data: bytes) -> bytes:
        if name != backup.MANIFEST:
            return data
        manifest = json.loads(data)
        manifest["schema_revision"] = "9999_from_the_future"
        return json.dumps(manifest).encode()

    _rewrite(made.path, newer, bump)
    with pytest.raises(StorageError, match="phiên bản mới hơn"):
        backup.restore_backup(newer, data_dir)


class XorCipher:
    """Stands in for the real cipher of the security work: only the seam is tested here."""

    name = "test-xor"

    def encrypt(self, plain: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in plain)

    def decrypt(self, stored: bytes) -> bytes:
        return bytes(b ^ 0x5A for b in stored)


def test_an_encrypted_archive_needs_its_cipher(stored, data_dir, tmp_path):
    db, scan, _photo = stored
    made = backup.create_backup(tmp_path / "usb", cipher=XorCipher(), now=NOW)
    db.close()
    with zipfile.ZipFile(made.path) as zf:
        assert zf.read(f"attachments/{scan[:2]}/{scan[2:]}") != SCAN
        assert b"SQLite format 3" not in zf.read(backup.DB_MEMBER)[:100]
    with pytest.raises(ValidationError, match="test-xor"):
        backup.restore_backup(made.path, data_dir)
    backup.restore_backup(made.path, data_dir, cipher=XorCipher())
    assert AttachmentStore().read(scan) == SCAN


def test_integrity_check_reports_a_corrupted_copy(stored, data_dir, tmp_path):
    db, _scan, _photo = stored
    db_path = data_dir / "motcua.sqlite3"
    assert backup.integrity_check(db_path) == []
    copy = tmp_path / "copy.sqlite3"
    backup.snapshot_database(db_path, copy)
    raw = bytearray(copy.read_bytes())
    page = 4096
    for offset in range(page * 2, len(raw) - page, page * 3):  # damage pages, keep the header readable
        raw[offset + 8: offset + 200] = b"\xa5" * 192
    copy.write_bytes(bytes(raw))
    problems = backup.integrity_check(copy)
    assert problems and all(isinstance(p, str) and p for p in problems)

    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 1000)
    assert "bị hỏng" in backup.integrity_check(garbage)[0]
    assert backup.integrity_check(tmp_path / "missing.sqlite3")


def test_integrity_check_reports_broken_references(tmp_path):
    path = tmp_path / "fk.sqlite3"
    con = sqlite3.connect(path)
    con.executescript("CREATE TABLE dossiers(id TEXT PRIMARY KEY);"
                      "CREATE TABLE dossier_events(id INTEGER PRIMARY KEY, dossier_id TEXT REFERENCES dossiers(id));"
                      "INSERT INTO dossier_events(dossier_id) VALUES ('gone'), ('gone too');")
    con.close()
    (problem,) = backup.integrity_check(path)
    assert "dossier_events" in problem and "2 dòng" in problem and "dossiers" in problem


def test_prune_keeps_the_newest_n_and_nothing_else(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [backup.archive_name(NOW + timedelta(days=i)) for i in range(6)]
    for name in names:
        (folder / name).write_bytes(b"x")
    (folder / "motcua-before-0006-20270101-000000.sqlite3").write_bytes(b"migration backup")
    (folder / "notes.txt").write_text("not ours")

    removed = backup.prune_backups(keep=3, folder=folder)
    assert sorted(p.name for p in removed) == names[:3]
    assert [p.name for p in backup.list_backups(folder)] == names[:2:-1]
    assert (folder / "notes.txt").exists() and (folder / "motcua-before-0006-20270101-000000.sqlite3").exists()
    assert backup.last_backup_at(folder) == NOW + timedelta(days=5)
    with pytest.raises(ValueError):
        backup.prune_backups(keep=0, folder=folder)


def test_two_backups_in_the_same_second_do_not_clash(stored, tmp_path):
    first = backup.create_backup(tmp_path, now=NOW)
    second = backup.create_backup(tmp_path, now=NOW)
    assert first.path != second.path
    assert backup.list_backups(tmp_path) == [second.path, first.path]


def test_scheduled_backup_due():
    every = 24
    assert backup.scheduled_backup_due(None, NOW, every)
    assert not backup.scheduled_backup_due(NOW - timedelta(hours=23), NOW, every)
    assert backup.scheduled_backup_due(NOW - timedelta(hours=24), NOW, every)
    assert backup.scheduled_backup_due(NOW + timedelta(days=2), NOW, every)  # clock moved back
    assert not backup.scheduled_backup_due(None, NOW, 0)  # schedule off


def test_cli_create_list_check_restore(stored, data_dir, tmp_path, capsys, monkeypatch):
    if "app.commands.backup_cmd" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "app.commands.backup_cmd"))
    cli_main = cli.main
    db, scan, _photo = stored
    db.close()
    usb = tmp_path / "usb"
    assert cli_main(["backup", "create", "-o", str(usb), "--keep", "5"]) == 0
    (made,) = backup.list_backups(usb)
    assert str(made) in capsys.readouterr().out
    assert cli_main(["backup", "list", "-o", str(usb)]) == 0
    assert made.name in capsys.readouterr().out
    assert cli_main(["backup", "check"]) == 0
    assert "toàn vẹn" in capsys.readouterr().out

    AttachmentStore().path_for(scan).unlink()
    assert cli_main(["backup", "restore", str(made), "--yes"]) == 0
    out = capsys.readouterr().out
    assert "undo-restore" in out
    assert AttachmentStore().read(scan) == SCAN
    (point,) = backup.restore_points(data_dir)
    assert cli_main(["backup", "undo-restore", str(point), "--yes"]) == 0
    assert not AttachmentStore().exists(scan)


# ----- the app's scheduled run, encrypted databases -------------------------------------------------------


def _actions(db) -> list[tuple[str, dict]]:
    from app.security import audit

    with db.session() as s:
        return [(e.action, json.loads(e.details)) for e in reversed(audit.list_entries(s, limit=20))]


def test_scheduled_backup_runs_when_due_prunes_and_is_audited(stored, data_dir):
    db, _scan, _photo = stored
    folder = paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(1, 4):  # three older archives: with keep=2 two of them go
        (folder / backup.archive_name(NOW - timedelta(days=day))).write_bytes(b"old")
    run = backup.run_scheduled_backup(db, folder_setting="", every_hours=24, keep=2, now=NOW)
    assert run is not None and run.backup.path.parent == folder
    assert backup.verify_backup(run.backup.path).attachment_count == 2
    assert [p.name for p in backup.list_backups(folder)] == [
        backup.archive_name(NOW), backup.archive_name(NOW - timedelta(days=1))]
    assert len(run.pruned) == 2
    action, details = _actions(db)[-1]
    assert action == backup.BACKUP_CREATE and details["scheduled"] is True and details["pruned"] == 2

    # An hour later nothing is due: no second archive, no audit line.
    assert backup.run_scheduled_backup(db, folder_setting="", every_hours=24, keep=2,
                                       now=NOW + timedelta(hours=1)) is None
    assert len(backup.list_backups(folder)) == 2
    assert backup.run_scheduled_backup(db, folder_setting="", every_hours=0, keep=2,
                                       now=NOW + timedelta(days=9)) is None


def test_a_missing_usb_folder_is_reported_not_created(stored, tmp_path):
    db, _scan, _photo = stored
    stick = tmp_path / "media" / "usb"
    with pytest.raises(StorageError, match="cắm lại") as caught:
        backup.run_scheduled_backup(db, folder_setting=str(stick), every_hours=24, keep=3, now=NOW)
    assert caught.value.detail == backup.FOLDER_MISSING
    assert not stick.exists()
    action, details = _actions(db)[-1]
    assert action == backup.BACKUP_FAILED and details == {"scheduled": True, "reason": "folder_missing"}


def test_an_encrypted_database_is_backed_up_encrypted_and_checked_with_its_key(data_dir, tmp_path):
    import os

    from app.db import is_plaintext_database, open_database

    key = os.urandom(32)
    db = open_database(key=key)
    try:
        put_meta(db, "test.marker", "mã hoá")
        assert backup.integrity_check(db.path, key=key) == []
        assert backup.integrity_check(db.path, quick=True, connect=backup.database_connect(db)) == []
        assert backup.check_data(db.path, connect=backup.database_connect(db)) == []
        # Without the key the file is unreadable, and that is what a plain check reports.
        assert backup.integrity_check(db.path)
        run = backup.run_backup(db, tmp_path / "usb", create_folder=True, now=NOW)
    finally:
        db.close()
    with zipfile.ZipFile(run.backup.path) as zf:
        copy = tmp_path / "copy.sqlite3"
        copy.write_bytes(zf.read(backup.DB_MEMBER))
    assert not is_plaintext_database(copy)
    assert backup.integrity_check(copy, key=key) == []
    restored = backup.restore_backup(run.backup.path, data_dir, key=key, now=NOW + timedelta(minutes=1))
    assert restored.previous.is_dir()
    db = open_database(key=key)
    try:
        with db.session() as s:
            assert s.get(Meta, "test.marker").value == "mã hoá"
    finally:
        db.close()


@pytest.fixture
def full_disk(tmp_path):
    """A real, tiny file system (tmpfs of 64 KiB): writing an archive there fails with ENOSPC."""
    import subprocess

    mount_point = tmp_path / "full-usb"
    mount_point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("needs permission to mount a small tmpfs (root on Linux)")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_disk_is_reported_in_vietnamese_and_leaves_nothing_behind(stored, full_disk):
    db, _scan, _photo = stored
    import os

    (full_disk / backup.archive_name(NOW - timedelta(days=1))).write_bytes(b"an older backup")
    stat = os.statvfs(full_disk)
    (full_disk / "other files on the stick").write_bytes(b"x" * (stat.f_bavail * stat.f_frsize - 8192))
    with pytest.raises(StorageError, match="đầy") as caught:
        backup.run_scheduled_backup(db, folder_setting=str(full_disk), every_hours=24, keep=1, now=NOW)
    assert caught.value.detail and "28" in caught.value.detail  # ENOSPC
    # The older backup is still there (nothing pruned by a failed run) and no partial archive is left.
    assert sorted(p.name for p in full_disk.iterdir()) == [backup.archive_name(NOW - timedelta(days=1)),
                                                           "other files on the stick"]
    action, details = _actions(db)[-1]
    assert action == backup.BACKUP_FAILED and details["reason"] == "disk_full"
