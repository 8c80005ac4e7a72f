"""Checklist of the dossier's components with the number of originals and copies received.

A grid of real widgets rather than a QTableView: Tab then walks tick, originals, certified copies,
photocopies, next paper — the order an official checks the papers in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from app.catalogue import DocumentSpec
from app.services.intake import DocumentInput
from ui.widgets.enter_moves_on import EnterMovesOn
from ui.widgets.style import emphasize

MAX_COPIES = 99


class _Row:
    def __init__(self, spec: DocumentSpec, tick: QCheckBox, label: QLabel, spins: tuple[QSpinBox, ...]) -> None:
        self.spec = spec
        self.tick = tick
        self.label = label
        self.spins = spins


class DocumentsTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self._enter_moves_on = EnterMovesOn(self)
        self.grid.setHorizontalSpacing(10)
        self.grid.setColumnStretch(1, 1)
        self.rows: list[_Row] = []
        self._headers()

    def _headers(self) -> None:
        titles = ("", self.tr("Tên giấy tờ (* bắt buộc)"), self.tr("Bản chính"), self.tr("Bản sao\nchứng thực"),
                  self.tr("Bản photo"))
        for column, title in enumerate(titles):
            header = QLabel(title)
            header.setWordWrap(True)
            emphasize(header)
            if column >= 2:
                header.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(header, 0, column)

    def clear(self) -> None:
        for row in self.rows:
            for widget in (row.tick, row.label, *row.spins):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self.rows = []

    def set_documents(self, specs: tuple[DocumentSpec, ...] | list[DocumentSpec]) -> None:
        self.clear()
        kinds = (self.tr("bản chính"), self.tr("bản sao chứng thực"), self.tr("bản photo"))
        for index, spec in enumerate(specs, start=1):
            tick = QCheckBox()
            tick.setAccessibleName(spec.name)
            tick.setToolTip(self.tr("Đã nhận giấy tờ này (phím cách để đánh dấu)"))
            # With no text beside it, the box alone would show no focus: frame it in the highlight colour.
            tick.setStyleSheet("QCheckBox:focus { border: 2px solid palette(highlight); border-radius: 3px; }")
            self._enter_moves_on.watch(tick)
            text = f"{spec.name} *" if spec.required else spec.name
            label = QLabel(text)
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            if spec.required:
                emphasize(label)
            label.setBuddy(tick)
            spins = []
            for kind in kinds:
                spin = QSpinBox()
                spin.setRange(0, MAX_COPIES)
                spin.setAlignment(Qt.AlignmentFlag.AlignRight)
                spin.setFixedWidth(self._spin_width())
                spin.setAccessibleName(f"{spec.name}: {kind}")
                spin.setToolTip(self.tr("Số {kind} đã nhận (gõ số hoặc ↑/↓; Enter sang ô sau)").format(kind=kind))
                self._enter_moves_on.watch(spin)
                spins.append(spin)
            row = _Row(spec, tick, label, tuple(spins))
            tick.toggled.connect(lambda on, r=row: self._ticked(r, on))
            for spin in spins:
                spin.valueChanged.connect(lambda _v, r=row: self._counted(r))
            self.grid.addWidget(tick, index, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(label, index, 1)
            for column, spin in enumerate(spins, start=2):
                self.grid.addWidget(spin, index, column, Qt.AlignmentFlag.AlignTop)
            self.rows.append(row)
        self.changed.emit()

    def name_room(self) -> int:
        """Width the names should have beyond the table's minimum to read as lines, not a word per line."""
        return self.fontMetrics().averageCharWidth() * 14

    def _spin_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("000") + 40

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            for row in self.rows:
                for spin in row.spins:
                    spin.setFixedWidth(self._spin_width())

    def _ticked(self, row: _Row, on: bool) -> None:
        total = sum(s.value() for s in row.spins)
        if on and total == 0:
            # The catalogue says how many of each kind the procedure expects; start from that.
            originals = row.spec.originals or (0 if row.spec.copies else 1)
            row.spins[0].setValue(originals)
            row.spins[1].setValue(row.spec.copies)
        elif not on and total:
            for spin in row.spins:
                spin.setValue(0)
        self.changed.emit()

    def _counted(self, row: _Row) -> None:
        received = sum(s.value() for s in row.spins) > 0
        if row.tick.isChecked() != received:
            row.tick.blockSignals(True)
            row.tick.setChecked(received)
            row.tick.blockSignals(False)
        self.changed.emit()

    def documents(self) -> list[DocumentInput]:
        return [
            DocumentInput(name=row.spec.name, code=row.spec.code, required=row.spec.required,
                          originals=row.spins[0].value(), certified_copies=row.spins[1].value(),
                          photocopies=row.spins[2].value())
            for row in self.rows
        ]

    def set_counts(self, documents: list[DocumentInput]) -> None:
        by_key = {(d.code or d.name): d for d in documents}
        for row in self.rows:
            doc = by_key.get(row.spec.code) or by_key.get(row.spec.name)
            if doc is None:
                continue
            for spin, value in zip(row.spins, (doc.originals, doc.certified_copies, doc.photocopies), strict=True):
                spin.setValue(value)

    def widgets_in_tab_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        for row in self.rows:
            order += [row.tick, *row.spins]
        return order
