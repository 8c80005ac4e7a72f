"""How failures reach the official: a user-facing message as it is, anything else with copyable details."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import Cancelled, UserError


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorDialog", text)


class UnexpectedErrorDialog(QDialog):
    """A bug or an unforeseen failure: a calm sentence, and the technical details one click from support."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(_t("Lỗi không mong muốn"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        text = QLabel(_t("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.\n"
                         "Hãy sao chép chi tiết lỗi và gửi cho bộ phận hỗ trợ kỹ thuật."))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        layout.addWidget(self.details_view)
        buttons = QHBoxLayout()
        self.toggle_button = QPushButton(_t("Xem chi tiết"))
        self.toggle_button.clicked.connect(self._toggle)
        self.copy_button = QPushButton(_t("Sao chép chi tiết"))
        self.copy_button.clicked.connect(self.copy_details)
        close = QPushButton(_t("Đóng"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _toggle(self) -> None:
        self.details_view.setVisible(not self.details_view.isVisible())
        self.adjustSize()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)


def error_dialog(parent: QWidget | None, exc: BaseException, details: str | None = None) -> QDialog | None:
    """The dialog for ``exc`` (not shown yet), or ``None`` when nothing should be shown."""
    if isinstance(exc, Cancelled):
        return None
    if isinstance(exc, UserError):
        box = QMessageBox(parent)
        box.setWindowTitle(_t("Thông báo"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        return box
    return UnexpectedErrorDialog(details or "".join(traceback.format_exception(exc)), parent)


def show_error(parent: QWidget | None, exc: BaseException, details: str | None = None) -> None:
    dialog = error_dialog(parent, exc, details)
    if dialog is not None:
        dialog.exec()
