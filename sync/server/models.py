"""Tables of the server database, on their own metadata (never mixed with the workstation's ``app.models``).

Sequence columns use SQLite's AUTOINCREMENT so a number is never reused after a delete: cursors handed to
clients must only ever move forward.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ServerBase(DeclarativeBase):
    pass


class Workstation(ServerBase):
    """An enrolled counter PC. Only the SHA-256 of its token is kept, so a database leak reveals no token."""

    __tablename__ = "workstations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    unit_id: Mapped[str] = mapped_column(String(32), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)


class ServerDossier(ServerBase):
    """The latest known state of a dossier; ``payload`` is the ``dossier_to_wire`` body of ``revision``."""

    __tablename__ = "dossiers"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    unit_id: Mapped[str] = mapped_column(String(32), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    received_from: Mapped[str] = mapped_column(String(128))


class IdempotencyRecord(ServerBase):
    """One idempotency key: ``in_flight`` while its first request runs, then ``done`` with the reply to replay."""

    __tablename__ = "idempotency"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(16))
    status_code: Mapped[int | None] = mapped_column(Integer)
    reply: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


class Upload(ServerBase):
    """A tus upload; its id is the client-made attachment id, so a repeated creation finds the same row."""

    __tablename__ = "uploads"
    attachment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(String(64), index=True)
    unit_id: Mapped[str] = mapped_column(String(32))
    length: Mapped[int] = mapped_column(Integer)
    offset: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    upload_metadata: Mapped[dict[str, str]] = mapped_column("metadata", JSON)
    raw_metadata: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    file_path: Mapped[str] = mapped_column(Text)


class Change(ServerBase):
    """One entry of the change feed pulled by workstations (status updates decided at the province)."""

    __tablename__ = "changes"
    # The dossier index serves the status-conflict check of every dossier push.
    __table_args__ = (Index("ix_changes_unit_seq", "unit_id", "seq"),
                      Index("ix_changes_dossier_seq", "dossier_id", "seq"), {"sqlite_autoincrement": True})
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    unit_id: Mapped[str] = mapped_column(String(32))
    dossier_id: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(64))
    status: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(16), default="status")


class StatusConflict(ServerBase):
    """A pushed revision whose status met a province change the workstation had not applied yet.

    ``outcome`` is ``kept`` (the province's status stayed) or ``accepted`` (the workstation's status is
    further along the legal path from it). Created by ``create_all`` on servers that predate it.
    """

    __tablename__ = "status_conflicts"
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    dossier_id: Mapped[str] = mapped_column(String(64), index=True)
    code: Mapped[str] = mapped_column(String(64))
    unit_id: Mapped[str] = mapped_column(String(32))
    revision: Mapped[int] = mapped_column(Integer)
    workstation: Mapped[str] = mapped_column(String(128))
    client_status: Mapped[int] = mapped_column(Integer)
    province_status: Mapped[int] = mapped_column(Integer)
    change_seq: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)


class CatalogueRelease(ServerBase):
    """A complete published catalogue (procedures and calendar exceptions); ``seq`` is its change cursor."""

    __tablename__ = "catalogue"
    __table_args__ = ({"sqlite_autoincrement": True},)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version: Mapped[str] = mapped_column(String(64))
    procedures: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    calendar_days: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    published_at: Mapped[datetime] = mapped_column(DateTime)


class AuditHead(ServerBase):
    """The newest audit chain head a workstation reported and the server accepted (seq and hash only)."""

    __tablename__ = "audit_heads"
    workstation_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AuditAlert(ServerBase):
    """A refused head: the workstation's audit log went backwards, was rewritten or reports a broken chain.

    Holds positions and hashes only, never log content; the same refusal repeated by later runs only counts.
    """

    __tablename__ = "audit_alerts"
    __table_args__ = ({"sqlite_autoincrement": True},)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    workstation_id: Mapped[int] = mapped_column(Integer, index=True)
    workstation_name: Mapped[str] = mapped_column(String(128))
    unit_id: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(48))
    known_seq: Mapped[int | None] = mapped_column(Integer)
    known_hash: Mapped[str] = mapped_column(String(64), default="")
    claimed_seq: Mapped[int] = mapped_column(Integer)
    claimed_hash: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text, default="")
    first_at: Mapped[datetime] = mapped_column(DateTime)
    last_at: Mapped[datetime] = mapped_column(DateTime)
    repeats: Mapped[int] = mapped_column(Integer, default=1)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)


class CatalogueEnvelope(ServerBase):
    """The signed form of a release (``app.security.signing`` envelope, purpose "catalogue"), made when the
    release is published: workstations apply only what this signature covers."""

    __tablename__ = "catalogue_envelopes"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    envelope: Mapped[dict[str, Any]] = mapped_column(JSON)
