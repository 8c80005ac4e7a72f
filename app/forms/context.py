"""What the paper renderers need, as plain immutable values.

The renderers never touch the database: the caller fills these from its models, so a paper can be
re-printed, previewed or tested from any source. Times are naive local datetimes (the counter's clock).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class UnitInfo:
    """The receiving unit printed in the left header block and the place/date line."""

    parent_agency: str  # e.g. "UBND TỈNH MẪU"
    unit_name: str  # e.g. "UBND xã Tân Lập"
    unit_id: str  # identifier per TT 10/2016/TT-BTTTT, e.g. "000.00.06.H56"
    address: str = ""
    place_name: str = ""  # e.g. "Tân Lập" in "Tân Lập, ngày 04 tháng 02 năm 2027"
    phone: str = ""


@dataclass(frozen=True)
class DocumentLine:
    """One component of the dossier with how many copies of each kind were handed in."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0


@dataclass(frozen=True)
class HandOff:
    """One step of the dossier's journey between agencies (form 05)."""

    agency: str
    given_at: datetime
    giver: str = ""
    receiver: str = ""
    result: str = ""  # "Trước hạn" / "Đúng hạn" / "Quá hạn", or empty while in progress
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class DossierPaper:
    """Everything forms 01–05 may print about one dossier; each form uses the fields it needs.

    Keyword-only so the lead's mapping code stays readable and new optional fields never shift positions.
    """

    code: str  # mã hồ sơ
    procedure_code: str  # mã TTHC
    procedure_name: str
    applicant_name: str
    received_at: datetime
    applicant_id_number: str = ""
    applicant_address: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    submitter_name: str | None = None  # when someone files on the owner's behalf
    request_summary: str = ""
    documents: tuple[DocumentLine, ...] = ()
    sets_count: int = 1
    processing_text: str = ""  # e.g. "03 ngày làm việc"
    due_at: datetime | None = None
    result_place: str = ""
    received_by: str = ""  # the receiving official
    register_book: str = ""  # "Quyển số"
    register_entry: str = ""  # "Số thứ tự"
    fee_text: str = ""
    supplement_items: tuple[DocumentLine, ...] = ()
    supplement_reason: str = ""
    refusal_reason: str = ""
    apology_reason: str = ""
    new_due_at: datetime | None = None
    handoffs: tuple[HandOff, ...] = ()
    contact_official: str = ""
    contact_phone: str = ""
    resolving_agency: str = ""
    coordinating_agencies: str = ""
    issued_at: datetime | None = None  # date line of forms 02–05; defaults to the print date
    signer_name: str = ""  # head of the agency who signs the apology (form 04)


@dataclass(frozen=True)
class RegisterRow:
    """One line of the dossier register (form 06)."""

    stt: int
    code: str
    procedure_name: str
    sets_count: int
    submitter_name: str
    address: str = ""
    phone: str = ""
    resolving_agency: str = ""
    received_at: datetime | None = None
    due_at: datetime | None = None
    returned_at: datetime | None = None
    note: str = ""
