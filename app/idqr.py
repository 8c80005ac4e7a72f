"""Read the QR code of a citizen ID card from a photo or scan.

zxing-cpp is tried first (faster and more tolerant of blur, glare and perspective), then zbar through pyzbar.
zbar is put in binary mode because, left alone, it guesses the text encoding and turns short UTF-8 names
such as "Đạt" into Shift-JIS/Big5 mojibake; where binary mode is unavailable that damage is repaired.
When zxing-cpp's first pass finds nothing it retries with a global threshold, then on the frame interpolated
to twice its size (what rescues a QR at ~2 pixels per module, the usual failure of a webcam frame), then
contrast-stretched, sharpened, binarised and rotated copies; only then does zbar run its own ladder. All
retries share one time budget. Every decoder library is optional: a missing one becomes a Vietnamese error,
never an import failure.
"""

from __future__ import annotations

import io
import logging
import os
import time
from collections.abc import Callable, Iterator
from ctypes import byref, c_int, c_void_p, cast, string_at
from datetime import date
from pathlib import Path

from app.citizens import CardPayloadError, CitizenCard, parse_cccd_payload
from app.errors import ValidationError
from app.i18n import tr

log = logging.getLogger(__name__)

try:
    from PIL import Image, ImageFilter, ImageOps, UnidentifiedImageError
except ImportError:  # pragma: no cover - depends on the installation
    Image = None  # type: ignore[assignment]

try:
    import numpy as np
except ImportError:  # pragma: no cover - depends on the installation
    np = None

try:
    import zxingcpp
except ImportError:  # pragma: no cover - depends on the installation
    zxingcpp = None

try:
    from pyzbar import pyzbar as _pyzbar
    from pyzbar import wrapper as _zbar
except (ImportError, OSError):  # pragma: no cover - pyzbar present but libzbar missing raises either
    _pyzbar = None
    _zbar = None

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PIXELS = 60_000_000
# Filters and rotations on a 60-megapixel photo would take seconds each; retries run on a copy no larger
# than this (a card's QR stays well above the decoders' minimum module size at this scale).
WORK_MAX_SIDE = 2000
SMALL_SIDE = 500
# The official is waiting at the counter: give up on retries after this long and ask for a new photo.
RETRY_SECONDS = 4.0

# Legacy encodings zbar guesses for short byte strings when not in binary mode.
_MOJIBAKE_CODECS = ("shift_jis", "cp932", "big5", "gb18030", "euc_kr", "cp1252", "latin-1")


class QrImageError(ValidationError):
    """The image cannot be read or holds no QR code. ``kind`` lets callers react without parsing text:
    ``missing``, ``not_image``, ``corrupt``, ``too_large``, ``no_qr`` or ``no_decoder``."""

    def __init__(self, message: str, *, kind: str, detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.kind = kind


def available_decoders() -> list[str]:
    """Names of the QR decoders that can run on this machine, in the order they are tried."""
    names = []
    if zxingcpp is not None:
        names.append("zxing-cpp")
    if _pyzbar is not None:
        names.append("zbar")
    return names


# --- text from raw bytes ----------------------------------------------------------------------------------


def _bytes_to_text(data: bytes) -> str:
    """The payload bytes as text: UTF-8 as the card writes it, legacy Vietnamese code page as a fallback."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Not UTF-8: keep the damage visible (U+FFFD) so validation rejects the name instead of storing a guess.
    return data.decode("utf-8", errors="replace")


def repair_mojibake(text: str) -> str:
    """Undo a wrong encoding guess: UTF-8 bytes that were decoded as Shift-JIS, Big5, cp1252... ."""
    if text.isascii():
        return text
    for codec in _MOJIBAKE_CODECS:
        try:
            repaired = text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if repaired != text:
            return repaired
    return text


# --- decoders ---------------------------------------------------------------------------------------------


def _zxing_decode(image: Image.Image | np.ndarray, *, global_threshold: bool = False) -> list[str]:
    options = {"binarizer": zxingcpp.Binarizer.GlobalHistogram} if global_threshold else {}
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode, **options)
    texts = []
    for barcode in results:
        raw = getattr(barcode, "bytes", None)
        texts.append(_bytes_to_text(bytes(raw)) if raw else barcode.text)
    return texts


def _zbar_binary_config() -> tuple[int, int, int] | None:
    """(symbology, config, value) switching zbar's QR decoder to raw bytes, or None on an old zbar."""
    symbology, config, value = c_int(), c_int(), c_int()
    # Asking zbar to parse the option keeps us off its enum numbering, which moved between releases.
    if _zbar.zbar_parse_config(b"qrcode.binary=1", byref(symbology), byref(config), byref(value)) != 0:
        return None
    return symbology.value, config.value, value.value


def _zbar_decode_binary(image: Image.Image) -> list[str] | None:
    """zbar in binary mode; None when this zbar cannot be switched to it."""
    binary = _zbar_binary_config()
    if binary is None:
        return None
    gray = image if image.mode == "L" else image.convert("L")
    pixels = gray.tobytes()
    width, height = gray.size
    qrcode = int(_pyzbar.ZBarSymbol.QRCODE)
    enable = int(_zbar.ZBarConfig.CFG_ENABLE)
    scanner = _zbar.zbar_image_scanner_create()
    if not scanner:
        return None
    try:
        _zbar.zbar_image_scanner_set_config(scanner, 0, enable, 0)  # symbology 0: every symbology
        _zbar.zbar_image_scanner_set_config(scanner, qrcode, enable, 1)
        if _zbar.zbar_image_scanner_set_config(scanner, *binary) != 0:
            return None
        zimage = _zbar.zbar_image_create()
        if not zimage:
            return None
        try:
            _zbar.zbar_image_set_format(zimage, _pyzbar._FOURCC["L800"])
            _zbar.zbar_image_set_size(zimage, width, height)
            _zbar.zbar_image_set_data(zimage, cast(pixels, c_void_p), len(pixels), None)
            if _zbar.zbar_scan_image(scanner, zimage) < 0:
                return []
            texts = []
            symbol = _zbar.zbar_image_first_symbol(zimage)
            while symbol:
                data = string_at(
                    _zbar.zbar_symbol_get_data(symbol), _zbar.zbar_symbol_get_data_length(symbol)
                )
                texts.append(_bytes_to_text(data))
                symbol = _zbar.zbar_symbol_next(symbol)
            return texts
        finally:
            _zbar.zbar_image_destroy(zimage)
    finally:
        _zbar.zbar_image_scanner_destroy(scanner)


def _zbar_decode(image: Image.Image) -> list[str]:
    texts = _zbar_decode_binary(image)
    if texts is not None:
        return texts
    decoded = _pyzbar.decode(image, symbols=[_pyzbar.ZBarSymbol.QRCODE])
    return [repair_mojibake(_bytes_to_text(item.data)) for item in decoded]


# --- image loading ----------------------------------------------------------------------------------------


def _display_name(source: str | os.PathLike[str] | bytes) -> str:
    if isinstance(source, bytes | bytearray | memoryview):
        return tr("(dữ liệu ảnh)")
    return Path(source).name or str(source)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _too_large_file(name: str, size: int) -> QrImageError:
    return QrImageError(
        tr(
            "Tệp ảnh {name} quá lớn ({size} MB, tối đa {limit} MB). Hãy chụp hoặc quét lại với độ phân giải thấp hơn.",
            name=name,
            size=_megabytes(size),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        ),
        kind="too_large",
    )


def _read_source(source: str | os.PathLike[str] | bytes) -> bytes:
    name = _display_name(source)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_FILE_BYTES:
            raise _too_large_file(name, len(data))
    else:
        path = Path(source)
        try:
            if not path.exists():
                raise QrImageError(tr("Không tìm thấy tệp ảnh {path}.", path=str(path)), kind="missing")
            if not path.is_file():
                raise QrImageError(tr("{path} không phải là một tệp ảnh.", path=str(path)), kind="not_image")
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise _too_large_file(name, size)
            data = path.read_bytes()
        except OSError as exc:
            raise QrImageError(
                tr("Không đọc được tệp ảnh {name}: {reason}", name=name, reason=exc.strerror or str(exc)),
                kind="missing",
                detail=repr(exc),
            ) from exc
    if not data:
        raise QrImageError(tr("Tệp ảnh {name} rỗng (0 byte).", name=name), kind="not_image")
    return data


def load_image(source: str | os.PathLike[str] | bytes) -> Image.Image:
    """Open, size-check and fully decode an image into 8-bit grayscale, upright per its EXIF orientation."""
    if Image is None:
        raise QrImageError(
            tr("Chưa cài thư viện đọc ảnh (Pillow) nên không đọc được ảnh thẻ căn cước."), kind="no_decoder"
        )
    name = _display_name(source)
    data = _read_source(source)

    def too_many_pixels(width: object, height: object) -> str:
        return tr(
            "Ảnh {name} quá lớn ({width}×{height} điểm ảnh, tối đa {limit} megapixel). "
            "Hãy chụp hoặc quét lại với độ phân giải thấp hơn.",
            name=name,
            width=width,
            height=height,
            limit=MAX_PIXELS // 1_000_000,
        )

    try:
        with Image.open(io.BytesIO(data)) as opened:
            # Image.open reads only the header: refuse huge images before any pixel is decoded.
            width, height = opened.size
            if width * height > MAX_PIXELS:
                raise QrImageError(too_many_pixels(width, height), kind="too_large")
            if opened.format == "JPEG":
                # Let the JPEG decoder skip the colour planes: only luminance is needed (saves ~5 ms on
                # a 1080p frame, a third of the whole decode).
                opened.draft("L", opened.size)
            upright = ImageOps.exif_transpose(opened) or opened
            gray = upright.convert("L")
            gray.load()
            return gray
    except QrImageError:
        raise
    except Image.DecompressionBombError as exc:
        raise QrImageError(too_many_pixels("?", "?"), kind="too_large", detail=repr(exc)) from exc
    except UnidentifiedImageError as exc:
        raise QrImageError(
            tr("Tệp {name} không phải là ảnh hoặc có định dạng ảnh không được hỗ trợ.", name=name),
            kind="not_image",
            detail=repr(exc),
        ) from exc
    except Exception as exc:
        # Image plugins raise many exception types on truncated or malformed files (OSError, SyntaxError,
        # ValueError, struct.error, ...); all of them mean the same thing to the official.
        raise QrImageError(
            tr("Tệp ảnh {name} bị hỏng hoặc không đọc được.", name=name), kind="corrupt", detail=repr(exc)
        ) from exc


# --- retries ----------------------------------------------------------------------------------------------


def _scaled(image: Image.Image, max_side: int) -> Image.Image:
    factor = max_side / max(image.size)
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.LANCZOS if factor < 1 else Image.Resampling.BICUBIC)


def _doubled(image: Image.Image) -> Image.Image | np.ndarray:
    """The image at twice its size, interpolated bilinearly.

    Measured on generated card photos: a QR at about 2 pixels per module fails in zxing-cpp at the camera's
    resolution and decodes once interpolated to twice the size; the cheap bilinear doubling rescues almost
    as many codes as bicubic at a seventh of its cost (numpy: ~10 ms for a 1080p frame, Pillow bicubic ~70).
    """
    if np is None:
        return image.resize((image.width * 2, image.height * 2), Image.Resampling.BILINEAR)
    src = np.asarray(image, dtype=np.uint16)
    height, width = src.shape
    out = np.empty((2 * height - 1, 2 * width - 1), dtype=np.uint16)
    out[0::2, 0::2] = src
    out[0::2, 1::2] = (src[:, :-1] + src[:, 1:]) >> 1
    out[1::2, :] = (out[0:-1:2, :] + out[2::2, :]) >> 1
    return out.astype(np.uint8)


def _otsu(image: Image.Image) -> Image.Image:
    histogram = image.histogram()[:256]
    total = sum(histogram)
    sum_all = sum(i * count for i, count in enumerate(histogram))
    best, threshold, weight_b, sum_b = -1.0, 128, 0, 0
    for level, count in enumerate(histogram):
        weight_b += count
        if weight_b == 0 or weight_b == total:
            continue
        sum_b += level * count
        weight_f = total - weight_b
        mean_b, mean_f = sum_b / weight_b, (sum_all - sum_b) / weight_f
        between = weight_b * weight_f * (mean_b - mean_f) ** 2
        if between > best:
            best, threshold = between, level
    return image.point(lambda value: 255 if value > threshold else 0)


class _Variants:
    """Retry images made on first use and shared by both decoders, so a ladder that stops early pays
    only for what it used."""

    def __init__(self, image: Image.Image) -> None:
        self.image = image
        self._cache: dict[str, Image.Image | np.ndarray] = {}

    def get(self, name: str) -> Image.Image | np.ndarray:
        if name not in self._cache:
            self._cache[name] = self._make(name)
        return self._cache[name]

    def _make(self, name: str) -> Image.Image | np.ndarray:
        image = self.image
        if name == "work":
            # Filters and rotations on a huge photo would take seconds each: they run on a smaller copy.
            return _scaled(image, WORK_MAX_SIDE) if max(image.size) > WORK_MAX_SIDE else image
        work = self.get("work")
        if name == "doubled":
            return _doubled(work)
        if name == "bicubic x2":
            return work.resize((work.width * 2, work.height * 2), Image.Resampling.BICUBIC)
        if name == "enlarged":
            return _scaled(work, max(SMALL_SIDE * 2, round(max(work.size) * 1.5)))
        if name == "autocontrast":
            return ImageOps.autocontrast(work, cutoff=2)
        if name == "equalized":
            return ImageOps.equalize(work)
        if name == "sharpened":
            return ImageOps.autocontrast(work.filter(ImageFilter.UnsharpMask(2, 150, 0)), cutoff=1)
        if name == "binarized":
            return _otsu(self.get("autocontrast"))
        if name == "denoised":
            return _otsu(self.get("autocontrast").filter(ImageFilter.MedianFilter(3)))
        if name == "half":
            return _scaled(work, max(work.size) // 2)
        if name.startswith("rotated "):
            # Both decoders find QR codes at any angle; this only helps a skewed, damaged code.
            angle = int(name.removeprefix("rotated "))
            return self.get("autocontrast").rotate(
                angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255
            )
        if name == "inverted":
            return ImageOps.invert(self.get("autocontrast"))
        raise ValueError(name)


# Retry ladders, cheapest and most often useful first (order and content measured with
# tests/bench/test_bench_idqr.py). zxing-cpp runs its whole ladder before zbar starts: it rescues more
# images per millisecond at every step, and zbar alone costs ~40 ms on a 1080p frame.
_ZXING_LADDER = (
    "global histogram",
    "doubled",
    "bicubic x2",
    "autocontrast",
    "sharpened",
    "equalized",
    "binarized",
    "denoised",
    "half",
    "rotated 15",
    "rotated -15",
    "rotated 45",
)
_ZBAR_LADDER = (
    "original",
    "enlarged",
    "autocontrast",
    "sharpened",
    "equalized",
    "binarized",
    "denoised",
    "half",
    "rotated 15",
    "rotated -15",
    "rotated 45",
    "inverted",
)


def _attempts(
    image: Image.Image, decoders: list[tuple[str, Callable[..., list[str]]]]
) -> Iterator[tuple[str, Callable[[], list[str]]]]:
    """(label, call) for every decoding attempt, in order; images are made only when their turn comes."""
    variants = _Variants(image)
    big = max(image.size) > WORK_MAX_SIDE
    small = max(image.size) < SMALL_SIDE
    for name, decode in decoders:
        if name == "zxing-cpp":
            if big:
                # A fast first pass on a smaller copy: most phone photos hold a large enough QR.
                yield "zxing-cpp downscaled", lambda d=decode: d(variants.get("work"))
            yield "zxing-cpp", lambda d=decode: d(image)
            for step in _ZXING_LADDER:
                if step == "global histogram":
                    # The local-average binarizer trips over glare edges that a global threshold ignores.
                    yield f"zxing-cpp {step}", lambda d=decode: d(variants.get("work"), global_threshold=True)
                elif step in ("doubled", "bicubic x2") and small:
                    yield f"zxing-cpp {step}", lambda d=decode: d(variants.get("enlarged"))
                else:
                    yield f"zxing-cpp {step}", lambda d=decode, v=step: d(variants.get(v))
        else:
            for step in _ZBAR_LADDER:
                source = image if step == "original" else None
                yield (
                    f"{name} {step}",
                    lambda d=decode, v=step, src=source: d(src if src is not None else variants.get(v)),
                )


def _decoders() -> list[tuple[str, Callable[..., list[str]]]]:
    decoders: list[tuple[str, Callable[..., list[str]]]] = []
    if zxingcpp is not None:
        decoders.append(("zxing-cpp", _zxing_decode))
    if _pyzbar is not None:
        decoders.append(("zbar", _zbar_decode))
    return decoders


def decode_pil_image(image: Image.Image, *, retry_seconds: float | None = None) -> list[str]:
    """Texts of the QR codes in an already loaded image (e.g. a webcam frame); empty when none is found.

    ``retry_seconds`` bounds the retries (default :data:`RETRY_SECONDS`); a live webcam loop should pass a
    fraction of its frame interval, because a frame without any QR runs the whole ladder (seconds).
    """
    decoders = _decoders()
    if not decoders:
        raise QrImageError(
            tr(
                "Chưa cài thư viện giải mã QR (zxing-cpp hoặc pyzbar/zbar) nên không đọc được mã QR trên ảnh."
            ),
            kind="no_decoder",
        )
    if image.mode != "L":
        image = image.convert("L")
    budget = RETRY_SECONDS if retry_seconds is None else retry_seconds
    deadline = time.monotonic() + budget
    for label, attempt in _attempts(image, decoders):
        try:
            texts = [text for text in attempt() if text]
        except Exception:
            # A native decoder failing on one image must not stop the next decoder or retry.
            log.warning("QR decoder attempt %s failed", label, exc_info=True)
            texts = []
        if texts:
            log.debug("QR found by %s", label)
            return list(dict.fromkeys(texts))
        if time.monotonic() > deadline:
            log.info("QR retries stopped after %s s", budget)
            break
    return []


def decode_image(source: str | os.PathLike[str] | bytes) -> list[str]:
    """Texts of every QR code found in an image file (path) or its bytes; empty when none is found.

    Raises :class:`QrImageError` when the file is missing, not an image, corrupt or too large, or when no
    decoder library is installed.
    """
    return decode_pil_image(load_image(source))


def read_card_from_image(source: str | os.PathLike[str] | bytes, *, today: date | None = None) -> CitizenCard:
    """The citizen ID card whose QR is in the image; Vietnamese errors for every way this can fail."""
    texts = decode_image(source)
    if not texts:
        raise QrImageError(
            tr(
                "Không tìm thấy mã QR trong ảnh {name}. Hãy chụp lại rõ nét, đủ sáng, mã QR không bị lóa hay che khuất.",
                name=_display_name(source),
            ),
            kind="no_qr",
        )
    first_error: CardPayloadError | None = None
    for text in texts:
        try:
            # A photo cannot carry keyboard-layout damage, so the wedge heuristics stay off here.
            return parse_cccd_payload(text, today=today, check_wedge=False)
        except CardPayloadError as exc:
            first_error = first_error or exc
    if first_error is None:  # unreachable: texts is not empty
        raise QrImageError(
            tr("Không đọc được mã QR trong ảnh {name}.", name=_display_name(source)), kind="no_qr"
        )
    raise first_error
