"""The procedure catalogue (danh mục thủ tục hành chính): its file format, validation, import and search.

A catalogue file is JSON ``{"format": 1, "version": "...", "procedures": [...]}`` shaped after the records of
the national database of administrative procedures (mã TTHC, lĩnh vực, cấp thực hiện, thời hạn, phí/lệ phí,
thành phần hồ sơ per case, kết quả, căn cứ pháp lý). Codes, deadlines and fees change by decision of the
ministries and the province, so they live in this versioned data rather than in code.

Procedures are never deleted: dossiers keep referring to a procedure after it leaves the catalogue, so an
import only marks the missing ones inactive.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.errors import NotFoundError, ValidationError
from app.i18n import tr
from app.models import Meta, Procedure
from app.paths import resource_path
from app.text import fold, nfc

FORMAT_VERSION = 1
PROCESSING_UNITS: tuple[str, ...] = ("working_days", "working_hours", "same_day")
FEE_KINDS: tuple[str, ...] = ("fixed", "per_page", "free")
LEVELS = range(0, 4)  # 0 bộ, 1 tỉnh, 2 huyện, 3 xã
MAX_CODE_LENGTH = 32  # the width of the code columns of procedures and dossier documents
MAX_VERSION_LENGTH = 64
META_VERSION_KEY = "catalogue_version"
META_IMPORTED_KEY = "catalogue_imported_at"
_MAX_LISTED_ERRORS = 30


# --------------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class FieldSpec:
    """Lĩnh vực: the area of administration a procedure belongs to."""

    code: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True)
class Processing:
    """Thời hạn giải quyết. ``value`` is meaningless for ``same_day`` (kept, usually 0)."""

    value: float
    unit: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"value": _plain_number(self.value), "unit": self.unit, "note": self.note}


@dataclass(frozen=True)
class PageTier:
    """Price of every page from ``from_page`` on, until the next tier starts."""

    from_page: int
    amount: int

    def to_dict(self) -> dict[str, Any]:
        return {"from_page": self.from_page, "amount": self.amount}


@dataclass(frozen=True)
class Fee:
    """A fee or charge (phí, lệ phí) in VND; see :func:`app.fees.compute_fee` for how it is applied."""

    code: str
    name: str
    kind: str
    amount: int = 0
    tiers: tuple[PageTier, ...] = ()
    cap: int | None = None  # per copy, for per_page fees
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "name": self.name, "kind": self.kind}
        if self.kind == "fixed":
            data["amount"] = self.amount
        elif self.kind == "per_page":
            data["tiers"] = [tier.to_dict() for tier in self.tiers]
            data["cap"] = self.cap
        data["note"] = self.note
        return data


@dataclass(frozen=True)
class DocumentSpec:
    """One component of the dossier (thành phần hồ sơ) with the number of originals and copies expected."""

    code: str
    name: str
    originals: int
    copies: int
    required: bool = True
    template: str | None = None  # name of the form (mẫu đơn, tờ khai) to fill in, if any

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "originals": self.originals,
            "copies": self.copies,
            "required": self.required,
        }
        if self.template:
            data["template"] = self.template
        return data


@dataclass(frozen=True)
class Case:
    """Trường hợp: a variant of a procedure with its own list of documents."""

    code: str
    name: str
    documents: tuple[DocumentSpec, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "documents": [d.to_dict() for d in self.documents]}


@dataclass(frozen=True)
class ProcedureSpec:
    """The full catalogue record of one procedure (what ``Procedure.data`` stores)."""

    code: str
    name: str
    field: FieldSpec
    level: int
    processing: Processing
    fees: tuple[Fee, ...]
    cases: tuple[Case, ...]
    results: tuple[str, ...]
    legal_basis: tuple[str, ...]
    steps: tuple[str, ...] = ()

    def case(self, code: str) -> Case:
        for case in self.cases:
            if case.code == code:
                return case
        raise NotFoundError(
            tr("Thủ tục {procedure} không có trường hợp mã “{code}”.", procedure=self.code, code=code)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "field": self.field.to_dict(),
            "level": self.level,
            "processing": self.processing.to_dict(),
            "fees": [fee.to_dict() for fee in self.fees],
            "cases": [case.to_dict() for case in self.cases],
            "results": list(self.results),
            "legal_basis": list(self.legal_basis),
            "steps": list(self.steps),
        }


@dataclass(frozen=True)
class Catalogue:
    """A validated catalogue. Procedures are kept sorted by code so that equal contents compare equal."""

    version: str
    procedures: tuple[ProcedureSpec, ...]
    format: int = FORMAT_VERSION

    def by_code(self) -> dict[str, ProcedureSpec]:
        return {p.code: p for p in self.procedures}

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "version": self.version,
            "procedures": [p.to_dict() for p in self.procedures],
        }


@dataclass(frozen=True)
class ImportResult:
    version: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    deactivated: int = 0
    added_codes: tuple[str, ...] = ()
    updated_codes: tuple[str, ...] = ()
    deactivated_codes: tuple[str, ...] = ()


class CatalogueError(ValidationError):
    """An invalid catalogue; ``errors`` lists every problem found, each naming where it is."""

    def __init__(self, errors: list[str], source: str | None = None) -> None:
        self.errors = list(errors)
        super().__init__(_summary(self.errors, source), detail="\n".join(self.errors))


def _summary(errors: list[str], source: str | None) -> str:
    if source:
        head = tr("Danh mục thủ tục trong tệp {source} không hợp lệ ({count} lỗi):", source=source, count=len(errors))
    else:
        head = tr("Danh mục thủ tục không hợp lệ ({count} lỗi):", count=len(errors))
    lines = [head] + [f"- {error}" for error in errors[:_MAX_LISTED_ERRORS]]
    if len(errors) > _MAX_LISTED_ERRORS:
        lines.append(tr("… và {count} lỗi khác.", count=len(errors) - _MAX_LISTED_ERRORS))
    return "\n".join(lines)


def _plain_number(value: float) -> int | float:
    # 3 rather than 3.0 in exported files: the national data writes whole numbers.
    return int(value) if float(value).is_integer() else value


# ---------------------------------------------------------------------------------------------- validation


class _Checker:
    """Collects every problem of a document instead of stopping at the first one."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, message: str) -> None:
        self.errors.append(message)

    def _wrong_type(self, where: str, key: str, expected: str, value: Any) -> None:
        self.add(
            tr(
                "{where}: trường “{field}” phải là {expected} (đang là {actual})",
                where=where,
                field=key,
                expected=expected,
                actual=_json_type(value),
            )
        )

    def _missing(self, where: str, key: str) -> None:
        self.add(tr("{where}: thiếu trường “{field}”", where=where, field=key))

    def text(
        self, obj: dict[str, Any], key: str, where: str, *, label: str | None = None,
        required: bool = True, empty: bool = False, max_length: int | None = None,
    ) -> str | None:
        label = label or key
        if key not in obj or obj[key] is None:
            if required:
                self._missing(where, label)
            return None
        value = obj[key]
        if not isinstance(value, str):
            self._wrong_type(where, label, tr("chuỗi ký tự"), value)
            return None
        value = nfc(value)
        if not value and not empty:
            self.add(tr("{where}: trường “{field}” không được để trống", where=where, field=label))
            return None
        if max_length is not None and len(value) > max_length:
            self.add(
                tr(
                    "{where}: trường “{field}” dài quá {limit} ký tự",
                    where=where, field=label, limit=max_length,
                )
            )
            return None
        return value

    def code(self, obj: dict[str, Any], key: str, where: str, label: str | None = None) -> str | None:
        value = self.text(obj, key, where, label=label, max_length=MAX_CODE_LENGTH)
        if value is not None and any(ch.isspace() for ch in value):
            self.add(
                tr("{where}: mã “{code}” không được chứa khoảng trắng", where=where, code=value)
            )
            return None
        return value

    def integer(
        self, obj: dict[str, Any], key: str, where: str, *, label: str | None = None,
        required: bool = True, default: int | None = None, minimum: int = 0,
    ) -> int | None:
        label = label or key
        if key not in obj or obj[key] is None:
            if required:
                self._missing(where, label)
            return default
        value = obj[key]
        # JSON has one number type: 2.0 is accepted as 2, 2.5 is not an integer.
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong_type(where, label, tr("số nguyên"), value)
            return None
        if value < minimum:
            if minimum == 0:
                self.add(
                    tr("{where}: trường “{field}” không được âm (đang là {value})", where=where, field=label, value=value)
                )
            else:
                self.add(
                    tr(
                        "{where}: trường “{field}” phải từ {minimum} trở lên (đang là {value})",
                        where=where, field=label, minimum=minimum, value=value,
                    )
                )
            return None
        return value

    def number(self, obj: dict[str, Any], key: str, where: str, label: str | None = None) -> float | None:
        label = label or key
        if key not in obj or obj[key] is None:
            self._missing(where, label)
            return None
        value = obj[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self._wrong_type(where, label, tr("số"), value)
            return None
        if value < 0:
            self.add(
                tr("{where}: trường “{field}” không được âm (đang là {value})", where=where, field=label, value=value)
            )
            return None
        return value

    def boolean(self, obj: dict[str, Any], key: str, where: str, *, default: bool) -> bool | None:
        if key not in obj or obj[key] is None:
            return default
        value = obj[key]
        if not isinstance(value, bool):
            self._wrong_type(where, key, tr("true hoặc false"), value)
            return None
        return value

    def choice(self, obj: dict[str, Any], key: str, where: str, choices: tuple[str, ...], label: str | None = None) -> str | None:
        label = label or key
        value = self.text(obj, key, where, label=label)
        if value is not None and value not in choices:
            self.add(
                tr(
                    "{where}: trường “{field}” phải là một trong {choices} (đang là “{value}”)",
                    where=where, field=label, choices=", ".join(choices), value=value,
                )
            )
            return None
        return value

    def obj(self, obj: dict[str, Any], key: str, where: str, label: str | None = None) -> dict[str, Any] | None:
        label = label or key
        if key not in obj or obj[key] is None:
            self._missing(where, label)
            return None
        value = obj[key]
        if not isinstance(value, dict):
            self._wrong_type(where, label, tr("đối tượng JSON"), value)
            return None
        return value

    def items(
        self, obj: dict[str, Any], key: str, where: str, *, required: bool = True, non_empty: bool = False,
        empty_message: str | None = None,
    ) -> list[Any] | None:
        if key not in obj or obj[key] is None:
            if required:
                self._missing(where, key)
                return None
            return []
        value = obj[key]
        if not isinstance(value, list):
            self._wrong_type(where, key, tr("danh sách"), value)
            return None
        if non_empty and not value:
            self.add(empty_message or tr("{where}: danh sách “{field}” không được rỗng", where=where, field=key))
            return None
        return value

    def strings(self, obj: dict[str, Any], key: str, where: str, *, required: bool = True) -> tuple[str, ...] | None:
        values = self.items(obj, key, where, required=required)
        if values is None:
            return None
        out: list[str] = []
        ok = True
        for index, value in enumerate(values, start=1):
            if not isinstance(value, str) or not nfc(value):
                self.add(
                    tr(
                        "{where}: phần tử thứ {n} của “{field}” phải là chuỗi ký tự không rỗng",
                        where=where, n=index, field=key,
                    )
                )
                ok = False
            else:
                out.append(nfc(value))
        return tuple(out) if ok else None

    def unique(self, seen: dict[str, str], code: str | None, where: str, label: str) -> None:
        """Report ``code`` if already in ``seen`` (code → label of its first owner), else remember it."""
        if code is None:
            return
        if code in seen:
            self.add(tr("{where}: mã “{code}” bị trùng với {other}", where=where, code=code, other=seen[code]))
        else:
            seen[code] = label


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return tr("giá trị true/false")
    if isinstance(value, int | float):
        return tr("số {value}", value=value)
    if isinstance(value, str):
        return tr("chuỗi “{value}”", value=value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return tr("danh sách")
    if isinstance(value, dict):
        return tr("đối tượng")
    return type(value).__name__


def _located(where: str, noun: str, index: int, raw: Any) -> str:
    """"Thủ tục thứ 3 (1.004873)": position always, code when the element has a usable one."""
    code = raw.get("code") if isinstance(raw, dict) else None
    if isinstance(code, str) and code.strip():
        label = tr("{noun} thứ {n} ({code})", noun=noun, n=index, code=nfc(code))
    else:
        label = tr("{noun} thứ {n}", noun=noun, n=index)
    return f"{where}, {label}" if where else label


def _parse_fee(raw: Any, where: str, check: _Checker) -> Fee | None:
    if not isinstance(raw, dict):
        check.add(tr("{where}: phải là đối tượng JSON (đang là {actual})", where=where, actual=_json_type(raw)))
        return None
    start = len(check.errors)
    code = check.code(raw, "code", where)
    name = check.text(raw, "name", where)
    kind = check.choice(raw, "kind", where, FEE_KINDS)
    note = check.text(raw, "note", where, required=False, empty=True) or ""
    amount = 0
    tiers: list[PageTier] = []
    cap: int | None = None
    if kind == "fixed":
        amount = check.integer(raw, "amount", where) or 0
    elif kind == "per_page":
        tier_list = check.items(raw, "tiers", where, non_empty=True)
        for n, tier_raw in enumerate(tier_list or [], start=1):
            tier_where = tr("{where}, bậc thứ {n}", where=where, n=n)
            if not isinstance(tier_raw, dict):
                check.add(
                    tr("{where}: phải là đối tượng JSON (đang là {actual})", where=tier_where, actual=_json_type(tier_raw))
                )
                continue
            from_page = check.integer(tier_raw, "from_page", tier_where, minimum=1)
            tier_amount = check.integer(tier_raw, "amount", tier_where)
            if from_page is not None and tier_amount is not None:
                tiers.append(PageTier(from_page, tier_amount))
        if tiers and len(tiers) == len(tier_list or []):
            pages = [t.from_page for t in tiers]
            if pages[0] != 1 or any(b <= a for a, b in zip(pages, pages[1:], strict=False)):
                check.add(
                    tr(
                        "{where}: trường “tiers” phải bắt đầu từ trang 1 và “from_page” tăng dần (đang là {pages})",
                        where=where, pages=", ".join(str(p) for p in pages),
                    )
                )
        cap = check.integer(raw, "cap", where, required=False, default=None)
    if len(check.errors) > start or code is None or name is None or kind is None:
        return None
    return Fee(code=code, name=name, kind=kind, amount=amount, tiers=tuple(tiers), cap=cap, note=note)


def _parse_document(raw: Any, where: str, check: _Checker) -> DocumentSpec | None:
    if not isinstance(raw, dict):
        check.add(tr("{where}: phải là đối tượng JSON (đang là {actual})", where=where, actual=_json_type(raw)))
        return None
    start = len(check.errors)
    code = check.code(raw, "code", where)
    name = check.text(raw, "name", where)
    originals = check.integer(raw, "originals", where, required=False, default=0)
    copies = check.integer(raw, "copies", where, required=False, default=0)
    required = check.boolean(raw, "required", where, default=True)
    template = check.text(raw, "template", where, required=False)
    if len(check.errors) > start:
        return None
    assert code is not None and name is not None and originals is not None and copies is not None
    return DocumentSpec(
        code=code, name=name, originals=originals, copies=copies, required=bool(required), template=template
    )


def _parse_case(raw: Any, where: str, check: _Checker) -> Case | None:
    if not isinstance(raw, dict):
        check.add(tr("{where}: phải là đối tượng JSON (đang là {actual})", where=where, actual=_json_type(raw)))
        return None
    start = len(check.errors)
    code = check.code(raw, "code", where)
    name = check.text(raw, "name", where)
    documents: list[DocumentSpec] = []
    seen: dict[str, str] = {}
    doc_list = check.items(
        raw, "documents", where, non_empty=True,
        empty_message=tr("{where}: phải có ít nhất một giấy tờ trong “documents”", where=where),
    )
    for n, doc_raw in enumerate(doc_list or [], start=1):
        doc_where = _located(where, tr("giấy tờ"), n, doc_raw)
        document = _parse_document(doc_raw, doc_where, check)
        if document is not None:
            check.unique(seen, document.code, doc_where, tr("giấy tờ thứ {n}", n=n))
            documents.append(document)
    if len(check.errors) > start:
        return None
    assert code is not None and name is not None
    return Case(code=code, name=name, documents=tuple(documents))


def _parse_procedure(raw: Any, where: str, check: _Checker) -> ProcedureSpec | None:
    if not isinstance(raw, dict):
        check.add(tr("{where}: phải là đối tượng JSON (đang là {actual})", where=where, actual=_json_type(raw)))
        return None
    start = len(check.errors)
    code = check.code(raw, "code", where)
    name = check.text(raw, "name", where)

    field_spec = None
    field_raw = check.obj(raw, "field", where)
    if field_raw is not None:
        field_code = check.code(field_raw, "code", where, label="field.code")
        field_name = check.text(field_raw, "name", where, label="field.name")
        if field_code is not None and field_name is not None:
            field_spec = FieldSpec(field_code, field_name)

    level = check.integer(raw, "level", where)
    if level is not None and level not in LEVELS:
        check.add(
            tr(
                "{where}: trường “level” phải từ 0 đến 3 (0 bộ, 1 tỉnh, 2 huyện, 3 xã; đang là {value})",
                where=where, value=level,
            )
        )

    processing = None
    proc_raw = check.obj(raw, "processing", where)
    if proc_raw is not None:
        value = check.number(proc_raw, "value", where, label="processing.value")
        unit = check.choice(proc_raw, "unit", where, PROCESSING_UNITS, label="processing.unit")
        note = check.text(proc_raw, "note", where, label="processing.note", required=False, empty=True) or ""
        if value is not None and unit is not None:
            if unit != "same_day" and value <= 0:
                check.add(
                    tr(
                        "{where}: trường “processing.value” phải lớn hơn 0 khi đơn vị là {unit}",
                        where=where, unit=unit,
                    )
                )
            processing = Processing(value=_plain_number(value), unit=unit, note=note)

    fees: list[Fee] = []
    seen_fees: dict[str, str] = {}
    for n, fee_raw in enumerate(check.items(raw, "fees", where) or [], start=1):
        fee_where = _located(where, tr("phí, lệ phí"), n, fee_raw)
        fee = _parse_fee(fee_raw, fee_where, check)
        if fee is not None:
            check.unique(seen_fees, fee.code, fee_where, tr("phí, lệ phí thứ {n}", n=n))
            fees.append(fee)

    cases: list[Case] = []
    seen_cases: dict[str, str] = {}
    case_list = check.items(
        raw, "cases", where, non_empty=True,
        empty_message=tr("{where}: phải có ít nhất một trường hợp trong “cases”", where=where),
    )
    for n, case_raw in enumerate(case_list or [], start=1):
        case_where = _located(where, tr("trường hợp"), n, case_raw)
        case = _parse_case(case_raw, case_where, check)
        if case is not None:
            check.unique(seen_cases, case.code, case_where, tr("trường hợp thứ {n}", n=n))
            cases.append(case)

    results = check.strings(raw, "results", where)
    legal_basis = check.strings(raw, "legal_basis", where)
    steps = check.strings(raw, "steps", where, required=False)

    if len(check.errors) > start:
        return None
    assert code is not None and name is not None and field_spec is not None and level is not None
    assert processing is not None and results is not None and legal_basis is not None
    return ProcedureSpec(
        code=code,
        name=name,
        field=field_spec,
        level=level,
        processing=processing,
        fees=tuple(fees),
        cases=tuple(cases),
        results=results,
        legal_basis=legal_basis,
        steps=steps or (),
    )


def parse_catalogue(data: Any, *, source: str | None = None) -> Catalogue:
    """Validate a decoded catalogue document; raises :class:`CatalogueError` listing every problem."""
    check = _Checker()
    root = tr("Danh mục")
    if not isinstance(data, dict):
        raise CatalogueError(
            [tr("{where}: phải là một đối tượng JSON (đang là {actual})", where=root, actual=_json_type(data))],
            source,
        )
    fmt = check.integer(data, "format", root)
    if fmt is not None and fmt != FORMAT_VERSION:
        # A different format may mean anything; checking its fields would only produce noise.
        raise CatalogueError(
            [
                tr(
                    "Định dạng danh mục {format} không được hỗ trợ (ứng dụng này đọc định dạng {supported}). "
                    "Hãy cập nhật ứng dụng.",
                    format=fmt, supported=FORMAT_VERSION,
                )
            ],
            source,
        )
    version = check.text(data, "version", root, max_length=MAX_VERSION_LENGTH)
    procedures: list[ProcedureSpec] = []
    seen: dict[str, str] = {}
    proc_list = check.items(
        data, "procedures", root, non_empty=True,
        empty_message=tr("Danh mục không có thủ tục nào (“procedures” rỗng)"),
    )
    for n, raw in enumerate(proc_list or [], start=1):
        where = _located("", tr("Thủ tục"), n, raw)
        spec = _parse_procedure(raw, where, check)
        if spec is not None:
            check.unique(seen, spec.code, where, tr("thủ tục thứ {n}", n=n))
            procedures.append(spec)
        elif isinstance(raw, dict) and isinstance(raw.get("code"), str):
            # Still register the code so a later duplicate of an invalid record is reported too.
            check.unique(seen, nfc(raw["code"]), where, tr("thủ tục thứ {n}", n=n))
    if check.errors:
        raise CatalogueError(check.errors, source)
    assert version is not None
    return Catalogue(version=version, procedures=tuple(sorted(procedures, key=lambda p: p.code)))


def load_catalogue_file(path: str | Path) -> Catalogue:
    """Read and validate a catalogue file, with messages an official can act on."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError(tr("Không tìm thấy tệp danh mục {path}.", path=path)) from exc
    except IsADirectoryError as exc:
        raise ValidationError(tr("{path} là một thư mục, không phải tệp danh mục.", path=path)) from exc
    except PermissionError as exc:
        raise ValidationError(tr("Không có quyền đọc tệp danh mục {path}.", path=path)) from exc
    except OSError as exc:
        raise ValidationError(
            tr("Không đọc được tệp danh mục {path}: {error}", path=path, error=exc.strerror or exc)
        ) from exc
    try:
        # utf-8-sig: editors on Windows often save a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            tr(
                "Tệp danh mục {path} không phải văn bản UTF-8 (byte lỗi ở vị trí {position}). "
                "Hãy lưu lại tệp với bảng mã UTF-8.",
                path=path, position=exc.start,
            )
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            tr(
                "Tệp danh mục {path} không đúng cú pháp JSON: lỗi ở dòng {line}, cột {column}.",
                path=path, line=exc.lineno, column=exc.colno,
            ),
            detail=str(exc),
        ) from exc
    return parse_catalogue(data, source=str(path))


def catalogue_to_json(data: Catalogue | dict[str, Any]) -> str:
    """Serialise a catalogue as the file format (UTF-8 text, Vietnamese kept readable)."""
    if isinstance(data, Catalogue):
        data = data.to_dict()
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------------------------- database


def spec_from_data(data: dict[str, Any]) -> ProcedureSpec:
    """Rebuild a record stored in ``Procedure.data``."""
    check = _Checker()
    where = _located("", tr("Thủ tục"), 1, data)
    spec = _parse_procedure(data, where, check)
    if spec is None:
        raise CatalogueError(check.errors)
    return spec


def _row_values(spec: ProcedureSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "name_folded": fold(spec.name),
        "field_code": spec.field.code,
        "field_name": spec.field.name,
        "level": spec.level,
        "processing_value": float(spec.processing.value),
        "processing_unit": spec.processing.unit,
        "data": spec.to_dict(),
    }


def import_catalogue(session: Session, catalogue: Catalogue) -> ImportResult:
    """Make the procedures table match ``catalogue``; procedures it no longer lists become inactive."""
    existing = {row.code: row for row in session.scalars(select(Procedure))}
    added: list[str] = []
    updated: list[str] = []
    unchanged = 0
    for spec in catalogue.procedures:
        values = _row_values(spec)
        row = existing.get(spec.code)
        if row is None:
            session.add(Procedure(code=spec.code, catalogue_version=catalogue.version, active=True, **values))
            added.append(spec.code)
            continue
        changed = not row.active or any(getattr(row, key) != value for key, value in values.items())
        for key, value in values.items():
            setattr(row, key, value)
        row.active = True
        row.catalogue_version = catalogue.version
        if changed:
            updated.append(spec.code)
        else:
            unchanged += 1
    listed = {spec.code for spec in catalogue.procedures}
    deactivated: list[str] = []
    for code, row in sorted(existing.items()):
        if code not in listed and row.active:
            row.active = False
            deactivated.append(code)
    _set_meta(session, META_VERSION_KEY, catalogue.version)
    _set_meta(session, META_IMPORTED_KEY, datetime.now().replace(microsecond=0).isoformat())
    session.flush()
    return ImportResult(
        version=catalogue.version,
        added=len(added),
        updated=len(updated),
        unchanged=unchanged,
        deactivated=len(deactivated),
        added_codes=tuple(added),
        updated_codes=tuple(updated),
        deactivated_codes=tuple(deactivated),
    )


def _set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def catalogue_version(session: Session) -> str | None:
    """Version of the catalogue last imported, or ``None`` before the first import."""
    row = session.get(Meta, META_VERSION_KEY)
    return row.value if row is not None else None


def export_catalogue(session: Session) -> dict[str, Any]:
    """The active procedures as a catalogue document, ready for :func:`catalogue_to_json`."""
    rows = session.scalars(select(Procedure).where(Procedure.active.is_(True)).order_by(Procedure.code))
    return {
        "format": FORMAT_VERSION,
        "version": catalogue_version(session) or "",
        "procedures": [spec_from_data(row.data).to_dict() for row in rows],
    }


def seed_catalogue_path() -> Path:
    return resource_path("catalogue", "procedures.json")


def ensure_seeded(session: Session) -> ImportResult | None:
    """Import the shipped catalogue into an empty procedures table; ``None`` if there was one already."""
    count = session.scalar(select(func.count()).select_from(Procedure))
    if count:
        return None
    return import_catalogue(session, load_catalogue_file(seed_catalogue_path()))


def get_procedure(session: Session, code: str, *, active_only: bool = False) -> ProcedureSpec:
    """The record of procedure ``code``. Inactive ones are found unless ``active_only`` (new dossiers)."""
    code = nfc(code)
    row = session.get(Procedure, code) if code else None
    if row is None:
        raise NotFoundError(tr("Không tìm thấy thủ tục có mã “{code}” trong danh mục.", code=code))
    if active_only and not row.active:
        raise NotFoundError(
            tr(
                "Thủ tục “{code} – {name}” đã ngừng áp dụng trong danh mục hiện hành.",
                code=row.code, name=row.name,
            )
        )
    return spec_from_data(row.data)


def is_active(session: Session, code: str) -> bool:
    row = session.get(Procedure, nfc(code))
    return bool(row is not None and row.active)


def search_procedures(
    session: Session, query: str = "", limit: int | None = 50, *, include_inactive: bool = False
) -> list[ProcedureSpec]:
    """Procedures whose code or name contains every word of ``query``, ignoring accents and case.

    Without a query, all procedures grouped by field. Otherwise best matches first: the exact code, then
    names that equal, start with or contain the whole phrase, then shorter names (the plain procedure
    before its variants, e.g. "Đăng ký khai sinh" before "Đăng ký khai sinh lưu động").
    """
    words = fold(query).split()
    stmt = select(Procedure)
    if not include_inactive:
        stmt = stmt.where(Procedure.active.is_(True))
    for word in words:
        stmt = stmt.where(
            or_(
                Procedure.name_folded.contains(word, autoescape=True),
                func.lower(Procedure.code).contains(word, autoescape=True),
            )
        )
    phrase = " ".join(words)

    def rank(row: Procedure) -> tuple[Any, ...]:
        name = row.name_folded
        if not phrase:  # a plain listing reads best grouped by field
            return (fold(row.field_name), name, row.code)
        return (
            fold(row.code) != phrase,
            name != phrase,
            not name.startswith(phrase),
            phrase not in name,
            len(name),
            name,
            row.code,
        )

    rows = sorted(session.scalars(stmt), key=rank)
    if limit is not None:
        rows = rows[: max(limit, 0)]
    return [spec_from_data(row.data) for row in rows]


def describe_processing(processing: Processing) -> str:
    """Thời hạn giải quyết as printed on the receipt: "Trong ngày", "3 ngày làm việc"."""
    if processing.unit == "same_day":
        return tr("Trong ngày")
    value = _plain_number(processing.value)
    shown = str(value).replace(".", ",")  # Vietnamese decimal comma
    if processing.unit == "working_hours":
        return tr("{value} giờ làm việc", value=shown)
    return tr("{value} ngày làm việc", value=shown)
