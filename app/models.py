"""SQLAlchemy models of the local database.

Times are naive local wall-clock times of the counter (Asia/Ho_Chi_Minh): the working-day calendar, the
printed papers and the registers all speak local time. Domain terms without an English equivalent keep
their Vietnamese name: *hồ sơ* (dossier), *thủ tục* (procedure), *lĩnh vực* (field), *số bộ* (sets).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Small key/value facts about the database (catalogue version, calendar version...)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Procedure(Base):
    """One administrative procedure (thủ tục hành chính) of the catalogue; ``data`` holds the full record."""

    __tablename__ = "procedures"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)
    field_code: Mapped[str] = mapped_column(String(32))
    field_name: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer)
    processing_value: Mapped[float] = mapped_column()
    processing_unit: Mapped[str] = mapped_column(String(16))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    catalogue_version: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CalendarDay(Base):
    """An exception to the default calendar: an extra day off (``off``) or a swapped working day (``work``)."""

    __tablename__ = "calendar_days"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")


class CodeCounter(Base):
    """Last sequence number used by one workstation slot of one unit on one day (see dossier_codes)."""

    __tablename__ = "code_counters"
    unit_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)
    slot: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer)


_INDICATOR_COLUMNS = ("status", "channel", "outcome", "received_at", "outcome_at", "working_seconds")


class Dossier(Base):
    """A dossier (hồ sơ) received at the counter."""

    __tablename__ = "dossiers"
    __table_args__ = (
        Index("uq_dossier_register_entry", "register_book", "register_entry", unique=True),
        # The finished dossiers of a period, for the indicators' range scan.
        Index("ix_dossiers_outcome_at", "outcome_at"),
        # Covering indexes of the indicators' yearly GROUP BY, one per grouping (app.services.indicators).
        Index("ix_dossiers_indicators", *_INDICATOR_COLUMNS),
        Index("ix_dossiers_indicators_procedure", "procedure_code", "procedure_name", *_INDICATOR_COLUMNS),
        Index("ix_dossiers_indicators_field", "field_name", *_INDICATOR_COLUMNS),
        Index("ix_dossiers_indicators_official", "received_by", *_INDICATOR_COLUMNS),
        # Finished dossiers whose outcome is missing (written outside the services): few rows, found without
        # a scan by the indicators, which judge them on the fly.
        Index("ix_dossiers_outcome_pending", "status", sqlite_where=text("outcome IS NULL")),
    )
    # An INTEGER PRIMARY KEY is a stable rowid, which the external-content FTS5 index needs.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    procedure_code: Mapped[str] = mapped_column(String(32), index=True)
    procedure_name: Mapped[str] = mapped_column(Text)
    field_name: Mapped[str] = mapped_column(Text, default="")
    case_code: Mapped[str | None] = mapped_column(String(32))
    case_name: Mapped[str | None] = mapped_column(Text)

    applicant_kind: Mapped[str] = mapped_column(String(16), default="citizen")
    applicant_name: Mapped[str] = mapped_column(Text)
    applicant_id_number: Mapped[str] = mapped_column(String(32), default="")
    applicant_birth_date: Mapped[date | None] = mapped_column(Date)
    applicant_address: Mapped[str] = mapped_column(Text, default="")
    applicant_phone: Mapped[str] = mapped_column(String(32), default="")
    applicant_email: Mapped[str] = mapped_column(String(128), default="")

    submitter_role: Mapped[str | None] = mapped_column(String(16))  # None = the applicant submits
    submitter_name: Mapped[str | None] = mapped_column(Text)
    submitter_id_number: Mapped[str | None] = mapped_column(String(32))
    submitter_phone: Mapped[str | None] = mapped_column(String(32))
    submitter_address: Mapped[str | None] = mapped_column(Text)

    request_summary: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[int] = mapped_column(Integer, index=True)
    sets_count: Mapped[int] = mapped_column(Integer, default=1)
    fee_amount: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    result_place: Mapped[str] = mapped_column(Text, default="")

    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    original_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    paused_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    returned_to: Mapped[str | None] = mapped_column(Text)
    returned_signature: Mapped[bool] = mapped_column(Boolean, default=False)

    # How the dossier finished, stored when it finishes (app.services.deadlines.finish_outcome) so that the
    # indicators of a year are a plain GROUP BY. ``outcome`` is early / on_time / late / no_appointment /
    # clock_error, NULL while open; ``outcome_at`` the finish moment (resolution, else return);
    # ``working_seconds`` the working time from receipt to finish under the calendar in force then. A trigger
    # clears all three when a write outside the services changes what they were computed from.
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_at: Mapped[datetime | None] = mapped_column(DateTime)
    working_seconds: Mapped[int | None] = mapped_column(Integer)

    # Entry in the register (Sổ theo dõi hồ sơ): one book per workstation slot and year, e.g. "2027-1".
    register_book: Mapped[str | None] = mapped_column(String(16))
    register_entry: Mapped[int | None] = mapped_column(Integer)

    calendar_version: Mapped[str] = mapped_column(String(64), default="")
    catalogue_version: Mapped[str] = mapped_column(String(64), default="")
    received_by: Mapped[str] = mapped_column(Text, default="")
    workstation: Mapped[str] = mapped_column(Text, default="")
    # Accent-folded text (name, code, ID numbers, procedure) indexed by FTS5; see app.text.fold.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    documents: Mapped[list[DossierDocument]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="DossierDocument.position"
    )
    events: Mapped[list[DossierEvent]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="DossierEvent.id"
    )
    supplement: Mapped[SupplementRequest | None] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", uselist=False
    )
    apologies: Mapped[list[Apology]] = relationship(
        back_populates="dossier", cascade="all, delete-orphan", order_by="Apology.id"
    )
    attachments: Mapped[list[DossierAttachment]] = relationship(
        cascade="all, delete-orphan", order_by="DossierAttachment.position"
    )


class DossierDocument(Base):
    """One component (thành phần hồ sơ) of the checklist, with the counts received per kind."""

    __tablename__ = "dossier_documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    is_authorization: Mapped[bool] = mapped_column(Boolean, default=False)
    originals: Mapped[int] = mapped_column(Integer, default=0)
    certified_copies: Mapped[int] = mapped_column(Integer, default=0)
    photocopies: Mapped[int] = mapped_column(Integer, default=0)
    dossier: Mapped[Dossier] = relationship(back_populates="documents")

    @property
    def received(self) -> bool:
        return (self.originals + self.certified_copies + self.photocopies) > 0


class DossierEvent(Base):
    """History of a dossier: who did what, when, and why."""

    __tablename__ = "dossier_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dossier: Mapped[Dossier] = relationship(back_populates="events")


class SupplementRequest(Base):
    """The one request to complete a dossier (form 02); the processing clock pauses until resumed."""

    __tablename__ = "supplement_requests"
    __table_args__ = (UniqueConstraint("dossier_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"))
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_by: Mapped[str] = mapped_column(Text, default="")
    resumed_at: Mapped[datetime | None] = mapped_column(DateTime)
    dossier: Mapped[Dossier] = relationship(back_populates="supplement")


class Apology(Base):
    """An apology with a new appointment (form 04) issued before the deadline."""

    __tablename__ = "apologies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text)
    old_due_at: Mapped[datetime | None] = mapped_column(DateTime)
    new_due_at: Mapped[datetime] = mapped_column(DateTime)
    issued_by: Mapped[str] = mapped_column(Text, default="")
    dossier: Mapped[Dossier] = relationship(back_populates="apologies")


class Draft(Base):
    """Work in progress of an intake, saved as the official types so a closed app loses nothing."""

    __tablename__ = "drafts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="intake")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class OutboxItem(Base):
    """Something to send to the provincial system, written in the same transaction as the change itself.

    One row per thing (e.g. per dossier): a later change bumps ``revision`` instead of adding a row, and
    the row is deleted only when the server has acknowledged that very revision.
    """

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("kind", "key", name="uq_outbox_kind_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # lower goes first: metadata before scans
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)


class SyncState(Base):
    """Cursors and small facts of the sync engine (last success, server clock skew...)."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DossierAttachment(Base):
    """A digitised file of a dossier (a scanned component or the result), kept in the attachment store.

    The row is written only after the file is safely in the store; ``id`` is client-made and is also the
    upload id on the provincial server.
    """

    __tablename__ = "dossier_attachments"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("dossier_documents.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    kind: Mapped[str] = mapped_column(String(8))
    digitised: Mapped[bool] = mapped_column(Boolean, default=True)
    source: Mapped[str] = mapped_column(String(16), default="scan")  # scan | file | result
    cipher: Mapped[str] = mapped_column(String(16), default="identity")
    original_name: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    uploaded_at: Mapped[datetime | None] = mapped_column(DateTime)


class Operator(Base):
    """A local account of someone who works at this counter (see app.security.operators).

    Login works offline against ``password_hash`` (argon2id). The lockout counters live in the row so a
    restart of the app does not reset a password-guessing storm.
    """

    __tablename__ = "operators"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # Lower-case login name; also what the audit log and the dossier history record as the actor.
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Lockouts in a row without a successful login: each one doubles the next lock's length.
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    password_changed_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One entry of the append-only, hash-chained audit log (see app.security.audit).

    ``at`` and ``details`` are stored as the exact text that was hashed, so verification never depends on
    how a driver round-trips dates or JSON. SQLite triggers (migration 0005) refuse UPDATE and DELETE.
    """

    __tablename__ = "audit_log"
    # Assigned by the chain (previous + 1), not by SQLite: a gap means a deleted entry.
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))
    operator: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(48), index=True)
    object_ref: Mapped[str] = mapped_column(String(128), default="")
    details: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class SatisfactionRating(Base):
    """A citizen's rating of the service when the result is returned (feeds the satisfaction indicator)."""

    __tablename__ = "satisfaction_ratings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    rated_at: Mapped[datetime] = mapped_column(DateTime)
    channel: Mapped[str] = mapped_column(String(16), default="counter")  # counter | kiosk | online | phone | paper
    level: Mapped[int | None] = mapped_column(Integer)  # 1 (very dissatisfied) .. 5 (very satisfied)
    dissatisfied: Mapped[bool] = mapped_column(Boolean, default=False)
    complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
