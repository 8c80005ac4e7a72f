"""Monthly service-quality report: an A4 PDF with charts, and CSV / XLSX exports of the same figures.

The figures are those of :mod:`app.services.indicators` (one source of truth), overall and grouped by
procedure and by field, with the dossier codes behind each indicator. The exports carry the same
indicators plus one row per dossier of the month, tagged with the indicators it counts in, so anyone can
recount a figure in a spreadsheet.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.errors import ValidationError
from app.forms.fonts import BOLD, ITALIC, REGULAR, register_fonts
from app.i18n import tr
from app.models import Dossier, SatisfactionRating, SupplementRequest
from app.services.deadlines import LABELS as ON_TIME_LABELS
from app.services.deadlines import finish_outcome
from app.services.indicators import (
    GroupIndicators,
    Indicator,
    IndicatorReport,
    LateItem,
    compute_indicators,
    late_finished,
)
from app.settings import Settings
from app.status import label as status_label
from app.workdays import WorkCalendar

# Indicators shown in the report, in the order of the QĐ 766 groups the counter can compute.
REPORT_INDICATORS = ("received", "on_time", "processing_hours", "dossier_digitisation", "result_digitisation",
                     "satisfaction", "no_appointment", "clock_errors")
EARLY_COLOR, ON_TIME_COLOR, LATE_COLOR = colors.HexColor("#2e7d32"), colors.HexColor("#1565c0"), \
    colors.HexColor("#c62828")
RECEIVED_COLOR = colors.HexColor("#607d8b")
MAX_CHART_GROUPS = 12  # more bars than this are unreadable on A4; the tables list every group
_CHUNK = 500  # codes per IN (...) query, well below SQLite's parameter limit


def parse_month(text: str) -> tuple[date, date]:
    """First and last day of a month typed ``YYYY-MM`` or ``MM/YYYY``."""
    value = (text or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", value) or re.fullmatch(r"(\d{1,2})/(\d{4})", value)
    if match is None:
        raise ValidationError(tr("Tháng “{value}” không hợp lệ; hãy ghi theo dạng 2027-03.", value=text))
    a, b = match.groups()
    year, month = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
    if not 1 <= month <= 12 or year < 2000:
        raise ValidationError(tr("Tháng “{value}” không hợp lệ; hãy ghi theo dạng 2027-03.", value=text))
    start = date(year, month, 1)
    end = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
    return start, end


@dataclass(frozen=True)
class DossierLine:
    """One dossier of the month with the facts behind its indicators."""

    code: str
    applicant: str
    procedure_code: str
    procedure: str
    field: str
    official: str
    status: int
    received_at: datetime
    due_at: datetime | None
    finished_at: datetime | None
    on_time: str  # "Trước hạn" / "Đúng hạn" / "Quá hạn" or ""
    rating: int | None
    indicators: tuple[str, ...]  # e.g. "on_time:tử số", "on_time:mẫu số"


@dataclass(frozen=True)
class MonthlyReport:
    start: date
    end: date
    unit_name: str
    parent_agency: str
    overall: IndicatorReport
    by_procedure: IndicatorReport
    by_field: IndicatorReport
    late: tuple[LateItem, ...]
    dossiers: tuple[DossierLine, ...]
    made_at: datetime

    @property
    def month_text(self) -> str:
        return f"{self.start:%m/%Y}"


# ----- figures ------------------------------------------------------------------------------------------------


def figure_text(ind: Indicator) -> str:
    """An indicator as printed: "75,0 %", "12,5 giờ", "6"; the note explains an empty one."""
    if ind.value is None:
        return tr("Không có số liệu")
    if ind.unit == "ratio":
        return f"{ind.value * 100:.1f} %".replace(".", ",")
    if ind.unit == "hours":
        return tr("{value} giờ", value=f"{ind.value:.1f}".replace(".", ","))
    return f"{ind.value:g}"


def fraction_text(ind: Indicator) -> str:
    if ind.unit == "ratio" and ind.denominator:
        return f"{ind.numerator:g}/{ind.denominator}"
    if ind.unit == "hours" and ind.denominator:
        return tr("{n} hồ sơ", n=ind.denominator)
    return ""


def _selected(group: GroupIndicators) -> list[Indicator]:
    by_key = {i.key: i for i in group.indicators()}
    return [by_key[k] for k in REPORT_INDICATORS]


def _tags(report: IndicatorReport) -> dict[str, list[str]]:
    """code -> the indicator lists it belongs to (numerator / denominator), for the exports."""
    tags: dict[str, list[str]] = {}
    for ind in report.overall.indicators():
        num, den = set(ind.numerator_codes or ()), set(ind.denominator_codes or ())
        for code in sorted(num | den):
            if ind.denominator_codes is None:
                tags.setdefault(code, []).append(ind.key)
            else:
                tags.setdefault(code, []).append(f"{ind.key}:{'tu_so' if code in num else 'mau_so'}")
    return tags


def _lines(session: Session, tags: dict[str, list[str]]) -> list[DossierLine]:
    codes = sorted(tags)
    rows: list[Any] = []
    for i in range(0, len(codes), _CHUNK):
        chunk = codes[i:i + _CHUNK]
        rows += session.execute(
            select(Dossier.code, Dossier.applicant_name, Dossier.procedure_code, Dossier.procedure_name,
                   Dossier.field_name, Dossier.received_by, Dossier.status, Dossier.received_at, Dossier.due_at,
                   Dossier.finished_at, Dossier.returned_at, Dossier.outcome, SatisfactionRating.level,
                   SupplementRequest.requested_at.label("paused_from"))
            .outerjoin(SatisfactionRating, SatisfactionRating.dossier_id == Dossier.id)
            .outerjoin(SupplementRequest, (SupplementRequest.dossier_id == Dossier.id)
                       & SupplementRequest.resumed_at.is_(None))
            .where(Dossier.code.in_(chunk))
        ).all()
    lines = []
    for r in sorted(rows, key=lambda r: (r.received_at, r.code)):
        finished = r.finished_at or r.returned_at
        # The class the indicators counted: stored when the dossier finished, else judged the same way.
        cls = r.outcome or finish_outcome(r.status, r.received_at, r.due_at, r.finished_at, r.returned_at,
                                          r.paused_from).outcome
        lines.append(DossierLine(
            code=r.code, applicant=r.applicant_name, procedure_code=r.procedure_code, procedure=r.procedure_name,
            field=r.field_name or "", official=r.received_by or "", status=r.status, received_at=r.received_at,
            due_at=r.due_at, finished_at=finished, on_time=tr(ON_TIME_LABELS[cls]) if cls in ON_TIME_LABELS else "",
            rating=r.level, indicators=tuple(tags[r.code]),
        ))
    return lines


def build_monthly(session: Session, settings: Settings, start: date, end: date,
                  calendar: WorkCalendar | None = None) -> MonthlyReport:
    """Every figure of the report for [start, end] (normally one month), with the codes behind them."""
    overall = compute_indicators(session, start, end, calendar=calendar, with_codes=True)
    by_procedure = compute_indicators(session, start, end, by="procedure", calendar=calendar)
    by_field = compute_indicators(session, start, end, by="field", calendar=calendar)
    return MonthlyReport(
        start=start, end=end, unit_name=settings.unit_name, parent_agency=settings.parent_agency,
        overall=overall, by_procedure=by_procedure, by_field=by_field,
        late=tuple(late_finished(session, start, end)), dossiers=tuple(_lines(session, _tags(overall))),
        made_at=clock.now(),
    )


# ----- PDF ----------------------------------------------------------------------------------------------------


class _Styles:
    def __init__(self) -> None:
        base = ParagraphStyle("base", fontName=REGULAR, fontSize=10.5, leading=13)
        self.base = base
        self.small = ParagraphStyle("small", parent=base, fontSize=9, leading=11)
        self.center = ParagraphStyle("center", parent=base, alignment=TA_CENTER)
        self.bold_center = ParagraphStyle("bold_center", parent=self.center, fontName=BOLD)
        self.title = ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=14, leading=18,
                                    alignment=TA_CENTER, spaceBefore=8, spaceAfter=2)
        self.subtitle = ParagraphStyle("subtitle", parent=base, fontName=ITALIC, alignment=TA_CENTER, spaceAfter=8)
        self.heading = ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=11.5, leading=15,
                                      spaceBefore=8, spaceAfter=4, alignment=TA_LEFT)
        self.cell = ParagraphStyle("cell", parent=base, fontSize=9.5, leading=11.5)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=BOLD)
        self.cell_note = ParagraphStyle("cell_note", parent=self.cell, fontName=ITALIC, fontSize=8.5, leading=10)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _grid(data: list[list[Any]], widths: Sequence[float], header_rows: int = 1) -> Table:
    table = Table(data, colWidths=widths, repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#e8eef5")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _chart_title(drawing: Drawing, text: str) -> None:
    drawing.add(String(drawing.width / 2, drawing.height - 12, text, fontName=BOLD, fontSize=10.5,
                       textAnchor="middle"))


def on_time_chart(group: GroupIndicators, width: float = 170 * mm, height: float = 52 * mm) -> Drawing:
    """Vertical bars: dossiers resolved early, on time and late."""
    parts = group.on_time.parts
    values = [parts.get("early", 0), parts.get("on_time", 0), parts.get("late", 0)]
    drawing = Drawing(width, height)
    _chart_title(drawing, tr("Hồ sơ đã giải quyết theo tiến độ"))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 22, width - 60, height - 48
    chart.data = [values]
    chart.categoryAxis.categoryNames = [tr(ON_TIME_LABELS[k]) for k in ("early", "on_time", "late")]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 9.5
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(values + [1]) * 1.2
    chart.valueAxis.valueStep = _step(max(values + [1]))
    chart.barWidth = 10
    chart.bars.strokeColor = None
    for i, color in enumerate((EARLY_COLOR, ON_TIME_COLOR, LATE_COLOR)):
        chart.bars[(0, i)].fillColor = color
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = BOLD
    chart.barLabels.fontSize = 9
    chart.barLabels.nudge = 7
    drawing.add(chart)
    return drawing


def _step(top: float) -> float:
    """A round axis step giving at most about six ticks."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return 10 ** len(str(int(top)))


def group_chart(report: IndicatorReport, title: str, width: float = 170 * mm) -> Drawing:
    """Horizontal grouped bars per group: received, resolved on time (early + on time), resolved late."""
    groups = sorted(report.groups, key=lambda g: (-g.received.value, g.label))[:MAX_CHART_GROUPS]
    groups = list(reversed(groups))  # the chart draws bottom-up; the biggest group goes on top
    row = 30
    height = max(len(groups), 1) * row + 62
    drawing = Drawing(width, height)
    _chart_title(drawing, title)
    label_width = 62 * mm
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 30
    chart.width, chart.height = width - label_width - 20, height - 62
    received = [int(g.received.value or 0) for g in groups]
    good = [int(g.on_time.numerator or 0) for g in groups]
    late = [int(g.on_time.parts.get("late", 0)) for g in groups]
    # Series 0 is drawn lowest in each group: late first puts "received" on top, read first.
    chart.data = [late or [0], good or [0], received or [0]]
    chart.categoryAxis.categoryNames = [_short(g.label, 42) for g in groups] or [tr("(không có hồ sơ)")]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 8
    top = max(received + good + late + [1])
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.valueStep = _step(top)
    chart.barWidth = 6
    chart.groupSpacing = 6
    chart.bars.strokeColor = None
    for i, color in enumerate((LATE_COLOR, ON_TIME_COLOR, RECEIVED_COLOR)):
        chart.bars[i].fillColor = color
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 6
    drawing.add(chart)
    # Legend under the chart; reportlab's Legend widget cannot take the Vietnamese font for every item.
    x = label_width
    for text, color in ((tr("Tiếp nhận"), RECEIVED_COLOR), (tr("Giải quyết trước và đúng hạn"), ON_TIME_COLOR),
                        (tr("Giải quyết quá hạn"), LATE_COLOR)):
        drawing.add(Rect(x, 6, 9, 9, fillColor=color, strokeColor=None))
        drawing.add(String(x + 13, 7, text, fontName=REGULAR, fontSize=8.5))
        x += 13 + stringWidth(text, REGULAR, 8.5) + 18
    return drawing


def _indicator_table(group: GroupIndicators, st: _Styles) -> Table:
    data: list[list[Any]] = [[_p(tr("TT"), st.bold_center), _p(tr("Chỉ số"), st.bold_center),
                              _p(tr("Kết quả"), st.bold_center), _p(tr("Tử số / mẫu số"), st.bold_center),
                              _p(tr("Ghi chú"), st.bold_center)]]
    for n, ind in enumerate(_selected(group), start=1):
        note = ind.note
        if ind.key == "on_time" and ind.parts:
            split = ", ".join(f"{tr(ON_TIME_LABELS[k])} {v}" for k, v in ind.parts.items())
            note = f"{split}. {note}".strip()
        data.append([_p(str(n), st.center), _p(ind.label, st.cell), _p(figure_text(ind), st.cell_bold),
                     _p(fraction_text(ind), st.center), _p(note, st.cell_note)])
    return _grid(data, [10 * mm, 55 * mm, 27 * mm, 23 * mm, 55 * mm])


def _group_table(report: IndicatorReport, st: _Styles, first: str) -> Table:
    data: list[list[Any]] = [[_p(first, st.bold_center), _p(tr("Tiếp nhận"), st.bold_center),
                              _p(tr("Đã giải quyết"), st.bold_center), _p(tr("Trước / đúng hạn"), st.bold_center),
                              _p(tr("Quá hạn"), st.bold_center), _p(tr("Tỷ lệ đúng hạn"), st.bold_center)]]
    for g in report.groups:
        ot = g.on_time
        data.append([_p(g.label, st.cell), _p(f"{g.received.value:g}", st.center),
                     _p(str(ot.denominator or 0), st.center), _p(f"{ot.numerator or 0:g}", st.center),
                     _p(str(ot.parts.get("late", 0)), st.center), _p(figure_text(ot), st.center)])
    return _grid(data, [66 * mm, 18 * mm, 20 * mm, 22 * mm, 18 * mm, 28 * mm])


def _late_table(late: Iterable[LateItem], st: _Styles) -> Table | Paragraph:
    items = list(late)
    if not items:
        return _p(tr("Không có hồ sơ nào giải quyết quá hạn trong tháng."), st.base)
    data: list[list[Any]] = [[_p(h, st.bold_center) for h in (
        tr("Mã hồ sơ"), tr("Người yêu cầu"), tr("Thủ tục"), tr("Hẹn trả"), tr("Giải quyết"), tr("Cán bộ tiếp nhận"))]]
    for i in items:
        data.append([_p(i.code, st.small), _p(i.applicant, st.small), _p(i.procedure, st.small),
                     _p(f"{i.due_at:%H:%M %d/%m/%Y}", st.small), _p(f"{i.finished_at:%H:%M %d/%m/%Y}", st.small),
                     _p(i.official, st.small)])
    return _grid(data, [42 * mm, 27 * mm, 38 * mm, 20 * mm, 20 * mm, 25 * mm])


def render_monthly_pdf(report: MonthlyReport, out: Path | BinaryIO) -> None:
    """Write the report as an A4 PDF (Tinos, embedded)."""
    register_fonts()
    st = _Styles()
    target = str(out) if isinstance(out, Path) else out
    doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=20 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=15 * mm, title=tr("Báo cáo chỉ số chất lượng phục vụ tháng {m}",
                                                            m=report.month_text),
                            author=report.unit_name)
    header = Table([
        [_p(report.parent_agency.upper(), st.center),
         _p(tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), st.bold_center)],
        [_p(report.unit_name.upper(), st.bold_center), _p(tr("Độc lập - Tự do - Hạnh phúc"), st.bold_center)],
    ], colWidths=[70 * mm, 105 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    overall = report.overall.overall
    story: list[Any] = [
        header,
        _p(tr("BÁO CÁO CHỈ SỐ CHẤT LƯỢNG PHỤC VỤ THÁNG {m}", m=report.month_text), st.title),
        _p(tr("Từ ngày {a:%d/%m/%Y} đến ngày {b:%d/%m/%Y} — Bộ phận Tiếp nhận và Trả kết quả",
              a=report.start, b=report.end), st.subtitle),
        _p(tr("1. Các chỉ số chất lượng phục vụ (QĐ 766/QĐ-TTg)"), st.heading),
        _indicator_table(overall, st),
        Spacer(1, 4 * mm),
        KeepTogether([_p(tr("2. Tiến độ giải quyết"), st.heading), on_time_chart(overall)]),
        KeepTogether([_p(tr("3. Theo thủ tục hành chính"), st.heading),
                      group_chart(report.by_procedure, tr("Hồ sơ theo thủ tục"))]),
        _group_table(report.by_procedure, st, tr("Thủ tục")),
        KeepTogether([_p(tr("4. Theo lĩnh vực"), st.heading),
                      group_chart(report.by_field, tr("Hồ sơ theo lĩnh vực"))]),
        _group_table(report.by_field, st, tr("Lĩnh vực")),
        _p(tr("5. Danh sách hồ sơ giải quyết quá hạn"), st.heading),
        _late_table(report.late, st),
        Spacer(1, 4 * mm),
        _p(tr("Lập lúc {t:%H:%M ngày %d/%m/%Y}. Danh sách mã hồ sơ của từng chỉ số có trong tệp CSV/XLSX kèm theo.",
              t=report.made_at), st.cell_note),
    ]

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 8.5)
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, tr("Trang {n}", n=document.page))
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)


# ----- exports ------------------------------------------------------------------------------------------------

INDICATOR_HEADERS = ("Nhóm", "Mã chỉ số", "Chỉ số", "Giá trị", "Đơn vị", "Tử số", "Mẫu số", "Ghi chú",
                     "Mã hồ sơ ở tử số", "Mã hồ sơ ở mẫu số")
DOSSIER_HEADERS = ("Mã hồ sơ", "Người yêu cầu", "Mã thủ tục", "Thủ tục", "Lĩnh vực", "Cán bộ tiếp nhận",
                   "Trạng thái", "Tiếp nhận", "Hẹn trả", "Giải quyết", "Tiến độ", "Mức hài lòng", "Thuộc chỉ số")
LATE_HEADERS = ("Mã hồ sơ", "Người yêu cầu", "Thủ tục", "Hẹn trả", "Giải quyết", "Cán bộ tiếp nhận")


def _dt(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def indicator_rows(report: MonthlyReport) -> list[list[Any]]:
    rows: list[list[Any]] = []
    sections = [(tr("Toàn đơn vị"), [report.overall.overall])]
    sections += [(tr("Thủ tục: {g}", g=g.label), [g]) for g in report.by_procedure.groups]
    sections += [(tr("Lĩnh vực: {g}", g=g.label), [g]) for g in report.by_field.groups]
    for title, groups in sections:
        for group in groups:
            for ind in _selected(group):
                rows.append([title, ind.key, ind.label, ind.value, ind.unit, ind.numerator, ind.denominator,
                             ind.note, " ".join(ind.numerator_codes or ()), " ".join(ind.denominator_codes or ())])
    return rows


def dossier_rows(report: MonthlyReport) -> list[list[Any]]:
    return [[d.code, d.applicant, d.procedure_code, d.procedure, d.field, d.official, status_label(d.status),
             _dt(d.received_at), _dt(d.due_at), _dt(d.finished_at), d.on_time, d.rating or "",
             " ".join(d.indicators)] for d in report.dossiers]


def late_rows(report: MonthlyReport) -> list[list[Any]]:
    return [[i.code, i.applicant, i.procedure, _dt(i.due_at), _dt(i.finished_at), i.official] for i in report.late]


def dossiers_csv_path(path: Path) -> Path:
    """Where the dossier list goes next to the indicators CSV (a CSV holds one table)."""
    return path.with_name(f"{path.stem}-ho-so{path.suffix or '.csv'}")


def write_csv(report: MonthlyReport, path: Path) -> tuple[Path, Path]:
    """Indicators to ``path`` and the dossier list to ``<stem>-ho-so.csv``.

    UTF-8 with a BOM so Excel opens the Vietnamese letters correctly.
    """
    second = dossiers_csv_path(path)
    for target, headers, rows in ((path, INDICATOR_HEADERS, indicator_rows(report)),
                                  (second, DOSSIER_HEADERS, dossier_rows(report))):
        with target.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([tr(h) for h in headers])
            writer.writerows(rows)
    return path, second


def write_xlsx(report: MonthlyReport, path: Path) -> None:
    """One workbook: indicators, the dossiers behind them, and the late list (needs openpyxl)."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:  # an optional dependency: CSV always works
        raise ValidationError(tr("Chưa cài gói openpyxl nên không xuất được tệp XLSX; hãy dùng CSV.")) from exc
    book = Workbook()
    sheets = ((tr("Chỉ số"), INDICATOR_HEADERS, indicator_rows(report)),
              (tr("Hồ sơ"), DOSSIER_HEADERS, dossier_rows(report)),
              (tr("Quá hạn"), LATE_HEADERS, late_rows(report)))
    for index, (title, headers, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        sheet.append([tr(h) for h in headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
    book.save(str(path))
