"""Small durable facts of the sync engine, kept in the ``sync_state`` key/value table.

Every write takes the caller's session so it commits together with the change it describes (a page of
changes and its cursor, an acknowledgement and the revision it settles).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import SyncState

CHANGES_CURSOR = "changes_cursor"
CATALOGUE_CURSOR = "catalogue_cursor"
CATALOGUE_REFUSED = "catalogue_refused"  # cursor of the last release refused for its signature (audited once)
LAST_SUCCESS = "last_success"  # local time of the last run that reached the server and finished its steps
LAST_ATTEMPT = "last_attempt"
LAST_STATE = "last_state"  # one of the SyncReport states, for the status bar before the next run
LAST_MESSAGE = "last_message"
CLOCK_SKEW_S = "clock_skew_s"  # local clock minus server clock, seconds
OFFLINE_STREAK = "offline_streak"  # consecutive runs that could not connect
SERVER_PROTOCOL = "server_protocol"
SERVER_MIN_CLIENT = "server_min_client_version"  # from the last hello: the oldest client the province accepts
SERVER_LATEST_CLIENT = "server_latest_client_version"  # from the last hello: the newest client released
LINK_KBPS = "link_kbps"  # upload throughput measured on the last file, kbit/s
LINK_MEASURED_AT = "link_measured_at"


def get(session: Session, key: str, default: str | None = None) -> str | None:
    row = session.get(SyncState, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str | None) -> None:
    if value is None:
        session.execute(delete(SyncState).where(SyncState.key == key))
        return
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def get_int(session: Session, key: str, default: int = 0) -> int:
    raw = get(session, key)
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


def get_float(session: Session, key: str) -> float | None:
    raw = get(session, key)
    try:
        return float(raw) if raw is not None else None
    except ValueError:
        return None


def get_time(session: Session, key: str) -> datetime | None:
    raw = get(session, key)
    try:
        return datetime.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def put_time(session: Session, key: str, value: datetime) -> None:
    put(session, key, value.replace(microsecond=0).isoformat())


def all_keys(session: Session) -> list[str]:
    return list(session.execute(select(SyncState.key)).scalars())
