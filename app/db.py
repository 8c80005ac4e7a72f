"""Database engine, connection pragmas, session scope and start-up migration.

Opening the database migrates an older schema to the current one with Alembic, after taking a backup with
SQLite's online backup API. A database written by a newer version of the app is refused untouched.

With a key, the database is encrypted at rest with SQLCipher (``sqlcipher3``): ``PRAGMA key`` is the first
statement on every connection, and the backups taken before a migration are encrypted with the same key. A
plaintext database opened with a key is encrypted in place (:func:`encrypt_in_place`): exported into a
temporary file in the same folder, verified, swapped in with a rename, and only then is the plaintext
overwritten and removed. Without a key the database is plain SQLite, exactly as before encryption existed.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app import paths
from app.errors import StorageError
from app.fsutil import fsync_dir, storage_error
from app.i18n import tr
from app.migrations import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
KEY_BYTES = 32
PLAINTEXT_HEADER = b"SQLite format 3\x00"
_WIPE_CHUNK = 1 << 20


def _sqlcipher():  # noqa: ANN202 - the sqlcipher3 DBAPI module, imported lazily
    # Loaded only for an encrypted database, so a plain install (and the test suite) does not need it.
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:
        raise StorageError(
            tr("Máy này thiếu thành phần mã hoá cơ sở dữ liệu (SQLCipher). Hãy cài lại ứng dụng."),
            detail=repr(exc),
        ) from exc
    return dbapi2


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a database key is {KEY_BYTES} random bytes, got {len(key)}")
    # A raw key (x'…') skips SQLCipher's PBKDF2 (256,000 rounds on every connection): it is already random.
    return f"PRAGMA key = \"x'{key.hex()}'\""


def is_plaintext_database(path: Path) -> bool:
    """True when ``path`` is an unencrypted SQLite file (an encrypted one starts with random bytes)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(PLAINTEXT_HEADER)) == PLAINTEXT_HEADER
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise storage_error(exc, path) from exc


def _db_errors(key: bytes | None) -> tuple[type[Exception], ...]:
    return (sqlite3.DatabaseError,) if key is None else (sqlite3.DatabaseError, _sqlcipher().DatabaseError)


def _connect_raw(path: Path, key: bytes | None, *, readonly: bool = False):  # noqa: ANN202 - DBAPI connection
    """A DBAPI connection outside SQLAlchemy (backup, revision check, encryption); keyed first when ``key``."""
    target = f"file:{path}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly)
    con = _sqlcipher().connect(target, uri=readonly)
    con.execute(_key_pragma(key))
    return con


def _wrong_key(path: Path, exc: Exception) -> StorageError:
    # SQLCipher cannot tell a wrong key from a damaged file: both fail the first page's HMAC.
    return StorageError(
        tr("Không mở được cơ sở dữ liệu đã mã hoá {path}: khoá không đúng hoặc tệp bị hỏng. "
           "Dữ liệu không bị thay đổi. Nếu đây là máy mới, hãy dùng mã khôi phục của quản trị viên.", path=path),
        detail=repr(exc),
    )


def _set_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI callback
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a write lane commits; FULL survives a power cut after commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _set_cipher_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI callback
    cursor = dbapi_connection.cursor()
    # Sorts and transient indices could otherwise spill decrypted rows into unencrypted temp files.
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Every page-cache miss costs a decryption and an HMAC check: a 32 MiB cache (default 2 MiB) brought the
    # encrypted search median from 2.1x to ~1.3x the plaintext one on 20,000 dossiers.
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def make_engine(path: Path, key: bytes | None = None) -> Engine:
    if key is None:
        engine = create_engine(f"sqlite:///{path}", future=True)
        event.listen(engine, "connect", _set_pragmas)
        return engine
    module = _sqlcipher()
    pragma = _key_pragma(key)
    target = str(path)

    def connect():  # noqa: ANN202 - DBAPI connection
        # The key must be the very first statement: anything before it would read the file as plaintext.
        con = module.connect(target, check_same_thread=False)
        con.execute(pragma)
        return con

    # ``module`` makes SQLAlchemy wrap sqlcipher3's own exception classes (OperationalError, IntegrityError);
    # QueuePool because the placeholder URL would otherwise get the single-thread pool of a memory database.
    engine = create_engine("sqlite://", module=module, creator=connect, poolclass=QueuePool, future=True)
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "connect", _set_cipher_pragmas)
    return engine


def alembic_config():  # noqa: ANN201 - alembic.config.Config, imported lazily
    # Alembic is loaded only when the schema must change, which keeps a normal start fast.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def stored_revision(path: Path, key: bytes | None = None) -> str | None:
    """Schema revision recorded in an existing database file, read without writing anything.

    With ``key`` an encrypted file is read with it (a wrong key is a :class:`StorageError`); a plaintext file
    is still read as it is, so the refusal of a newer schema happens before any encryption.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if key is not None and is_plaintext_database(path):
        key = None
        wrong_key = False
    else:
        wrong_key = key is not None
    try:
        con = _connect_raw(path, key, readonly=True)
        try:
            row = con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if row is None:
                tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                return None if tables == 0 else "unversioned"
            rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
            return rev[0] if rev else None
        finally:
            con.close()
    except _db_errors(key) as exc:
        if wrong_key:
            raise _wrong_key(path, exc) from exc
        raise StorageError(
            tr("Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng.", path=path),
            detail=repr(exc),
        ) from exc


def backup_database(path: Path, label: str, key: bytes | None = None) -> Path:
    """Consistent copy of the database (online backup API) into the backups folder.

    With ``key`` the copy is encrypted with the same key: a backup must not reveal what the database hides.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir() / f"{path.stem}-{label}-{stamp}.sqlite3"
    try:
        src = _connect_raw(path, key, readonly=True)
        dst = _connect_raw(target, key)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    except _db_errors(key) as exc:
        raise StorageError(tr("Không sao lưu được cơ sở dữ liệu trước khi nâng cấp."), detail=repr(exc)) from exc
    except OSError as exc:
        raise storage_error(exc, target) from exc
    return target


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup: Path | None = None  # backup taken by this opening, if a migration ran
    encrypted: bool = False  # opened with a SQLCipher key

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise _operational_error(exc, self.path) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def _operational_error(exc: OperationalError, path: Path) -> StorageError:
    text = str(exc.orig) if exc.orig else str(exc)
    if "readonly" in text or "read-only" in text:
        msg = tr("Cơ sở dữ liệu đang ở chế độ chỉ đọc (ổ đĩa hoặc thư mục không cho ghi). Dữ liệu đang nhập vẫn được giữ.")
    elif "disk is full" in text or "database or disk is full" in text:
        msg = tr("Ổ đĩa đã đầy, không lưu được. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đang nhập vẫn được giữ.")
    elif "locked" in text:
        msg = tr("Cơ sở dữ liệu đang bận, hãy thử lại sau giây lát.")
    else:
        msg = tr("Lỗi cơ sở dữ liệu tại {path}.", path=path)
    return StorageError(msg, detail=text)


def _side_files(path: Path) -> list[Path]:
    """The WAL, shared-memory and rollback-journal files SQLite keeps beside ``path``."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _encrypting_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.encrypting")


def _plaintext_old_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.plaintext-old")


def wipe_file(path: Path) -> None:
    """Overwrite a file with zeros, fsync it, then unlink it.

    Best effort: an SSD's wear levelling or a copy-on-write file system may keep old blocks, but a plain
    undelete tool or a look at the free space of a copied disk image finds nothing.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b") as fh:
            zeros = bytes(min(size, _WIPE_CHUNK))
            left = size
            while left > 0:
                left -= fh.write(zeros[:min(left, _WIPE_CHUNK)])
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise storage_error(exc, path) from exc


def _table_counts(con) -> dict[str, int]:  # noqa: ANN001 - DBAPI connection
    names = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def finish_interrupted_encryption(path: Path) -> None:
    """Complete or undo an :func:`encrypt_in_place` cut short by a crash or power loss.

    Between the two renames the database is only at its ``plaintext-old`` name: it goes back. After the
    second rename the encrypted file is in place and the plaintext left over is wiped. An unfinished export
    (ciphertext) is simply removed.
    """
    old = _plaintext_old_path(path)
    try:
        if old.exists():
            if path.exists():
                wipe_file(old)
            else:
                os.replace(old, path)
                fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(exc, path) from exc
    wipe_file(_encrypting_path(path))


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn the plaintext SQLite database at ``path`` into a SQLCipher database with ``key``.

    The plaintext stays intact until the encrypted copy has been written, fsynced and checked (integrity
    check and the row count of every table, FTS shadow tables included); a failure before the swap leaves
    the original as it was. The caller must hold no connection to ``path``.
    """
    pragma_key = f"x'{bytes(key).hex()}'"
    _key_pragma(key)  # validates the length
    module = _sqlcipher()
    tmp = _encrypting_path(path)
    old = _plaintext_old_path(path)
    wipe_file(tmp)
    failed = tr("Không mã hoá được cơ sở dữ liệu {path}; dữ liệu cũ được giữ nguyên.", path=path)
    try:
        # No key on the source: SQLCipher reads a plaintext file like SQLite does.
        src = module.connect(str(path), isolation_level=None)
        try:
            # Leaving WAL mode checkpoints every committed page into the main file and removes the -wal file,
            # so the export sees all the data and no plaintext WAL survives next to the encrypted file.
            mode = src.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            if str(mode).lower() != "delete":
                raise StorageError(tr("Cơ sở dữ liệu đang được mở ở nơi khác, chưa mã hoá được. "
                                      "Hãy đóng các cửa sổ khác của ứng dụng rồi thử lại."), detail=f"journal_mode={mode}")
            expected = _table_counts(src)
            user_version = int(src.execute("PRAGMA user_version").fetchone()[0])
            src.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(tmp), pragma_key))
            src.execute("SELECT sqlcipher_export('encrypted')")
            src.execute(f"PRAGMA encrypted.user_version = {user_version}")
            src.execute("DETACH DATABASE encrypted")
        finally:
            src.close()
        _fsync_file(tmp)
        check = _connect_raw(tmp, key)
        try:
            integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
            actual = _table_counts(check)
        finally:
            check.close()
        if integrity != "ok" or actual != expected:
            raise StorageError(failed, detail=f"integrity={integrity!r} expected={expected} actual={actual}")
    except module.DatabaseError as exc:
        wipe_file(tmp)
        raise StorageError(failed, detail=repr(exc)) from exc
    except OSError as exc:
        wipe_file(tmp)
        raise storage_error(exc, tmp) from exc
    except BaseException:
        wipe_file(tmp)
        raise
    try:
        for side in _side_files(path):  # emptied by the checkpoint; they must not meet the encrypted file
            wipe_file(side)
        # Two renames rather than one replace, so the plaintext can be overwritten before it is unlinked
        # (Windows cannot overwrite a file that a rename has already detached); see finish_interrupted_encryption.
        os.replace(path, old)
        fsync_dir(path.parent)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise storage_error(exc, path) from exc
    wipe_file(old)
    fsync_dir(path.parent)


def _encrypt_plaintext_backups(path: Path, key: bytes) -> None:
    """Backups taken before encryption hold the same names and ID numbers: encrypt them as well."""
    for backup in sorted(paths.backups_dir().glob(f"{path.stem}-*.sqlite3")):
        finish_interrupted_encryption(backup)
        if is_plaintext_database(backup):
            encrypt_in_place(backup, key)


def open_database(path: Path | None = None, *, key: bytes | None = None) -> Database:
    """Open (creating or migrating as needed) the database at ``path``.

    ``key`` (32 random bytes, see :mod:`app.security.dbkey`) opens or creates a SQLCipher database and
    encrypts a plaintext one in place; a wrong key is refused before anything is written.
    """
    path = Path(path or paths.database_path())
    if key is not None:
        _key_pragma(key)
        finish_interrupted_encryption(path)
    current = stored_revision(path, key)
    head = HEAD_REVISION
    if current != head and (current == "unversioned" or (current is not None and current not in known_revisions())):
        raise StorageError(
            tr(
                "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {rev}). "
                "Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.",
                rev=current,
            )
        )
    if key is not None:
        if is_plaintext_database(path):
            encrypt_in_place(path, key)
        _encrypt_plaintext_backups(path, key)
    backup = None
    if current is not None and current != head:
        backup = backup_database(path, f"before-{head}", key)
    engine = make_engine(path, key)
    try:
        if current != head:
            from alembic import command

            with engine.begin() as connection:
                cfg = alembic_config()
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
        with engine.connect() as connection:  # touch the file: fails early on an unusable disk
            connection.exec_driver_sql("SELECT 1")
    except OperationalError as exc:
        engine.dispose()
        raise _operational_error(exc, path) from exc
    sessions = sessionmaker(engine, expire_on_commit=False, future=True)
    return Database(path=path, engine=engine, sessions=sessions, backup=backup, encrypted=key is not None)
