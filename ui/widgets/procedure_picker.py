"""Type-ahead over the procedure catalogue (accent-insensitive); Enter or Down+Enter picks one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from app.catalogue import ProcedureSpec, search_procedures
from ui.context import AppContext

TYPE_AHEAD_DELAY_MS = 150


class ProcedurePicker(QWidget):
    picked = Signal(object)  # ProcedureSpec

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: ProcedureSpec | None = None
        self._generation = 0
        self._suppress = False

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Gõ tên hoặc mã thủ tục, ví dụ: xac nhan tinh trang hon nhan"))
        self.edit.setClearButtonEnabled(True)
        self.hint = self.tr("Gõ tên hoặc mã thủ tục, có dấu hay không dấu; Enter chọn dòng đầu, ↓ để chọn dòng khác")
        self.edit.setToolTip(self.hint)
        self.results = QListWidget()
        self.results.setMaximumHeight(120)
        self.results.setVisible(False)
        self.results.itemActivated.connect(self._activate)
        self.results.setToolTip(self.tr("Thủ tục tìm thấy: ↑/↓ để chọn, Enter để lấy, ↑ ở dòng đầu để về ô gõ"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.results)
        self.setFocusProxy(self.edit)
        # Never taller than the field (and the list when it shows): spare height must not float the field.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_AHEAD_DELAY_MS)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._on_edited)
        self.edit.installEventFilter(self)
        self.results.installEventFilter(self)

    def _on_edited(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        query = self.edit.text()
        if not query.strip():
            self.results.clear()
            self.results.setVisible(False)
            return

        def done(found: list[ProcedureSpec]) -> None:
            if generation == self._generation:
                self._show(found)

        self.ctx.run_db(lambda s: search_procedures(s, query, limit=30), done)

    def _show(self, found: list[ProcedureSpec]) -> None:
        self.results.clear()
        for spec in found:
            item = QListWidgetItem(f"{spec.name}  ({spec.code} · {spec.field.name})")
            item.setData(Qt.ItemDataRole.UserRole, spec)
            self.results.addItem(item)
        if not found:
            item = QListWidgetItem(self.tr("Không tìm thấy thủ tục phù hợp."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        self.results.setVisible(True)

    def _activate(self, item: QListWidgetItem | None) -> None:
        spec = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if spec is None:
            return
        self.set_procedure(spec)
        self.picked.emit(spec)
        # Move on: the next field is the case picker or the applicant.
        self.edit.focusNextChild()

    def set_procedure(self, spec: ProcedureSpec | None) -> None:
        self.current = spec
        self.edit.setText(spec.name if spec else "")
        self.edit.setToolTip(f"{spec.code} · {spec.field.name}" if spec else self.hint)
        self.results.clear()
        self.results.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()  # type: ignore[attr-defined]
        if watched is self.edit:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:  # type: ignore[attr-defined]
                if self._timer.isActive():
                    self.search_now()
                if not self.results.isHidden() and self.results.count():
                    self._activate(self.results.currentItem())
                    return True
            elif key == Qt.Key.Key_Down and not self.results.isHidden():
                self.results.setFocus()
                return True
            elif key == Qt.Key.Key_Escape and not self.results.isHidden():
                self.results.setVisible(False)
                return True
        elif watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() == 0:
            self.edit.setFocus()
            return True
        return super().eventFilter(watched, event)
