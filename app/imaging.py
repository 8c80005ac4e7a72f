"""Page clean-up and compression for digitised documents, and one PDF per document.

Pipeline per page (:func:`process_page`): estimate the skew from the text lines, rotate it out, crop the
scanner background around the sheet, detect blank sides, decide the page kind and encode it:

* text pages → bilevel (1 bit) CCITT G4: a dense A4 text page at 200 dpi is tens of KB and stays sharp;
* pages with photos or large grey areas → greyscale JPEG;
* pages with colour (red seals, signatures in blue ink, photos) → colour JPEG, so seals stay legible.

Resolution is kept as scanned (1:1 size in the PDF, as TT 01/2023 practice asks). Only Pillow and numpy are
used, so this runs the same in the packaged Windows build.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PIL import Image, ImageFilter

# Analysis runs on a copy reduced to about this resolution: enough for text lines, ~16x fewer pixels.
WORK_DPI = 100
MAX_SKEW_DEGREES = 5.0
JPEG_QUALITY_GREY = 60
JPEG_QUALITY_COLOUR = 60


class PageKind(StrEnum):
    TEXT = "text"  # bilevel
    GREY = "grey"  # greyscale JPEG
    COLOUR = "colour"  # colour JPEG


@dataclass
class ProcessedPage:
    """A cleaned page ready for encoding. ``image`` mode is "1", "L" or "RGB" according to ``kind``."""

    image: Image.Image
    kind: PageKind
    resolution: int
    skew_degrees: float
    blank: bool


@dataclass(frozen=True)
class EncodedPage:
    data: bytes
    width: int
    height: int
    resolution: int
    kind: PageKind

    @property
    def size(self) -> int:
        return len(self.data)


# --- analysis helpers ---------------------------------------------------------------------------------


def _grey(image: Image.Image) -> Image.Image:
    return image if image.mode == "L" else image.convert("L")


def _work_copy(grey: Image.Image, resolution: int) -> tuple[np.ndarray, int]:
    factor = max(1, round(resolution / WORK_DPI))
    small = grey.reduce(factor) if factor > 1 else grey
    return np.asarray(small, dtype=np.uint8), factor


def _paper_level(arr: np.ndarray) -> float:
    # The paper is the bright majority; a high percentile ignores text and a dark scanner border.
    return float(np.percentile(arr, 90))


def _bright_box(arr: np.ndarray, paper: float, min_fraction: float = 0.3) -> tuple[int, int, int, int]:
    """Bounding box (left, top, right, bottom) of the rows/columns that are mostly paper."""
    bright = arr > (paper * 0.7)
    rows = np.flatnonzero(bright.mean(axis=1) > min_fraction)
    cols = np.flatnonzero(bright.mean(axis=0) > min_fraction)
    if rows.size == 0 or cols.size == 0:
        return 0, 0, arr.shape[1], arr.shape[0]
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def _background_fill(arr: np.ndarray) -> int:
    """Colour of the scanner background, from a thin frame around the image."""
    h, w = arr.shape
    k = max(1, min(h, w) // 50)
    frame = np.concatenate([arr[:k].ravel(), arr[-k:].ravel(), arr[:, :k].ravel(), arr[:, -k:].ravel()])
    return int(np.median(frame))


def detect_skew(image: Image.Image, resolution: int, max_degrees: float = MAX_SKEW_DEGREES) -> float:
    """Angle (degrees, counter-clockwise as in ``Image.rotate``) by which the page content is rotated.

    Projection-profile method on ink pixels: the angle at which rows of text project onto the sharpest
    histogram. Working on sampled pixel coordinates instead of rotating images keeps it to a few ms.
    """
    arr, _factor = _work_copy(_grey(image), resolution)
    paper = _paper_level(arr)
    left, top, right, bottom = _bright_box(arr, paper)
    # Stay inside the sheet so the dark border and the wedges of a skewed sheet are not read as ink.
    inset_x, inset_y = (right - left) // 20, (bottom - top) // 20
    region = arr[top + inset_y : bottom - inset_y, left + inset_x : right - inset_x]
    if region.size == 0:
        return 0.0
    ys, xs = np.nonzero(region < paper * 0.6)
    if ys.size < 200:
        return 0.0  # blank or nearly blank: nothing to measure
    if ys.size > 60_000:
        pick = np.random.default_rng(0).choice(ys.size, 60_000, replace=False)
        ys, xs = ys[pick], xs[pick]
    ys = ys.astype(np.float64)
    xs = xs.astype(np.float64) - xs.mean()

    def sharpness(deg: float) -> float:
        a = math.radians(deg)
        proj = ys * math.cos(a) + xs * math.sin(a)
        counts = np.bincount((proj - proj.min()).astype(np.int64))
        return float(np.dot(counts, counts))

    coarse = np.arange(-max_degrees, max_degrees + 1e-9, 0.25)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - 0.3, best + 0.3 + 1e-9, 0.02)
    return round(float(max(fine, key=sharpness)), 2)


def deskew(image: Image.Image, angle: float, fill: int | tuple[int, int, int]) -> Image.Image:
    """Rotate ``image`` by ``-angle`` so text lines become horizontal, filling with the background."""
    if abs(angle) < 0.05:
        return image
    return image.rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def crop_to_page(image: Image.Image, resolution: int) -> Image.Image:
    """Remove a dark scanner background around the sheet; a sheet on a white lid is left as it is."""
    arr, factor = _work_copy(_grey(image), resolution)
    paper = _paper_level(arr)
    if _background_fill(arr) > paper * 0.7:
        return image  # background as bright as paper: no border to find, keep the full frame (1:1)
    left, top, right, bottom = _bright_box(arr, paper, min_fraction=0.5)
    # One working pixel more on each side drops the shadow line along the sheet's edge.
    box = ((left + 1) * factor, (top + 1) * factor, (right - 1) * factor, (bottom - 1) * factor)
    if box[2] - box[0] < image.width // 4 or box[3] - box[1] < image.height // 4:
        return image  # implausible sheet: do not cut content away
    return image.crop(box)


def is_blank(image: Image.Image, resolution: int) -> bool:
    """True for an empty side (back of a single-sided sheet): no ink beyond noise and bleed-through."""
    arr, _ = _work_copy(_grey(image), resolution)
    h, w = arr.shape
    inner = arr[h // 20 : h - h // 20, w // 20 : w - w // 20].astype(np.float32)
    if inner.size == 0:
        return True
    # Averaging 2x2 blocks dissolves single noise pixels; bleed-through is only a little darker than paper.
    hh, ww = inner.shape[0] // 2 * 2, inner.shape[1] // 2 * 2
    blocks = inner[:hh, :ww].reshape(hh // 2, 2, ww // 2, 2).mean(axis=(1, 3))
    paper = float(np.percentile(blocks, 90))
    ink = blocks < paper - 80
    return float(ink.mean()) < 0.0005


def classify(image: Image.Image, resolution: int) -> PageKind:
    """Text, grey (photos, shaded areas) or colour (seals, coloured ink, colour photos)."""
    factor = max(1, round(resolution / WORK_DPI))
    if image.mode == "RGB":
        small = np.asarray(image.reduce(factor) if factor > 1 else image, dtype=np.int16)
        chroma = small.max(axis=2) - small.min(axis=2)
        if float((chroma > 60).mean()) > 0.0005:
            return PageKind.COLOUR
    arr, _ = _work_copy(_grey(image), resolution)
    paper = _paper_level(arr)
    mid = (arr > 60) & (arr < paper - 60)
    return PageKind.GREY if float(mid.mean()) > 0.12 else PageKind.TEXT


def binarize(grey: Image.Image, resolution: int) -> Image.Image:
    """Adaptive threshold against the local background, then drop isolated specks."""
    smooth = np.asarray(grey.filter(ImageFilter.BoxBlur(1)), dtype=np.int16)
    radius = max(8, resolution // 12)
    background = np.asarray(grey.filter(ImageFilter.BoxBlur(radius)), dtype=np.int16)
    ink = (smooth < background * 0.8) | (smooth < 90)
    # A black pixel without any black neighbour is scanner noise, not a stroke.
    padded = np.pad(ink, 1)
    neighbours = sum(
        padded[1 + dy : padded.shape[0] - 1 + dy, 1 + dx : padded.shape[1] - 1 + dx]
        for dy in (-1, 0, 1)
        for dx in (-1, 0, 1)
        if dy or dx
    )
    ink &= neighbours > 0
    return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8), "L").convert("1", dither=Image.Dither.NONE)


# --- pipeline -----------------------------------------------------------------------------------------


def _normalise_mode(image: Image.Image) -> Image.Image:
    if image.mode in ("L", "RGB"):
        return image
    if image.mode in ("1", "I;16", "I", "F"):
        return image.convert("L")
    return image.convert("RGB")


def process_page(image: Image.Image, resolution: int, *, kind: PageKind | None = None) -> ProcessedPage:
    """Deskew, crop, detect blank and reduce ``image`` to the representation of its kind."""
    image = _normalise_mode(image)
    angle = detect_skew(image, resolution)
    if angle:
        arr, _ = _work_copy(_grey(image), resolution)
        fill_level = _background_fill(arr)
        fill: int | tuple[int, int, int] = fill_level if image.mode == "L" else (fill_level,) * 3
        image = deskew(image, angle, fill)
    image = crop_to_page(image, resolution)
    blank = is_blank(image, resolution)
    page_kind = kind or classify(image, resolution)
    if page_kind is PageKind.TEXT:
        out = binarize(_grey(image), resolution)
    elif page_kind is PageKind.GREY:
        out = _grey(image)
    else:
        out = image.convert("RGB")
    return ProcessedPage(image=out, kind=page_kind, resolution=resolution, skew_degrees=angle, blank=blank)


def encode_page(page: ProcessedPage) -> EncodedPage:
    """Compress one page into the stream that goes into the PDF unchanged."""
    buf = io.BytesIO()
    img = page.image
    if page.kind is PageKind.TEXT:
        bilevel = img if img.mode == "1" else img.convert("1")
        # One strip, so the TIFF's single strip is exactly the CCITT G4 stream the PDF needs.
        bilevel.save(buf, "TIFF", compression="group4", strip_size=math.ceil(img.width / 8) * img.height)
        with Image.open(io.BytesIO(buf.getvalue())) as tif:
            offsets, counts = tif.tag_v2[273], tif.tag_v2[279]
        raw = buf.getvalue()
        data = b"".join(raw[o : o + c] for o, c in zip(offsets, counts, strict=True))
    else:
        quality = JPEG_QUALITY_GREY if page.kind is PageKind.GREY else JPEG_QUALITY_COLOUR
        img.save(buf, "JPEG", quality=quality, optimize=True, subsampling=2, dpi=(page.resolution,) * 2)
        data = buf.getvalue()
    return EncodedPage(data=data, width=img.width, height=img.height, resolution=page.resolution, kind=page.kind)


def build_pdf(pages: Sequence[EncodedPage], *, title: str | None = None) -> bytes:
    """One PDF with one full-page image per page, at the scanned physical size (1:1).

    Written directly so every page keeps its own encoding (G4 or JPEG) without re-compression.
    """
    if not pages:
        raise ValueError("a PDF needs at least one page")
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(header: str, data: bytes) -> bytes:
        return f"<< {header} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"

    catalog = add(b"")  # filled in once the page tree exists
    tree = add(b"")
    kids: list[int] = []
    for page in pages:
        if page.kind is PageKind.TEXT:
            image_header = (
                f"/Type /XObject /Subtype /Image /Width {page.width} /Height {page.height} "
                f"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode "
                f"/DecodeParms << /K -1 /Columns {page.width} /Rows {page.height} /BlackIs1 true >>"
            )
        else:
            space = "/DeviceGray" if page.kind is PageKind.GREY else "/DeviceRGB"
            image_header = (
                f"/Type /XObject /Subtype /Image /Width {page.width} /Height {page.height} "
                f"/ColorSpace {space} /BitsPerComponent 8 /Filter /DCTDecode"
            )
        image_ref = add(stream(image_header, page.data))
        w_pt = page.width * 72.0 / page.resolution
        h_pt = page.height * 72.0 / page.resolution
        content_ref = add(stream("", f"q {w_pt:.3f} 0 0 {h_pt:.3f} 0 0 cm /Im0 Do Q".encode()))
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {w_pt:.3f} {h_pt:.3f}] "
                f"/Resources << /XObject << /Im0 {image_ref} 0 R >> >> /Contents {content_ref} 0 R >>".encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()
    objects[tree - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    info_items = "/Producer (motcua)"
    if title:
        info_items += " /Title <FEFF" + title.encode("utf-16-be").hex().upper() + ">"
    info = add(f"<< {info_items} >>".encode())

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n".encode())
    out.write(f"startxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


@dataclass(frozen=True)
class DocumentPdf:
    data: bytes
    pages: int
    dropped_blank: int


def pages_to_pdf(
    images: Sequence[tuple[Image.Image, int]], *, drop_blank: bool = True, title: str | None = None
) -> DocumentPdf:
    """Process ``(image, dpi)`` pages of one document and build its PDF, leaving out blank sides.

    If every page is blank the first one is kept, so a document is never silently empty.
    """
    processed = [process_page(img, dpi) for img, dpi in images]
    kept = [p for p in processed if not (drop_blank and p.blank)] or processed[:1]
    pdf = build_pdf([encode_page(p) for p in kept], title=title)
    return DocumentPdf(data=pdf, pages=len(kept), dropped_blank=len(processed) - len(kept))
