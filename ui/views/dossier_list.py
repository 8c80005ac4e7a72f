"""The dossier list: accent-insensitive search, a status filter, Enter opens the dossier."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.services.search import DossierRow, search_dossiers
from app.status import Status, label
from ui.context import AppContext
from ui.format import short_datetime

SEARCH_DELAY_MS = 250


class DossierTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DossierRow] = []
        self.headers = [self.tr("Mã hồ sơ"), self.tr("Người yêu cầu"), self.tr("Số định danh"),
                        self.tr("Thủ tục"), self.tr("Trạng thái"), self.tr("Ngày nhận"), self.tr("Hẹn trả")]

    def set_rows(self, rows: list[DossierRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.code, row.applicant_name, row.applicant_id_number, row.procedure_name,
                    label(row.status), short_datetime(row.received_at), short_datetime(row.due_at))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None


class DossierListView(QWidget):
    open_requested = Signal(str)  # dossier id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0  # answers to superseded searches are dropped

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Tìm theo mã hồ sơ, họ tên, số định danh, thủ tục..."))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(self.tr("Gõ có dấu hay không dấu đều được; ↓ để xuống danh sách, Enter để mở "
                                            "hồ sơ (Ctrl+F)"))
        search_label = QLabel(self.tr("&Tìm kiếm:"))
        search_label.setBuddy(self.search_edit)

        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Tất cả trạng thái"), None)
        for status in Status:
            self.status_combo.addItem(label(status), int(status))
        self.status_combo.setToolTip(self.tr("Chỉ hiện hồ sơ ở một trạng thái (Alt+R)"))
        status_label = QLabel(self.tr("T&rạng thái:"))
        status_label.setBuddy(self.status_combo)

        self.model = DossierTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)
        self.table.setToolTip(self.tr("↑/↓ để chọn hồ sơ, Enter hoặc bấm đúp để mở"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.search_edit.installEventFilter(self)

        self.count_label = QLabel()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())

        bar = QHBoxLayout()
        bar.addWidget(search_label)
        bar.addWidget(self.search_edit, 1)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        ctx.events.changes_applied.connect(self._on_changes)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def refresh(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.search_edit.text()
        status = self.status_combo.currentData()

        def done(rows: list[DossierRow]) -> None:
            if generation == self._generation:
                self._show(rows)

        self.ctx.run_db(lambda s: search_dossiers(s, query, status=status), done)

    def _show(self, rows: list[DossierRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        self.count_label.setText(self.tr("%n hồ sơ", "", len(rows)))

    def _on_changes(self, changes: Changes) -> None:
        if changes.dossiers:
            self.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.rows[index.row()].id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() and self.model.rowCount():
            index = self.model.index(0, 0)
        self._open_index(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.search_edit and self._timer.isActive():
                    self.refresh()  # Enter right after typing: search first, the user opens next
                    return True
                self.open_current()
                return True
            if watched is self.search_edit and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)
