"""Fee computation and VND formatting."""

from __future__ import annotations

import pytest

from app.catalogue import Fee, PageTier, load_catalogue_file, seed_catalogue_path
from app.errors import ValidationError
from app.fees import (
    CERTIFIED_COPY_CAP,
    CERTIFIED_COPY_TIERS,
    compute_fee,
    describe_fee,
    format_vnd,
    per_page_amount,
)

COPY_FEE = Fee("PHI01", "Phí chứng thực bản sao", "per_page", tiers=CERTIFIED_COPY_TIERS, cap=CERTIFIED_COPY_CAP)


@pytest.mark.parametrize(
    ("pages", "amount"),
    [(1, 2000), (2, 4000), (3, 5000), (4, 6000), (10, 12000), (197, 199000), (198, 200000), (199, 200000),
     (5000, 200000)],
)
def test_certified_copy_tiers_and_cap(pages, amount):
    assert compute_fee(COPY_FEE, pages=pages) == amount


def test_cap_applies_per_copy():
    assert compute_fee(COPY_FEE, pages=3, copies=4) == 20000
    assert compute_fee(COPY_FEE, pages=300, copies=2) == 400000


def test_seed_copy_fee_is_the_certified_copy_rule():
    spec = load_catalogue_file(seed_catalogue_path()).by_code()["2.000815"]
    assert spec.fees[0].tiers == CERTIFIED_COPY_TIERS
    assert spec.fees[0].cap == CERTIFIED_COPY_CAP


def test_fixed_and_free():
    extract = Fee("PHI01", "Phí cấp bản sao trích lục", "fixed", amount=8000)
    assert compute_fee(extract) == 8000
    assert compute_fee(extract, copies=3) == 24000
    assert compute_fee(extract, pages=9) == 8000  # pages do not matter for a fixed fee
    assert compute_fee(Fee("LP01", "Lệ phí", "free"), pages=5, copies=2) == 0


def test_uncapped_tiers_and_unsorted_tiers():
    assert per_page_amount([PageTier(1, 500)], 7) == 3500
    assert per_page_amount([PageTier(5, 100), PageTier(1, 1000)], 6) == 4 * 1000 + 2 * 100


@pytest.mark.parametrize(("pages", "copies"), [(0, 1), (1, 0), (-2, 1), (True, 1), (1.5, 1)])
def test_bad_counts(pages, copies):
    with pytest.raises(ValidationError, match="phải là số nguyên từ 1 trở lên"):
        compute_fee(COPY_FEE, pages=pages, copies=copies)


def test_unknown_kind():
    with pytest.raises(ValidationError, match="không được hỗ trợ"):
        compute_fee(Fee("X", "X", "per_case", amount=1))


@pytest.mark.parametrize(
    ("amount", "text"),
    [(0, "0 đồng"), (500, "500 đồng"), (12000, "12.000 đồng"), (200000, "200.000 đồng"),
     (1234567, "1.234.567 đồng"), (-5000, "-5.000 đồng")],
)
def test_format_vnd(amount, text):
    assert format_vnd(amount) == text


def test_describe_fee():
    assert describe_fee(COPY_FEE) == (
        "2.000 đồng/trang từ trang 1; 1.000 đồng/trang từ trang 3; tối đa 200.000 đồng/bản"
    )
    assert describe_fee(Fee("A", "A", "fixed", amount=10000)) == "10.000 đồng"
    assert describe_fee(Fee("B", "B", "free")) == "Không thu"
