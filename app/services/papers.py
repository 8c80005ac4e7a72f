"""Official papers of a dossier: fills the form renderers' values from the database and writes the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.catalogue import describe_processing, get_procedure
from app.errors import NotFoundError, ValidationError
from app.fees import format_vnd
from app.forms import render_paper, render_register
from app.forms.context import DocumentLine, DossierPaper, HandOff, RegisterRow, UnitInfo
from app.i18n import tr
from app.models import Dossier
from app.security import audit
from app.services.deadlines import on_time_label
from app.services.dossiers import actor_name, get_dossier
from app.settings import Settings
from app.status import label

PAPER_FORMS = ("01", "02", "03", "04", "05")


def unit_info(settings: Settings) -> UnitInfo:
    place = settings.unit_name
    for prefix in ("UBND xã ", "UBND phường ", "UBND đặc khu ", "UBND "):
        if place.startswith(prefix):
            place = place[len(prefix):]
            break
    return UnitInfo(parent_agency=settings.parent_agency, unit_name=settings.unit_name, unit_id=settings.unit_id,
                    address=settings.unit_address, place_name=place, phone=settings.unit_phone)


def processing_text(session: Session, dossier: Dossier) -> str:
    try:
        procedure = get_procedure(session, dossier.procedure_code)
    except NotFoundError:  # a procedure removed from the catalogue still prints, without its time limit
        return ""
    return describe_processing(procedure.processing)


def _handoffs(dossier: Dossier, settings: Settings) -> tuple[HandOff, ...]:
    rows = []
    for event in dossier.events:
        result = ""
        if event.action in ("resolved", "returned", "withdrawn"):
            result = on_time_label(event.at, dossier.due_at)
        rows.append(HandOff(agency=settings.unit_name, given_at=event.at, giver=event.actor,
                            receiver="", result=result,
                            note=" ".join(x for x in (label(event.to_status) if event.to_status else "",
                                                      event.reason) if x)))
    return tuple(rows)


def dossier_paper(session: Session, settings: Settings, dossier: Dossier) -> DossierPaper:
    supplement = dossier.supplement
    apology = dossier.apologies[-1] if dossier.apologies else None
    refusal = next((e.reason for e in reversed(dossier.events) if e.action == "refused"), "")
    return DossierPaper(
        code=dossier.code,
        procedure_code=dossier.procedure_code,
        procedure_name=dossier.procedure_name,
        applicant_name=dossier.applicant_name,
        applicant_id_number=dossier.applicant_id_number,
        applicant_address=dossier.applicant_address,
        applicant_phone=dossier.applicant_phone,
        applicant_email=dossier.applicant_email,
        submitter_name=dossier.submitter_name,
        request_summary=dossier.request_summary,
        documents=tuple(
            DocumentLine(d.name, d.originals, d.certified_copies, d.photocopies) for d in dossier.documents
        ),
        sets_count=dossier.sets_count,
        processing_text=processing_text(session, dossier),
        received_at=dossier.received_at,
        due_at=dossier.due_at if apology is None else apology.old_due_at,
        result_place=dossier.result_place,
        received_by=dossier.received_by,
        register_book=dossier.register_book or "",
        register_entry=str(dossier.register_entry or ""),
        fee_text=format_vnd(dossier.fee_amount) if dossier.fee_amount else tr("Không thu phí"),
        supplement_items=tuple(
            DocumentLine(i["name"], i.get("originals", 0), i.get("certified_copies", 0), i.get("photocopies", 0))
            for i in (supplement.items if supplement else [])
        ),
        supplement_reason=supplement.reason if supplement else "",
        refusal_reason=refusal,
        apology_reason=apology.reason if apology else "",
        new_due_at=apology.new_due_at if apology else None,
        handoffs=_handoffs(dossier, settings),
        contact_official=actor_name(settings),
        contact_phone=settings.unit_phone,
        signer_name=settings.leader_name,
        resolving_agency=settings.unit_name,
        issued_at=clock.now(),
    )


def _check_applicable(form_id: str, dossier: Dossier) -> None:
    if form_id == "02" and dossier.supplement is None:
        raise ValidationError(tr("Hồ sơ {code} chưa có yêu cầu bổ sung để in mẫu 02.", code=dossier.code))
    if form_id == "03" and not any(e.action == "refused" for e in dossier.events):
        raise ValidationError(tr("Hồ sơ {code} không bị từ chối nên không in mẫu 03.", code=dossier.code))
    if form_id == "04" and not dossier.apologies:
        raise ValidationError(tr("Hồ sơ {code} chưa có phiếu xin lỗi, hẹn lại.", code=dossier.code))


def render_dossier_paper(session: Session, settings: Settings, dossier_key: str, form_id: str,
                         out: Path | BinaryIO) -> None:
    """Write form ``form_id`` (01–05) of one dossier as a PDF."""
    if form_id not in PAPER_FORMS:
        raise ValidationError(tr("Mẫu “{form}” không có; các mẫu của một hồ sơ là 01–05.", form=form_id))
    dossier = get_dossier(session, dossier_key)
    _check_applicable(form_id, dossier)
    audit.record(session, None, audit.PRINT, f"dossier:{dossier.code}", {"form": form_id})
    render_paper(form_id, dossier_paper(session, settings, dossier), unit_info(settings), out,
                 on=dossier.received_at.date())


def register_rows(session: Session, start: date, end: date) -> Sequence[RegisterRow]:
    stmt = (select(Dossier)
            .where(Dossier.received_at >= datetime.combine(start, datetime.min.time()),
                   Dossier.received_at < datetime.combine(end, datetime.max.time()))
            .order_by(Dossier.received_at, Dossier.seq))
    rows = []
    for stt, d in enumerate(session.execute(stmt).scalars(), start=1):
        rows.append(RegisterRow(
            stt=stt, code=d.code, procedure_name=d.procedure_name, sets_count=d.sets_count,
            submitter_name=d.submitter_name or d.applicant_name,
            address=d.submitter_address or d.applicant_address,
            phone=d.submitter_phone or d.applicant_phone, resolving_agency=d.field_name,
            received_at=d.received_at, due_at=d.due_at, returned_at=d.returned_at,
            note=label(d.status),
        ))
    return rows


def render_register_pdf(session: Session, settings: Settings, start: date, end: date,
                        out: Path | BinaryIO) -> int:
    """Write the register (form 06) for a period; returns the number of rows."""
    if end < start:
        raise ValidationError(tr("Ngày kết thúc phải sau ngày bắt đầu."))
    rows = register_rows(session, start, end)
    audit.record(session, None, audit.PRINT, "register", {"form": "06", "from": start.isoformat(),
                                                          "to": end.isoformat(), "rows": len(rows)})
    period = tr("Từ ngày {a:%d/%m/%Y} đến ngày {b:%d/%m/%Y}", a=start, b=end)
    render_register(rows, unit_info(settings), period, out, on=end)
    return len(rows)
