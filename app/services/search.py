"""Accent-insensitive dossier search over the FTS5 index of the folded ``search_text`` column.

Every word typed matches as a prefix. FTS5 answers a prefix term by reading and merging the whole doclist
of every indexed word with that prefix before the first row comes out, so a few common words ("tran thi
hoa") cost tens of milliseconds at a million dossiers even with ``LIMIT``. An exact term, by contrast, is
read lazily, newest row first, and the query stops after ``limit`` hits. The planner therefore looks each
prefix up in the index's own vocabulary (``fts5vocab``, a per-connection temp table: no schema change) and,
when it stands for only a few indexed words, asks for exactly those words (``"tran" OR "trang"``): the same
rows in the same order. A prefix of many words (the start of an ID number) stays a prefix term.

The vocabulary lookup itself reads the doclists (fts5vocab counts documents), so its answers are cached per
connection until the index changes; while someone types, only the word being typed is looked up again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.text import fold

_TOKEN_RE = re.compile(r"[0-9a-z.\-]+")


@dataclass(frozen=True)
class DossierRow:
    """One line of the dossier list: just what the list shows."""

    id: str
    code: str
    applicant_name: str
    applicant_id_number: str
    procedure_name: str
    status: int
    received_at: datetime
    due_at: datetime | None


_COLUMNS = ("d.id, d.code, d.applicant_name, d.applicant_id_number, d.procedure_name, d.status, "
            "d.received_at, d.due_at")


# A prefix standing for more indexed words than this stays a prefix term (a long OR list gains nothing).
MAX_EXPANSION = 16
_VOCAB = "temp.motcua_dossier_vocab"
_TERM_RE = re.compile(r"[0-9a-z.\-]+")
_STRUCTURE_ID = 10  # rowid of FTS5's structure record in its %_data table
_CACHE_KEY = "motcua_search_prefixes"
_CACHE_SIZE = 4096


def query_tokens(query: str) -> list[str]:
    """The folded words of a query, each to be matched as a prefix (duplicates dropped, order kept)."""
    tokens = (t.strip(".-") for t in _TOKEN_RE.findall(fold(query)))
    return list(dict.fromkeys(t for t in tokens if t))


def fts_query(query: str) -> str | None:
    """Every folded word must match as a prefix; quoting keeps user input from being FTS syntax."""
    tokens = query_tokens(query)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _next_key(prefix: str) -> str:
    """The smallest string above every string starting with ``prefix`` (for a term range)."""
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _vocabulary_cache(session: Session) -> dict[str, list[str] | None]:
    """Prefix lookups of this database connection, valid while the index is unchanged as it sees it.

    The key is the FTS5 structure record (rewritten whenever a committed transaction changed the index, and
    read through this connection's snapshot) plus, inside a write transaction of this connection, its change
    count: rows it has not committed may still wait in FTS5's memory, outside the structure record. Other
    writes (audit, drafts, sync state) therefore keep the cache once committed. Counting a word's documents
    is what makes ``fts5vocab`` slow, so a repeated or refined search must not pay for it again.
    """
    connection = session.connection()
    structure = connection.exec_driver_sql(f"SELECT block FROM dossier_fts_data WHERE id = {_STRUCTURE_ID}").scalar()
    raw = connection.connection
    writing = bool(getattr(raw.dbapi_connection, "in_transaction", True))
    changes = connection.exec_driver_sql("SELECT total_changes()").scalar() if writing else None
    key = (bytes(structure or b""), changes)
    info = raw.info  # lives as long as the DB-API connection
    cached = info.get(_CACHE_KEY)
    if cached is None or cached[0] != key or len(cached[1]) > _CACHE_SIZE:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, dossier_fts, row)")
        cached = info[_CACHE_KEY] = (key, {})
    return cached[1]


def prefix_words(session: Session, prefix: str, limit: int = MAX_EXPANSION) -> list[str] | None:
    """The indexed words starting with ``prefix``, or ``None`` when there are more than ``limit``."""
    cache = _vocabulary_cache(session)
    if prefix not in cache:
        # Typing on refines a word: the list of a shorter prefix already holds every longer one's words.
        shorter = next((cache[prefix[:n]] for n in range(len(prefix) - 1, 0, -1)
                        if cache.get(prefix[:n]) is not None), None)
        if shorter is not None:
            cache[prefix] = [w for w in shorter if w.startswith(prefix)]
    if prefix not in cache:
        words = list(session.connection().execute(
            text(f"SELECT term FROM {_VOCAB} WHERE term >= :low AND term < :high ORDER BY term LIMIT :n"),
            {"low": prefix, "high": _next_key(prefix), "n": MAX_EXPANSION + 1}).scalars())
        cache[prefix] = None if len(words) > MAX_EXPANSION else words
    words = cache[prefix]
    return None if words is None or len(words) > limit else words


def planned_match(session: Session, query: str) -> str | None:
    """The FTS5 expression for ``query`` with short prefixes spelled out as their words.

    ``None`` for a query without words; ``""`` when some word starts no indexed word, so nothing matches.
    """
    tokens = query_tokens(query)
    if not tokens:
        return None
    terms = []
    for token in tokens:
        words = prefix_words(session, token)
        if words is not None and not words:
            return ""
        if words is None or not all(_TERM_RE.fullmatch(w) for w in words):
            terms.append(f'"{token}"*')
        elif len(words) == 1:
            terms.append(f'"{words[0]}"')
        else:
            terms.append("(" + " OR ".join(f'"{w}"' for w in words) + ")")
    return " AND ".join(terms)


def _row(values) -> DossierRow:  # noqa: ANN001 - a SQLAlchemy Row
    def as_dt(v):  # noqa: ANN001, ANN202
        return v if isinstance(v, datetime) or v is None else datetime.fromisoformat(v)

    return DossierRow(values[0], values[1], values[2], values[3], values[4], values[5],
                      as_dt(values[6]), as_dt(values[7]))


def search_dossiers(session: Session, query: str = "", *, status: int | None = None,
                    limit: int = 200) -> list[DossierRow]:
    """Newest first; an empty query lists the latest dossiers."""
    match = planned_match(session, query)
    if match == "":
        return []
    params: dict[str, object] = {"limit": limit}
    status_clause = ""
    if status is not None:
        status_clause = " AND d.status = :status"
        params["status"] = status
    if match is None:
        sql = f"SELECT {_COLUMNS} FROM dossiers d WHERE 1=1{status_clause} ORDER BY d.seq DESC LIMIT :limit"
    elif status is None:
        # FTS5 walks its rowids backwards for ORDER BY rowid DESC, so a common word stops after `limit` hits.
        params["match"] = match
        sql = (f"SELECT {_COLUMNS} FROM dossiers d WHERE d.seq IN (SELECT rowid FROM dossier_fts "
               "WHERE dossier_fts MATCH :match ORDER BY rowid DESC LIMIT :limit) ORDER BY d.seq DESC")
    else:
        params["match"] = match
        sql = (f"SELECT {_COLUMNS} FROM dossier_fts f JOIN dossiers d ON d.seq = f.rowid "
               f"WHERE dossier_fts MATCH :match{status_clause} ORDER BY f.rowid DESC LIMIT :limit")
    return [_row(r) for r in session.execute(text(sql), params).all()]
