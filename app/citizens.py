"""Citizen ID card (CCCD / thẻ căn cước): QR payload parsing, ID number cross-checks, reader damage detection.

The card's QR holds ``số định danh|số CMND|Họ tên|ddmmyyyy|Nam/Nữ|nơi thường trú|ddmmyyyy(ngày cấp)``, UTF-8;
cards issued from 07/2024 append further fields, so 7 *or more* fields are accepted and the rest is kept.
Every check raises :class:`CardPayloadError` with a Vietnamese reason; nothing here may crash on odd input,
because the payload comes from scanners, webcams and keyboard-wedge readers of every quality.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from app import clock
from app.errors import ValidationError
from app.i18n import tr
from app.paths import resource_path

log = logging.getLogger(__name__)

Sex = Literal["Nam", "Nữ"]
SEX_MALE: Sex = "Nam"
SEX_FEMALE: Sex = "Nữ"

MIN_FIELDS = 7
# A real payload is a few hundred characters even with parents' names; the cap keeps garbage from a
# stuck reader (or a hostile QR) out of the regexes and the error messages.
MAX_PAYLOAD_CHARS = 4096
MAX_NAME_CHARS = 150
MAX_AGE_YEARS = 130
ADULT_AGE = 18

# Fourth digit of the ID number: century of birth and sex (even = male, odd = female).
_CENTURY_BY_DIGIT = {0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}

_ID_RE = re.compile(r"[0-9]{12}")
_OLD_ID_RE = re.compile(r"[0-9]{9}|[0-9]{12}")
_DATE_RE = re.compile(r"[0-9]{8}")
# Characters a typed number may carry between its digits ("001 099 012345", "001.099.012345").
_ID_SEPARATORS_RE = re.compile(r"[\s.\-]")
# Invisible characters some readers and editors inject (BOM, zero-width space/joiners, word joiner).
_INVISIBLE_RE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


class CardPayloadError(ValidationError):
    """The QR text (or a typed ID number) is not a valid citizen ID card; ``message`` says why."""


class IdNumberError(CardPayloadError):
    """The 12-digit personal identification number fails a check."""


class WedgeMangledError(CardPayloadError):
    """The text looks garbled by a keyboard-wedge reader; the reader should be switched to serial mode."""


@dataclass(frozen=True)
class CitizenCard:
    id_number: str
    old_id_number: str | None
    full_name: str
    date_of_birth: date
    sex: Sex
    address: str
    issue_date: date | None
    extra: tuple[str, ...] = ()
    # Some elderly citizens only have a birth year on record; the date is then 1 January of that year.
    birth_year_only: bool = False

    @property
    def province_code(self) -> str:
        return self.id_number[:3]

    @property
    def province(self) -> str | None:
        return province_name(self.province_code)


# --- province codes ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    """Province code → name, from ``resources/provinces.json``; empty when the file cannot be read."""
    path = resource_path("provinces.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        provinces = data["provinces"]
        return {str(code): str(name) for code, name in provinces.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # A broken resource must not stop the counter from receiving dossiers: the province check is
        # skipped and the problem is left in the log for support.
        log.warning("province code list %s unreadable; province check disabled", path, exc_info=True)
        return {}


def province_name(code: str) -> str | None:
    return province_codes().get(code)


# --- text helpers -----------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """NFC, invisible characters removed, every whitespace run (CR, LF, tab, NBSP) made one space."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE_RE.sub("", text)
    text = "".join(ch if unicodedata.category(ch) != "Cc" or ch in "\t\r\n" else " " for ch in text)
    return " ".join(text.split())


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fmt(value: date) -> str:
    return value.strftime("%d/%m/") + f"{value.year:04d}"


def _century_meaning(digit: int) -> str:
    start = _CENTURY_BY_DIGIT[digit]
    who = tr("nam") if digit % 2 == 0 else tr("nữ")
    return tr("{who} sinh {start}–{end}", who=who, start=start, end=start + 99)


# --- ID number --------------------------------------------------------------------------------------------


def validate_id_number(
    number: str,
    *,
    sex: str | None = None,
    birth_date: date | None = None,
    today: date | None = None,
) -> str:
    """Check a 12-digit personal identification number and return it cleaned (digits only).

    Checks the length, the province code and the century/sex digit with the two year digits, against
    ``sex`` and ``birth_date`` when they are known. Raises :class:`IdNumberError`.
    """
    today = today or clock.now().date()
    raw = _clean(number) if isinstance(number, str) else ""
    digits = _ID_SEPARATORS_RE.sub("", raw)
    if not digits:
        raise IdNumberError(tr("Chưa có số định danh cá nhân."))
    if not _ID_RE.fullmatch(digits):
        if re.fullmatch(r"[0-9]{9}", digits):
            raise IdNumberError(
                tr(
                    "Số {number} là số CMND cũ (9 chữ số); số định danh cá nhân gồm 12 chữ số.",
                    number=digits,
                )
            )
        raise IdNumberError(
            tr(
                "Số định danh «{number}» phải gồm đúng 12 chữ số (đang có {count} ký tự).",
                number=_shorten(digits),
                count=len(digits),
            )
        )

    codes = province_codes()
    province = digits[:3]
    if codes and province not in codes:
        raise IdNumberError(
            tr(
                "Mã tỉnh {code} ở đầu số định danh {number} không thuộc danh sách mã tỉnh, thành phố.",
                code=province,
                number=digits,
            )
        )

    digit = int(digits[3])
    year_digits = digits[4:6]
    implied_year = _CENTURY_BY_DIGIT[digit] + int(year_digits)
    implied_sex: Sex = SEX_MALE if digit % 2 == 0 else SEX_FEMALE

    if sex is not None:
        normalised_sex = _normalise_sex(sex)
        if normalised_sex is None:
            raise CardPayloadError(
                tr("Giới tính «{value}» không hợp lệ: cần «Nam» hoặc «Nữ».", value=_shorten(_clean(str(sex))))
            )
        if normalised_sex != implied_sex:
            raise IdNumberError(
                tr(
                    "Số định danh {number} không khớp giới tính {sex} "
                    "(chữ số thế kỷ/giới tính {digit} nghĩa là {meaning}).",
                    number=digits,
                    sex=normalised_sex,
                    digit=digit,
                    meaning=_century_meaning(digit),
                )
            )
    if birth_date is not None and birth_date.year != implied_year:
        raise IdNumberError(
            tr(
                "Số định danh {number} không khớp năm sinh {year} "
                "(chữ số thế kỷ/giới tính {digit} nghĩa là {meaning}, hai số năm sinh {yy}).",
                number=digits,
                year=birth_date.year,
                digit=digit,
                meaning=_century_meaning(digit),
                yy=year_digits,
            )
        )
    if implied_year > today.year or implied_year < today.year - MAX_AGE_YEARS:
        raise IdNumberError(
            tr(
                "Số định danh {number} cho năm sinh {year} không hợp lý "
                "(chữ số thế kỷ/giới tính {digit} nghĩa là {meaning}, hai số năm sinh {yy}).",
                number=digits,
                year=implied_year,
                digit=digit,
                meaning=_century_meaning(digit),
                yy=year_digits,
            )
        )
    return digits


# --- payload ----------------------------------------------------------------------------------------------


def _normalise_sex(value: str) -> Sex | None:
    folded = _clean(value).casefold()
    if folded == "nam":
        return SEX_MALE
    if folded == "nữ":
        return SEX_FEMALE
    return None


def _parse_date(raw: str, label: str) -> date:
    if not _DATE_RE.fullmatch(raw):
        raise CardPayloadError(
            tr(
                "{label} «{value}» phải có dạng ngày-tháng-năm ddmmyyyy (8 chữ số).",
                label=label,
                value=_shorten(raw),
            )
        )
    day, month, year = int(raw[:2]), int(raw[2:4]), int(raw[4:])
    try:
        return date(year, month, day)
    except ValueError:
        raise CardPayloadError(
            tr(
                "{label} {day}/{month}/{year} không tồn tại.",
                label=label,
                day=raw[:2],
                month=raw[2:4],
                year=raw[4:],
            )
        ) from None


def _parse_birth_date(raw: str) -> tuple[date, bool]:
    # Year-only records ("1945" or "00001945") exist for some elderly citizens; how the QR shows them is
    # unverified, so both shapes are accepted rather than turning the citizen away.
    year_only = re.fullmatch(r"(?:0000)?([0-9]{4})", raw)
    if year_only:
        year = int(year_only.group(1))
        if year == 0:
            raise CardPayloadError(tr("Ngày sinh «{value}» không tồn tại.", value=raw))
        return date(year, 1, 1), True
    return _parse_date(raw, tr("Ngày sinh")), False


def _check_name(name: str) -> str:
    if not name:
        raise CardPayloadError(tr("Mã QR thiếu họ tên."))
    if len(name) > MAX_NAME_CHARS:
        raise CardPayloadError(
            tr("Họ tên dài {count} ký tự, quá giới hạn {limit}.", count=len(name), limit=MAX_NAME_CHARS)
        )
    for ch in name:
        # Letters of any script, spaces, and the apostrophe/hyphen/dot of some ethnic-minority names
        # ("H'Hen Niê", "Rơ Mah").
        if ch in " '’-." or unicodedata.category(ch)[0] in "LM":
            continue
        raise CardPayloadError(
            tr("Họ tên «{name}» có ký tự không hợp lệ «{char}».", name=_shorten(name), char=ch)
        )
    return name


def parse_cccd_payload(text: str, *, today: date | None = None, check_wedge: bool = True) -> CitizenCard:
    """Parse and cross-check the QR text of a citizen ID card.

    ``check_wedge`` (default on) first rejects text that looks garbled by a keyboard-wedge reader with
    :class:`WedgeMangledError`; image decoding turns it off because a photo cannot have that damage.
    Raises :class:`CardPayloadError` with the precise reason.
    """
    today = today or clock.now().date()
    if not isinstance(text, str):
        raise CardPayloadError(tr("Dữ liệu mã QR không phải văn bản."))
    cleaned_text = unicodedata.normalize("NFC", text).strip()
    if not cleaned_text:
        raise CardPayloadError(tr("Mã QR trống, không có dữ liệu."))
    if len(cleaned_text) > MAX_PAYLOAD_CHARS:
        raise CardPayloadError(
            tr(
                "Mã QR không phải thẻ căn cước: dữ liệu dài {count} ký tự, quá giới hạn {limit}.",
                count=len(cleaned_text),
                limit=MAX_PAYLOAD_CHARS,
            )
        )
    if check_wedge:
        evidence = wedge_mangling_evidence(cleaned_text)
        if evidence is not None:
            raise WedgeMangledError(wedge_mangling_message(evidence))

    fields = [_clean(field) for field in cleaned_text.split("|")]
    if len(fields) < MIN_FIELDS:
        raise CardPayloadError(
            tr(
                "Mã QR không phải thẻ căn cước: chỉ có {count} trường, cần ít nhất {need}.",
                count=len(fields),
                need=MIN_FIELDS,
            )
        )
    raw_id, raw_old_id, name, raw_birth, raw_sex, address, raw_issue = fields[:MIN_FIELDS]
    extra = tuple(fields[MIN_FIELDS:])

    # Format first, cross-checks later: a clear "wrong length" beats a confusing "wrong year" message.
    if not _ID_RE.fullmatch(raw_id):
        validate_id_number(raw_id, today=today)  # raises the precise reason
        raise IdNumberError(tr("Số định danh «{number}» không hợp lệ.", number=_shorten(raw_id)))

    old_id: str | None = raw_old_id or None
    if old_id is not None and not _OLD_ID_RE.fullmatch(old_id):
        raise CardPayloadError(
            tr(
                "Số CMND cũ «{number}» phải gồm 9 hoặc 12 chữ số (đang có {count} ký tự).",
                number=_shorten(old_id),
                count=len(old_id),
            )
        )

    full_name = _check_name(name)
    birth_date, birth_year_only = _parse_birth_date(raw_birth)

    sex = _normalise_sex(raw_sex)
    if sex is None:
        raise CardPayloadError(
            tr("Giới tính «{value}» không hợp lệ: cần «Nam» hoặc «Nữ».", value=_shorten(raw_sex))
        )
    if not address:
        raise CardPayloadError(tr("Mã QR thiếu nơi thường trú."))

    if birth_date > today:
        raise CardPayloadError(
            tr(
                "Ngày sinh {birth} ở tương lai (hôm nay là {today}).",
                birth=_fmt(birth_date),
                today=_fmt(today),
            )
        )
    if age_on(birth_date, today) > MAX_AGE_YEARS:
        raise CardPayloadError(
            tr(
                "Ngày sinh {birth} không hợp lý: người này đã hơn {limit} tuổi.",
                birth=_fmt(birth_date),
                limit=MAX_AGE_YEARS,
            )
        )

    issue_date: date | None = None
    if raw_issue:
        issue_date = _parse_date(raw_issue, tr("Ngày cấp"))
        if issue_date < birth_date:
            raise CardPayloadError(
                tr(
                    "Ngày cấp {issued} trước ngày sinh {birth}.",
                    issued=_fmt(issue_date),
                    birth=_fmt(birth_date),
                )
            )
        if issue_date > today:
            raise CardPayloadError(
                tr(
                    "Ngày cấp {issued} ở tương lai (hôm nay là {today}).",
                    issued=_fmt(issue_date),
                    today=_fmt(today),
                )
            )

    id_number = validate_id_number(raw_id, sex=sex, birth_date=birth_date, today=today)
    return CitizenCard(
        id_number=id_number,
        old_id_number=old_id,
        full_name=full_name,
        date_of_birth=birth_date,
        sex=sex,
        address=address,
        issue_date=issue_date,
        extra=extra,
        birth_year_only=birth_year_only,
    )


# --- age --------------------------------------------------------------------------------------------------


def age_on(birth_date: date, today: date | None = None) -> int:
    """Completed years of age on ``today``."""
    today = today or clock.now().date()
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def is_minor(card: CitizenCard, today: date | None = None) -> bool:
    """Under 18 on ``today`` (a minor needs a parent or guardian for most procedures)."""
    return age_on(card.date_of_birth, today) < ADULT_AGE


# --- keyboard-wedge damage --------------------------------------------------------------------------------

# A wedge reader "types" the payload, so an active Vietnamese input method (Telex/VNI) or a layout without
# the letters turns "Nguyễn" into "Nguyeenx", "Nguye6n4", "Nguy?n" or "Nguyen". None of these shapes occur
# in correctly spelled Vietnamese names and addresses.
_TELEX_STRONG_RE = re.compile(r"^dd|aa|ee|oo|aw|ow|uw", re.IGNORECASE)
_VNI_IN_WORD_RE = re.compile(r"[^\W\d_][0-9][^\W\d_]")
_WORD_RE = re.compile(r"[^\s,;:/()]+")


# UTF-8 lead bytes of Vietnamese letters seen through cp1252 ("á»", "Ä‘", "Æ°", "Ã´") followed by a
# continuation byte's symbol; correct text never puts a symbol right after these letters.
_MOJIBAKE_RE = re.compile(
    "á[\u00ba\u00bb]|[ÃÄÅÆ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _mojibake_evidence(text: str) -> str | None:
    # UTF-8 bytes shown through a Western code page: "Nguyá»…n". Correct Vietnamese never survives the
    # round trip because its letters are missing from these code pages or form invalid UTF-8; the regex
    # catches what a lossy conversion left behind.
    if text.isascii():
        return None
    if _MOJIBAKE_RE.search(text):
        return next((w for w in _WORD_RE.findall(text) if _MOJIBAKE_RE.search(w)), text[:20])
    for codec in ("cp1252", "latin-1"):
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text:
            return next((w for w in _WORD_RE.findall(text) if not w.isascii()), text[:20])
    return None


def wedge_mangling_evidence(text: str) -> str | None:
    """The first piece of ``text`` that looks garbled by a keyboard-wedge reader, or ``None``."""
    if not isinstance(text, str) or not text:
        return None
    text = _clean(text[:MAX_PAYLOAD_CHARS])
    if "\ufffd" in text:
        return "\ufffd"
    evidence = _mojibake_evidence(text)
    if evidence is not None:
        return evidence

    fields = text.split("|")
    if len(fields) < MIN_FIELDS - 1:
        # Without the card's structure only unmistakable damage counts: a URL or another QR's text may
        # legitimately hold '?', digits or plain ASCII.
        return None
    name, sex, address = fields[2].strip(), fields[4].strip(), fields[5].strip()
    name_words = _WORD_RE.findall(name)
    address_words = _WORD_RE.findall(address)

    for word in name_words + address_words:
        if "?" in word:
            return word
    for word in name_words:
        if any(ch.isdigit() for ch in word):
            return word

    folded_sex = sex.casefold()
    if folded_sex not in ("nam", "nữ") and folded_sex.startswith("nu"):
        return sex

    # Building names ("Green Bay", "Goodland") or lot numbers ("B3A") can look like Telex/VNI residue, so
    # these only count when they outnumber the correctly accented words.
    words = name_words + address_words
    suspects = [w for w in words if _TELEX_STRONG_RE.search(w) or _VNI_IN_WORD_RE.search(w)]
    accented = [w for w in words if not w.isascii()]
    if len(suspects) >= 2 and len(suspects) >= len(accented):
        return suspects[0]

    # Every address has at least one accented administrative word (xã, phường, tỉnh, thành phố...), so a
    # name and address with no accent at all lost them on the way.
    letters = [ch for ch in name + address if ch.isalpha()]
    if letters and (name + address).isascii() and len(name_words) + len(address_words) >= 4:
        return address_words[0] if address_words else name_words[0]
    return None


def detect_wedge_mangling(text: str) -> bool:
    """True when ``text`` looks garbled by a keyboard-wedge reader (switch it to USB-COM/serial mode)."""
    return wedge_mangling_evidence(text) is not None


def wedge_mangling_message(evidence: str | None = None) -> str:
    """Vietnamese advice for the official when :func:`detect_wedge_mangling` is true."""
    advice = tr(
        "Máy đọc đang ở chế độ bàn phím (keyboard wedge) nên làm sai dấu tiếng Việt. Hãy chuyển máy đọc sang "
        "chế độ cổng COM ảo (USB-COM/serial) theo hướng dẫn của hãng rồi quét lại, hoặc nhập tay thông tin."
    )
    if evidence:
        return tr(
            "Dữ liệu đọc từ thẻ căn cước bị sai dấu tiếng Việt (ví dụ «{sample}»). {advice}",
            sample=_shorten(evidence, 30),
            advice=advice,
        )
    return tr("Dữ liệu đọc từ thẻ căn cước bị sai dấu tiếng Việt. {advice}", advice=advice)
