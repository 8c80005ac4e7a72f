"""The shell: actions with shortcuts, the stacked views, and the status bar. Screens live in ui/views."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.changes import Changes
from app.services.drafts import delete_draft, list_drafts
from app.settings import Settings, save_settings
from ui.context import AppContext
from ui.views.dossier_detail import DossierDetailView
from ui.views.dossier_list import DossierListView
from ui.views.intake import IntakeView
from ui.views.settings_dialog import SettingsDialog
from ui.widgets.style import refresh_styles

log = logging.getLogger(__name__)

# The zoom keys move the application font within these sizes (points); Ctrl+0 returns to the default.
MIN_FONT_SIZE, MAX_FONT_SIZE = 8, 20


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Một cửa — Tiếp nhận và trả kết quả hồ sơ"))

        self.stack = QStackedWidget()
        self.list_view = DossierListView(ctx)
        self.intake_view = IntakeView(ctx)
        self.detail_view = DossierDetailView(ctx)
        for view in (self.list_view, self.intake_view, self.detail_view):
            self.stack.addWidget(view)
        self.setCentralWidget(self.stack)
        self.list_view.open_requested.connect(self.show_detail)
        self.detail_view.back_requested.connect(self.show_list)
        self.intake_view.saved.connect(lambda dossier_id, _code: self.show_detail(dossier_id))

        self.actions_: dict[str, QAction] = {}
        toolbar = QToolBar(self.tr("Thanh công cụ"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        menu = self.menuBar().addMenu(self.tr("&Hồ sơ"))
        for key, text, shortcut, tip, slot in (
            ("intake", self.tr("Tiếp nhận mới (F2)"), "F2",
             self.tr("Mở màn hình tiếp nhận để nhập một hồ sơ mới (F2)"), self.show_intake),
            ("search", self.tr("Tìm kiếm (Ctrl+F)"), "Ctrl+F",
             self.tr("Tìm hồ sơ theo mã, họ tên, số định danh hoặc thủ tục (Ctrl+F)"), self.show_search),
            ("print", self.tr("In (Ctrl+P)"), "Ctrl+P",
             self.tr("In Giấy tiếp nhận và hẹn trả kết quả (mẫu 01) của hồ sơ đang mở (Ctrl+P)"),
             self.print_current),
            ("settings", self.tr("Cài đặt (Ctrl+,)"), "Ctrl+,",
             self.tr("Thông tin đơn vị, giờ làm việc, ngày nghỉ, thiết bị và đồng bộ (Ctrl+,)"), self.open_settings),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            _set_tip(action, tip)
            action.triggered.connect(slot)
            toolbar.addAction(action)
            menu.addAction(action)
            self.actions_[key] = action
        menu.addSeparator()
        quit_action = QAction(self.tr("Thoát"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        _set_tip(quit_action, self.tr("Lưu bản nháp đang nhập và đóng chương trình (Ctrl+Q)"))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self.actions_["quit"] = quit_action
        self._build_view_menu()

        # The sync slot is permanent so its place never moves; the sync engine fills it later.
        self.sync_label = QLabel(self.tr("Chưa kết nối máy chủ tỉnh"))
        self.sync_label.setObjectName("sync_state")
        self.workstation_label = QLabel()
        for label in (self.sync_label, self.workstation_label):
            label.setContentsMargins(10, 0, 10, 0)
        self.statusBar().addPermanentWidget(self.workstation_label)
        self.statusBar().addPermanentWidget(self.sync_label)
        self._update_workstation()
        ctx.events.changes_applied.connect(self._on_changes)
        self._update_print_action()
        self.stack.currentChanged.connect(lambda _i: self._update_print_action())
        self.show_list()

    # ----- navigation -----------------------------------------------------------------------------

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.refresh()
        self.list_view.focus_search()

    def show_search(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.list_view.focus_search()

    def show_intake(self) -> None:
        self.stack.setCurrentWidget(self.intake_view)
        self.intake_view.start()

    def show_detail(self, dossier_key: str) -> None:
        self.detail_view.load(dossier_key)
        self.stack.setCurrentWidget(self.detail_view)
        self.detail_view.focus_first()

    def print_current(self) -> None:
        if self.stack.currentWidget() is self.detail_view:
            self.detail_view.print_form("01")

    def _update_print_action(self) -> None:
        self.actions_["print"].setEnabled(self.stack.currentWidget() is self.detail_view)

    def add_screen(self, key: str, text: str, shortcut: str | None, widget: QWidget, tip: str | None = None) -> QAction:
        """A further screen (sync panel, scanning, dashboard...) with its action in the toolbar and menu."""
        self.stack.addWidget(widget)
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        _set_tip(action, tip or (f"{action.iconText()} ({shortcut})" if shortcut and shortcut not in text
                                 else action.iconText()))
        action.triggered.connect(lambda: self.stack.setCurrentWidget(widget))
        self.findChild(QToolBar, "main_toolbar").addAction(action)
        self.menuBar().actions()[0].menu().addAction(action)
        self.actions_[key] = action
        return action

    # ----- font size ------------------------------------------------------------------------------

    def _build_view_menu(self) -> None:
        # Alt+E: the X of "Xem" is taken by buttons ("Đã &xử lý xong", the dashboard's "&Xem").
        menu = self.menuBar().addMenu(self.tr("X&em"))
        for key, text, shortcuts, tip, slot in (
            ("zoom_in", self.tr("Phóng to chữ"), ("Ctrl+=", "Ctrl++"),
             self.tr("Tăng cỡ chữ của toàn bộ chương trình (Ctrl+=)"), lambda: self.zoom(1)),
            ("zoom_out", self.tr("Thu nhỏ chữ"), ("Ctrl+-",),
             self.tr("Giảm cỡ chữ của toàn bộ chương trình (Ctrl+-)"), lambda: self.zoom(-1)),
            ("zoom_reset", self.tr("Cỡ chữ mặc định"), ("Ctrl+0",),
             self.tr("Trở về cỡ chữ mặc định (Ctrl+0)"), lambda: self.set_font_size(Settings().ui_font_size)),
        ):
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            _set_tip(action, tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.addAction(action)  # the keys work with the menu bar hidden too
            self.actions_[key] = action

    def font_size(self) -> int:
        return QApplication.font().pointSize()

    def zoom(self, step: int) -> None:
        self.set_font_size(self.font_size() + step)

    def set_font_size(self, size: int) -> None:
        """Apply a font size to the whole application now and remember it for the next start."""
        size = max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, int(size)))
        font = QApplication.font()
        if font.pointSize() != size:
            font.setPointSize(size)
            QApplication.setFont(font)
            refresh_styles()
        self.statusBar().showMessage(self.tr("Cỡ chữ: {n}").format(n=size), 3000)
        if self.ctx.settings.ui_font_size == size:
            return
        settings = dataclasses.replace(self.ctx.settings, ui_font_size=size)
        self.ctx.settings = settings

        def failed(exc: BaseException, _details: str) -> None:
            # The size still applies to this session; only remembering it failed.
            log.warning("font size not saved: %s", type(exc).__name__)

        self.ctx.tasks.run("db", lambda: save_settings(settings), None, failed)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    # ----- state ----------------------------------------------------------------------------------

    def _update_workstation(self) -> None:
        s = self.ctx.settings
        self.workstation_label.setText(self.tr("{workstation} · {operator}").format(
            workstation=s.workstation_name, operator=s.operator_name))

    def _on_changes(self, changes: Changes) -> None:
        if changes.settings:
            self._update_workstation()

    def offer_drafts(self) -> None:
        """Offer the newest intake left unfinished (the app was closed or crashed mid-intake)."""
        self.ctx.run_db(lambda s: [(d.id, d.updated_at, dict(d.payload)) for d in list_drafts(s)],
                        self._ask_about_drafts)

    def _ask_about_drafts(self, drafts: list[tuple[str, object, dict]]) -> None:
        if not drafts:
            return
        draft_id, updated_at, payload = drafts[0]
        name = (payload.get("applicant") or {}).get("name") or self.tr("(chưa có tên)")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Hồ sơ đang nhập dở"))
        box.setText(self.tr("Có hồ sơ đang nhập dở của {name}, lưu lúc {time}. Tiếp tục?").format(
            name=name, time=updated_at.strftime("%H:%M %d/%m/%Y")))
        if len(drafts) > 1:
            box.setInformativeText(self.tr("Còn {n} hồ sơ nhập dở khác.").format(n=len(drafts) - 1))
        resume = box.addButton(self.tr("Tiếp tục nhập"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Để sau"), QMessageBox.ButtonRole.NoRole)
        discard = box.addButton(self.tr("Bỏ hồ sơ nháp"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(resume)
        box.exec()
        if box.clickedButton() is resume:
            self.stack.setCurrentWidget(self.intake_view)
            self.intake_view.load_draft(draft_id, payload)
            self.intake_view.start()
        elif box.clickedButton() is discard:
            self.ctx.mutate(lambda s: delete_draft(s, draft_id))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The last keystrokes of an intake must reach the disk before the database closes.
        self.intake_view.flush_draft()
        self.ctx.tasks.wait(10_000)
        QMainWindow.closeEvent(self, event)



def _set_tip(action: QAction, tip: str) -> None:
    action.setToolTip(tip)
    action.setStatusTip(tip)
