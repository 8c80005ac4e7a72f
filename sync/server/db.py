"""Server database engine: SQLite by default, PostgreSQL (or any SQLAlchemy URL) when configured."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync.server.models import ServerBase

# Wire times are the counter's wall clock (Asia/Ho_Chi_Minh). Viet Nam has no daylight saving time, so a fixed
# offset is exact and needs no tz database on the server host.
VIETNAM = timezone(timedelta(hours=7))


def local_now() -> datetime:
    """Naive local wall-clock time, the format every wire time uses."""
    return datetime.now(VIETNAM).replace(tzinfo=None, microsecond=0)


def normalise_url(database: str) -> str:
    """Accept a plain file path as a shorthand for a SQLite URL."""
    if "://" in database:
        return database
    return f"sqlite:///{Path(database).expanduser().resolve()}"


def _sqlite_connect(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI callback
    # Autocommit at the driver level, so the "begin" hook below decides how transactions start.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: an acknowledged dossier or upload offset must survive a power cut.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


def _sqlite_begin(connection) -> None:  # noqa: ANN001 - SQLAlchemy event
    # IMMEDIATE takes the write lock up front: a deferred transaction that reads and then writes can fail at
    # once with SQLITE_BUSY (the busy timeout does not apply to lock upgrades) under concurrent requests.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(database_url: str) -> Engine:
    url = normalise_url(database_url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    ServerBase.metadata.create_all(engine)
    # create_all skips indexes of tables that already exist: a server upgraded in place gets them here.
    for table in ServerBase.metadata.sorted_tables:
        for index in table.indexes:
            index.create(engine, checkfirst=True)
    return engine


class ServerDatabase:
    def __init__(self, database_url: str) -> None:
        self.url = normalise_url(database_url)
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error."""
        session = self.sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
