"""Login, idle lock and user switching as the shell sees them; backup and the data check in the menu.

Login is asked for only when the workstation has at least one account, or when the settings demand it
(``extra["require_login"]``); a counter set up without accounts keeps working as before. While a login or
lock screen is up the views are hidden, so a walk-away counter shows no citizen's data.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMessageBox

from app import backup
from app.security import audit, operators
from app.security.session import OperatorRef, workstation
from ui.context import AppContext
from ui.errors import show_error
from ui.views.login import AuthScreen, ChangePasswordDialog, FirstRunDialog, LockScreen, LoginDialog

IDLE_CHECK_MS = 15_000
TOUCH_EVERY_S = 1.0  # input events arrive by the hundred; recording one per second is plenty
BACKUP_CREATE = backup.BACKUP_CREATE
_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin})
_COVER_EVENTS = frozenset({QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.Move})


def _t(text: str) -> str:
    return QCoreApplication.translate("AuthUi", text)


class AuthController(QObject):
    """Owns the login/lock screens and the idle timer of one main window."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.screen: AuthScreen | None = None
        self.accounts = False
        self._last_touch = 0.0
        self._deferred: list = []
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)

        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setObjectName("operator_state")
        self.label.setContentsMargins(10, 0, 10, 0)
        window.statusBar().addPermanentWidget(self.label)

        # No Alt letter: H is the "&Hồ sơ" menu's, and T, N, G are buttons' on the dossier and scanning screens
        # (a shared letter only moves the focus, it acts on neither). F10 then the arrows reach it, as "Trợ giúp".
        menu = window.menuBar().addMenu(_t("Hệ thống"))
        self.menu = menu  # other extensions add their system actions here
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, tip, slot in (
            ("lock", _t("Khóa máy (Ctrl+L)"), "Ctrl+L",
             _t("Khóa máy khi rời quầy; đăng nhập lại để tiếp tục (Ctrl+L)"), self.lock),
            ("switch_user", _t("Đổi người dùng"), None, _t("Đăng xuất để cán bộ khác đăng nhập"), self.switch_user),
            ("change_password", _t("Đổi mật khẩu"), None, _t("Đặt mật khẩu mới cho tài khoản đang đăng nhập"),
             self.change_password),
            (None, None, None, None, None),
            ("backup", _t("Sao lưu dữ liệu…"), None, _t("Sao lưu toàn bộ dữ liệu ra ổ USB hoặc thư mục khác"),
             self.backup_to_folder),
            ("check", _t("Kiểm tra dữ liệu"), None, _t("Kiểm tra cơ sở dữ liệu và tệp đính kèm còn nguyên vẹn"),
             self.check_data),
        ):
            if key is None:
                menu.addSeparator()
                continue
            action = QAction(text, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[key] = action
            window.actions_[key] = action

    # ----- start-up ----------------------------------------------------------------------------------------

    def start(self) -> None:
        with self.ctx.db.session() as session:
            self.accounts = operators.operator_count(session) > 0
        required = bool(self.ctx.settings.extra.get("require_login"))
        if self.accounts or required:
            # The draft offer names a citizen: it must wait until someone has logged in.
            original = self.window.offer_drafts
            self.window.offer_drafts = lambda: self.after_login(original)
            self._show(LoginDialog(self.ctx, self.window) if self.accounts else FirstRunDialog(self.ctx, self.window))
        self._update()
        QApplication.instance().installEventFilter(self)
        self.idle_timer.start()

    def after_login(self, fn) -> None:  # noqa: ANN001 - any callable without arguments
        if self.screen is None:
            fn()
        else:
            self._deferred.append(fn)

    # ----- screens -----------------------------------------------------------------------------------------

    def _show(self, screen: AuthScreen) -> None:
        self._close_screen()
        self.screen = screen
        self.window.centralWidget().setVisible(False)
        screen.done_ok.connect(self._logged_in)
        screen.quit_requested.connect(self.window.close)
        if isinstance(screen, LockScreen):
            screen.switch_requested.connect(lambda: self._show(LoginDialog(self.ctx, self.window, switch=True)))
        if isinstance(screen, LoginDialog) and screen.switch:
            screen.back_requested.connect(self._show_lock)
        if isinstance(screen, ChangePasswordDialog):
            screen.cancelled.connect(self._change_cancelled)
        if self.window.isVisible():
            screen.setGeometry(self.window.geometry())
        else:
            screen.resize(720, 560)
        screen.open()
        self._update()

    def _show_lock(self) -> None:
        operator = workstation().operator
        if operator is not None:
            self._show(LockScreen(self.ctx, operator, self.window))

    def _close_screen(self) -> None:
        if self.screen is not None:
            self.screen.finish()
            self.screen.deleteLater()
            self.screen = None

    def _logged_in(self, ref: OperatorRef) -> None:
        self.accounts = True
        typed = self.screen.typed_password if self.screen is not None else ""
        if self.screen is not None:
            self.screen.typed_password = ""
        if ref.must_change_password:
            # A temporary password: the counter stays covered until the operator has their own.
            self._show(ChangePasswordDialog(self.ctx, ref, self.window, forced=True, old_password=typed))
            return
        changed = isinstance(self.screen, ChangePasswordDialog)
        self._close_screen()
        self.window.centralWidget().setVisible(True)
        self._last_touch = 0.0
        self._update()
        if changed:
            self.window.statusBar().showMessage(_t("Đã đổi mật khẩu."), 10_000)
        deferred, self._deferred = self._deferred, []
        for fn in deferred:
            fn()

    def change_password(self) -> None:
        operator = workstation().current()
        if operator is not None:
            self._show(ChangePasswordDialog(self.ctx, operator, self.window, forced=False))

    def _change_cancelled(self) -> None:
        screen = self.screen
        if not isinstance(screen, ChangePasswordDialog):
            return
        if not screen.forced:
            self._close_screen()
            self.window.centralWidget().setVisible(True)
            self._update()
            return
        # Cancelling the forced change is logging out: nobody works on a temporary password.
        screen.set_busy(True)
        db = self.ctx.db
        self.ctx.tasks.run("db", lambda: workstation().logout(db),
                           lambda _result: self._show(LoginDialog(self.ctx, self.window)))

    def _update(self) -> None:
        ws = workstation()
        operator = ws.operator
        if operator is None:
            text = _t("Chưa đăng nhập") if self.accounts or self.screen is not None else ""
        elif ws.locked:
            text = _t("Đang khóa · {name}").format(name=operator.full_name)
        else:
            text = _t("{name} · {role}").format(name=operator.full_name,
                                                role=operators.ROLES.get(operator.role, operator.role))
        self.label.setText(text)
        self.label.setVisible(bool(text))
        logged_in = ws.current() is not None
        self.actions["lock"].setEnabled(logged_in)
        self.actions["switch_user"].setEnabled(logged_in)
        self.actions["change_password"].setEnabled(logged_in and self.screen is None)

    # ----- lock, idle, switch ------------------------------------------------------------------------------

    def _record_lock(self, operator: OperatorRef, reason: str) -> None:
        # Locking itself is immediate; only its line in the audit log waits for the db lane.
        self.ctx.run_db(lambda s: audit.record(s, operator, audit.IDLE_LOCK, f"operator:{operator.username}",
                                               {"reason": reason}) and None)

    def lock(self, *, reason: str = "manual") -> None:
        ws = workstation()
        operator = ws.current()
        if operator is None:
            return
        ws.lock(None, reason=reason)
        self._record_lock(operator, reason)
        self._show_lock()

    def check_idle(self) -> None:
        ws = workstation()
        operator = ws.current()
        if operator is not None and ws.check_idle(None):
            self._record_lock(operator, "idle")
            self._show_lock()

    def switch_user(self) -> None:
        """Another official takes the counter: lock first, so cancelling leaves it locked, never open."""
        ws = workstation()
        operator = ws.current()
        if operator is None:
            return
        ws.lock(None, reason="switch_user")
        self._record_lock(operator, "switch_user")
        self._show(LoginDialog(self.ctx, self.window, switch=True))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.window and self.screen is not None and event.type() in _COVER_EVENTS:
            # The login screen may open before the window is first shown: keep it on top, covering it.
            self.screen.setGeometry(self.window.geometry())
            self.screen.raise_()
            self.screen.activateWindow()
        if event.type() in _INPUT_EVENTS:
            now = time.monotonic()
            if now - self._last_touch >= TOUCH_EVERY_S:
                self._last_touch = now
                workstation().touch()
        return False

    # ----- backup and data check ---------------------------------------------------------------------------

    def _allowed(self, permission: str) -> bool:
        """With accounts, the action needs the permission; a counter without accounts keeps the old freedom."""
        ws = workstation()
        if ws.operator is None and not self.accounts:
            return True
        try:
            ws.require(permission)
        except operators.PermissionDenied as exc:
            show_error(self.window, exc)
            return False
        except Exception as exc:  # noqa: BLE001 - NotLoggedIn and the like: shown, not raised
            show_error(self.window, exc)
            return False
        return True

    def choose_backup_folder(self) -> str:
        return QFileDialog.getExistingDirectory(
            self.window, _t("Chọn thư mục lưu bản sao lưu (ví dụ ổ USB)"), str(Path.home()))

    def backup_to_folder(self) -> None:
        # A backup is every citizen's file on a removable drive: the same right as an export.
        if not self._allowed(operators.EXPORT):
            return
        folder = self.choose_backup_folder()
        if not folder:
            return
        db = self.ctx.db
        operator = workstation().current()
        self.actions["backup"].setEnabled(False)
        self.window.statusBar().showMessage(_t("Đang sao lưu dữ liệu…"))

        def work() -> backup.Backup:
            # The chosen folder exists (the dialog picked it); if the stick is pulled meanwhile, it is an error.
            return backup.run_backup(db, Path(folder), actor=operator or audit.SYSTEM, create_folder=False).backup

        self.ctx.tasks.run("db", work, self._backup_done, self._backup_failed)

    def _backup_done(self, made: backup.Backup) -> None:
        self.actions["backup"].setEnabled(True)
        self.window.statusBar().showMessage(_t("Đã sao lưu dữ liệu."), 10_000)
        box = QMessageBox(QMessageBox.Icon.Information, _t("Sao lưu dữ liệu"),
                          _t("Đã sao lưu vào {path}").format(path=made.path), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a folder may be named anything, "<b>" included
        box.setInformativeText(_t("{n} tệp đính kèm. Hãy cất ổ USB ở nơi an toàn: bản sao lưu chứa hồ sơ "
                                  "của công dân.").format(n=made.manifest.attachment_count))
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def _backup_failed(self, exc: BaseException, details: str) -> None:
        self.actions["backup"].setEnabled(True)
        self.window.statusBar().clearMessage()
        show_error(self.window, exc, details)

    def check_data(self) -> None:
        db = self.ctx.db
        self.window.statusBar().showMessage(_t("Đang kiểm tra dữ liệu…"))
        # Through the open engine: an encrypted database is read with its key.
        self.ctx.tasks.run("db", lambda: backup.check_data(db.path, connect=backup.database_connect(db)),
                           self._check_done, self._backup_failed)

    def _check_done(self, problems: list[str]) -> None:
        self.window.statusBar().clearMessage()
        if not problems:
            box = QMessageBox(QMessageBox.Icon.Information, _t("Kiểm tra dữ liệu"),
                              _t("Dữ liệu toàn vẹn: không phát hiện lỗi."), parent=self.window)
        else:
            box = QMessageBox(QMessageBox.Icon.Warning, _t("Kiểm tra dữ liệu"),
                              _t("Phát hiện {n} vấn đề trong dữ liệu.").format(n=len(problems)), parent=self.window)
            box.setInformativeText(_t(
                "Đừng xoá hay sửa tệp dữ liệu. Hãy đóng ứng dụng, sao chép cả thư mục dữ liệu sang ổ khác, rồi "
                "khôi phục bản sao lưu gần nhất hoặc liên hệ hỗ trợ kỹ thuật. Bấm “Xem chi tiết” để xem "
                "từng vấn đề."))
            box.setDetailedText("\n".join(f"- {p}" for p in problems))
        box.setObjectName("data_check_result")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()


def install(window: QMainWindow, ctx: AppContext) -> AuthController:
    """Status bar label, the "Hệ thống" menu, the idle timer, and the login screen when one is needed."""
    controller = AuthController(window, ctx)
    window.auth_controller = controller
    controller.start()
    return controller
