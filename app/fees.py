"""Fees (phí, lệ phí) in whole VND.

A fee is one of three kinds (see :class:`app.catalogue.Fee`): ``free``; ``fixed``, an amount per copy or per
case; ``per_page``, a price per page by tiers with an optional cap per copy. The chứng thực bản sao fee is the
model of the last kind: 2.000đ for each of pages 1–2, 1.000đ from page 3, at most 200.000đ per copy, which is
``tiers=[(1, 2000), (3, 1000)], cap=200000``.
"""

from __future__ import annotations

from app.catalogue import Fee, PageTier
from app.errors import ValidationError
from app.i18n import tr

CERTIFIED_COPY_TIERS: tuple[PageTier, ...] = (PageTier(1, 2000), PageTier(3, 1000))
CERTIFIED_COPY_CAP = 200_000


def _count(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValidationError(tr("{what} phải là số nguyên từ 1 trở lên (đang là {value}).", what=what, value=value))
    return value


def per_page_amount(tiers: tuple[PageTier, ...] | list[PageTier], pages: int, cap: int | None = None) -> int:
    """Price of one copy of ``pages`` pages; each tier prices its pages until the next tier starts."""
    ordered = sorted(tiers, key=lambda t: t.from_page)
    total = 0
    for index, tier in enumerate(ordered):
        last = ordered[index + 1].from_page - 1 if index + 1 < len(ordered) else pages
        counted = min(last, pages) - tier.from_page + 1
        if counted > 0:
            total += counted * tier.amount
    return min(total, cap) if cap is not None else total


def compute_fee(fee: Fee, pages: int = 1, copies: int = 1) -> int:
    """Amount due in VND for ``copies`` copies (bản) of ``pages`` pages each; fixed fees are per copy."""
    pages = _count(pages, tr("Số trang"))
    copies = _count(copies, tr("Số bản"))
    if fee.kind == "free":
        return 0
    if fee.kind == "fixed":
        return fee.amount * copies
    if fee.kind == "per_page":
        return per_page_amount(fee.tiers, pages, fee.cap) * copies
    raise ValidationError(tr("Loại phí “{kind}” không được hỗ trợ.", kind=fee.kind))


def format_vnd(amount: int) -> str:
    """12000 → "12.000 đồng" (dot as the Vietnamese thousands separator)."""
    digits = f"{abs(int(amount)):,}".replace(",", ".")
    return tr("{amount} đồng", amount=("-" if amount < 0 else "") + digits)


def describe_fee(fee: Fee) -> str:
    """One-line description for the counter, e.g. "2.000 đồng/trang từ trang 1; … tối đa 200.000 đồng/bản"."""
    if fee.kind == "free":
        return tr("Không thu")
    if fee.kind == "fixed":
        return format_vnd(fee.amount)
    parts = [
        tr("{amount}/trang từ trang {page}", amount=format_vnd(tier.amount), page=tier.from_page)
        for tier in sorted(fee.tiers, key=lambda t: t.from_page)
    ]
    text = "; ".join(parts)
    if fee.cap is not None:
        text += "; " + tr("tối đa {amount}/bản", amount=format_vnd(fee.cap))
    return text
