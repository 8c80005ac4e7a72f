"""Everything this counter holds about one citizen, for their request to see their data (NĐ 13/2023/NĐ-CP).

The citizen is found by ID number (CCCD/CMND) as applicant or as submitter. The archive holds
``du-lieu.json`` (every field, checklist item, history event, supplement request, apology, rating and the
list of files), ``tom-tat.txt`` (the same in plain Vietnamese sentences, for the person) and the scans,
decrypted, under ``tep-dinh-kem/<dossier code>/``. Member names are built from dossier codes and ids only,
never from names typed by someone, so nothing in the archive can point outside it.

Only a role with :data:`app.security.operators.CITIZEN_DATA` may export. The export is audited in the same
transaction (action ``export``, the dossier codes and counts, no name or number), and the audit line is
written before the file: if writing fails, the transaction rolls back and nothing claims an export happened.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from app import __version__, clock
from app.attachments import AttachmentStore
from app.errors import NotFoundError, ValidationError
from app.fsutil import atomic_output
from app.i18n import tr
from app.models import Dossier, SatisfactionRating
from app.security import audit, operators
from app.status import action_label
from app.status import label as status_label

JSON_MEMBER = "du-lieu.json"
SUMMARY_MEMBER = "tom-tat.txt"
FILES_DIR = "tep-dinh-kem"
EXPORT_KIND = "citizen_data"
FORMAT = "motcua-citizen-export/1"
_ID_RE = re.compile(r"^(\d{9}|\d{12})$")
_EXTENSIONS = {"pdf": "pdf", "jpeg": "jpg", "png": "png", "tiff": "tif"}
_MAX_AUDITED_CODES = 100  # the audit line has a size limit; the count is always complete


@dataclass(frozen=True)
class CitizenExport:
    path: Path
    codes: tuple[str, ...]
    files: int


def normalise_id_number(value: str) -> str:
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not _ID_RE.match(digits):
        raise ValidationError(tr("Số định danh “{value}” không hợp lệ: CCCD có 12 chữ số, CMND có 9 chữ số.",
                                 value=(value or "").strip()[:20]))
    return digits


def find_dossiers(session: Session, id_number: str) -> list[Dossier]:
    """Dossiers where the person is the applicant or the submitter, oldest first."""
    number = normalise_id_number(id_number)
    stmt = (select(Dossier)
            .where(or_(Dossier.applicant_id_number == number, Dossier.submitter_id_number == number))
            .options(selectinload(Dossier.documents), selectinload(Dossier.events), selectinload(Dossier.apologies),
                     selectinload(Dossier.attachments), selectinload(Dossier.supplement))
            .order_by(Dossier.received_at, Dossier.seq))
    return list(session.execute(stmt).scalars())


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _columns(row: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {c.key: _value(getattr(row, c.key)) for c in row.__table__.columns if c.key not in skip}


def _status_name(value: int | None) -> str:
    if value is None:
        return ""
    try:
        return status_label(value)
    except (KeyError, ValueError):
        return str(value)


def _member_for(dossier: Dossier, index: int, attachment: Any) -> str:
    return f"{FILES_DIR}/{dossier.code}/{index + 1:02d}-{attachment.id}.{_EXTENSIONS.get(attachment.kind, 'bin')}"


def _dossier_record(session: Session, dossier: Dossier, number: str) -> dict[str, Any]:
    roles = []
    if dossier.applicant_id_number == number:
        roles.append("applicant")
    if dossier.submitter_id_number == number:
        roles.append("submitter")
    ratings = session.execute(select(SatisfactionRating).where(SatisfactionRating.dossier_id == dossier.id)
                              .order_by(SatisfactionRating.id)).scalars()
    return {
        "role": roles,
        "dossier": _columns(dossier, skip=("seq", "search_text")),
        "documents": [_columns(d, skip=("dossier_id",)) for d in dossier.documents],
        "history": [_columns(e, skip=("dossier_id",)) for e in dossier.events],
        "supplement": _columns(dossier.supplement, skip=("dossier_id",)) if dossier.supplement else None,
        "apologies": [_columns(a, skip=("dossier_id",)) for a in dossier.apologies],
        "ratings": [_columns(r, skip=("dossier_id",)) for r in ratings],
        "files": [{**_columns(a, skip=("dossier_id", "cipher")), "archive_member": _member_for(dossier, i, a)}
                  for i, a in enumerate(dossier.attachments)],
    }


def _line(label: str, value: Any) -> str:
    return f"  {label}: {value}" if value not in (None, "") else ""


def _when(value: datetime | None) -> str:
    return value.strftime("%H:%M %d/%m/%Y") if value else ""


def _summary(dossiers: list[Dossier], number: str, unit_name: str, now: datetime) -> str:
    lines = [
        tr("DỮ LIỆU CÁ NHÂN LƯU TẠI BỘ PHẬN MỘT CỬA — {unit}", unit=unit_name),
        tr("Trích xuất lúc {time} theo yêu cầu của chủ thể dữ liệu (Nghị định 13/2023/NĐ-CP).", time=_when(now)),
        tr("Số định danh: {number}. Số hồ sơ: {n}.", number=number, n=len(dossiers)),
        "",
    ]
    for dossier in dossiers:
        role = []
        if dossier.applicant_id_number == number:
            role.append(tr("người yêu cầu"))
        if dossier.submitter_id_number == number:
            role.append(tr("người nộp thay"))
        lines += [
            tr("Hồ sơ {code} ({role})", code=dossier.code, role=", ".join(role)),
            _line(tr("Thủ tục"), f"{dossier.procedure_code} — {dossier.procedure_name}"),
            _line(tr("Người yêu cầu"), dossier.applicant_name),
            _line(tr("Ngày sinh"), dossier.applicant_birth_date.strftime("%d/%m/%Y")
                  if dossier.applicant_birth_date else ""),
            _line(tr("Địa chỉ"), dossier.applicant_address),
            _line(tr("Điện thoại"), dossier.applicant_phone),
            _line(tr("Thư điện tử"), dossier.applicant_email),
            _line(tr("Người nộp thay"), dossier.submitter_name),
            _line(tr("Nội dung yêu cầu"), dossier.request_summary),
            _line(tr("Tiếp nhận lúc"), _when(dossier.received_at)),
            _line(tr("Hẹn trả"), _when(dossier.due_at)),
            _line(tr("Trả kết quả lúc"), _when(dossier.returned_at)),
            _line(tr("Người nhận kết quả"), dossier.returned_to),
            _line(tr("Trạng thái"), _status_name(dossier.status)),
            _line(tr("Thành phần hồ sơ"), "; ".join(d.name for d in dossier.documents)),
            _line(tr("Tệp đính kèm (bản scan)"), len(dossier.attachments)),
            tr("  Quá trình xử lý:"),
            # Named by what was done (a scan or a purge leaves the status as it was); the JSON file keeps the
            # stored codes of each event.
            *(f"    - {_when(e.at)} {action_label(e.action)}{': ' + e.reason if e.reason else ''}"
              for e in dossier.events),
            "",
        ]
    lines.append(tr("Chi tiết đầy đủ ở tệp {json}; bản scan ở thư mục {folder}.", json=JSON_MEMBER,
                    folder=FILES_DIR))
    return "\n".join(line for line in lines if line is not None) + "\n"


def export_citizen(session: Session, store: AttachmentStore, actor: operators.Actor | None, id_number: str,
                   target: Path, *, unit_name: str = "", now: datetime | None = None) -> CitizenExport:
    """Write the archive of everything about the person with ``id_number`` to ``target`` (a .zip file)."""
    actor = operators.require(actor, operators.CITIZEN_DATA)
    number = normalise_id_number(id_number)
    now = now or clock.now()
    dossiers = find_dossiers(session, number)
    if not dossiers:
        raise NotFoundError(tr("Không có hồ sơ nào của người có số định danh này trên máy."))
    codes = tuple(d.code for d in dossiers)
    files = sum(len(d.attachments) for d in dossiers)
    audit.record(session, actor.username, audit.EXPORT, "citizen_data",
                 {"kind": EXPORT_KIND, "dossiers": len(codes), "files": files,
                  "codes": list(codes[:_MAX_AUDITED_CODES])})
    data = {
        "format": FORMAT, "app_version": __version__, "exported_at": now.isoformat(), "unit": unit_name,
        "id_number": number, "dossiers": [_dossier_record(session, d, number) for d in dossiers],
    }
    target = Path(target)
    with atomic_output(target) as fh, zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_MEMBER, json.dumps(data, ensure_ascii=False, indent=1))
        archive.writestr(SUMMARY_MEMBER, _summary(dossiers, number, unit_name, now))
        for dossier in dossiers:
            for index, attachment in enumerate(dossier.attachments):
                # read() decrypts and checks the hash: the person gets exactly what was scanned.
                archive.writestr(_member_for(dossier, index, attachment), store.read(attachment.sha256),
                                 compress_type=zipfile.ZIP_STORED)
    return CitizenExport(target, codes, files)
