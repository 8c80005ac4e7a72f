"""Dashboard of the service-quality indicators, the deadline watch lists and the public late list.

Everything is computed in the database lane (``ctx.run_db``), so opening the screen never freezes the
counter; the figures come from :mod:`app.services.indicators` with their dossier codes, so a click on a
figure, a bar or a table row lists exactly the dossiers behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.changes import Changes
from app.models import Dossier
from app.services.deadline_watch import WatchItem, apology_reminders, due_today, due_within, overdue
from app.services.deadlines import EARLY, finish_outcome, pending_pause
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
from app.workdays import calendar_from_settings
from ui.context import AppContext
from ui.errors import show_error
from ui.format import short_datetime
from ui.widgets.bar_chart import BarChart, Series
from ui.widgets.style import emphasize, graphic_color, mix, set_tone, tone_color
from ui.widgets.tables import read_only_table

EARLY_COLOR, ON_TIME_COLOR, LATE_COLOR = QColor("#2e7d32"), QColor("#1565c0"), QColor("#c62828")
RECEIVED_COLOR = QColor("#607d8b")
GROUP_CHART_LIMIT = 8  # bars beyond this do not fit the screen; the table lists every group

# Headline cards: (key, indicator, which codes a click lists).
CARDS = ("received", "on_time", "late", "processing_hours", "dossier_digitisation", "result_digitisation",
         "satisfaction")


# ----- data (runs in the database lane) -----------------------------------------------------------------------


@dataclass
class DashboardData:
    start: date
    end: date
    by: str
    report: IndicatorReport
    late: list[LateItem]
    now: datetime
    watch: dict[str, list[WatchItem]] = field(default_factory=dict)


@dataclass(frozen=True)
class DossierRow:
    code: str
    applicant: str
    procedure: str
    status: int
    due_at: datetime | None
    finished_at: datetime | None
    official: str
    outcome: str | None = None  # as the indicators count it (app.services.deadlines)


def load_dashboard(session: Session, settings: Settings, start: date, end: date, by: str,
                   watch_days: float) -> DashboardData:
    calendar = calendar_from_settings(settings, session)
    now = clock.now()
    report = compute_indicators(session, start, end, by=by, calendar=calendar, with_codes=True)
    watch = {
        "overdue": overdue(session, now, calendar),
        "today": due_today(session, now, calendar),
        "soon": due_within(session, now, watch_days, calendar),
        "apology": apology_reminders(session, now, calendar),
    }
    return DashboardData(start=start, end=end, by=by, report=report, late=late_finished(session, start, end),
                         now=now, watch=watch)


def load_rows(session: Session, codes: list[str], only: str | None = None) -> list[DossierRow]:
    """Rows of ``codes`` in their order; ``only`` = "early" / "on_time" splits the on-time numerator."""
    rows: list[DossierRow] = []
    for chunk in _chunks(codes):
        for r in session.execute(
            select(Dossier.code, Dossier.applicant_name, Dossier.procedure_name, Dossier.status, Dossier.due_at,
                   Dossier.finished_at, Dossier.returned_at, Dossier.received_by, Dossier.outcome)
            .where(Dossier.code.in_(chunk))
        ):
            rows.append(DossierRow(r.code, r.applicant_name, r.procedure_name, r.status, r.due_at,
                                   r.finished_at or r.returned_at, r.received_by, r.outcome))
    if only is not None:
        rows = _with_judged_outcomes(session, rows)
        # The code lists keep early and on time together; anything of the numerator not early is on time,
        # so the two drill-downs always add up to the numerator. The outcome stored at the finish counts a
        # supplement pause as the indicators do; the finish and appointment times alone would not.
        rows = [r for r in rows if (r.outcome == EARLY) == (only == "early")]
    order = {c: n for n, c in enumerate(codes)}
    return sorted(rows, key=lambda r: order.get(r.code, 0))


def _chunks(codes: list[str], size: int = 500) -> list[list[str]]:
    return [codes[i:i + size] for i in range(0, len(codes), size)]  # far below SQLite's parameter limit


def _with_judged_outcomes(session: Session, rows: list[DossierRow]) -> list[DossierRow]:
    """Rows finished without a stored outcome (written outside the services) judged as the indicators judge
    them, by the same function."""
    missing = [r.code for r in rows if r.outcome is None and r.finished_at is not None]
    if not missing:
        return rows
    judged: dict[str, str | None] = {}
    for chunk in _chunks(missing):
        for d in session.execute(select(Dossier).where(Dossier.code.in_(chunk))).scalars():
            judged[d.code] = finish_outcome(d.status, d.received_at, d.due_at, d.finished_at, d.returned_at,
                                            pending_pause(d)).outcome
    return [replace(r, outcome=judged[r.code]) if r.code in judged else r for r in rows]


# ----- helpers ------------------------------------------------------------------------------------------------


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %".replace(".", ",")


def figure(ind: Indicator) -> str:
    if ind.value is None:
        return "—"
    if ind.unit == "ratio":
        return percent(ind.value)
    if ind.unit == "hours":
        return f"{ind.value:.1f}".replace(".", ",")
    return f"{ind.value:g}"


def late_codes(ind: Indicator) -> list[str]:
    """Codes resolved late: in the on-time denominator but not its numerator."""
    good = set(ind.numerator_codes or ())
    return [c for c in ind.denominator_codes or () if c not in good]



def _dashboard_table(headers: list[str]) -> QTableWidget:
    table = read_only_table(headers, wrap=False)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric_from: int | None = None) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            if numeric_from is not None and c >= numeric_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _bar(color: QColor) -> QColor:
    """A bar colour visible on the current theme's background (3:1); the bars are labelled, not colour-coded only."""
    return graphic_color(color.name())


class FigureCard(QPushButton):
    """A headline figure (big) under its caption; a click lists the dossiers behind it.

    A button rather than a frame so it takes keyboard focus and Space/Enter like any other control.
    """

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.value, self.detail = "—", ""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(78)
        self.setMinimumWidth(120)
        self.setCheckable(True)
        self._style_from_palette()
        self.caption_label = QLabel(caption)
        self.value_label = QLabel()
        emphasize(self.value_label, 1.55)
        set_tone(self.value_label, "accent")
        self.detail_label = QLabel()
        set_tone(self.detail_label, "muted")
        figures = QHBoxLayout()
        figures.setSpacing(8)
        figures.addWidget(self.value_label)
        figures.addWidget(self.detail_label, 0, Qt.AlignmentFlag.AlignBottom)
        figures.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.caption_label)
        layout.addLayout(figures)
        for label in (self.caption_label, self.value_label, self.detail_label):
            # Clicks on the texts must reach the button.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_value("—", "")

    def _style_from_palette(self) -> None:
        # Tints of the theme's own colours, so the texts on the card keep the theme's contrast.
        palette = QApplication.palette()
        window = palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        border = graphic_color(mix(window, palette.color(QPalette.ColorRole.WindowText), 0.45).name())
        self.setStyleSheet(
            f"FigureCard {{ border: 1px solid {border.name()}; border-radius: 6px;"
            f" background: {mix(window, highlight, 0.05).name()}; }}"
            f" FigureCard:hover {{ background: {mix(window, highlight, 0.12).name()}; }}"
            f" FigureCard:checked {{ background: {mix(window, highlight, 0.18).name()};"
            f" border: 2px solid {graphic_color(highlight.name()).name()}; }}"
            " FigureCard:focus { border: 2px dashed palette(highlight); }")

    def set_value(self, value: str, detail: str) -> None:
        self.value, self.detail = value, detail
        self.value_label.setText(value)
        self.detail_label.setText(detail)
        self.setAccessibleName(f"{self.caption}: {value} {detail}".strip())


# ----- the view -----------------------------------------------------------------------------------------------


class DashboardView(QWidget):
    open_requested = Signal(str)  # dossier code

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: DashboardData | None = None
        self._stale = True
        self.drill_codes: list[str] = []
        self.drill_numerator: set[str] | None = None
        self.drill_title = ""

        # Period picker.
        today = clock.now().date()
        self.kind_combo = QComboBox()
        for key, text in (("month", self.tr("Tháng")), ("quarter", self.tr("Quý")), ("year", self.tr("Năm")),
                          ("custom", self.tr("Tùy chọn"))):
            self.kind_combo.addItem(text, key)
        self.month_combo = QComboBox()
        for m in range(1, 13):
            self.month_combo.addItem(self.tr("Tháng {m}").format(m=m), m)
        self.month_combo.setCurrentIndex(today.month - 1)
        self.quarter_combo = QComboBox()
        for q, roman in enumerate(("I", "II", "III", "IV"), start=1):
            self.quarter_combo.addItem(self.tr("Quý {q}").format(q=roman), q)
        self.quarter_combo.setCurrentIndex((today.month - 1) // 3)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.to_edit = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.by_combo = QComboBox()
        for key, text in (("procedure", self.tr("Thủ tục")), ("field", self.tr("Lĩnh vực")),
                          ("official", self.tr("Cán bộ tiếp nhận"))):
            self.by_combo.addItem(text, key)
        self.refresh_button = QPushButton(self.tr("&Xem"))
        self.refresh_button.clicked.connect(self.refresh)
        for widget, tip in (
            (self.kind_combo, self.tr("Báo cáo theo tháng, quý, năm hoặc một khoảng ngày tự chọn")),
            (self.month_combo, self.tr("Tháng của kỳ báo cáo")),
            (self.quarter_combo, self.tr("Quý của kỳ báo cáo")),
            (self.year_spin, self.tr("Năm của kỳ báo cáo")),
            (self.from_edit, self.tr("Ngày đầu của kỳ (ngày/tháng/năm)")),
            (self.to_edit, self.tr("Ngày cuối của kỳ (ngày/tháng/năm)")),
            (self.by_combo, self.tr("Chia các chỉ số theo thủ tục, lĩnh vực hoặc cán bộ tiếp nhận")),
            (self.refresh_button, self.tr("Tính lại các chỉ số cho kỳ đã chọn (Alt+X)")),
        ):
            widget.setToolTip(tip)
        self.period_label = QLabel()
        set_tone(self.period_label, "muted")
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Kỳ báo cáo:")))
        for w in (self.kind_combo, self.month_combo, self.quarter_combo, self.year_spin):
            picker.addWidget(w)
        self.from_label, self.to_label = QLabel(self.tr("từ")), QLabel(self.tr("đến"))
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            picker.addWidget(w)
        picker.addSpacing(16)
        picker.addWidget(QLabel(self.tr("Nhóm theo:")))
        picker.addWidget(self.by_combo)
        picker.addWidget(self.refresh_button)
        picker.addStretch(1)
        picker.addWidget(self.period_label)
        self.kind_combo.currentIndexChanged.connect(self._update_picker)
        for combo in (self.kind_combo, self.month_combo, self.quarter_combo, self.by_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())

        self.tabs = QTabWidget()
        self.tabs.addTab(self._indicators_tab(), self.tr("Chỉ số chất lượng"))
        self.tabs.addTab(self._watch_tab(), self.tr("Theo dõi hạn giải quyết"))
        self.tabs.addTab(self._late_tab(), self.tr("Công khai hồ sơ quá hạn"))

        layout = QVBoxLayout(self)
        layout.addLayout(picker)
        layout.addWidget(self.tabs, 1)
        self._update_picker()
        ctx.events.changes_applied.connect(self._on_changes)

    # ----- building -------------------------------------------------------------------------------

    def _indicators_tab(self) -> QWidget:
        tab = QWidget()
        self.cards: dict[str, FigureCard] = {}
        captions = {
            "received": self.tr("Hồ sơ tiếp nhận"), "on_time": self.tr("Tỷ lệ đúng hạn"),
            "late": self.tr("Giải quyết quá hạn"), "processing_hours": self.tr("TG giải quyết TB (giờ)"),
            "dossier_digitisation": self.tr("Số hóa hồ sơ"), "result_digitisation": self.tr("Số hóa kết quả"),
            "satisfaction": self.tr("Mức độ hài lòng"),
        }
        cards = QHBoxLayout()
        for key in CARDS:
            card = FigureCard(captions[key])
            card.setObjectName(f"card_{key}")
            card.clicked.connect(lambda _c=False, k=key: self.drill_overall(k))
            cards.addWidget(card)
            self.cards[key] = card

        self.on_time_chart = BarChart(self.tr("Tiến độ giải quyết"))
        self.on_time_chart.setObjectName("on_time_chart")
        self.on_time_chart.keep_all_bars = True
        self.on_time_chart.bar_clicked.connect(self._on_time_bar)
        self.group_chart = BarChart(self.tr("Theo nhóm"))
        self.group_chart.setObjectName("group_chart")
        self.group_chart.bar_clicked.connect(self._group_bar)
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        charts_layout.addWidget(self.on_time_chart, 2)
        charts_layout.addWidget(self.group_chart, 5)

        self.group_table = _dashboard_table([self.tr("Nhóm"), self.tr("Tiếp nhận"), self.tr("Đã giải quyết"),
                                   self.tr("Đúng hạn"), self.tr("Quá hạn"), self.tr("Hài lòng")])
        header = self.group_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, 6):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.group_table.cellClicked.connect(self._group_cell)
        self.group_table.setToolTip(self.tr("Bấm vào một ô để xem các hồ sơ của ô đó"))

        self.drill_box = QGroupBox(self.tr("Hồ sơ của chỉ số"))
        self.drill_table = _dashboard_table([self.tr("Mã hồ sơ"), self.tr("Đạt"), self.tr("Người yêu cầu"),
                                   self.tr("Trạng thái"), self.tr("Hẹn trả"), self.tr("Giải quyết"), self.tr("Thủ tục")])
        self.drill_table.setObjectName("drill_table")
        drill_header = self.drill_table.horizontalHeader()
        drill_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The procedure name is long and the least needed: it takes what is left instead of pushing the
        # other columns out of sight.
        drill_header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.drill_table.cellDoubleClicked.connect(lambda row, _c: self._open_row(self.drill_table, row))
        self.open_button = QPushButton(self.tr("&Mở hồ sơ"))
        self.open_button.clicked.connect(lambda: self._open_row(self.drill_table, self.drill_table.currentRow()))
        self.drill_hint = QLabel(self.tr("Bấm vào một con số, một thanh biểu đồ hoặc một ô của bảng để xem "
                                         "danh sách hồ sơ; bấm đúp để mở hồ sơ."))
        self.drill_hint.setWordWrap(True)
        set_tone(self.drill_hint, "muted")
        drill_layout = QVBoxLayout(self.drill_box)
        drill_layout.addWidget(self.drill_hint)
        drill_layout.addWidget(self.drill_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        drill_layout.addLayout(row)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.group_table)
        right.addWidget(self.drill_box)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 3)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(charts)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        # The dossier list needs the width more than the bars do (its columns hold codes and dates).
        split.setSizes([480, 880])
        charts.setMinimumWidth(320)

        layout = QVBoxLayout(tab)
        layout.addLayout(cards)
        layout.addWidget(split, 1)
        return tab

    def _watch_tab(self) -> QWidget:
        tab = QWidget()
        self.days_spin = QDoubleSpinBox()
        self.days_spin.setRange(0.5, 30)
        self.days_spin.setDecimals(1)
        self.days_spin.setValue(3)
        self.days_spin.setSuffix(self.tr(" ngày làm việc"))
        self.days_spin.setToolTip(self.tr("Danh sách “Đến hạn” gồm các hồ sơ còn bấy nhiêu ngày làm việc nữa là đến hạn"))
        self.days_spin.valueChanged.connect(lambda _v: self.refresh())
        self.watch_tables: dict[str, QTableWidget] = {}
        self.watch_boxes: dict[str, QGroupBox] = {}
        grid = QGridLayout()
        for index, key in enumerate(("overdue", "today", "soon", "apology")):
            table = _dashboard_table([self.tr("Mã hồ sơ"), self.tr("Người yêu cầu"), self.tr("Hẹn trả"), self.tr("Còn lại (giờ)"),
                            self.tr("Cán bộ")])
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            table.cellDoubleClicked.connect(lambda r, _c, t=table: self._open_row(t, r))
            box = QGroupBox()
            QVBoxLayout(box).addWidget(table)
            grid.addWidget(box, index // 2, index % 2)
            self.watch_tables[key], self.watch_boxes[key] = table, box
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sắp đến hạn trong:")))
        top.addWidget(self.days_spin)
        top.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        return tab

    def _late_tab(self) -> QWidget:
        tab = QWidget()
        self.late_table = _dashboard_table([self.tr("Mã hồ sơ"), self.tr("Người yêu cầu"), self.tr("Thủ tục"), self.tr("Hẹn trả"),
                                  self.tr("Giải quyết"), self.tr("Cán bộ chịu trách nhiệm"), self.tr("Tình trạng")])
        self.late_table.setObjectName("late_table")
        header = self.late_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.late_table.cellDoubleClicked.connect(lambda r, _c: self._open_row(self.late_table, r))
        self.print_button = QPushButton(self.tr("&In danh sách..."))
        self.print_button.clicked.connect(self.print_late_list)
        self.late_caption = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.late_caption, 1)
        top.addWidget(self.print_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.late_table, 1)
        return tab

    # ----- period ---------------------------------------------------------------------------------

    def _update_picker(self) -> None:
        kind = self.kind_combo.currentData()
        self.month_combo.setVisible(kind == "month")
        self.quarter_combo.setVisible(kind == "quarter")
        self.year_spin.setVisible(kind != "custom")
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            w.setVisible(kind == "custom")

    def period(self) -> tuple[date, date]:
        kind, year = self.kind_combo.currentData(), self.year_spin.value()
        if kind == "custom":
            return self.from_edit.date().toPython(), self.to_edit.date().toPython()
        if kind == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if kind == "quarter":
            first = (self.quarter_combo.currentData() - 1) * 3 + 1
            months = (first, first + 2)
        else:
            months = (self.month_combo.currentData(),) * 2
        start = date(year, months[0], 1)
        last = months[1]
        end = date(year + (last == 12), last % 12 + 1, 1) - timedelta(days=1)
        return start, end

    def set_month(self, year: int, month: int) -> None:
        """Show one month (used by tests and by a future "this month" shortcut)."""
        for w in (self.kind_combo, self.month_combo, self.year_spin):
            w.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        self.month_combo.setCurrentIndex(month - 1)
        self.year_spin.setValue(year)
        for w in (self.kind_combo, self.month_combo, self.year_spin):
            w.blockSignals(False)
        self._update_picker()
        self.refresh()

    # ----- loading --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if changes.dossiers or changes.calendar or changes.catalogue:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        try:
            start, end = self.period()
        except ValueError:
            return
        if end < start:
            self.period_label.setText(self.tr("Ngày kết thúc trước ngày bắt đầu."))
            return
        self._stale = False
        by, days, settings = self.by_combo.currentData(), self.days_spin.value(), self.ctx.settings
        self.period_label.setText(self.tr("Đang tính..."))
        self.refresh_button.setEnabled(False)

        def failed(exc: BaseException, details: str) -> None:
            self.refresh_button.setEnabled(True)
            self.period_label.setText("")
            show_error(self, exc, details)

        self.ctx.run_db(lambda s: load_dashboard(s, settings, start, end, by, days), self._show, failed)

    def _show(self, data: DashboardData) -> None:
        self.data = data
        self.refresh_button.setEnabled(True)
        self.period_label.setText(self.tr("Từ {a} đến {b} · cập nhật {t}").format(
            a=data.start.strftime("%d/%m/%Y"), b=data.end.strftime("%d/%m/%Y"), t=data.now.strftime("%H:%M")))
        overall = data.report.overall
        ot = overall.on_time
        details = {
            "received": "",
            "on_time": f"{ot.numerator or 0:g}/{ot.denominator or 0}" if ot.denominator else "",
            "processing_hours": self.tr("{n} hồ sơ").format(n=overall.processing_hours.denominator)
            if overall.processing_hours.denominator else "",
            "dossier_digitisation": self._fraction(overall.dossier_digitisation),
            "result_digitisation": self._fraction(overall.result_digitisation),
            "satisfaction": self._fraction(overall.satisfaction),
        }
        for key, card in self.cards.items():
            if key == "late":
                card.set_value(str(ot.parts.get("late", 0)), "")
            else:
                ind = self._indicator(overall, key)
                card.set_value(figure(ind), details.get(key, ""))
                card.setToolTip(ind.note)
        parts = ot.parts
        self.on_time_chart.set_data(
            [self.tr("Trước hạn"), self.tr("Đúng hạn"), self.tr("Quá hạn")],
            [Series(self.tr("Số hồ sơ đã giải quyết"),
                    [parts.get("early", 0), parts.get("on_time", 0), parts.get("late", 0)], _bar(ON_TIME_COLOR),
                    colors=(_bar(EARLY_COLOR), _bar(ON_TIME_COLOR), _bar(LATE_COLOR)))],
            empty_text=self.tr("Không có hồ sơ nào được giải quyết trong kỳ."))
        groups = self._chart_groups()
        self.group_chart.title = self.tr("Theo {by} (tối đa {n} nhóm nhiều hồ sơ nhất)").format(
            by=self.by_combo.currentText().lower(), n=GROUP_CHART_LIMIT)
        self.group_chart.set_data(
            [g.label for g in groups],
            [Series(self.tr("Tiếp nhận"), [g.received.value or 0 for g in groups], _bar(RECEIVED_COLOR)),
             Series(self.tr("Đúng hạn"), [g.on_time.numerator or 0 for g in groups], _bar(ON_TIME_COLOR)),
             Series(self.tr("Quá hạn"), [g.on_time.parts.get("late", 0) for g in groups], _bar(LATE_COLOR))],
            empty_text=self.tr("Không có hồ sơ trong kỳ."))
        self.group_table.setHorizontalHeaderItem(0, QTableWidgetItem(self.by_combo.currentText()))
        _fill(self.group_table, [
            [g.label, f"{g.received.value:g}", str(g.on_time.denominator or 0), percent(g.on_time.value),
             str(g.on_time.parts.get("late", 0)), percent(g.satisfaction.value)]
            for g in data.report.groups], numeric_from=1)
        self._show_watch(data)
        self._show_late(data)

    @staticmethod
    def _fraction(ind: Indicator) -> str:
        return f"{ind.numerator or 0:g}/{ind.denominator}" if ind.denominator else ""

    @staticmethod
    def _indicator(group: GroupIndicators, key: str) -> Indicator:
        return next(i for i in group.indicators() if i.key == key)

    def _chart_groups(self) -> list[GroupIndicators]:
        if self.data is None:
            return []
        groups = sorted(self.data.report.groups, key=lambda g: (-(g.received.value or 0), g.label))
        return groups[:GROUP_CHART_LIMIT]

    def _show_watch(self, data: DashboardData) -> None:
        titles = {
            "overdue": self.tr("Đang quá hạn"), "today": self.tr("Đến hạn hôm nay"),
            "soon": self.tr("Đến hạn trong {n:g} ngày làm việc").format(n=self.days_spin.value()),
            "apology": self.tr("Cần lập phiếu xin lỗi (mẫu 04)"),
        }
        for key, table in self.watch_tables.items():
            items = data.watch.get(key, [])
            self.watch_boxes[key].setTitle(f"{titles[key]} ({len(items)})")
            _fill(table, [[i.code, i.applicant, short_datetime(i.due_at),
                           f"{i.remaining_hours:g}" + (self.tr(" (tạm dừng)") if i.paused else ""), i.official]
                          for i in items])
            if key == "overdue":
                for r in range(table.rowCount()):
                    table.item(r, 3).setForeground(tone_color("error", table.palette(), QPalette.ColorRole.Base))

    def late_list_rows(self) -> list[list[str]]:
        """The public late list: finished late in the period, then still open past the appointment."""
        if self.data is None:
            return []
        rows = [[i.code, i.applicant, i.procedure, short_datetime(i.due_at), short_datetime(i.finished_at),
                 i.official, self.tr("Giải quyết quá hạn")] for i in self.data.late]
        rows += [[i.code, i.applicant, i.procedure, short_datetime(i.due_at), "", i.official,
                  self.tr("Đang quá hạn")] for i in self.data.watch.get("overdue", [])]
        return rows

    def _show_late(self, data: DashboardData) -> None:
        rows = self.late_list_rows()
        self.late_caption.setText(self.tr("Hồ sơ giải quyết quá hạn từ {a} đến {b} và hồ sơ đang quá hạn: {n}").format(
            a=data.start.strftime("%d/%m/%Y"), b=data.end.strftime("%d/%m/%Y"), n=len(rows)))
        _fill(self.late_table, rows)

    # ----- drill-down -----------------------------------------------------------------------------

    def drill_overall(self, key: str) -> None:
        if self.data is None:
            return
        self._drill(self.data.report.overall, key, self.cards[key].caption)

    def _drill(self, group: GroupIndicators, key: str, title: str) -> None:
        for card_key, card in self.cards.items():
            card.setChecked(card_key == key and group is self.data.report.overall)
        if key == "late":
            codes, numerator = late_codes(group.on_time), None
        else:
            ind = self._indicator(group, key)
            if ind.denominator_codes is not None:
                codes, numerator = list(ind.denominator_codes), set(ind.numerator_codes or ())
            else:
                codes, numerator = list(ind.numerator_codes or ()), None
        where = "" if group is self.data.report.overall else f" — {group.label}"
        self.show_codes(f"{title}{where}", codes, numerator)

    def show_codes(self, title: str, codes: list[str], numerator: set[str] | None = None,
                   only: str | None = None) -> None:
        self.drill_numerator = numerator
        self.drill_title = title
        self.drill_hint.setVisible(False)
        self.ctx.run_db(lambda s: load_rows(s, list(codes), only), self._show_rows,
                        lambda exc, details: show_error(self, exc, details))

    def _show_rows(self, rows: list[DossierRow]) -> None:
        num = self.drill_numerator
        self.drill_codes = [r.code for r in rows]
        self.drill_box.setTitle(self.tr("{title}: {n} hồ sơ").format(title=self.drill_title, n=len(rows)))
        _fill(self.drill_table, [
            [r.code, "" if num is None else ("✓" if r.code in num else "✗"), r.applicant, status_label(r.status),
             short_datetime(r.due_at), short_datetime(r.finished_at), r.procedure]
            for r in rows])
        self.drill_table.setColumnHidden(1, num is None)

    def _on_time_bar(self, category: int, _series: int) -> None:
        if self.data is None:
            return
        for card in self.cards.values():
            card.setChecked(False)
        ot = self.data.report.overall.on_time
        title = (self.tr("Trước hạn"), self.tr("Đúng hạn"), self.tr("Quá hạn"))[category]
        if category == 2:
            self.show_codes(title, late_codes(ot))
        else:
            self.show_codes(title, list(ot.numerator_codes or ()), only=("early", "on_time")[category])

    def _group_bar(self, category: int, series: int) -> None:
        groups = self._chart_groups()
        if category < len(groups):
            self._drill(groups[category], ("received", "on_time", "late")[series],
                        (self.tr("Tiếp nhận"), self.tr("Đúng hạn"), self.tr("Quá hạn"))[series])

    def _group_cell(self, row: int, column: int) -> None:
        if self.data is None or row >= len(self.data.report.groups):
            return
        group = self.data.report.groups[row]
        key = {0: "received", 1: "received", 2: "on_time", 3: "on_time", 4: "late", 5: "satisfaction"}[column]
        self._drill(group, key, self.group_table.horizontalHeaderItem(column).text())

    def _open_row(self, table: QTableWidget, row: int) -> None:
        if row < 0 or table.item(row, 0) is None:
            return
        self.open_requested.emit(table.item(row, 0).text())

    # ----- printing -------------------------------------------------------------------------------

    def late_list_html(self) -> str:
        settings = self.ctx.settings
        headers = [self.late_table.horizontalHeaderItem(c).text() for c in range(self.late_table.columnCount())]
        rows = self.late_list_rows()
        period = ""
        if self.data is not None:
            period = self.tr("Từ ngày {a} đến ngày {b}").format(a=self.data.start.strftime("%d/%m/%Y"),
                                                              b=self.data.end.strftime("%d/%m/%Y"))
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in r) + "</tr>" for r in rows) or \
            f"<tr><td colspan='{len(headers)}'>{escape(self.tr('Không có hồ sơ quá hạn.'))}</td></tr>"
        return (f"<p align='center'><b>{escape(settings.unit_name.upper())}</b></p>"
                f"<h3 align='center'>{escape(self.tr('DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN'))}</h3>"
                f"<p align='center'><i>{escape(period)}</i></p>"
                f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>{head}</tr>{body}</table>")

    def print_late_list(self) -> None:
        document = QTextDocument()
        document.setHtml(self.late_list_html())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("In danh sách hồ sơ quá hạn"))
        dialog.paintRequested.connect(document.print_)
        dialog.exec()
        dialog.deleteLater()
