"""Shared building blocks of the official papers: styles, the two-block header, tables, page frame."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.forms import fonts
from app.forms.qr import paper_qr
from app.i18n import tr

A5_PORTRAIT = A5
A4_LANDSCAPE = landscape(A4)
PLACEHOLDER = "…………"


# ---------------------------------------------------------------- text helpers


def text(value: object) -> str:
    """Paragraph-safe text: NFC (decomposed marks would be placed badly by the font) and XML-escaped."""
    return escape(unicodedata.normalize("NFC", str(value if value is not None else "")))


def or_blank(value: str | None) -> str:
    return text(value) if value and str(value).strip() else PLACEHOLDER


def long_date(day: date) -> str:
    """Place/date line wording: ``ngày 04 tháng 02 năm 2027``."""
    return tr("ngày {d:02d} tháng {m:02d} năm {y}", d=day.day, m=day.month, y=day.year)


def short_date(day: date | None) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}" if day else PLACEHOLDER


def clock_date(moment: datetime | None) -> str:
    """``09 giờ 15 phút, ngày 04/02/2027``, or a blank line to fill by hand."""
    if moment is None:
        return tr("{p} giờ {p} phút, ngày {p}", p=PLACEHOLDER)
    return tr("{h:02d} giờ {m:02d} phút, ngày {d}", h=moment.hour, m=moment.minute, d=short_date(moment))


def compact_time(moment: datetime | None) -> str:
    """Table cells: ``09:15 04/02/2027``."""
    if moment is None:
        return ""
    return f"{moment.hour:02d}:{moment.minute:02d} {short_date(moment)}"


def count(value: int) -> str:
    return f"{value:02d}" if value else "-"


# ---------------------------------------------------------------- styles


class Styles:
    """Paragraph styles for one page size; the A4 register uses a smaller scale than the A5 papers."""

    def __init__(self, body_size: float = 10.5, header_size: float = 9.5) -> None:
        fonts.register_fonts()
        lead = body_size * 1.3
        base = ParagraphStyle(
            "body", fontName=fonts.REGULAR, fontSize=body_size, leading=lead, alignment=TA_JUSTIFY,
            spaceAfter=1.5,
        )
        self.body = base
        self.hanging = ParagraphStyle("hanging", parent=base, leftIndent=10, firstLineIndent=-10)
        self.left = ParagraphStyle("left", parent=base, alignment=TA_LEFT)
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER, spaceAfter=0)
        self.date = ParagraphStyle(
            "date", parent=base, fontName=fonts.ITALIC, fontSize=header_size + 0.5,
            leading=(header_size + 0.5) * 1.3, alignment=TA_CENTER, spaceAfter=0,
        )
        self.title = ParagraphStyle(
            "title", parent=base, fontName=fonts.BOLD, fontSize=body_size + 2, leading=(body_size + 2) * 1.3,
            alignment=TA_CENTER, spaceBefore=4, spaceAfter=2,
        )
        self.subtitle = ParagraphStyle(
            "subtitle", parent=self.center, fontName=fonts.ITALIC, spaceAfter=4
        )
        self.header = ParagraphStyle(
            "header", fontName=fonts.REGULAR, fontSize=header_size, leading=header_size * 1.3, alignment=TA_CENTER
        )
        self.header_bold = ParagraphStyle("header_bold", parent=self.header, fontName=fonts.BOLD)
        cell_size = body_size - 1.5
        self.cell = ParagraphStyle(
            "cell", fontName=fonts.REGULAR, fontSize=cell_size, leading=cell_size * 1.2, alignment=TA_LEFT
        )
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell_center, fontName=fonts.BOLD)
        self.sign_title = ParagraphStyle("sign_title", parent=self.center, fontName=fonts.BOLD)
        self.sign_hint = ParagraphStyle("sign_hint", parent=self.center, fontName=fonts.ITALIC,
                                        fontSize=body_size - 1, leading=(body_size - 1) * 1.3)
        self.sign_name = ParagraphStyle("sign_name", parent=self.center, fontName=fonts.BOLD)


# ---------------------------------------------------------------- flowables


class Rule(Flowable):
    """The short solid line under the agency name and the national motto."""

    def __init__(self, length: float, width: float, thickness: float = 0.6) -> None:
        super().__init__()
        self.length = length
        self.avail = width
        self.thickness = thickness

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.avail, 5

    def draw(self) -> None:
        # Drawn near the bottom of its box so dots below letters (Ậ, ạ) keep clear of the line.
        x = (self.avail - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x, 1, x + self.length, 1)


class QrBox(Flowable):
    """The paper's QR as a flowable so it sits in the header's first column."""

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        paper_qr(self.canv, 0, 0, self.size, self.payload)


def _text_width(markup_free: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(markup_free, font, size)


def header_block(
    styles: Styles, width: float, parent_agency: str, unit_name: str, qr_payload: str, qr_size: float,
    date_line: Paragraph | None = None,
) -> Table:
    """QR | agency and unit (underlined) | national name, motto (underlined) and the place/date line.

    The date line sits under the motto as on official documents, beside the QR instead of below it.
    """
    gap = 5
    motto_width = _text_width(tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), fonts.BOLD, styles.header.fontSize) + 6
    agency_width = width - qr_size - gap - motto_width
    unit_upper = unicodedata.normalize("NFC", unit_name).upper()
    # The rule under the unit name is about a third of the longest line, as on printed originals.
    unit_line = min(_text_width(unit_upper, fonts.BOLD, styles.header.fontSize), agency_width - 6)
    left = [
        Paragraph(text(parent_agency.upper()), styles.header),
        Paragraph(text(unit_upper), styles.header_bold),
        Rule(max(unit_line * 0.4, 30), agency_width - 6),
    ]
    motto = tr("Độc lập - Tự do - Hạnh phúc")
    right = [
        Paragraph(text(tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")), styles.header_bold),
        Paragraph(text(motto), styles.header_bold),
        Rule(_text_width(motto, fonts.BOLD, styles.header.fontSize), motto_width),
    ]
    if date_line is not None:
        right += [Spacer(1, 3), date_line]
    table = Table(
        [[QrBox(qr_payload, qr_size), left, right]],
        colWidths=[qr_size + gap, agency_width, motto_width],
    )
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (1, 0), 3),
        ("RIGHTPADDING", (1, 0), (1, 0), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
    ]))
    table.hAlign = "LEFT"
    return table


def place_date_line(styles: Styles, place: str, day: date) -> Paragraph:
    prefix = f"{text(place)}, " if place.strip() else ""
    return Paragraph(prefix + text(long_date(day)), styles.date)


def title_block(styles: Styles, title: str, subtitle: str = "") -> list[Flowable]:
    out: list[Flowable] = [Paragraph(text(unicodedata.normalize("NFC", title).upper()), styles.title)]
    if subtitle:
        out.append(Paragraph(subtitle, styles.subtitle))
    out.append(Spacer(1, 4))
    return out


def field_line(styles: Styles, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """``Label: value`` with the value already converted by :func:`text` or :func:`or_blank`."""
    return Paragraph(f"{text(label)} {value}", style or styles.hanging)


def grid_table(
    rows: Sequence[Sequence[Any]], col_widths: Sequence[float], header_rows: int = 1, font_size: float = 9,
) -> Table:
    """Bordered table whose header repeats on every page and whose tall rows may split across pages."""
    table = Table(list(rows), colWidths=list(col_widths), repeatRows=header_rows, splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
    ]))
    table.hAlign = "LEFT"
    return table


def signature_blocks(
    styles: Styles, width: float, blocks: Sequence[tuple[str, str, str]], sign_space: float = 38,
    keep_with: Sequence[Flowable] = (),
) -> KeepTogether:
    """Signature columns ``(title, hint, printed name)``.

    Kept together with ``keep_with`` (the paper's last lines) so a page never holds the signatures alone.
    """
    cells = []
    for title, hint, name in blocks:
        cells.append([
            Paragraph(text(title), styles.sign_title),
            Paragraph(text(hint), styles.sign_hint),
            Spacer(1, sign_space),
            Paragraph(text(name), styles.sign_name),
        ])
    col = width / len(blocks)
    table = Table([cells], colWidths=[col] * len(blocks))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
    ]))
    if len(blocks) == 1:
        # A single signer (the head of the agency, the guide) signs on the right, as on the originals.
        table = Table([["", cells[0]]], colWidths=[width * 0.45, width * 0.55])
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR)]))
    return KeepTogether([*keep_with, Spacer(1, 6), table])


# ---------------------------------------------------------------- page frame


class _NumberedCanvas(Canvas):
    """Defers pages so "Trang x/y" can be printed, and only when the paper has more than one page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            if total > 1:
                width, _ = self._pagesize
                self.setFont(fonts.ITALIC, 8)
                self.drawCentredString(width / 2, 5 * mm, tr("Trang {n}/{total}", n=number, total=total))
            super().showPage()
        super().save()


def build_pdf(
    flowables: list[Flowable], pagesize: tuple[float, float], margins: tuple[float, float, float, float],
    title: str, subject: str,
) -> bytes:
    """Lay out ``flowables`` and return the PDF bytes; margins are (top, right, bottom, left)."""
    top, right, bottom, left = margins
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom, leftMargin=left,
        title=title, subject=subject, author="", creator="motcua", producer="motcua",
        # Otherwise every page starts in Helvetica, a non-embedded font listed in the PDF for nothing.
        initialFontName=fonts.REGULAR,
    )
    # Zero frame padding: the margins are the real limits and the tables are sized to the full width.
    frame = Frame(left, bottom, pagesize[0] - left - right, pagesize[1] - top - bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="paper", frames=[frame], pagesize=pagesize)])
    doc.build(flowables, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()


def frame_width(pagesize: tuple[float, float], margins: tuple[float, float, float, float]) -> float:
    return pagesize[0] - margins[1] - margins[3]
