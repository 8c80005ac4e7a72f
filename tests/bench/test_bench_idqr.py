"""Citizen ID card QR decoding on generated, degraded card photos: zxing-cpp alone, zbar alone, and the
pipeline of app.idqr, on the same images. Prints success rates and per-image times; it asserts nothing
about them, because the figures depend on the machine.

Set MOTCUA_BENCH_CARDS to change the number of images (default 1000) and MOTCUA_BENCH_SEED for another
corpus. The corpus and its parameter ranges are described in tests/bench/card_corpus.py.
"""

from __future__ import annotations

import io
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

import pytest

pytest.importorskip("qrcode")
pytest.importorskip("numpy")
Image = pytest.importorskip("PIL.Image")

from app import idqr  # noqa: E402
from app.citizens import CardPayloadError, CitizenCard, parse_cccd_payload  # noqa: E402
from tests.bench.card_corpus import MIN_PITCH, SEED, TODAY, Sample, sample  # noqa: E402

pytestmark = pytest.mark.bench
COUNT = int(os.environ.get("MOTCUA_BENCH_CARDS", "1000"))
BENCH_SEED = int(os.environ.get("MOTCUA_BENCH_SEED", str(SEED)))
TARGET_RATE = 99.5
TARGET_MEDIAN_MS = 10.0


def _card(texts: list[str]) -> CitizenCard | None:
    for text in texts:
        try:
            return parse_cccd_payload(text, today=TODAY, check_wedge=False)
        except CardPayloadError:
            continue
    return None


def zxing_only(gray: Image.Image) -> list[str]:
    """zxing-cpp with its defaults, one call: the baseline the pipeline is compared with."""
    import zxingcpp

    return [
        bytes(b.bytes).decode("utf-8", "replace")
        for b in zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def zbar_only(gray: Image.Image) -> list[str]:
    """zbar in binary mode (raw bytes, no encoding guess), one call."""
    return idqr._zbar_decode_binary(gray) or []


def pipeline(gray: Image.Image) -> list[str]:
    return idqr.decode_pil_image(gray)


def _load(sample_: Sample) -> Image.Image:
    # Every method gets the same decoded grayscale frame; JPEG decoding is timed separately.
    with Image.open(io.BytesIO(sample_.jpeg)) as opened:
        return opened.convert("L")


def _summary(name: str, ok: int, times: list[float], count: int) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return (
        f"{name:34} {ok:5d}/{count} correct = {100 * ok / count:6.2f} %   "
        f"median {statistics.median(times):6.2f} ms   p95 {p95:7.2f} ms   max {times[-1]:7.1f} ms"
    )


def test_idqr_decode_rates():
    if not {"zxing-cpp", "zbar"} <= set(idqr.available_decoders()):
        pytest.skip("needs both zxing-cpp and zbar")
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        samples = list(pool.map(sample, range(COUNT), [BENCH_SEED] * COUNT, chunksize=8))
    print(
        f"\ngenerated {COUNT} card photos (seed {BENCH_SEED}) in {time.perf_counter() - t0:.1f} s; "
        f"{sum(s.enlarged for s in samples)} cards enlarged to keep >= {MIN_PITCH} px per QR module"
    )

    methods: dict[str, Callable[[Image.Image], list[str]]] = {
        "zxing-cpp only (defaults)": zxing_only,
        "zbar only (binary mode)": zbar_only,
        "app.idqr.decode_pil_image": pipeline,
    }
    ok = dict.fromkeys(methods, 0)
    times: dict[str, list[float]] = defaultdict(list)
    by_size: dict[tuple[str, tuple[int, int]], list[float]] = defaultdict(list)
    by_pitch: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures: list[Sample] = []
    end_to_end: list[float] = []
    end_to_end_ok = 0
    for s in samples:
        gray = _load(s)
        bucket = f"{int(s.pitch * 2) / 2:.1f}"
        for name, method in methods.items():
            t = time.perf_counter()
            texts = method(gray)
            elapsed = (time.perf_counter() - t) * 1000
            good = _card(texts) == s.card
            ok[name] += good
            times[name].append(elapsed)
            by_size[(name, s.frame_size)].append(elapsed)
            by_pitch[(name, bucket)][0] += good
            by_pitch[(name, bucket)][1] += 1
            if name == "app.idqr.decode_pil_image" and not good:
                failures.append(s)
        t = time.perf_counter()
        try:
            card = idqr.read_card_from_image(s.jpeg, today=TODAY)
        except (idqr.QrImageError, CardPayloadError):
            card = None
        end_to_end.append((time.perf_counter() - t) * 1000)
        end_to_end_ok += card == s.card

    print("decoding a loaded grayscale frame (all frame sizes):")
    for name in methods:
        print("  " + _summary(name, ok[name], times[name], COUNT))
    print("  " + _summary("read_card_from_image(JPEG bytes)", end_to_end_ok, end_to_end, COUNT))
    print("median / p95 ms per frame size:")
    for size in sorted({s.frame_size for s in samples}):
        cells = []
        for name in methods:
            values = sorted(by_size[(name, size)])
            cells.append(
                f"{name.split()[0]} {statistics.median(values):6.2f} / "
                f"{values[min(len(values) - 1, int(0.95 * len(values)))]:6.2f}"
            )
        print(f"  {size[0]}x{size[1]} (n={len(by_size[(name, size)]):4d}): " + "   ".join(cells))
    print("success rate per QR module pitch (px):")
    for bucket in sorted({b for _, b in by_pitch}, key=float):
        cells = [
            f"{name.split()[0]} {by_pitch[(name, bucket)][0]:4d}/{by_pitch[(name, bucket)][1]:<4d}"
            for name in methods
        ]
        print(f"  {bucket}-{float(bucket) + 0.5:.1f}: " + "   ".join(cells))
    for s in failures[:20]:
        print(
            f"  pipeline failed on #{s.index}: {s.frame_size} pitch {s.pitch:.2f} "
            + " ".join(f"{k}={v:.2f}" for k, v in s.params.items())
        )

    rate = 100 * ok["app.idqr.decode_pil_image"] / COUNT
    hd = sorted(by_size[("app.idqr.decode_pil_image", (1920, 1080))])
    hd_median = statistics.median(hd) if hd else float("nan")
    print(f"target >= {TARGET_RATE} % correct: {rate:.2f} % -> {'MET' if rate >= TARGET_RATE else 'NOT MET'}")
    print(
        f"target median <= {TARGET_MEDIAN_MS} ms per 1080p frame: {hd_median:.2f} ms -> "
        f"{'MET' if hd_median <= TARGET_MEDIAN_MS else 'NOT MET'} (n={len(hd)}, {os.cpu_count()} CPUs)"
    )
