from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.citizens import (
    CardPayloadError,
    CitizenCard,
    IdNumberError,
    WedgeMangledError,
    age_on,
    detect_wedge_mangling,
    is_minor,
    parse_cccd_payload,
    province_codes,
    validate_id_number,
    wedge_mangling_evidence,
    wedge_mangling_message,
)
from app.errors import ValidationError
from app.paths import resource_path

TODAY = date(2025, 6, 1)
PAYLOAD = "001099012345|123456789|Nguyễn Văn Đạt|15081999|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|10052021"


def parse(text: str, **kwargs) -> CitizenCard:
    return parse_cccd_payload(text, today=TODAY, **kwargs)


def reason(text: str, **kwargs) -> str:
    with pytest.raises(CardPayloadError) as info:
        parse(text, **kwargs)
    return info.value.message


# --- valid payloads ---------------------------------------------------------------------------------------


def test_parses_a_complete_payload():
    card = parse(PAYLOAD)
    assert card == CitizenCard(
        id_number="001099012345",
        old_id_number="123456789",
        full_name="Nguyễn Văn Đạt",
        date_of_birth=date(1999, 8, 15),
        sex="Nam",
        address="Thôn 3, xã Tân Lập, tỉnh Mẫu",
        issue_date=date(2021, 5, 10),
        extra=(),
    )
    assert card.province_code == "001"
    assert card.province == "Hà Nội"


def test_old_id_may_be_empty():
    card = parse("079303004567||Trần Thị Mai|02022003|Nữ|Phường 5, Quận 3, TP Hồ Chí Minh|20052021")
    assert card.old_id_number is None
    assert card.sex == "Nữ"
    assert card.date_of_birth == date(2003, 2, 2)


def test_twelve_digit_old_number_is_accepted():
    assert parse(PAYLOAD.replace("|123456789|", "|001099000001|")).old_id_number == "001099000001"


def test_newer_cards_keep_extra_trailing_fields():
    text = "036085000123||Lê Văn Hùng|01011985|Nam|Xóm 2, xã Hải Anh, tỉnh Nam Định|04102024||||"
    card = parse(text)
    assert card.issue_date == date(2024, 10, 4)
    assert card.extra == ("", "", "", "")


def test_extra_fields_with_content_are_normalised():
    text = PAYLOAD + "|Nguyễn Văn A| Trần Thị B \r\n"
    assert parse(text).extra == ("Nguyễn Văn A", "Trần Thị B")


def test_nfd_input_is_normalised_to_nfc():
    nfd = unicodedata.normalize("NFD", PAYLOAD.replace("Nam", "Nữ").replace("001099", "001199"))
    assert nfd != unicodedata.normalize("NFC", nfd)
    card = parse(nfd)
    assert card.sex == "Nữ"
    assert card.full_name == "Nguyễn Văn Đạt"
    assert unicodedata.is_normalized("NFC", card.address)


def test_stray_whitespace_and_line_breaks_are_stripped():
    text = "\ufeff 001099012345 |123456789| Nguyễn  Văn\tĐạt |15081999|Nam |Thôn 3,\r\nxã Tân Lập, tỉnh Mẫu|10052021\r\n"
    card = parse(text)
    assert card.id_number == "001099012345"
    assert card.full_name == "Nguyễn Văn Đạt"
    assert card.address == "Thôn 3, xã Tân Lập, tỉnh Mẫu"


def test_sex_is_case_insensitive_and_canonicalised():
    assert parse(PAYLOAD.replace("|Nam|", "|NAM|")).sex == "Nam"
    assert parse(PAYLOAD.replace("|Nam|", "|NỮ|").replace("001099", "001199")).sex == "Nữ"


def test_empty_issue_date_is_allowed():
    assert parse(PAYLOAD.rsplit("|", 1)[0] + "|").issue_date is None


def test_year_only_birth_date():
    card = parse("038145000111||Phạm Thị Lụa|1945|Nữ|Thôn Đông, xã Quảng Hòa, tỉnh Thanh Hóa|12122021")
    assert card.date_of_birth == date(1945, 1, 1)
    assert card.birth_year_only


def test_2000s_century_digits_and_ethnic_minority_name():
    card = parse("066302001234||H'Hen Niê|03032002|Nữ|Buôn Ea Kmar, xã Ea Tu, tỉnh Đắk Lắk|01062021")
    assert card.full_name == "H'Hen Niê"


# --- invalid payloads -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a|b|c", "Mã QR không phải thẻ căn cước: chỉ có 3 trường, cần ít nhất 7."),
        (
            "https://dichvucong.gov.vn/p/home",
            "Mã QR không phải thẻ căn cước: chỉ có 1 trường, cần ít nhất 7.",
        ),
        ("   \r\n", "Mã QR trống, không có dữ liệu."),
        (
            PAYLOAD.replace("15081999", "15081985"),
            "Số định danh 001099012345 không khớp năm sinh 1985 (chữ số thế kỷ/giới tính 0 nghĩa là nam "
            "sinh 1900–1999, hai số năm sinh 99).",
        ),
        (
            PAYLOAD.replace("15081999", "15081899").replace("10052021", "10051920"),
            "không khớp năm sinh 1899",
        ),
        (
            PAYLOAD.replace("|Nam|", "|Nữ|"),
            "Số định danh 001099012345 không khớp giới tính Nữ (chữ số thế kỷ/giới tính 0 nghĩa là nam "
            "sinh 1900–1999).",
        ),
        (
            PAYLOAD.replace("001099", "001299"),
            "chữ số thế kỷ/giới tính 2 nghĩa là nam sinh 2000–2099",
        ),
        (PAYLOAD.replace("15081999", "31021999"), "Ngày sinh 31/02/1999 không tồn tại."),
        (PAYLOAD.replace("15081999", "1508199"), "Ngày sinh «1508199» phải có dạng"),
        (PAYLOAD.replace("15081999", "15-08-1999"), "Ngày sinh «15-08-1999» phải có dạng"),
        (PAYLOAD.replace("10052021", "31042021"), "Ngày cấp 31/04/2021 không tồn tại."),
        (PAYLOAD.replace("10052021", "10051998"), "Ngày cấp 10/05/1998 trước ngày sinh 15/08/1999."),
        (PAYLOAD.replace("10052021", "10052026"), "Ngày cấp 10/05/2026 ở tương lai"),
        (PAYLOAD.replace("001099012345", "00109901234"), "phải gồm đúng 12 chữ số (đang có 11 ký tự)"),
        (PAYLOAD.replace("001099012345", "00109901234X"), "phải gồm đúng 12 chữ số"),
        (PAYLOAD.replace("001099012345", "123456789"), "là số CMND cũ (9 chữ số)"),
        (PAYLOAD.replace("001099012345", "003099012345"), "Mã tỉnh 003 ở đầu số định danh 003099012345"),
        (PAYLOAD.replace("001099012345", "１２３４５６７８９０１２"), "phải gồm đúng 12 chữ số"),
        (PAYLOAD.replace("|123456789|", "|12345|"), "Số CMND cũ «12345» phải gồm 9 hoặc 12 chữ số"),
        (PAYLOAD.replace("|Nam|", "|M|"), "Giới tính «M» không hợp lệ: cần «Nam» hoặc «Nữ»."),
        (PAYLOAD.replace("Nguyễn Văn Đạt", ""), "Mã QR thiếu họ tên."),
        (PAYLOAD.replace("Nguyễn Văn Đạt", "Nguyễn Văn Đạt@"), "có ký tự không hợp lệ «@»"),
        (PAYLOAD.replace("Thôn 3, xã Tân Lập, tỉnh Mẫu", " "), "Mã QR thiếu nơi thường trú."),
        (PAYLOAD + "|" + "x" * 5000, "quá giới hạn 4096"),
    ],
)
def test_invalid_payload_reasons(text, expected):
    assert expected in reason(text)


def test_birth_date_in_the_future():
    text = "001225012345||Nguyễn Văn Đạt|15082025|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|"
    assert reason(text) == "Ngày sinh 15/08/2025 ở tương lai (hôm nay là 01/06/2025)."


def test_implausibly_old_birth_date():
    text = "001850012345||Nguyễn Văn Đạt|15081850|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|"
    assert "không hợp lý: người này đã hơn 130 tuổi" in reason(text)


def test_errors_are_validation_errors():
    with pytest.raises(ValidationError):
        parse("x")
    with pytest.raises(IdNumberError):
        parse(PAYLOAD.replace("001099012345", "003099012345"))


# --- typed ID numbers -------------------------------------------------------------------------------------


def test_validate_id_number_accepts_typed_separators():
    assert validate_id_number(" 001 099.012345 ", today=TODAY) == "001099012345"
    assert validate_id_number("001099012345", sex="Nam", birth_date=date(1999, 1, 1), today=TODAY)


@pytest.mark.parametrize(
    ("number", "kwargs", "expected"),
    [
        ("", {}, "Chưa có số định danh cá nhân."),
        ("001099012345", {"sex": "Nữ"}, "không khớp giới tính Nữ"),
        ("001099012345", {"birth_date": date(2099, 1, 1)}, "không khớp năm sinh 2099"),
        ("001499012345", {}, "cho năm sinh 2199 không hợp lý"),
        ("097099012345", {}, "Mã tỉnh 097"),
        ("001099012345", {"sex": "khác"}, "Giới tính «khác» không hợp lệ"),
    ],
)
def test_validate_id_number_reasons(number, kwargs, expected):
    with pytest.raises(CardPayloadError) as info:
        validate_id_number(number, today=TODAY, **kwargs)
    assert expected in info.value.message


def test_province_list_is_complete_data():
    data = json.loads(resource_path("provinces.json").read_text(encoding="utf-8"))
    codes = data["provinces"]
    assert len(codes) == 63
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert codes["001"] == "Hà Nội" and codes["096"] == "Cà Mau" and codes["079"] == "Hồ Chí Minh"
    assert province_codes() == codes


# --- age --------------------------------------------------------------------------------------------------


def test_is_minor_turns_false_on_the_18th_birthday():
    card = parse("001207012345||Nguyễn Văn An|01062007|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|")
    assert is_minor(card, date(2025, 5, 31))
    assert not is_minor(card, date(2025, 6, 1))
    assert age_on(date(2004, 2, 29), date(2022, 2, 28)) == 17
    assert age_on(date(2004, 2, 29), date(2022, 3, 1)) == 18


# --- keyboard-wedge damage --------------------------------------------------------------------------------

MANGLED = [
    "001099012345|123456789|Nguyeenx Vawn DDatj|15081999|Nam|Thoon 3, xax Taan Laapj, tinhr Maaux|10052021",
    "001099012345|123456789|Nguye6n4 Va8n D9a5t|15081999|Nam|Tho6n 3, xa4 Ta6n La65p, ti3nh Ma64u|10052021",
    "001099012345|123456789|Nguy?n V?n ??t|15081999|Nam|Th?n 3, x? T?n L?p, t?nh M?u|10052021",
    "001099012345|123456789|Nguy\ufffdn V\ufffdn \ufffd\ufffdt|15081999|Nam|Thôn 3|10052021",
    "001099012345|123456789|Nguyen Van Dat|15081999|Nam|Thon 3, xa Tan Lap, tinh Mau|10052021",
    "001199012345|123456789|Nguyen Thi Lan|15081999|Nuwx|Thon 3, xa Tan Lap|10052021",
    PAYLOAD.encode("utf-8").decode("cp1252", errors="ignore"),
]

CLEAN = [
    PAYLOAD,
    "066302001234||H'Hen Niê|03032002|Nữ|Buôn Ea Kmar, xã Ea Tu, tỉnh Đắk Lắk|01062021",
    "066290001234||Ksor Y Kmar|03031990|Nam|Buôn Kmrơng, xã Ea Tu, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk|",
    "001099012345||Trần Đức Anh|15081999|Nam|Căn B3A, chung cư Green Bay Goodland, phường Mễ Trì, "
    "quận Nam Từ Liêm, thành phố Hà Nội|10052021",
    "https://example.org/page?id=1&name=Nguyen",
    "Nguyen Van Dat",
]


@pytest.mark.parametrize("text", MANGLED)
def test_wedge_mangling_detected(text):
    assert detect_wedge_mangling(text)
    with pytest.raises(WedgeMangledError) as info:
        parse(text)
    assert "USB-COM" in info.value.message
    assert "Dữ liệu đọc từ thẻ căn cước bị sai dấu tiếng Việt" in info.value.message


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_not_flagged(text):
    assert not detect_wedge_mangling(text)


def test_wedge_message_quotes_the_evidence():
    evidence = wedge_mangling_evidence(MANGLED[0])
    assert evidence == "Nguyeenx"
    assert "«Nguyeenx»" in wedge_mangling_message(evidence)
    assert "USB-COM" in wedge_mangling_message()


def test_wedge_check_can_be_turned_off():
    # Without the heuristics the ASCII-only payload is structurally valid.
    card = parse(MANGLED[4], check_wedge=False)
    assert card.full_name == "Nguyen Van Dat"


# --- fuzzing ----------------------------------------------------------------------------------------------

_field = st.one_of(
    st.text(max_size=15),
    st.sampled_from(["", "001099012345", "123456789", "15081999", "31021999", "Nam", "Nữ", "0000", "1945"]),
    st.from_regex(r"[0-9]{1,14}", fullmatch=True),
)


def _check(text: str) -> None:
    try:
        card = parse_cccd_payload(text, today=TODAY)
    except CardPayloadError as exc:
        assert isinstance(exc.message, str) and exc.message
    else:
        assert isinstance(card, CitizenCard)
        assert len(card.id_number) == 12
    assert isinstance(detect_wedge_mangling(text), bool)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_fuzz_any_text(text):
    _check(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_field, min_size=0, max_size=10).map("|".join))
def test_fuzz_payload_shaped_text(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["001", "079", "096", "048"]),
    st.integers(0, 3),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.text(alphabet="abcdeghiklmnopqrstuvxyăâđêôơưàảãáạễệốộớờởữự ", min_size=2, max_size=30),
)
def test_fuzz_consistent_cards_parse(province, century_sex, birth, name):
    # Any birth date in the digit's century makes a valid card when the ID number is built to match.
    if (century_sex < 2) != (birth.year < 2000) or not name.strip():
        return
    sex = "Nam" if century_sex % 2 == 0 else "Nữ"
    number = f"{province}{century_sex}{birth.year % 100:02d}000001"
    text = f"{number}||{name}|{birth:%d%m%Y}|{sex}|Thôn 3, xã Tân Lập, tỉnh Mẫu|"
    card = parse_cccd_payload(text, today=TODAY)
    assert card.date_of_birth == birth and card.sex == sex
