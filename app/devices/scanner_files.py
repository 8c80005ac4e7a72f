"""Import pages from image files, PDFs and folders through the same interface as a scanner.

Always available: it is the fallback when no scanner driver is installed, and the way to take in
documents citizens send as files. A PDF that must stay byte-identical (a digitally signed result) should be
stored with :meth:`app.attachments.AttachmentStore.put_file` instead of being rendered into pages here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from app.devices.base import (
    CancelToken,
    Capabilities,
    ColorMode,
    DeviceInfo,
    ScannedPage,
    Scanner,
    ScanSettings,
    Source,
)
from app.errors import ValidationError
from app.i18n import tr

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = IMAGE_SUFFIXES | PDF_SUFFIXES
FILES_DEVICE_ID = "files:import"


def _natural_key(path: Path) -> list[object]:
    # "trang 2" before "trang 10", as a person numbers scanned pages.
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", path.name)]


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files of each folder (not recursive) in natural order."""
    result: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            result.extend(sorted((p for p in path.iterdir() if p.suffix.lower() in SUPPORTED_SUFFIXES), key=_natural_key))
        else:
            result.append(path)
    return result


def _unreadable(path: Path, exc: BaseException) -> ValidationError:
    return ValidationError(
        tr("Không mở được tệp {name}: không phải ảnh hoặc PDF hợp lệ.", name=path.name), detail=repr(exc)
    )


def _image_dpi(image: Image.Image, fallback: int) -> int:
    dpi = image.info.get("dpi")
    try:
        value = int(round(float(dpi[0]))) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    # Phone photos and screenshots often claim 72 dpi; treat implausible values as unknown.
    return value if 100 <= value <= 1200 else fallback


class FileScanner(Scanner):
    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = expand_paths(paths)
        self.info = DeviceInfo(id=FILES_DEVICE_ID, driver="files", name=tr("Nhập từ tệp"))

    def capabilities(self) -> Capabilities:
        return Capabilities(
            sources=(Source.FLATBED,), color_modes=(ColorMode.COLOR, ColorMode.GRAY), resolutions=(200, 300)
        )

    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        cancel = cancel or CancelToken()
        index = 0
        for path in self.paths:
            if path.suffix.lower() in PDF_SUFFIXES:
                pages = self._pdf_pages(path, settings.resolution)
            else:
                pages = self._image_pages(path, settings.resolution)
            for image, dpi in pages:
                cancel.raise_if_cancelled()
                if settings.color_mode is ColorMode.GRAY and image.mode != "L":
                    image = image.convert("L")
                yield ScannedPage(image=image, index=index, resolution=dpi, metadata={"file": str(path)})
                index += 1

    def _image_pages(self, path: Path, fallback_dpi: int) -> Iterator[tuple[Image.Image, int]]:
        try:
            with Image.open(path) as img:
                frames = [(frame.copy(), _image_dpi(img, fallback_dpi)) for frame in ImageSequence.Iterator(img)]
        except (OSError, UnidentifiedImageError) as exc:
            raise _unreadable(path, exc) from exc
        yield from frames

    def _pdf_pages(self, path: Path, resolution: int) -> Iterator[tuple[Image.Image, int]]:
        import pypdfium2 as pdfium  # native and heavy: only when a PDF is imported

        try:
            document = pdfium.PdfDocument(str(path))
        except (pdfium.PdfiumError, OSError) as exc:
            raise _unreadable(path, exc) from exc
        try:
            for i in range(len(document)):
                page = document[i]
                bitmap = page.render(scale=resolution / 72)
                yield bitmap.to_pil().convert("RGB"), resolution
                page.close()
        finally:
            document.close()
