"""Scan processing throughput and size (run on demand: ``make bench``). Prints figures; asserts the targets.

30 synthetic A4 text pages at 200 dpi, each skewed, framed by a dark border and noisy, go through
deskew → crop → blank check → bilevel G4 → one PDF, on all cores (one process per core, as the
device lane would hand pages to a pool).
"""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from app import imaging
from tests.unit.test_imaging import DPI, as_scanned, synthetic_text_page

PAGES = 30


def _make(i: int):
    return as_scanned(synthetic_text_page(seed=i), angle=((i % 7) - 3) * 0.9, seed=i)


def _process(image):
    return imaging.encode_page(imaging.process_page(image, DPI))


@pytest.mark.bench
def test_bench_scan_pipeline():
    workers = os.cpu_count() or 1
    with ProcessPoolExecutor(workers) as pool:
        scans = list(pool.map(_make, range(PAGES)))
        started = time.perf_counter()
        encoded = list(pool.map(_process, scans, chunksize=2))
        pdf = imaging.build_pdf(encoded)
        elapsed = time.perf_counter() - started
    single_started = time.perf_counter()
    for image in scans[:5]:
        _process(image)
    single = (time.perf_counter() - single_started) / 5

    kb_per_page = sum(e.size for e in encoded) / len(encoded) / 1024
    pages_per_min = PAGES / elapsed * 60
    print(
        f"\nscan pipeline: {PAGES} A4 text pages at {DPI} dpi, {workers} workers: "
        f"{kb_per_page:.1f} KB/page (PDF {len(pdf) / 1024 / PAGES:.1f} KB/page), "
        f"{pages_per_min:.0f} pages/min; one core: {single * 1000:.0f} ms/page = {60 / single:.0f} pages/min"
    )
    assert all(e.kind is imaging.PageKind.TEXT for e in encoded)
    assert kb_per_page <= 120
    assert pages_per_min >= 30
