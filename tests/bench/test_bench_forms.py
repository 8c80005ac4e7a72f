"""Render time of form 01 (run on demand: ``make bench``). Prints figures; does not assert timing."""

from __future__ import annotations

import io
import statistics
import time
from datetime import date, datetime

import pytest

from app.forms import DocumentLine, DossierPaper, UnitInfo, render_paper
from app.forms.qr import qr_matrix

UNIT = UnitInfo("UBND TỈNH MẪU", "UBND xã Tân Lập", "000.00.06.H56", "Thôn Phước Hưng, xã Tân Lập", "Tân Lập")
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
    documents=(
        DocumentLine("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1),
        DocumentLine("Giấy tờ chứng minh việc đã ly hôn hoặc người kia đã chết", certified_copies=1),
        DocumentLine("Thẻ căn cước của người yêu cầu", photocopies=1),
    ),
    processing_text="03 ngày làm việc",
    received_at=datetime(2027, 2, 4, 9, 15),
    due_at=datetime(2027, 2, 9, 9, 15),
    result_place="Bộ phận Một cửa UBND xã Tân Lập",
    received_by="Lê Thị Thu Hà",
    register_book="01/2027",
    register_entry="0361",
    fee_text="15.000 đồng",
)
RUNS = 50


def _median_ms(clear_qr_cache: bool) -> float:
    timings = []
    for _ in range(RUNS):
        if clear_qr_cache:
            qr_matrix.cache_clear()
        start = time.perf_counter()
        render_paper("01", PAPER, UNIT, io.BytesIO(), on=date(2027, 2, 4))
        timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


@pytest.mark.bench
def test_bench_form01_render_time() -> None:
    for _ in range(5):  # warm-up: font parsing, style objects, imports
        render_paper("01", PAPER, UNIT, io.BytesIO(), on=date(2027, 2, 4))
    cold = _median_ms(clear_qr_cache=True)
    warm = _median_ms(clear_qr_cache=False)
    print(f"\nform 01 to BytesIO, median of {RUNS}: {cold:.1f} ms (new QR each time), "
          f"{warm:.1f} ms (QR matrix cached, e.g. preview then print); target <= 30 ms")
