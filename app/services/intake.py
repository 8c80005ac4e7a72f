"""Input shapes of an intake (tiếp nhận hồ sơ) and their validation."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from app.errors import ValidationError
from app.i18n import tr
from app.text import nfc

PHONE_RE = re.compile(r"^\+?[0-9 .]{8,15}$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TAX_CODE_RE = re.compile(r"^\d{10}(-\d{3})?$")

SUBMITTER_ROLES = ("representative", "assisted")
AUTHORIZATION_NAME = "Văn bản ủy quyền"


@dataclass
class Party:
    """An applicant (chủ hồ sơ) or a submitter: a citizen, or an organisation with its tax/business code."""

    name: str = ""
    id_number: str = ""
    kind: str = "citizen"  # citizen | organisation
    birth_date: date | None = None
    sex: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class DocumentInput:
    name: str
    code: str | None = None
    required: bool = True
    is_authorization: bool = False
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0

    @property
    def received(self) -> bool:
        return self.originals + self.certified_copies + self.photocopies > 0


@dataclass
class IntakeRequest:
    procedure_code: str
    applicant: Party
    documents: list[DocumentInput] = field(default_factory=list)
    case_code: str | None = None
    submitter: Party | None = None
    submitter_role: str | None = None
    channel: int = 1
    sets_count: int = 1
    request_summary: str = ""
    notes: str = ""
    fee_amount: int | None = None
    received_at: datetime | None = None
    result_place: str = ""

    def to_payload(self) -> dict[str, Any]:
        """JSON-able form, used for drafts."""

        def default(value: Any) -> Any:
            return value.isoformat() if isinstance(value, date | datetime) else value

        raw = asdict(self)
        return _walk(raw, default)

    @staticmethod
    def from_payload(data: dict[str, Any]) -> IntakeRequest:
        def party(raw: dict[str, Any] | None) -> Party | None:
            if raw is None:
                return None
            raw = dict(raw)
            if raw.get("birth_date"):
                raw["birth_date"] = date.fromisoformat(raw["birth_date"])
            return Party(**raw)

        data = dict(data)
        data["applicant"] = party(data.get("applicant")) or Party()
        data["submitter"] = party(data.get("submitter"))
        data["documents"] = [DocumentInput(**d) for d in data.get("documents", [])]
        if data.get("received_at"):
            data["received_at"] = datetime.fromisoformat(data["received_at"])
        return IntakeRequest(**data)


def _walk(value: Any, default: Any) -> Any:
    if isinstance(value, dict):
        return {k: _walk(v, default) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, default) for v in value]
    return default(value)


def normalise_party(party: Party) -> Party:
    return Party(
        name=" ".join(nfc(party.name).split()),
        id_number=re.sub(r"\s", "", party.id_number or ""),
        kind=party.kind,
        birth_date=party.birth_date,
        sex=nfc(party.sex),
        address=" ".join(nfc(party.address).split()),
        phone=(party.phone or "").strip(),
        email=(party.email or "").strip(),
    )


def validate_party(party: Party, who: str) -> list[str]:
    """Problems with one party, as Vietnamese sentences; ``who`` names the role in the message."""
    # Imported here: the ID-card rules live with the card parser.
    from app.citizens import validate_id_number

    problems: list[str] = []
    if not party.name:
        problems.append(tr("Chưa nhập họ tên {who}.", who=who))
    if party.kind == "citizen":
        if not party.id_number:
            problems.append(tr("Chưa nhập số định danh cá nhân (CCCD) của {who}.", who=who))
        else:
            try:
                validate_id_number(party.id_number, sex=party.sex or None, birth_date=party.birth_date)
            except ValidationError as exc:
                problems.append(exc.message)
    elif party.kind == "organisation":
        if party.id_number and not TAX_CODE_RE.match(party.id_number):
            problems.append(tr("Mã số thuế/mã số doanh nghiệp của {who} phải gồm 10 chữ số (có thể thêm -XXX).", who=who))
    else:
        problems.append(tr("Loại chủ hồ sơ không hợp lệ."))
    if party.birth_date and party.birth_date > date.today():
        problems.append(tr("Ngày sinh của {who} ở tương lai.", who=who))
    if party.phone and not PHONE_RE.match(party.phone):
        problems.append(tr("Số điện thoại của {who} không hợp lệ: {phone}.", who=who, phone=party.phone))
    if party.email and not EMAIL_RE.match(party.email):
        problems.append(tr("Thư điện tử của {who} không hợp lệ: {email}.", who=who, email=party.email))
    return problems
