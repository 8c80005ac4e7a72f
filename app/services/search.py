"""Accent-insensitive dossier search over the FTS5 index of the folded ``search_text`` column."""

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


def fts_query(query: str) -> str | None:
    """Every folded word must match as a prefix; quoting keeps user input from being FTS syntax."""
    tokens = _TOKEN_RE.findall(fold(query))
    tokens = [t.strip(".-") for t in tokens if t.strip(".-")]
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def _row(values) -> DossierRow:  # noqa: ANN001 - a SQLAlchemy Row
    def as_dt(v):  # noqa: ANN001, ANN202
        return v if isinstance(v, datetime) or v is None else datetime.fromisoformat(v)

    return DossierRow(values[0], values[1], values[2], values[3], values[4], values[5],
                      as_dt(values[6]), as_dt(values[7]))


def search_dossiers(session: Session, query: str = "", *, status: int | None = None,
                    limit: int = 200) -> list[DossierRow]:
    """Newest first; an empty query lists the latest dossiers."""
    match = fts_query(query)
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
