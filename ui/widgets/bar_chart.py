"""A small horizontal bar chart painted with QPainter (the Qt build here has no QtCharts).

Categories run top to bottom, each with one bar per series; a click on a bar emits ``bar_clicked`` with the
category and series index, which the dashboard uses for drill-down.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[float]
    color: QColor
    colors: Sequence[QColor] | None = None  # one colour per category (a single-series chart of kinds)


MIN_HEIGHT = 120


class BarChart(QWidget):
    bar_clicked = Signal(int, int)  # category index, series index

    BAR = 14
    GAP = 3
    ROW_GAP = 10

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.empty_text = ""
        self._hits: list[tuple[QRectF, int, int]] = []
        # A chart of a few fixed categories must show every bar, whatever the font size; a long one may be cut
        # (its table lists every row).
        self.keep_all_bars = False
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def set_data(self, categories: Sequence[str], series: Sequence[Series],
                 value_text: Callable[[float], str] | None = None, empty_text: str = "") -> None:
        self.categories = list(categories)
        self.series = list(series)
        if value_text is not None:
            self.value_text = value_text
        self.empty_text = empty_text
        self._fit_height()
        self.updateGeometry()
        self.update()

    def _fit_height(self) -> None:
        self.setMinimumHeight(max(MIN_HEIGHT, self._content_height()) if self.keep_all_bars else MIN_HEIGHT)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, self._content_height())

    def _bar_height(self, metrics: QFontMetrics) -> int:
        # The value is written beside the bar within its height: a bigger font needs thicker bars.
        return max(self.BAR, metrics.height())

    def _content_height(self) -> int:
        metrics = QFontMetrics(self.font())
        row = max(len(self.series), 1) * (self._bar_height(metrics) + self.GAP) + self.ROW_GAP
        return metrics.height() * 2 + 16 + max(len(self.categories), 1) * row

    def bar_rects(self) -> list[tuple[QRectF, int, int]]:
        """Where the bars were last painted (for tests and hit-testing)."""
        return list(self._hits)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        y = 4.0
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        painter.drawText(QRectF(8, y, self.width() - 16, line), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        y += line + 2
        # Legend in one line under the title.
        x = 8.0
        for s in self.series:
            if s.colors:
                continue  # coloured per category: the category labels already say what each bar is
            painter.fillRect(QRectF(x, y + line / 2 - 5, 10, 10), s.color)
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), s.name)
            x += 14 + metrics.horizontalAdvance(s.name) + 16
        y += line + 8
        self._hits = []
        if not self.categories or not self.series:
            painter.setPen(palette.placeholderText().color())
            painter.drawText(QRectF(8, y, self.width() - 16, line * 2), Qt.AlignmentFlag.AlignLeft, self.empty_text)
            painter.end()
            return

        label_width = min(max(metrics.horizontalAdvance(c) for c in self.categories) + 12, self.width() * 0.42)
        top = max((v for s in self.series for v in s.values), default=0) or 1
        value_room = metrics.horizontalAdvance("0000,0 %") + 8
        plot_left = 8 + label_width
        plot_width = max(self.width() - plot_left - value_room - 8, 20)
        bar = self._bar_height(metrics)
        row_height = len(self.series) * (bar + self.GAP) + self.ROW_GAP
        axis_pen = QPen(palette.mid().color())
        for index, category in enumerate(self.categories):
            row_top = y + index * row_height
            block = len(self.series) * (bar + self.GAP)
            label = metrics.elidedText(category, Qt.TextElideMode.ElideRight, int(label_width - 10))
            painter.setPen(palette.text().color())
            painter.drawText(QRectF(8, row_top, label_width - 10, block),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            for s_index, s in enumerate(self.series):
                value = s.values[index] if index < len(s.values) else 0
                bar_top = row_top + s_index * (bar + self.GAP)
                length = plot_width * (value / top) if value else 0
                rect = QRectF(plot_left, bar_top, max(length, 2 if value else 0), bar)
                painter.fillRect(rect, s.colors[index] if s.colors and index < len(s.colors) else s.color)
                painter.setPen(palette.text().color())
                painter.drawText(QRectF(rect.right() + 4, bar_top, value_room, bar),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.value_text(value))
                # The clickable area covers the whole row of this series, so a zero bar is still clickable.
                self._hits.append((QRectF(plot_left, bar_top, plot_width, bar), index, s_index))
        painter.setPen(axis_pen)
        bottom = y + len(self.categories) * row_height - self.ROW_GAP
        painter.drawLine(QPointF(plot_left, y - 2), QPointF(plot_left, bottom))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position()
        for rect, category, series in self._hits:
            if rect.contains(point):
                self.bar_clicked.emit(category, series)
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        over = any(rect.contains(event.position()) for rect, _c, _s in self._hits)
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)
