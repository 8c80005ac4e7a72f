"""Small Vietnamese dialogs (Qt ships no Vietnamese translation for its standard buttons)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget


def _t(text: str) -> str:
    return QCoreApplication.translate("Dialogs", text)


def translate_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    names = {
        QDialogButtonBox.StandardButton.Ok: _t("Đồng ý"),
        QDialogButtonBox.StandardButton.Save: _t("Lưu"),
        QDialogButtonBox.StandardButton.Cancel: _t("Hủy"),
        QDialogButtonBox.StandardButton.Close: _t("Đóng"),
        QDialogButtonBox.StandardButton.Yes: _t("Có"),
        QDialogButtonBox.StandardButton.No: _t("Không"),
    }
    for which, text in names.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box


def ask(parent: QWidget | None, title: str, text: str, yes: str | None = None, no: str | None = None) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes or _t("Có"), QMessageBox.ButtonRole.YesRole)
    box.addButton(no or _t("Không"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(yes_button)
    box.exec()
    return box.clickedButton() is yes_button


def inform(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
