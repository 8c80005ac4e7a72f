"""Services of the counter: receive a dossier and act on it (supplement, refuse, withdraw, return, apologise).

Every function takes an open session (the caller owns the transaction: ``with db.session() as s``) and the
workstation settings, records who did what in the dossier's history, and returns an :class:`Outcome` naming
what changed. The CLI, the UI and the tests all go through these functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session, selectinload

from app import clock, outbox
from app.catalogue import catalogue_version, get_procedure
from app.changes import Changes
from app.dossier_codes import next_code
from app.errors import NotFoundError, StateError, ValidationError
from app.fees import compute_fee
from app.i18n import tr
from app.ids import uuid7
from app.models import Apology, Dossier, DossierDocument, DossierEvent, SupplementRequest
from app.security import audit
from app.security.session import current_operator
from app.services.deadlines import dossier_outcome
from app.services.intake import (
    AUTHORIZATION_NAME,
    SUBMITTER_ROLES,
    DocumentInput,
    IntakeRequest,
    normalise_party,
    validate_party,
)
from app.settings import Settings
from app.status import OPEN_STATUSES, Status, check_transition
from app.text import fold, nfc
from app.workdays import WorkCalendar, calendar_from_settings


@dataclass(frozen=True)
class Outcome:
    dossier: Dossier
    changes: Changes


def _outcome(dossier: Dossier) -> Outcome:
    """Queue the dossier for the province in the same transaction, and say what changed."""
    session = object_session(dossier)
    if session is not None:
        outbox.enqueue(session, outbox.DOSSIER, dossier.id)
    return Outcome(dossier, Changes.dossier(dossier.id))


def search_text_for(dossier: Dossier) -> str:
    parts = [
        dossier.code,
        dossier.applicant_name,
        dossier.applicant_id_number,
        dossier.submitter_name or "",
        dossier.submitter_id_number or "",
        dossier.procedure_code,
        dossier.procedure_name,
        dossier.applicant_phone,
    ]
    return fold(" ".join(p for p in parts if p))


def actor_name(settings: Settings) -> str:
    """Who acts: the logged-in operator, or the workstation's configured official when nobody logs in."""
    operator = current_operator()
    return operator.full_name or operator.username if operator else settings.operator_name


def _audit(session: Session, dossier: Dossier, action: str, from_status: int | None, to_status: int | None) -> None:
    # Codes and statuses only: the audit log never holds a citizen's name or number.
    audit.record(session, None, audit.STATUS_CHANGE, f"dossier:{dossier.code}",
                 {"action": action, "from": from_status, "to": to_status})


def _record(dossier: Dossier, settings: Settings, action: str, *, to_status: Status | None = None,
            reason: str = "", at: datetime | None = None, data: dict[str, Any] | None = None) -> None:
    at = at or clock.now()
    from_status = dossier.status
    if to_status is not None:
        dossier.status = int(to_status)
    dossier.updated_at = at
    dossier.events.append(
        DossierEvent(
            at=at, actor=actor_name(settings), action=action, from_status=from_status,
            to_status=int(to_status) if to_status is not None else from_status, reason=reason, data=data or {},
        )
    )
    session = object_session(dossier)
    if session is not None:
        _audit(session, dossier, action, from_status, dossier.status)


def _store_outcome(session: Session, settings: Settings, dossier: Dossier,
                   calendar: WorkCalendar | None = None) -> None:
    """Store how the dossier finished (or clear it), for the indicators.

    What it depends on is written first: the staleness trigger clears the stored outcome on that write, and
    this second write (of the outcome columns only) does not fire it. The expiry makes the second write
    happen even when the outcome is unchanged, e.g. when a resolved dossier is returned.
    """
    session.flush()
    result = dossier_outcome(dossier, calendar or calendar_from_settings(settings, session))
    session.expire(dossier, ["outcome", "outcome_at", "working_seconds"])
    dossier.outcome, dossier.outcome_at, dossier.working_seconds = result.outcome, result.at, result.working_seconds


def _documents_with_authorization(request: IntakeRequest) -> list[DocumentInput]:
    documents = list(request.documents)
    if request.submitter_role == "representative" and not any(d.is_authorization for d in documents):
        documents.append(DocumentInput(name=tr(AUTHORIZATION_NAME), required=True, is_authorization=True))
    return documents


def validate_intake(request: IntakeRequest, *, received_at: datetime) -> list[str]:
    """All problems of an intake at once, so the official fixes them in one pass."""
    problems = validate_party(normalise_party(request.applicant), tr("người yêu cầu"))
    if request.submitter is not None:
        if request.submitter_role not in SUBMITTER_ROLES:
            problems.append(tr("Hãy chọn tư cách người nộp hồ sơ (người đại diện hoặc nộp hộ)."))
        problems += validate_party(normalise_party(request.submitter), tr("người nộp hồ sơ"))
    if request.channel not in (1, 2, 3):
        problems.append(tr("Kênh tiếp nhận không hợp lệ."))
    if not 1 <= request.sets_count <= 99:
        problems.append(tr("Số bộ hồ sơ phải từ 1 đến 99."))
    for doc in _documents_with_authorization(request):
        if min(doc.originals, doc.certified_copies, doc.photocopies) < 0:
            problems.append(tr("Số bản của “{name}” không được âm.", name=doc.name))
        elif doc.required and not doc.received:
            problems.append(tr("Thiếu giấy tờ bắt buộc: {name}.", name=doc.name))
    if request.fee_amount is not None and request.fee_amount < 0:
        problems.append(tr("Lệ phí không được âm."))
    if request.received_at is not None and received_at > clock.now() + timedelta(minutes=1):
        problems.append(tr("Thời điểm tiếp nhận ở tương lai: {at:%d/%m/%Y %H:%M}. Hãy kiểm tra đồng hồ máy tính.", at=received_at))
    return problems


def default_fee(procedure: Any) -> int:
    return sum(compute_fee(fee) for fee in procedure.fees)


def _next_register_entry(session: Session, settings: Settings, received_at: datetime) -> tuple[str, int]:
    """Next line of this workstation's register book for the year (a unique index guards it)."""
    book = f"{received_at.year}-{settings.workstation_slot}"
    last = session.execute(select(func.max(Dossier.register_entry)).where(Dossier.register_book == book)).scalar()
    return book, (last or 0) + 1


def receive_dossier(session: Session, settings: Settings, request: IntakeRequest,
                    calendar: WorkCalendar | None = None) -> Outcome:
    """Record a dossier received at the counter (status 2) with its code and appointment date."""
    received_at = (request.received_at or clock.now()).replace(second=0, microsecond=0)
    procedure = get_procedure(session, request.procedure_code)
    problems = validate_intake(request, received_at=received_at)
    case = None
    if request.case_code:
        case = next((c for c in procedure.cases if c.code == request.case_code), None)
        if case is None:
            problems.append(tr("Thủ tục {code} không có trường hợp “{case}”.", code=procedure.code, case=request.case_code))
    if problems:
        raise ValidationError("\n".join(problems))

    calendar = calendar or calendar_from_settings(settings, session)
    due_at = calendar.due(received_at, procedure.processing.value, procedure.processing.unit)
    applicant = normalise_party(request.applicant)
    submitter = normalise_party(request.submitter) if request.submitter else None
    now = clock.now()
    dossier = Dossier(
        id=uuid7(),
        code=next_code(session, settings.unit_id, settings.workstation_slot, received_at),
        procedure_code=procedure.code,
        procedure_name=procedure.name,
        field_name=procedure.field.name,
        case_code=case.code if case else None,
        case_name=case.name if case else None,
        applicant_kind=applicant.kind,
        applicant_name=applicant.name,
        applicant_id_number=applicant.id_number,
        applicant_birth_date=applicant.birth_date,
        applicant_address=applicant.address,
        applicant_phone=applicant.phone,
        applicant_email=applicant.email,
        submitter_role=request.submitter_role if submitter else None,
        submitter_name=submitter.name if submitter else None,
        submitter_id_number=submitter.id_number if submitter else None,
        submitter_phone=submitter.phone if submitter else None,
        submitter_address=submitter.address if submitter else None,
        request_summary=nfc(request.request_summary) or procedure.name,
        channel=request.channel,
        status=int(Status.RECEIVED),
        sets_count=request.sets_count,
        fee_amount=request.fee_amount if request.fee_amount is not None else default_fee(procedure),
        notes=nfc(request.notes),
        result_place=nfc(request.result_place) or settings.unit_address,
        received_at=received_at,
        due_at=due_at,
        calendar_version=calendar.version,
        catalogue_version=catalogue_version(session),
        received_by=actor_name(settings),
        workstation=settings.workstation_name,
        created_at=now,
        updated_at=now,
    )
    dossier.register_book, dossier.register_entry = _next_register_entry(session, settings, received_at)
    for position, doc in enumerate(_documents_with_authorization(request)):
        dossier.documents.append(
            DossierDocument(
                position=position, code=doc.code, name=nfc(doc.name), required=doc.required,
                is_authorization=doc.is_authorization, originals=doc.originals,
                certified_copies=doc.certified_copies, photocopies=doc.photocopies,
            )
        )
    dossier.search_text = search_text_for(dossier)
    dossier.events.append(
        DossierEvent(at=now, actor=actor_name(settings), action="received", from_status=None,
                     to_status=int(Status.RECEIVED), reason="", data={"due_at": due_at.isoformat()})
    )
    session.add(dossier)
    session.flush()
    _audit(session, dossier, "received", None, dossier.status)
    return _outcome(dossier)


def get_dossier(session: Session, key: str) -> Dossier:
    """A dossier by id or by code, with its documents, history and supplement loaded."""
    stmt = select(Dossier).options(
        selectinload(Dossier.documents), selectinload(Dossier.events),
        selectinload(Dossier.supplement), selectinload(Dossier.apologies),
    )
    dossier = session.execute(stmt.where((Dossier.id == key) | (Dossier.code == key.strip()))).scalar_one_or_none()
    if dossier is None:
        raise NotFoundError(tr("Không tìm thấy hồ sơ “{key}”.", key=key))
    return dossier


def start_processing(session: Session, settings: Settings, key: str) -> Outcome:
    dossier = get_dossier(session, key)
    check_transition(dossier.status, Status.PROCESSING)
    _record(dossier, settings, "processing", to_status=Status.PROCESSING)
    return _outcome(dossier)


def request_supplement(session: Session, settings: Settings, key: str, items: list[DocumentInput],
                       reason: str, *, at: datetime | None = None) -> Outcome:
    """The one written request to complete the dossier (form 02); the processing clock pauses."""
    dossier = get_dossier(session, key)
    if dossier.supplement is not None:
        raise StateError(
            tr("Hồ sơ {code} đã được yêu cầu bổ sung một lần ngày {at:%d/%m/%Y}; theo quy định chỉ yêu cầu bổ sung một lần.",
               code=dossier.code, at=dossier.supplement.requested_at)
        )
    if not items:
        raise ValidationError(tr("Hãy nêu ít nhất một giấy tờ cần bổ sung."))
    check_transition(dossier.status, Status.SUPPLEMENT_REQUESTED)
    at = at or clock.now()
    item_rows = [
        {"name": nfc(i.name), "originals": i.originals, "certified_copies": i.certified_copies,
         "photocopies": i.photocopies}
        for i in items
    ]
    dossier.supplement = SupplementRequest(requested_at=at, items=item_rows, reason=nfc(reason),
                                           requested_by=actor_name(settings))
    dossier.paused_at = at
    _record(dossier, settings, "supplement_requested", to_status=Status.SUPPLEMENT_REQUESTED,
            reason=nfc(reason), at=at, data={"items": item_rows})
    return _outcome(dossier)


def resume_after_supplement(session: Session, settings: Settings, key: str, *, at: datetime | None = None,
                            calendar: WorkCalendar | None = None) -> Outcome:
    """The citizen brought the missing papers: processing resumes and the due date moves by the pause."""
    dossier = get_dossier(session, key)
    check_transition(dossier.status, Status.PROCESSING)
    if dossier.status != Status.SUPPLEMENT_REQUESTED or dossier.paused_at is None:
        raise StateError(tr("Hồ sơ {code} không ở trạng thái chờ bổ sung.", code=dossier.code))
    at = at or clock.now()
    if at < dossier.paused_at:
        raise ValidationError(tr("Thời điểm nhận bổ sung trước thời điểm yêu cầu bổ sung. Hãy kiểm tra đồng hồ máy tính."))
    calendar = calendar or calendar_from_settings(settings, session)
    old_due = dossier.due_at
    if dossier.original_due_at is None:
        dossier.original_due_at = old_due
    if old_due is not None:
        dossier.due_at = calendar.shift_for_pause(old_due, dossier.paused_at, at)
    dossier.supplement.resumed_at = at
    dossier.paused_at = None
    _record(dossier, settings, "supplement_received", to_status=Status.PROCESSING, at=at,
            data={"old_due_at": old_due.isoformat() if old_due else None,
                  "new_due_at": dossier.due_at.isoformat() if dossier.due_at else None})
    _store_outcome(session, settings, dossier, calendar)
    return _outcome(dossier)


def _require_reason(reason: str, what: str) -> str:
    reason = nfc(reason)
    if not reason:
        raise ValidationError(tr("Hãy ghi rõ lý do {what}.", what=what))
    return reason


def _close_with_reason(session: Session, settings: Settings, key: str, reason: str, *, what: str,
                       status: Status, action: str) -> Outcome:
    """End a dossier for a stated reason (refused, withdrawn, stopped): the reason is mandatory."""
    dossier = get_dossier(session, key)
    reason = _require_reason(reason, what)
    check_transition(dossier.status, status)
    dossier.finished_at = clock.now()
    dossier.paused_at = None
    _record(dossier, settings, action, to_status=status, reason=reason)
    _store_outcome(session, settings, dossier)
    return _outcome(dossier)


def refuse(session: Session, settings: Settings, key: str, reason: str) -> Outcome:
    """Refuse to receive the dossier (form 03)."""
    return _close_with_reason(session, settings, key, reason, what=tr("từ chối"),
                              status=Status.NOT_RECEIVED, action="refused")


def withdraw(session: Session, settings: Settings, key: str, reason: str) -> Outcome:
    """The citizen withdraws the dossier."""
    return _close_with_reason(session, settings, key, reason, what=tr("rút hồ sơ"),
                              status=Status.WITHDRAWN, action="withdrawn")


def stop_processing(session: Session, settings: Settings, key: str, reason: str) -> Outcome:
    return _close_with_reason(session, settings, key, reason, what=tr("dừng xử lý"),
                              status=Status.STOPPED, action="stopped")


def mark_resolved(session: Session, settings: Settings, key: str, note: str = "") -> Outcome:
    dossier = get_dossier(session, key)
    check_transition(dossier.status, Status.RESOLVED)
    dossier.finished_at = clock.now()
    _record(dossier, settings, "resolved", to_status=Status.RESOLVED, reason=nfc(note))
    _store_outcome(session, settings, dossier)
    return _outcome(dossier)


def return_result(session: Session, settings: Settings, key: str, returned_to: str, *,
                  signature_taken: bool, at: datetime | None = None) -> Outcome:
    """Hand the result to the citizen (or their representative) and record the signature."""
    dossier = get_dossier(session, key)
    returned_to = nfc(returned_to)
    if not returned_to:
        raise ValidationError(tr("Hãy ghi họ tên người nhận kết quả."))
    check_transition(dossier.status, Status.RETURNED)
    at = at or clock.now()
    if at < dossier.received_at:
        raise ValidationError(tr("Thời điểm trả kết quả trước thời điểm tiếp nhận. Hãy kiểm tra đồng hồ máy tính."))
    dossier.returned_at = at
    dossier.returned_to = returned_to
    dossier.returned_signature = signature_taken
    _record(dossier, settings, "returned", to_status=Status.RETURNED, at=at,
            data={"returned_to": returned_to, "signature_taken": signature_taken})
    _store_outcome(session, settings, dossier)
    return _outcome(dossier)


def issue_apology(session: Session, settings: Settings, key: str, reason: str, new_due_at: datetime,
                  calendar: WorkCalendar | None = None) -> Outcome:
    """Apologise for a late result and set a new appointment (form 04)."""
    dossier = get_dossier(session, key)
    reason = _require_reason(reason, tr("chậm trả kết quả"))
    if dossier.status not in OPEN_STATUSES:
        raise StateError(tr("Chỉ lập phiếu xin lỗi cho hồ sơ đang giải quyết."))
    if dossier.due_at is not None and new_due_at <= dossier.due_at:
        raise ValidationError(
            tr("Ngày hẹn mới phải sau ngày hẹn hiện tại ({due:%H:%M %d/%m/%Y}).", due=dossier.due_at)
        )
    calendar = calendar or calendar_from_settings(settings, session)
    calendar.validate_appointment(new_due_at)
    now = clock.now()
    if dossier.original_due_at is None:
        dossier.original_due_at = dossier.due_at
    late = dossier.due_at is not None and now > dossier.due_at
    dossier.apologies.append(Apology(issued_at=now, reason=reason, old_due_at=dossier.due_at,
                                     new_due_at=new_due_at, issued_by=actor_name(settings)))
    old = dossier.due_at
    dossier.due_at = new_due_at
    _record(dossier, settings, "apology", reason=reason,
            data={"old_due_at": old.isoformat() if old else None, "new_due_at": new_due_at.isoformat(),
                  "issued_after_deadline": late})
    _store_outcome(session, settings, dossier, calendar)
    return _outcome(dossier)
