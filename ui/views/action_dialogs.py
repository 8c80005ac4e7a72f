"""Dialogs that collect what an action on a dossier needs (a reason, missing papers, a new date)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.intake import DocumentInput
from app.workdays import parse_datetime
from ui.dialogs import translate_buttons


def _reason_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(70)
    return edit


class _ActionDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.addLayout(self.form)
        self.buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setToolTip(self.tr("Ghi nhận thao tác (Ctrl+Enter); Esc để hủy"))
        # Enter in a reason box starts a new line, so Ctrl+Enter confirms from anywhere, as on the intake.
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, ok.click)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)


class ReasonDialog(_ActionDialog):
    def __init__(self, title: str, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.reason_edit = _reason_edit()
        label = QLabel(prompt)
        label.setBuddy(self.reason_edit)
        self.form.addRow(label)
        self.form.addRow(self.reason_edit)
        self.finish()

    def reason(self) -> str:
        return self.reason_edit.toPlainText()


class SupplementDialog(_ActionDialog):
    """Phiếu yêu cầu bổ sung: which papers are missing and why (one request per dossier)."""

    def __init__(self, document_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Yêu cầu bổ sung, hoàn thiện hồ sơ"), parent)
        self.form.addRow(QLabel(self.tr("Giấy tờ cần bổ sung:")))
        self.checks: list[QCheckBox] = []
        for name in document_names:
            check = QCheckBox(name)
            self.checks.append(check)
            self.form.addRow(check)
        self.other_edit = QPlainTextEdit()
        self.other_edit.setTabChangesFocus(True)
        self.other_edit.setPlaceholderText(self.tr("Mỗi dòng một giấy tờ"))
        self.other_edit.setMaximumHeight(70)
        self.form.addRow(self.tr("Giấy tờ khác:"), self.other_edit)
        self.reason_edit = _reason_edit()
        self.form.addRow(self.tr("Lý do:"), self.reason_edit)
        self.finish()

    def items(self) -> list[DocumentInput]:
        names = [c.text() for c in self.checks if c.isChecked()]
        names += [line.strip() for line in self.other_edit.toPlainText().splitlines() if line.strip()]
        return [DocumentInput(name=name, originals=1) for name in names]

    def reason(self) -> str:
        return self.reason_edit.toPlainText()


class ReturnDialog(_ActionDialog):
    def __init__(self, default_name: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Trả kết quả"), parent)
        self.name_edit = QLineEdit(default_name)
        self.signature_check = QCheckBox(self.tr("Người nhận đã ký nhận"))
        self.signature_check.setChecked(True)
        self.form.addRow(self.tr("Người nhận kết quả:"), self.name_edit)
        self.form.addRow(self.signature_check)
        self.finish()


class ApologyDialog(_ActionDialog):
    def __init__(self, suggested: datetime | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Xin lỗi và hẹn lại ngày trả kết quả"), parent)
        self.reason_edit = _reason_edit()
        self.when_edit = QLineEdit(suggested.strftime("%d/%m/%Y %H:%M") if suggested else "")
        self.when_edit.setPlaceholderText(self.tr("ngày/tháng/năm giờ:phút, ví dụ 12/02/2027 16:00"))
        self.form.addRow(self.tr("Lý do chậm trả:"), self.reason_edit)
        self.form.addRow(self.tr("Hẹn trả mới:"), self.when_edit)
        self.finish()

    def reason(self) -> str:
        return self.reason_edit.toPlainText()

    def new_due_at(self) -> datetime:
        return parse_datetime(self.when_edit.text())
