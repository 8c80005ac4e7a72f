"""Official papers (forms 01–06): wording, fonts, page size, QR payload, flow across pages, versioning."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import ValidationError
from app.forms import (
    FORM_TEMPLATES,
    DocumentLine,
    DossierPaper,
    FormTemplate,
    HandOff,
    RegisterRow,
    UnitInfo,
    paper_payload,
    parse_payload,
    render_paper,
    render_register,
    template_for,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
ON = date(2027, 2, 4)
A5 = (419.5, 595.3)
A4_LANDSCAPE = (841.9, 595.3)

UNIT = UnitInfo(
    parent_agency="UBND TỈNH MẪU",
    unit_name="UBND xã Tân Lập",
    unit_id="000.00.06.H56",
    address="Thôn Phước Hưng, xã Tân Lập, tỉnh Mẫu",
    place_name="Tân Lập",
    phone="0235 3812 345",
)

DOCUMENTS = (
    DocumentLine("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1),
    DocumentLine("Giấy tờ chứng minh việc đã ly hôn hoặc người kia đã chết", certified_copies=1),
    DocumentLine("Thẻ căn cước của người yêu cầu", photocopies=1),
)

PAPER = DossierPaper(
    code="000.00.06.H56-270204-0361",
    procedure_code="1.004873",
    procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân",
    applicant_name="Nguyễn Thị Hồng Nhung",
    applicant_id_number="052190012345",
    applicant_address="Thôn Phước Hưng, xã Tân Lập, tỉnh Mẫu",
    applicant_phone="0912 345 678",
    applicant_email="nhung.nth@example.vn",
    submitter_name="Đặng Văn Đạt",
    request_summary="Xác nhận tình trạng hôn nhân để đăng ký kết hôn",
    documents=DOCUMENTS,
    sets_count=1,
    processing_text="03 ngày làm việc",
    received_at=datetime(2027, 2, 4, 9, 15),
    due_at=datetime(2027, 2, 9, 9, 15),
    result_place="Bộ phận Một cửa UBND xã Tân Lập",
    received_by="Lê Thị Thu Hà",
    register_book="01/2027",
    register_entry="0361",
    fee_text="15.000 đồng",
    supplement_items=(DocumentLine("Trích lục bản án ly hôn đã có hiệu lực pháp luật", certified_copies=1),),
    supplement_reason="Hồ sơ thiếu giấy tờ chứng minh việc đã ly hôn",
    refusal_reason="Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã Tân Lập",
    apology_reason="Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây",
    new_due_at=datetime(2027, 2, 12, 14, 0),
    handoffs=(
        HandOff("Bộ phận Một cửa", datetime(2027, 2, 4, 9, 30), "Lê Thị Thu Hà", "Trần Văn Minh", "", ""),
        HandOff("Công chức Tư pháp - Hộ tịch", datetime(2027, 2, 6, 15, 0), "Trần Văn Minh", "Phạm Quốc Hùng",
                "Đúng hạn", "Trình ký"),
    ),
    contact_official="Lê Thị Thu Hà",
    contact_phone="0987 654 321",
    resolving_agency="UBND xã Tân Lập",
    coordinating_agencies="Không",
    issued_at=datetime(2027, 2, 5, 10, 0),
    signer_name="Hoàng Văn Thái",
)

TITLES = {
    "01": "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
    "02": "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
    "03": "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
    "04": "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
    "05": "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
}

# Lines each form must carry word for word (whitespace runs collapsed).
EXPECTED = {
    "01": [
        "Mã hồ sơ: 000.00.06.H56-270204-0361",
        "Tân Lập, ngày 04 tháng 02 năm 2027",
        "UBND xã Tân Lập tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung",
        "Người nộp hồ sơ: Đặng Văn Đạt",
        "Địa chỉ: Thôn Phước Hưng, xã Tân Lập, tỉnh Mẫu",
        "Bản chính",
        "Bản photo",
        "Số lượng hồ sơ: 01 (bộ)",
        "Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 04/02/2027",
        "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 09/02/2027",
        "Đăng ký nhận kết quả tại: Bộ phận Một cửa UBND xã Tân Lập",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 01/2027, Số thứ tự: 0361",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Lê Thị Thu Hà",
    ],
    "02": [
        "Tân Lập, ngày 05 tháng 02 năm 2027",
        "Hồ sơ của: Nguyễn Thị Hồng Nhung",
        "Trích lục bản án ly hôn đã có hiệu lực pháp luật",
        "Lý do: Hồ sơ thiếu giấy tờ chứng minh việc đã ly hôn",
        "NGƯỜI HƯỚNG DẪN",
        "Lê Thị Thu Hà, số điện thoại 0987 654 321",
    ],
    "03": [
        "UBND xã Tân Lập tiếp nhận hồ sơ của: Nguyễn Thị Hồng Nhung",
        "Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã Tân Lập",
        "Xin thông báo để Ông/Bà được biết và thực hiện./.",
        "Lê Thị Thu Hà",
    ],
    "04": [
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 09/02/2027",
        "Lý do: Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây",
        "14 giờ 00 phút, ngày 12/02/2027",
        "THỦ TRƯỞNG CƠ QUAN",
        "Hoàng Văn Thái",
    ],
    "05": [
        "Hồ sơ của: Nguyễn Thị Hồng Nhung",
        "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 04/02/2027",
        "Cơ quan (bộ phận) giải quyết hồ sơ: UBND xã Tân Lập",
        "09 giờ 30 phút, ngày 04/02/2027",
        "Người giao: Trần Văn Minh",
        "Người nhận: Phạm Quốc Hùng",
        "Đúng hạn",
        "Trình ký",
    ],
}

HEADER_LINES = [
    "UBND TỈNH MẪU",
    "UBND XÃ TÂN LẬP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
]


# ---------------------------------------------------------------- poppler helpers


def pdf_text(pdf: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    out = subprocess.run([*args, str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"[ \t]+", " ", out)


def flat(text: str) -> str:
    """Body paragraphs wrap at the margin; joined lines let a sentence be matched whole."""
    return re.sub(r"\s+", " ", text)


def pdf_pages(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def pdf_fonts(pdf: Path) -> list[tuple[str, bool]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        # Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, generation.
        parts = line.split()
        fonts.append((parts[0], parts[-5] == "yes"))
    return fonts


def word_boxes(pdf: Path) -> list[tuple[float, float, float, float, str]]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(pattern, html)]


def assert_size(size: tuple[float, float], expected: tuple[float, float]) -> None:
    assert size[0] == pytest.approx(expected[0], abs=0.5) and size[1] == pytest.approx(expected[1], abs=0.5)


def assert_fonts_embedded(pdf: Path) -> None:
    fonts = pdf_fonts(pdf)
    assert fonts, "no fonts listed"
    assert all(embedded for _, embedded in fonts), fonts
    assert {name.split("+")[-1] for name, _ in fonts} >= {"Tinos", "Tinos-Bold", "Tinos-Italic"}


def assert_inside_page(pdf: Path, size: tuple[float, float]) -> None:
    for x0, y0, x1, y1, word in word_boxes(pdf):
        assert x0 >= 14 and x1 <= size[0] - 14, f"{word!r} runs into the page edge ({x0:.1f}..{x1:.1f})"
        assert y0 >= 10 and y1 <= size[1] - 8, f"{word!r} runs off the page ({y0:.1f}..{y1:.1f})"


def render(form_id: str, paper: DossierPaper, tmp_path: Path) -> Path:
    pdf = tmp_path / f"form{form_id}.pdf"
    render_paper(form_id, paper, UNIT, pdf, on=ON)
    return pdf


def decode_qr(pdf: Path, tmp_path: Path) -> str:
    image_module = pytest.importorskip("PIL.Image", reason="Pillow is not installed: QR decoding skipped")
    pyzbar = pytest.importorskip("pyzbar.pyzbar", reason="pyzbar/libzbar0 is not available")
    prefix = tmp_path / "qr"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(prefix)],
                   check=True)
    with image_module.open(f"{prefix}.png") as image:
        width, height = image.size
        crop = image.convert("L").crop((0, 0, width // 3, height // 4))
        found = pyzbar.decode(crop)
    assert len(found) == 1, "exactly one QR expected in the top-left corner"
    return found[0].data.decode("utf-8")


# ---------------------------------------------------------------- forms 01–05


@pytest.mark.parametrize("form_id", ["01", "02", "03", "04", "05"])
def test_paper_text_fonts_and_size(form_id: str, tmp_path: Path) -> None:
    pdf = render(form_id, PAPER, tmp_path)
    text = pdf_text(pdf)
    for line in [TITLES[form_id], *HEADER_LINES, "000.00.06.H56-270204-0361", "Nguyễn Thị Hồng Nhung",
                 *EXPECTED[form_id]]:
        assert line in text or line in flat(text), f"form {form_id} misses {line!r}:\n{text}"
    assert_fonts_embedded(pdf)
    sizes = pdf_pages(pdf)
    assert len(sizes) == 1
    assert_size(sizes[0], A5)
    assert_inside_page(pdf, A5)


@pytest.mark.parametrize("form_id", ["01", "02", "03", "04", "05"])
def test_paper_qr_decodes_to_payload(form_id: str, tmp_path: Path) -> None:
    pdf = render(form_id, PAPER, tmp_path)
    decoded = decode_qr(pdf, tmp_path)
    title = unicodedata.normalize("NFC", TITLES[form_id].capitalize())
    assert decoded == paper_payload([PAPER.code, PAPER.procedure_code, PAPER.applicant_id_number, form_id, title])
    assert parse_payload(decoded)[:4] == [PAPER.code, PAPER.procedure_code, PAPER.applicant_id_number, form_id]


def test_form01_artifact_png(tmp_path: Path) -> None:
    pdf = render("01", PAPER, tmp_path)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, ARTIFACTS / "form01.pdf")
    subprocess.run(["pdftoppm", "-r", "110", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(ARTIFACTS / "form01")], check=True)
    assert (ARTIFACTS / "form01.png").stat().st_size > 10_000


def test_forty_documents_flow_to_a_second_page(tmp_path: Path) -> None:
    documents = tuple(
        DocumentLine(f"Giấy tờ số {i:02d}: trích lục hộ tịch", originals=1, photocopies=i % 3)
        for i in range(1, 41)
    )
    pdf = render("01", replace(PAPER, documents=documents), tmp_path)
    sizes = pdf_pages(pdf)
    assert len(sizes) == 2
    page1, page2 = pdf_text(pdf, 1), pdf_text(pdf, 2)
    assert "Giấy tờ số 01:" in page1 and "Giấy tờ số 40:" in page2
    assert "Tên giấy tờ" in page2, "the table header repeats on the second page"
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in page2 and "Trang 2/2" in page2
    assert_inside_page(pdf, A5)


def test_long_values_wrap_inside_the_page(tmp_path: Path) -> None:
    long_address = "Tổ dân phố Khánh Hòa Thượng, " * 12 + "xã Tân Lập, tỉnh Mẫu"
    paper = replace(
        PAPER,
        applicant_name="Công ty trách nhiệm hữu hạn một thành viên Thương mại Dịch vụ Nguyễn Thị Hồng Nhung",
        applicant_address=long_address,
        applicant_email="nguyen.thi.hong.nhung.phuoc.hung.tan.lap@truong-tieu-hoc-tan-lap.example.vn",
        documents=(DocumentLine("Văn bản ủy quyền có chứng thực " * 15, certified_copies=2), *DOCUMENTS),
        result_place="Bộ phận Một cửa UBND xã Tân Lập " * 6,
    )
    unit = replace(UNIT, unit_name="Ủy ban nhân dân phường Hoàng Văn Thụ Nguyễn Trãi")
    for form_id in ("01", "02", "03", "04", "05"):
        pdf = tmp_path / f"long{form_id}.pdf"
        render_paper(form_id, paper, unit, pdf, on=ON)
        assert_inside_page(pdf, A5)
        if form_id != "05":  # form 05 names the owner only
            assert "Khánh Hòa Thượng, Tổ dân phố" in flat(pdf_text(pdf))


def test_decomposed_and_markup_characters_are_printed_as_typed(tmp_path: Path) -> None:
    nfd_name = unicodedata.normalize("NFD", "Đặng Văn Đạt & <Con>")
    pdf = render("01", replace(PAPER, applicant_name=nfd_name), tmp_path)
    assert "Đặng Văn Đạt & <Con>" in pdf_text(pdf)


def test_missing_appointment_prints_blanks(tmp_path: Path) -> None:
    pdf = render("01", replace(PAPER, due_at=None, documents=()), tmp_path)
    assert "Thời gian trả kết quả giải quyết hồ sơ: ………… giờ ………… phút, ngày …………" in flat(pdf_text(pdf))


# ---------------------------------------------------------------- register 06


def register_rows(n: int) -> list[RegisterRow]:
    start = datetime(2027, 1, 4, 7, 30)
    return [
        RegisterRow(
            stt=i,
            code=f"000.00.06.H56-2701{(i % 28) + 1:02d}-{i:04d}",
            procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân" if i % 2 else "Chứng thực bản sao từ bản chính",
            sets_count=1 + i % 2,
            submitter_name="Nguyễn Thị Hồng Nhung" if i % 3 else "Đặng Văn Đạt",
            address="Thôn Phước Hưng, xã Tân Lập, tỉnh Mẫu",
            phone="0912 345 678",
            resolving_agency="Công chức Tư pháp - Hộ tịch",
            received_at=start + timedelta(hours=i),
            due_at=start + timedelta(hours=i, days=3),
            returned_at=start + timedelta(hours=i, days=2) if i % 4 else None,
            note="Trả qua bưu chính" if i % 10 == 0 else "",
        )
        for i in range(1, n + 1)
    ]


def test_register_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    pdf = tmp_path / "register.pdf"
    render_register(register_rows(120), UNIT, "Quý I năm 2027", pdf, on=ON)
    sizes = pdf_pages(pdf)
    assert len(sizes) >= 3
    for size in sizes:
        assert_size(size, A4_LANDSCAPE)
    for page in range(1, len(sizes) + 1):
        text = pdf_text(pdf, page)
        for header in ("STT", "Mã hồ sơ", "Tên thủ tục hành chính", "Ký nhận", "Ghi chú"):
            assert header in text, f"page {page} lacks the table header {header!r}"
        assert f"Trang {page}/{len(sizes)}" in text
    first, everything = pdf_text(pdf, 1), pdf_text(pdf)
    assert "SỔ THEO DÕI HỒ SƠ" in first and "Quý I năm 2027" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    rows = register_rows(120)
    assert rows[0].code in everything and rows[-1].code in everything
    assert_fonts_embedded(pdf)
    assert_inside_page(pdf, A4_LANDSCAPE)
    assert parse_payload(decode_qr(pdf, tmp_path))[:3] == ["000.00.06.H56", "Quý I năm 2027", "120"]


# ---------------------------------------------------------------- templates and output


def test_template_for_picks_the_latest_in_force(monkeypatch: pytest.MonkeyPatch) -> None:
    base = template_for("01", ON)
    assert base.legal_basis == "TT 01/2018/TT-VPCP" and base.effective_from == date(2019, 1, 6)
    newer = FormTemplate("01", date(2030, 1, 1), "TT mới", base.title, base.render)
    monkeypatch.setitem(FORM_TEMPLATES, "01", [newer, base])
    assert template_for("01", date(2029, 12, 31)) is base
    assert template_for("01", date(2030, 1, 1)) is newer


def test_template_for_rejects_unknown_form_and_early_date() -> None:
    with pytest.raises(ValidationError, match="Không có mẫu giấy tờ số 09"):
        template_for("09", ON)
    with pytest.raises(ValidationError, match="chưa có mẫu giấy tờ số 01") as info:
        template_for("01", date(2018, 12, 31))
    assert "06/01/2019" in info.value.message


def test_render_paper_rejects_the_register_form() -> None:
    with pytest.raises(ValidationError):
        render_paper("06", PAPER, UNIT, io.BytesIO(), on=ON)


def test_path_output_is_atomic_and_keeps_old_file_on_error(tmp_path: Path) -> None:
    target = tmp_path / "out" / "giay-tiep-nhan.pdf"
    render_paper("01", PAPER, UNIT, target, on=ON)
    first = target.read_bytes()
    assert first.startswith(b"%PDF-") and first.rstrip().endswith(b"%%EOF")
    with pytest.raises(ValidationError):
        render_paper("01", PAPER, UNIT, target, on=date(2018, 1, 1))
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == [target.name], "no temporary file is left behind"


def test_stream_output_matches_path_output(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    render_paper("03", PAPER, UNIT, buffer, on=ON)
    assert buffer.getvalue().startswith(b"%PDF-")
    assert len(pdf_pages(_write(tmp_path / "s.pdf", buffer.getvalue()))) == 1


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_extreme_lengths_still_lay_out_inside_the_page(tmp_path: Path) -> None:
    paper = replace(
        PAPER,
        applicant_name="X" * 300,  # one unbreakable token
        documents=(DocumentLine("Giấy tờ rất dài " * 400, originals=1),),  # a cell taller than a page
        request_summary="Nội dung " * 300,
        refusal_reason="Lý do " * 500,
    )
    unit = replace(UNIT, unit_name="Ủy ban " * 30)
    for form_id in ("01", "02", "03", "04", "05"):
        pdf = tmp_path / f"extreme{form_id}.pdf"
        render_paper(form_id, paper, unit, pdf, on=ON)
        assert_inside_page(pdf, A5)
    rows = register_rows(3)
    rows[0] = replace(rows[0], code="Y" * 200, note="ghi chú " * 600)
    pdf = tmp_path / "extreme06.pdf"
    render_register(rows, UNIT, "Quý I năm 2027", pdf, on=ON)
    assert_inside_page(pdf, A4_LANDSCAPE)
