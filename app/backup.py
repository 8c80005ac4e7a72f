"""Backups of one counter's data: the database and the attachment store in one archive file.

The archive is a ZIP file holding ``database/motcua.sqlite3`` (a consistent snapshot taken with SQLite's
online backup API, so the app may keep working meanwhile), ``attachments/ab/cdef…`` (the stored files as they
are on disk) and ``manifest.json`` (format, app version, schema revision, size and SHA-256 of every member).
It is written to a temporary file next to its final name and renamed only when complete, so a USB stick
pulled out mid-way leaves no half archive that looks like a backup.

A restore checks the manifest and every member's hash, and runs an integrity check on the database, before
anything in the data folder is touched. The current data is then moved aside (``before-restore-<time>``),
never deleted, so :func:`undo_restore` can put it back.

Encryption is a seam for the security work: a :class:`~app.attachments.Cipher` passed to
:func:`create_backup` encrypts each member, and the manifest records the cipher's name. The manifest itself is
not authenticated; it catches damage and naive edits, not a forger who recomputes the hashes (an AEAD cipher
or a signature over the manifest is what would).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from app import __version__, clock, paths
from app.attachments import AttachmentStore, Cipher, IdentityCipher
from app.errors import StorageError, ValidationError
from app.fsutil import atomic_output, fsync_dir, storage_error
from app.i18n import tr

if TYPE_CHECKING:
    from app.db import Database

# A DBAPI connection factory: how the checks and the snapshot reach a database that may be encrypted
# (SQLCipher needs its key as the first statement; the open app's engine already does that).
Connect = Callable[[], Any]

FORMAT = "motcua-backup/1"
MANIFEST = "manifest.json"
DB_FILENAME = "motcua.sqlite3"
ATTACHMENTS_DIRNAME = "attachments"
DB_MEMBER = f"database/{DB_FILENAME}"
ARCHIVE_PREFIX = "motcua-backup-"
ARCHIVE_SUFFIX = ".zip"
UNDO_PREFIX = "before-restore-"
UNDONE_PREFIX = "undone-restore-"
UNDO_RECORD = "restore.json"
# SQLite keeps committed data of a live database in these side files: they move together with the database.
DB_SIDE_FILES = (DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm")

_CHUNK = 1024 * 1024
_STAMP = "%Y%m%d-%H%M%S"
# Only these names may come out of an archive: anything else (``../``, absolute paths) is refused.
_MEMBER_RE = re.compile(r"^(database/motcua\.sqlite3|attachments/[0-9a-f]{2}/[0-9a-f]{62})$")
_ARCHIVE_RE = re.compile(r"^motcua-backup-(\d{8}-\d{6})(?:-(\d+))?\.zip$")
_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
FOLDER_MISSING = "folder_missing"


@dataclass(frozen=True)
class Member:
    name: str
    size: int  # bytes before encryption
    sha256: str  # of the bytes before encryption


@dataclass(frozen=True)
class Manifest:
    app_version: str
    schema_revision: str | None
    created_at: datetime
    cipher: str
    members: tuple[Member, ...]
    format: str = FORMAT

    @property
    def attachment_count(self) -> int:
        return sum(1 for m in self.members if m.name.startswith(ATTACHMENTS_DIRNAME + "/"))

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members)

    def to_json(self) -> bytes:
        data = {
            "format": self.format,
            "app_version": self.app_version,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at.isoformat(),
            "cipher": self.cipher,
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, source: Path) -> Manifest:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(f"unknown format {data.get('format') if isinstance(data, dict) else None!r}")
            members = []
            for item in data["members"]:
                name, size, digest = str(item["name"]), int(item["size"]), str(item["sha256"])
                if not _MEMBER_RE.match(name) or size < 0 or not _SHA256_RE.match(digest):
                    raise ValueError(f"bad member entry {name!r}")
                members.append(Member(name, size, digest))
            if len({m.name for m in members}) != len(members):
                raise ValueError("duplicate member")
            revision = data.get("schema_revision")
            return cls(app_version=str(data["app_version"]),
                       schema_revision=str(revision) if revision is not None else None,
                       created_at=datetime.fromisoformat(str(data["created_at"])),
                       cipher=str(data["cipher"]), members=tuple(members))
        except (KeyError, TypeError, ValueError, UnicodeDecodeError) as exc:
            raise _invalid(source, repr(exc)) from exc


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest: Manifest

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    previous: Path  # where the data that was replaced now lives; give it to undo_restore()


def _invalid(archive: Path, detail: str) -> ValidationError:
    return ValidationError(
        tr("Tệp {name} không phải bản sao lưu hợp lệ hoặc đã bị hỏng, sửa đổi. Dữ liệu hiện tại không bị thay đổi.",
           name=Path(archive).name), detail=detail)


def _cipher_name(cipher: Cipher | None) -> str:
    return (cipher or IdentityCipher()).name


def _is_identity(cipher: Cipher | None) -> bool:
    return cipher is None or cipher.name == IdentityCipher.name


# ----- creating ---------------------------------------------------------------------------------------


def archive_name(at: datetime) -> str:
    return f"{ARCHIVE_PREFIX}{at.strftime(_STAMP)}{ARCHIVE_SUFFIX}"


def _free_name(folder: Path, at: datetime) -> Path:
    """A name not yet taken: two backups in the same second (a click and the schedule) must not clash."""
    target = folder / archive_name(at)
    counter = 2
    while target.exists():
        target = folder / f"{ARCHIVE_PREFIX}{at.strftime(_STAMP)}-{counter}{ARCHIVE_SUFFIX}"
        counter += 1
    return target


def _sqlite_uri(path: Path, mode: str = "ro") -> str:
    # as_uri() escapes "?", "#" and spaces and spells Windows drive letters correctly.
    return f"{path.resolve().as_uri()}?mode={mode}"


def keyed_connect(db_path: Path, key: bytes | None) -> Connect:
    """Read-only connections to ``db_path``, keyed for SQLCipher when ``key`` is given."""
    from app.db import _connect_raw  # one place knows how a key is given to SQLCipher

    if key is None:
        return lambda: sqlite3.connect(_sqlite_uri(Path(db_path)), uri=True, timeout=30)
    return lambda: _connect_raw(Path(db_path).resolve(), key, readonly=True)


def database_connect(db: Database) -> Connect:
    """Connections of an open database (encrypted or not) without knowing its key."""
    return db.engine.raw_connection


def _db_errors() -> tuple[type[Exception], ...]:
    errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
    try:
        from sqlcipher3 import dbapi2

        errors += (dbapi2.DatabaseError,)
    except ImportError:
        pass
    return errors


def _schema_revision(con: Any) -> str | None:
    has_version = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'").fetchone()
    row = con.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
    return str(row[0]) if row else None


def snapshot_database(db_path: Path, target: Path, *, connect: Connect | None = None) -> str | None:
    """Copy ``db_path`` into ``target``; returns the schema revision.

    A plain file is copied with the online backup API: one backup step copies every page under a single read
    transaction, so the copy is one consistent moment even while a writer commits (WAL readers do not block
    writers), and it is switched to a rollback journal so it is a single self-contained file. With
    ``connect`` (an encrypted database) the copy is made with ``VACUUM INTO``, also one read transaction;
    SQLCipher writes it encrypted with the same key, so a backup never holds the data in clear.
    """
    try:
        if connect is not None:
            src = connect()
            try:
                revision = _schema_revision(src)
                src.execute("VACUUM INTO ?", (str(target),))
            finally:
                src.close()
            return revision
        src = sqlite3.connect(_sqlite_uri(db_path), uri=True, timeout=30)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                revision = _schema_revision(dst)
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
    except _db_errors() as exc:
        raise StorageError(tr("Không sao lưu được cơ sở dữ liệu: tệp bị hỏng hoặc đang bị khoá."),
                           detail=repr(exc)) from exc
    return revision


def _zip_info(name: str, at: datetime, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=at.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    return info


def _add_member(archive: zipfile.ZipFile, name: str, source: Path, cipher: Cipher | None,
                at: datetime) -> Member:
    digest = hashlib.sha256()
    size = 0
    # Scans are already compressed (JPEG, PDF); only the database is worth deflating.
    compress = name == DB_MEMBER
    with source.open("rb") as src:
        if _is_identity(cipher):
            # Streamed in chunks: a database of a few hundred MB must not need that much memory.
            with archive.open(_zip_info(name, at, compress), "w", force_zip64=True) as out:
                while chunk := src.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
        else:
            assert cipher is not None
            plain = src.read()
            digest.update(plain)
            size = len(plain)
            # Ciphertext does not compress; deflating it would only cost time.
            archive.writestr(_zip_info(name, at, False), cipher.encrypt(plain))
    return Member(name, size, digest.hexdigest())


def create_backup(target_dir: Path | None = None, *, db_path: Path | None = None,
                  attachments_dir: Path | None = None, cipher: Cipher | None = None,
                  now: datetime | None = None, connect: Connect | None = None,
                  create_folder: bool = True) -> Backup:
    """Write one archive of the database and the attachments into ``target_dir`` (default: backups folder).

    ``connect`` reaches an encrypted database (see :func:`database_connect`). With ``create_folder=False``
    a missing target folder is an error instead of being created: a USB stick that was pulled out leaves its
    empty mount point behind, and a backup written there would land on the local disk unnoticed.

    The database is copied first and the attachments after: a file is always stored before the row that
    names it commits, so every attachment the copied database refers to is already on disk when the folder
    is read. Files stored later come along as harmless orphans.
    """
    now = now or clock.now()
    db_path = Path(db_path or paths.database_path())
    attachments_dir = Path(attachments_dir) if attachments_dir else db_path.parent / ATTACHMENTS_DIRNAME
    folder = Path(target_dir) if target_dir else paths.backups_dir()
    if not db_path.is_file():
        raise StorageError(tr("Không tìm thấy cơ sở dữ liệu {path} để sao lưu.", path=db_path))
    if not create_folder and not folder.is_dir():
        raise StorageError(tr("Không tìm thấy thư mục sao lưu {path}. Nếu đó là ổ USB, hãy cắm lại ổ rồi thử lại; "
                              "dữ liệu trên máy không bị ảnh hưởng.", path=folder), detail=FOLDER_MISSING)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder) from exc
    target = _free_name(folder, now)
    # The snapshot goes next to the database (a local disk), not to a slow USB stick.
    with tempfile.TemporaryDirectory(prefix=".backup-", dir=db_path.parent) as scratch:
        snapshot = Path(scratch) / DB_FILENAME
        revision = snapshot_database(db_path, snapshot, connect=connect)
        with atomic_output(target) as fh, zipfile.ZipFile(fh, "w", allowZip64=True) as archive:
            members = [_add_member(archive, DB_MEMBER, snapshot, cipher, now)]
            store = AttachmentStore(attachments_dir)
            for digest in store.all_hashes():
                try:
                    members.append(_add_member(archive, f"{ATTACHMENTS_DIRNAME}/{digest[:2]}/{digest[2:]}",
                                               store.path_for(digest), cipher, now))
                except FileNotFoundError:
                    continue  # a leftover file removed while we were reading: not data to keep
            manifest = Manifest(app_version=__version__, schema_revision=revision, created_at=now,
                                cipher=_cipher_name(cipher), members=tuple(members))
            archive.writestr(_zip_info(MANIFEST, now, True), manifest.to_json())
    return Backup(target, manifest)


# ----- reading and verifying -----------------------------------------------------------------------------


def _open_archive(archive: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(archive, "r")
    except FileNotFoundError as exc:
        raise StorageError(tr("Không tìm thấy tệp sao lưu {path}.", path=archive), detail=repr(exc)) from exc
    except OSError as exc:
        raise storage_error(exc, archive) from exc
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _invalid(archive, repr(exc)) from exc


def _read_manifest(zf: zipfile.ZipFile, archive: Path) -> Manifest:
    try:
        info = zf.getinfo(MANIFEST)
    except KeyError as exc:
        raise _invalid(archive, "no manifest") from exc
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _invalid(archive, "manifest too large")
    try:
        raw = zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _invalid(archive, repr(exc)) from exc
    return Manifest.from_json(raw, archive)


def read_manifest(archive: Path) -> Manifest:
    """The archive's manifest, without checking the members (fast: for listing)."""
    with _open_archive(Path(archive)) as zf:
        return _read_manifest(zf, Path(archive))


def _check_member_set(zf: zipfile.ZipFile, manifest: Manifest, archive: Path) -> None:
    names = [info.filename for info in zf.infolist() if info.filename != MANIFEST]
    if len(names) != len(set(names)):
        raise _invalid(archive, "duplicate member in archive")
    listed = {m.name for m in manifest.members}
    if set(names) != listed:
        raise _invalid(archive, f"members differ from manifest: extra={sorted(set(names) - listed)[:5]} "
                                f"missing={sorted(listed - set(names))[:5]}")
    if DB_MEMBER not in listed:
        raise _invalid(archive, "no database in archive")


def _member_chunks(zf: zipfile.ZipFile, member: Member, cipher: Cipher | None) -> Iterator[bytes]:
    if _is_identity(cipher):
        with zf.open(member.name) as src:
            read = 0
            # Bounded by the manifest's size, so a forged archive cannot fill the disk while we check it.
            while chunk := src.read(_CHUNK):
                read += len(chunk)
                if read > member.size:
                    raise ValueError(f"{member.name}: longer than the manifest says")
                yield chunk
        return
    assert cipher is not None
    yield cipher.decrypt(zf.read(member.name))


def _verify_members(zf: zipfile.ZipFile, manifest: Manifest, archive: Path, cipher: Cipher | None,
                    dest: Path | None) -> None:
    """Hash every member against the manifest, writing it under ``dest`` when given."""
    if manifest.cipher != _cipher_name(cipher):
        raise ValidationError(tr("Bản sao lưu {name} được mã hoá kiểu “{cipher}”; máy này không giải mã được.",
                                 name=archive.name, cipher=manifest.cipher))
    for member in manifest.members:
        digest = hashlib.sha256()
        size = 0
        out: IO[bytes] | None = None
        if dest is not None:
            path = dest.joinpath(*member.name.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            out = path.open("wb")
        try:
            for chunk in _member_chunks(zf, member, cipher):
                digest.update(chunk)
                size += len(chunk)
                if out is not None:
                    out.write(chunk)
            if out is not None:
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise storage_error(exc, dest or archive) from exc
        except Exception as exc:  # noqa: BLE001 - bad zip data, CRC error or a failed decryption
            raise _invalid(archive, f"{member.name}: {exc!r}") from exc
        finally:
            if out is not None:
                out.close()
        if size != member.size or digest.hexdigest() != member.sha256:
            raise _invalid(archive, f"{member.name}: checksum mismatch")


def verify_backup(archive: Path, *, cipher: Cipher | None = None) -> Manifest:
    """Read the whole archive and check every member against the manifest; raises when anything differs."""
    archive = Path(archive)
    with _open_archive(archive) as zf:
        manifest = _read_manifest(zf, archive)
        _check_member_set(zf, manifest, archive)
        _verify_members(zf, manifest, archive, cipher, None)
    return manifest


# ----- restoring ---------------------------------------------------------------------------------------


def _check_schema(manifest: Manifest) -> None:
    from app.db import known_revisions  # loads Alembic's script folder: only needed for a restore

    if manifest.schema_revision is not None and manifest.schema_revision not in known_revisions():
        raise StorageError(tr(
            "Bản sao lưu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {rev}). Hãy cập nhật ứng dụng "
            "trước khi khôi phục; dữ liệu hiện tại không bị thay đổi.", rev=manifest.schema_revision))


def _current_items(data_dir: Path) -> list[str]:
    return [name for name in (*DB_SIDE_FILES, ATTACHMENTS_DIRNAME) if (data_dir / name).exists()]


def _move_all(names: list[str], source: Path, target: Path) -> list[str]:
    moved: list[str] = []
    target.mkdir(parents=True, exist_ok=True)
    try:
        for name in names:
            os.replace(source / name, target / name)
            moved.append(name)
    except OSError:
        # Put back what already moved, so a half-done move never leaves the folder without a database.
        for name in reversed(moved):
            os.replace(target / name, source / name)
        raise
    return moved


def restore_backup(archive: Path, data_dir: Path | None = None, *, cipher: Cipher | None = None,
                   now: datetime | None = None, key: bytes | None = None) -> RestoreResult:
    """Replace the database and attachments of ``data_dir`` with the archive's, keeping the old ones aside.

    Everything is checked first (manifest, every member's hash, the database's integrity) in a staging
    folder inside ``data_dir``, so the final moves are renames on the same disk. The database must be closed
    (the app stopped) while this runs. ``key`` opens an encrypted database for the check.
    """
    archive = Path(archive)
    data_dir = Path(data_dir or paths.data_dir())
    now = now or clock.now()
    with _open_archive(archive) as zf:
        manifest = _read_manifest(zf, archive)
        _check_member_set(zf, manifest, archive)
        _check_schema(manifest)
        try:
            staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
        except OSError as exc:
            raise storage_error(exc, data_dir) from exc
        try:
            _verify_members(zf, manifest, archive, cipher, staging)
            problems = integrity_check(staging / "database" / DB_FILENAME, key=key)
            if problems:
                raise ValidationError(tr("Cơ sở dữ liệu trong bản sao lưu {name} bị lỗi: {problem}. "
                                         "Dữ liệu hiện tại không bị thay đổi.", name=archive.name,
                                         problem=problems[0]))
            (staging / ATTACHMENTS_DIRNAME).mkdir(exist_ok=True)
            os.replace(staging / "database" / DB_FILENAME, staging / DB_FILENAME)
            previous = data_dir / f"{UNDO_PREFIX}{now.strftime(_STAMP)}"
            counter = 2
            while previous.exists():
                previous = data_dir / f"{UNDO_PREFIX}{now.strftime(_STAMP)}-{counter}"
                counter += 1
            try:
                moved = _move_all(_current_items(data_dir), data_dir, previous)
                record = {"archive": str(archive), "restored_at": now.isoformat(), "moved": moved,
                          "schema_revision": manifest.schema_revision}
                (previous / UNDO_RECORD).write_text(json.dumps(record, ensure_ascii=False, indent=1),
                                                    encoding="utf-8")
                try:
                    _move_all([DB_FILENAME, ATTACHMENTS_DIRNAME], staging, data_dir)
                except OSError:
                    _move_all(moved, previous, data_dir)
                    raise
                fsync_dir(data_dir)
            except OSError as exc:
                raise storage_error(exc, data_dir) from exc
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(manifest, previous)


def undo_restore(previous: Path, data_dir: Path | None = None, *, now: datetime | None = None) -> Path:
    """Put back the data a restore moved to ``previous``; the restored data is kept in ``undone-restore-*``.

    Returns the folder now holding the restored (undone) data. The database must be closed.
    """
    previous = Path(previous)
    data_dir = Path(data_dir or paths.data_dir())
    now = now or clock.now()
    if not (previous / UNDO_RECORD).is_file():
        raise ValidationError(tr("Thư mục {path} không phải dữ liệu được giữ lại từ một lần khôi phục.",
                                 path=previous))
    undone = data_dir / f"{UNDONE_PREFIX}{now.strftime(_STAMP)}"
    counter = 2
    while undone.exists():
        undone = data_dir / f"{UNDONE_PREFIX}{now.strftime(_STAMP)}-{counter}"
        counter += 1
    names = [name for name in (*DB_SIDE_FILES, ATTACHMENTS_DIRNAME) if (previous / name).exists()]
    try:
        current = _move_all(_current_items(data_dir), data_dir, undone)
        try:
            _move_all(names, previous, data_dir)
        except OSError:
            _move_all(current, undone, data_dir)
            raise
        (previous / UNDO_RECORD).unlink()
        previous.rmdir()  # empty now; a leftover file keeps the folder, which is the safe way round
        fsync_dir(data_dir)
    except OSError as exc:
        raise storage_error(exc, data_dir) from exc
    return undone


def restore_points(data_dir: Path | None = None) -> list[Path]:
    """Folders of data set aside by restores, newest first (what :func:`undo_restore` accepts)."""
    data_dir = Path(data_dir or paths.data_dir())
    found = [p for p in data_dir.glob(f"{UNDO_PREFIX}*") if (p / UNDO_RECORD).is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


# ----- listing, schedule, pruning ------------------------------------------------------------------------


def backup_time(path: Path) -> datetime | None:
    """When an archive was made, from its name (``None`` for a file not named by :func:`create_backup`)."""
    match = _ARCHIVE_RE.match(Path(path).name)
    return datetime.strptime(match.group(1), _STAMP) if match else None


def _sort_key(path: Path) -> tuple[str, int]:
    match = _ARCHIVE_RE.match(path.name)
    assert match is not None
    return match.group(1), int(match.group(2) or 1)


def list_backups(folder: Path | None = None) -> list[Path]:
    """Archives in ``folder`` (default: the backups folder), newest first; other files are ignored."""
    folder = Path(folder) if folder else paths.backups_dir()
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if p.is_file() and _ARCHIVE_RE.match(p.name)]
    return sorted(found, key=_sort_key, reverse=True)


def last_backup_at(folder: Path | None = None) -> datetime | None:
    backups = list_backups(folder)
    return backup_time(backups[0]) if backups else None


def scheduled_backup_due(last: datetime | None, now: datetime, every_hours: float) -> bool:
    """Whether an automatic backup should run now; ``every_hours <= 0`` turns the schedule off.

    A last backup "in the future" means the clock was moved back: the backup is due, or none would run
    until the clock caught up again.
    """
    if every_hours <= 0:
        return False
    if last is None or last > now:
        return True
    return now - last >= timedelta(hours=every_hours)


def prune_backups(keep: int, folder: Path | None = None) -> list[Path]:
    """Delete all but the ``keep`` newest archives; returns what was deleted. Other files are left alone."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    removed: list[Path] = []
    for path in list_backups(folder)[keep:]:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise storage_error(exc, path) from exc
        removed.append(path)
    return removed


# ----- running a backup from the app ---------------------------------------------------------------------

BACKUP_CREATE = "backup_create"
BACKUP_FAILED = "backup_failed"
BACKUP_RESTORE = "backup_restore"
SYSTEM_ACTOR = "system"  # app.security.audit.SYSTEM, spelled here so this module loads without it


@dataclass(frozen=True)
class BackupRun:
    backup: Backup
    pruned: tuple[Path, ...]


def backup_folder(setting: str) -> Path:
    """The folder named in the settings, or the backups folder of the data directory when empty."""
    return Path(setting).expanduser() if setting and setting.strip() else paths.backups_dir()


def run_backup(db: Database, folder: Path, *, keep: int | None = None, actor: Any = None,
               scheduled: bool = False, now: datetime | None = None,
               create_folder: bool | None = None, audit_failure: bool = True) -> BackupRun:
    """Create one archive of ``db`` in ``folder``, keep the ``keep`` newest there, and audit it.

    Safe to run on a background lane while the counter works. A folder chosen by the official (a USB stick)
    must exist: it is never created, so an unplugged stick is reported instead of filling its mount point.
    A failure is audited too (without the path, which may name a person's folder) and then raised; nothing
    already in the folder is touched by a failed run.
    """
    from app.security import audit

    folder = Path(folder)
    if create_folder is None:
        create_folder = folder == paths.backups_dir()
    try:
        made = create_backup(folder, db_path=db.path, now=now, connect=database_connect(db),
                             create_folder=create_folder)
    except StorageError as exc:
        if not audit_failure:
            raise
        try:
            with db.session() as session:
                audit.record(session, actor, BACKUP_FAILED, "backup:",
                             {"scheduled": scheduled, "reason": _failure_reason(exc)})
        except Exception:  # noqa: BLE001 - a full disk may refuse this line too; the error below still shows
            pass
        raise
    pruned = tuple(prune_backups(keep, folder)) if keep else ()
    with db.session() as session:
        audit.record(session, actor, BACKUP_CREATE, f"backup:{made.path.name}"[:128],
                     {"members": len(made.manifest.members), "scheduled": scheduled, "pruned": len(pruned)})
    return BackupRun(made, pruned)


def _failure_reason(exc: StorageError) -> str:
    if exc.detail == FOLDER_MISSING:
        return FOLDER_MISSING
    cause = exc.__cause__
    if isinstance(cause, OSError) and cause.errno == errno.ENOSPC:
        return "disk_full"
    return "other"


def run_scheduled_backup(db: Database, *, folder_setting: str, every_hours: float, keep: int,
                         now: datetime | None = None, audit_failure: bool = True) -> BackupRun | None:
    """The automatic backup: made only when the last one in the folder is older than ``every_hours``.

    The app retries a failed run every few minutes; it passes ``audit_failure=False`` for the repeats, so an
    unplugged stick leaves one line in the audit log, not one per retry.
    """
    now = now or clock.now()
    folder = backup_folder(folder_setting)
    if not scheduled_backup_due(last_backup_at(folder), now, every_hours):
        return None
    # Made by the schedule, not by whoever happens to be logged in.
    return run_backup(db, folder, keep=keep, actor=SYSTEM_ACTOR, scheduled=True, now=now,
                      audit_failure=audit_failure)


# ----- integrity ---------------------------------------------------------------------------------------


def integrity_check(db_path: Path, *, max_errors: int = 100, quick: bool = False, key: bytes | None = None,
                    connect: Connect | None = None) -> list[str]:
    """Problems found by ``PRAGMA integrity_check`` and ``foreign_key_check``, in Vietnamese; empty if sound.

    Opened read-only: checking a damaged file must not make it worse. A file that cannot be opened at all is
    itself reported as a problem rather than raised. ``quick`` runs ``quick_check`` instead (no index
    cross-check: a fraction of the time, for the start-up check). ``key`` or ``connect`` reach an encrypted
    database.
    """
    path = Path(db_path)
    if connect is None and not path.is_file():
        return [tr("Không tìm thấy tệp cơ sở dữ liệu {path}.", path=path)]
    problems: list[str] = []
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = (connect or keyed_connect(path, key))()
        try:
            rows = con.execute(f"PRAGMA {pragma}({int(max_errors)})").fetchall()
            if [tuple(r) for r in rows] != [("ok",)]:
                problems += [tr("Lỗi cấu trúc: {detail}", detail=row[0]) for row in rows]
            broken: dict[tuple[str, str], int] = {}
            for table, _rowid, parent, _fkid in con.execute("PRAGMA foreign_key_check").fetchall():
                broken[(table, parent)] = broken.get((table, parent), 0) + 1
            problems += [tr("Bảng {table}: {n} dòng trỏ tới dữ liệu không còn trong bảng {parent}.",
                            table=table, n=count, parent=parent) for (table, parent), count in sorted(broken.items())]
        finally:
            con.close()
    except _db_errors() as exc:
        problems.append(tr("Tệp cơ sở dữ liệu bị hỏng hoặc không đọc được ({error}).", error=exc))
    return problems


def missing_attachments(db_path: Path, attachments_dir: Path | None = None, *, key: bytes | None = None,
                        connect: Connect | None = None) -> list[str]:
    """Files the database refers to that are not in the attachment store (or do not match their hash)."""
    path = Path(db_path)
    store = AttachmentStore(Path(attachments_dir) if attachments_dir else path.parent / ATTACHMENTS_DIRNAME)
    try:
        con = (connect or keyed_connect(path, key))()
        try:
            # Scans of dossiers emptied by the retention rule are gone on purpose (app.services.retention).
            rows = con.execute(
                "SELECT DISTINCT a.sha256 FROM dossier_attachments a WHERE NOT EXISTS (SELECT 1 FROM dossier_events e "
                "WHERE e.dossier_id = a.dossier_id AND e.action = 'purged')").fetchall()
        finally:
            con.close()
    except _db_errors() as exc:
        return [tr("Không đọc được danh sách tệp đính kèm ({error}).", error=exc)]
    missing = [str(r[0]) for r in rows if not _SHA256_RE.match(str(r[0])) or not store.exists(str(r[0]))]
    if not missing:
        return []
    return [tr("{n} tệp đính kèm (bản scan) không còn trong kho lưu trữ, ví dụ {sha}.",
               n=len(missing), sha=missing[0][:12])]


def audit_problems(db_path: Path, *, key: bytes | None = None, connect: Connect | None = None) -> list[str]:
    """What :func:`app.security.audit.verify` finds in the audit chain, read without writing to the file."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from app.security import audit

    opener = connect or keyed_connect(Path(db_path), key)
    engine = create_engine("sqlite://", creator=opener)
    try:
        with Session(engine) as session:
            return [p.message for p in audit.verify(session).problems]
    except Exception as exc:  # noqa: BLE001 - an unreadable log is a finding, not a crash of the check
        return [tr("Không đọc được nhật ký kiểm tra ({error}).", error=exc)]
    finally:
        engine.dispose()


def check_data(db_path: Path | None = None, *, key: bytes | None = None, connect: Connect | None = None) -> list[str]:
    """Everything "Kiểm tra dữ liệu" looks at: database structure, references, attachments, audit chain."""
    path = Path(db_path or paths.database_path())
    problems = integrity_check(path, key=key, connect=connect)
    if problems:
        return problems  # further checks would only add noise on a damaged file
    return missing_attachments(path, key=key, connect=connect) + audit_problems(path, key=key, connect=connect)
