"""A citizen asks for the data the counter holds about them (NĐ 13/2023/NĐ-CP): "Trích xuất dữ liệu của công
dân…" in the Hệ thống menu, for a leader or an administrator. The archive is written on the db lane by
:mod:`app.services.citizen_export`, which also checks the role and writes the audit line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from app import clock
from app.errors import UserError
from app.security import operators
from app.security.session import workstation
from ui.context import AppContext
from ui.errors import show_error

if TYPE_CHECKING:
    from app.services.citizen_export import CitizenExport


def _t(text: str) -> str:
    return QCoreApplication.translate("PrivacyUi", text)


class CitizenDataExport(QObject):
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.action = QAction(_t("Trích xuất dữ liệu của công dân…"), window)
        tip = _t("Lập tệp nén chứa mọi dữ liệu máy này lưu về một công dân, khi người đó yêu cầu "
                 "(Nghị định 13/2023/NĐ-CP); dành cho lãnh đạo hoặc quản trị viên")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.start)
        window.actions_["citizen_export"] = self.action
        controller = getattr(window, "auth_controller", None)
        menu = getattr(controller, "menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)

    def ask_id_number(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.window, _t("Trích xuất dữ liệu của công dân"),
            _t("Số CCCD (12 số) hoặc CMND (9 số) của người yêu cầu:"))
        return text if ok else None

    def choose_target(self) -> str:
        name = f"du-lieu-cong-dan-{clock.now():%Y%m%d-%H%M}.zip"
        path, _filter = QFileDialog.getSaveFileName(self.window, _t("Lưu tệp dữ liệu"), str(Path.home() / name),
                                                    _t("Tệp nén (*.zip)"))
        return path

    def start(self) -> None:
        ws = workstation()
        try:
            operator = ws.require(operators.CITIZEN_DATA)
        except UserError as exc:
            show_error(self.window, exc)
            return
        from app.services import citizen_export  # loaded when asked for, not at start-up

        raw = self.ask_id_number()
        if raw is None:
            return
        try:
            number = citizen_export.normalise_id_number(raw)
        except UserError as exc:
            show_error(self.window, exc)
            return
        target = self.choose_target()
        if not target:
            return
        if not target.lower().endswith(".zip"):
            target += ".zip"
        db, store, unit = self.ctx.db, self.ctx.store, self.ctx.settings.unit_name
        self.action.setEnabled(False)
        self.window.statusBar().showMessage(_t("Đang trích xuất dữ liệu…"))

        def work() -> CitizenExport:
            with db.session() as session:
                return citizen_export.export_citizen(session, store, operator, number, Path(target),
                                                     unit_name=unit)

        self.ctx.tasks.run("db", work, self._done, self._failed)

    def _done(self, result: CitizenExport) -> None:
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()
        box = QMessageBox(QMessageBox.Icon.Information, _t("Trích xuất dữ liệu của công dân"),
                          _t("Đã trích xuất {n} hồ sơ và {files} tệp scan vào {path}.").format(
                              n=len(result.codes), files=result.files, path=result.path), parent=self.window)
        box.setObjectName("citizen_export_done")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(_t("Hồ sơ: {codes}. Tệp chứa dữ liệu cá nhân: chỉ giao cho đúng người yêu cầu và "
                                  "xoá khỏi máy sau khi giao.").format(codes=", ".join(result.codes)))
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def _failed(self, exc: BaseException, details: str) -> None:
        self.action.setEnabled(True)
        self.window.statusBar().clearMessage()
        show_error(self.window, exc, details)


def install(window: QMainWindow, ctx: AppContext) -> CitizenDataExport:
    export = CitizenDataExport(window, ctx)
    window.citizen_export = export
    return export
