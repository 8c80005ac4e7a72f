"""Database engine, connection pragmas, session scope and start-up migration.

Opening the database migrates an older schema to the current one with Alembic, after taking a backup with
SQLite's online backup API. A database written by a newer version of the app is refused untouched.
"""

from __future__ import annotations

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

from app import paths
from app.errors import StorageError
from app.fsutil import storage_error
from app.i18n import tr
from app.migrations import HEAD_REVISION

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _set_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI callback
    cursor = dbapi_connection.cursor()
    # WAL lets the UI read while a write lane commits; FULL survives a power cut after commit.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _set_pragmas)
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


def stored_revision(path: Path) -> str | None:
    """Schema revision recorded in an existing database file, read without writing anything."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
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
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            tr("Tệp cơ sở dữ liệu {path} bị hỏng hoặc không phải cơ sở dữ liệu của ứng dụng.", path=path),
            detail=repr(exc),
        ) from exc


def backup_database(path: Path, label: str) -> Path:
    """Consistent copy of the database (online backup API) into the backups folder."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = paths.backups_dir() / f"{path.stem}-{label}-{stamp}.sqlite3"
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    except sqlite3.DatabaseError as exc:
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


def open_database(path: Path | None = None) -> Database:
    """Open (creating or migrating as needed) the database at ``path``."""
    path = Path(path or paths.database_path())
    current = stored_revision(path)
    head = HEAD_REVISION
    if current != head and (current == "unversioned" or (current is not None and current not in known_revisions())):
        raise StorageError(
            tr(
                "Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {rev}). "
                "Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.",
                rev=current,
            )
        )
    backup = None
    if current is not None and current != head:
        backup = backup_database(path, f"before-{head}")
    engine = make_engine(path)
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
    return Database(path=path, engine=engine, sessions=sessions, backup=backup)
