"""Accent-insensitive dossier search over the FTS5 index of the folded ``search_text`` column.

Every word typed matches as a prefix. FTS5 answers a prefix term by reading and merging the whole doclist
of every indexed word with that prefix before the first row comes out, so a few common words ("tran thi
hoa") cost tens of milliseconds at a million dossiers even with ``LIMIT``. An exact term, by contrast, is
read lazily, newest row first, and the query stops after ``limit`` hits. The planner therefore looks each
prefix up in the index's own vocabulary (``fts5vocab``, a per-connection temp table: no schema change) and,
when it stands for only a few indexed words, asks for exactly those words (``"tran" OR "trang"``): the same
rows in the same order. A prefix of many words (the start of an ID number) stays a prefix term.

The vocabulary lookup itself reads the doclists (fts5vocab counts documents), so its answers are cached per
connection and extended in place as dossiers are added; while someone types, only the word being typed is
looked up again.
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


_GENERATION_KEY = "search_words_generation"
# More new rows than this since the lists were made: rebuilding from the index is cheaper than reading them.
_MAX_NEW_ROWS = 2000
_WORD_RE = re.compile(r"(?:[^\W_]|[.\-])+")  # unicode61 with tokenchars '.-' on folded text


@dataclass
class _WordLists:
    """Prefix → indexed words, valid for the rows up to ``top_seq`` while ``generation`` is unchanged."""

    generation: str
    top_seq: int
    lists: dict[str, list[str] | None]


def _indexed_words(text_value: str | None) -> list[str] | None:
    """The words FTS5 indexes for a folded ``search_text``; ``None`` if it is not plain ASCII, where this
    tokenizer is not certain to agree with unicode61 (the caller then rebuilds from the index)."""
    if not text_value:
        return []
    if not text_value.isascii():
        return None
    return _WORD_RE.findall(text_value.lower())


def _extend(cache: _WordLists, words: set[str]) -> None:
    for prefix, listed in cache.lists.items():
        if listed is None:
            continue
        fresh = [w for w in words if w.startswith(prefix) and w not in listed]
        if fresh:
            merged = sorted([*listed, *fresh])
            cache.lists[prefix] = None if len(merged) > MAX_EXPANSION else merged


def _vocabulary_cache(session: Session) -> dict[str, list[str] | None]:
    """Prefix lookups of this database connection, kept up to date as dossiers are added.

    Counting a word's documents is what makes ``fts5vocab`` slow, so the lists must survive the day's work.
    Words enter the index only through a dossier's ``search_text``: a new dossier above the highest seq seen
    adds its words to the lists in place (rows this connection has not committed included, as it sees them);
    any other change of indexed text bumps a counter kept by triggers (migration 0008) and the lists start
    again. Words that left the index may linger in a list: asking for a word no row has matches nothing.
    """
    connection = session.connection()
    generation, top_seq = connection.exec_driver_sql(
        f"SELECT (SELECT value FROM meta WHERE key = '{_GENERATION_KEY}'), (SELECT max(seq) FROM dossiers)").one()
    generation, top_seq = str(generation or "0"), int(top_seq or 0)
    info = connection.connection.info  # lives as long as the DB-API connection
    cache = info.get(_CACHE_KEY)
    if isinstance(cache, _WordLists) and cache.generation == generation and len(cache.lists) <= _CACHE_SIZE:
        if top_seq <= cache.top_seq:
            return cache.lists
        rows = connection.exec_driver_sql(
            f"SELECT search_text FROM dossiers WHERE seq > {cache.top_seq} ORDER BY seq LIMIT {_MAX_NEW_ROWS + 1}"
        ).scalars().all()
        found = [_indexed_words(value) for value in rows]
        if len(rows) <= _MAX_NEW_ROWS and all(words is not None for words in found):
            if getattr(connection.connection.dbapi_connection, "in_transaction", True):
                # Rows of this connection's open write may still roll back and their seq be reused by the
                # next dossier: extend a copy for this search and keep the lists as committed.
                cache = _WordLists(generation, top_seq, dict(cache.lists))
            else:
                cache.top_seq = top_seq
            _extend(cache, {word for words in found for word in words or ()})
            return cache.lists
    connection.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_VOCAB} USING fts5vocab(main, dossier_fts, row)")
    cache = info[_CACHE_KEY] = _WordLists(generation, top_seq, {})
    return cache.lists


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
