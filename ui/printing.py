"""Print preview of an official paper.

The papers service writes the PDF (the one source of truth for layout). Its pages are rasterised with
pdfium and painted into Qt's print preview, so printing goes through the system's print dialog and the
paper size comes from the PDF (A5 receipts, A4 forms). "Lưu PDF" saves the original vector PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QToolBar, QWidget

from app.fsutil import storage_error
from app.services.dossiers import get_dossier
from app.settings import Settings
from ui.context import AppContext
from ui.errors import show_error

PRINT_DPI = 200
POINTS_PER_INCH = 72.0


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


FORM_TITLES = {
    "01": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)",
    "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)",
    "05": "Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 05)",
}


@dataclass
class RenderedPaper:
    pdf: bytes
    suggested_name: str
    pages: list[QImage] = field(default_factory=list)
    page_sizes: list[QSizeF] = field(default_factory=list)  # in points


def rasterise(pdf: bytes, dpi: int = PRINT_DPI) -> tuple[list[QImage], list[QSizeF]]:
    """Pages of ``pdf`` as images (safe in a worker thread: QImage, not QPixmap)."""
    import pypdfium2 as pdfium  # loaded on first preview: it is not needed to start the app

    document = pdfium.PdfDocument(pdf)
    images, sizes = [], []
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True)
            fmt = QImage.Format.Format_RGBX8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt).copy()
            images.append(image)
            sizes.append(QSizeF(width, height))
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images, sizes


def render_paper_for_preview(session, settings: Settings, dossier_key: str, form_id: str) -> RenderedPaper:  # noqa: ANN001
    buffer = io.BytesIO()
    from app.services.papers import render_dossier_paper  # reportlab loads on the first print, not at start

    render_dossier_paper(session, settings, dossier_key, form_id, buffer)
    code = get_dossier(session, dossier_key).code
    pdf = buffer.getvalue()
    pages, sizes = rasterise(pdf)
    return RenderedPaper(pdf=pdf, suggested_name=f"mau{form_id}-{code}.pdf", pages=pages, page_sizes=sizes)


class PaperPreviewDialog(QPrintPreviewDialog):
    def __init__(self, paper: RenderedPaper, title: str, parent: QWidget | None = None) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        super().__init__(printer, parent)
        self.paper = paper
        self._printer = printer
        self.setWindowTitle(title)
        self.resize(900, 760)
        first = paper.page_sizes[0] if paper.page_sizes else QSizeF(595.0, 842.0)
        orientation = (QPageLayout.Orientation.Landscape if first.width() > first.height()
                       else QPageLayout.Orientation.Portrait)
        portrait = QSizeF(min(first.width(), first.height()), max(first.width(), first.height()))
        printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch))
        printer.setPageOrientation(orientation)
        printer.setFullPage(True)
        printer.setDocName(paper.suggested_name)
        self.paintRequested.connect(self.paint_pages)
        self.save_action = QAction(_t("Lưu PDF"), self)
        self.save_action.setToolTip(_t("Lưu bản PDF của giấy tờ này (Ctrl+S)"))
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.addAction(self.save_action)  # the key works wherever the focus is in the preview
        self.save_action.triggered.connect(lambda: self.save_pdf())
        toolbar = self.findChild(QToolBar)
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)

    def paint_pages(self, printer: QPrinter) -> None:
        painter = QPainter(printer)
        try:
            for index, image in enumerate(self.paper.pages):
                if index:
                    printer.newPage()
                target = QRectF(painter.viewport())
                scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
                rect = QRectF(target.x(), target.y(), scaled.width(), scaled.height())
                painter.drawImage(rect, image)
        finally:
            painter.end()

    def save_pdf(self, path: str | Path | None = None) -> Path | None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(self, _t("Lưu PDF"), self.paper.suggested_name,
                                                          _t("Tệp PDF (*.pdf)"))
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        try:
            target.write_bytes(self.paper.pdf)
        except OSError as exc:
            show_error(self, storage_error(exc, target))
            return None
        return target


def preview_paper(parent: QWidget | None, ctx: AppContext, dossier_key: str, form_id: str) -> None:
    """Render form ``form_id`` of a dossier in the database lane, then open the print preview."""
    settings = ctx.settings

    def show(paper: RenderedPaper) -> None:
        dialog = PaperPreviewDialog(paper, _t(FORM_TITLES.get(form_id, form_id)), parent)
        dialog.exec()
        dialog.deleteLater()

    ctx.run_db(lambda s: render_paper_for_preview(s, settings, dossier_key, form_id), show,
               lambda exc, details: show_error(parent, exc, details))
