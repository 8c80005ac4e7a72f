"""Who sits at the counter: first set-up of the administrator, login, the lock screen and user switching.

Each screen is a non-blocking modal dialog (``open()``, never ``exec()``): the main window stays alive
behind it but gets no input, and the slow password hashing runs on the "db" lane so the window never
freezes. A screen reports success with ``done_ok(OperatorRef)``; it cannot be dismissed with Esc or the
close button, because dismissing it would uncover the counter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import UserError
from app.security import operators, passwords
from app.security.operators import LoginFailed
from app.security.session import OperatorRef, workstation
from ui.context import AppContext
from ui.errors import show_error
from ui.widgets.style import emphasize, set_tone

CARD_WIDTH = 440


def lockout_until_text(until: datetime, now: datetime | None = None) -> str:
    """"10:35" the same day; with the date when the lock runs past midnight."""
    now = now or clock.now()
    return until.strftime("%H:%M") if until.date() == now.date() else until.strftime("%H:%M %d/%m/%Y")


class AuthScreen(QDialog):
    """A centred card on a plain background, sized to cover the main window so nothing shows behind it."""

    done_ok = Signal(object)  # OperatorRef
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setModal(True)
        self.setObjectName("auth_screen")
        # Palette roles, not fixed colours: the card's text follows the theme, so must its background.
        # The card takes the window colour the tones are measured against; the fields stand out in base.
        self.setStyleSheet("#auth_screen { background: palette(base); }"
                           "#auth_card { background: palette(window); border: 1px solid palette(mid);"
                           " border-radius: 8px; }")
        self.card = QFrame()
        self.card.setObjectName("auth_card")
        self.card.setFixedWidth(CARD_WIDTH)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(28, 24, 28, 24)
        self.card_layout.setSpacing(10)

        unit = QLabel(ctx.settings.unit_name)
        unit.setTextFormat(Qt.TextFormat.PlainText)
        emphasize(unit)
        unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label = QLabel()
        self.title_label.setObjectName("auth_title")
        set_tone(self.title_label, "accent")
        emphasize(self.title_label, 1.45)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.hint_label = QLabel()
        # Names come from the accounts table: "<b>" in one must show as typed, never as markup.
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_tone(self.hint_label, "muted")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.error_label = QLabel()
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setObjectName("auth_error")
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, "error")
        emphasize(self.error_label)
        self.error_label.setVisible(False)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(8)
        for widget in (unit, self.title_label, self.hint_label):
            self.card_layout.addWidget(widget)
        self.card_layout.addSpacing(6)
        self.card_layout.addLayout(self.form)
        self.card_layout.addWidget(self.error_label)
        self.card_layout.addSpacing(4)
        self.card_layout.addLayout(self.buttons)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._inputs: list[QWidget] = []
        # The password just accepted, kept only until the controller has seen whether it must be replaced
        # (the forced change then needs no second typing of the temporary password).
        self.typed_password = ""

    # ----- building blocks ------------------------------------------------------------------------------

    def _line(self, label: str, name: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMinimumHeight(30)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.returnPressed.connect(self.submit)
        self.form.addRow(label, edit)
        self._inputs.append(edit)
        return edit

    def _button(self, text: str, name: str, slot: Callable[[], Any], *, primary: bool = False) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setMinimumHeight(32)
        button.setAutoDefault(False)
        if primary:
            button.setDefault(True)
            emphasize(button)
            button.setStyleSheet("padding: 4px 16px")
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        self._inputs.append(button)
        return button

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        for widget in self._inputs:
            widget.setEnabled(not busy)

    def _run(self, work: Callable[[], OperatorRef]) -> None:
        """Hashing takes a moment: run on the db lane, come back here with the result or the reason."""
        self.show_error("")
        self.set_busy(True)
        self.ctx.tasks.run("db", work, self._succeeded, self._failed)

    def _succeeded(self, ref: OperatorRef) -> None:
        self.set_busy(False)
        self.done_ok.emit(ref)

    def _failed(self, exc: BaseException, details: str) -> None:
        self.set_busy(False)
        if isinstance(exc, LoginFailed) and exc.locked_until is not None:
            self.show_error(self.tr("Tài khoản bị khóa đến {time} do nhập sai mật khẩu nhiều lần").format(
                time=lockout_until_text(exc.locked_until)))
        elif isinstance(exc, UserError):
            self.show_error(exc.message)
        else:
            show_error(self, exc, details)
        self.after_failure()

    def after_failure(self) -> None:
        """Where the cursor goes after a refusal (subclasses clear the password)."""
        self.typed_password = ""

    def submit(self) -> None:
        """Run the screen's action (create the account, log in, unlock...): each concrete screen defines it."""

    # ----- cannot be dismissed ----------------------------------------------------------------------------

    def reject(self) -> None:
        # Esc would uncover the counter: the way out is logging in, or "Thoát" where offered.
        return

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if getattr(self, "_closing", False):
            super().closeEvent(event)
        else:
            event.ignore()

    def finish(self) -> None:
        """Close for good (the controller calls this once the operator is in)."""
        self._closing = True
        self.done(QDialog.DialogCode.Accepted)


class FirstRunDialog(AuthScreen):
    """No account exists yet: whoever installs the counter creates the administrator."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Thiết lập lần đầu — Một cửa"))
        self.title_label.setText(self.tr("Tạo tài khoản quản trị"))
        self.hint_label.setText(self.tr(
            "Máy này chưa có tài khoản nào. Tài khoản quản trị dùng để thêm cán bộ, đổi cài đặt và sao lưu dữ "
            "liệu. Hãy ghi nhớ mật khẩu: không ai khôi phục được mật khẩu đã quên."))
        self.full_name_edit = self._line(self.tr("Họ và tên"), "full_name")
        self.username_edit = self._line(self.tr("Tên đăng nhập"), "username")
        self.username_edit.setText("admin")
        self.password_edit = self._line(self.tr("Mật khẩu"), "password", secret=True)
        self.confirm_edit = self._line(self.tr("Nhập lại mật khẩu"), "confirm", secret=True)
        self.buttons.addStretch(1)
        self._button(self.tr("Thoát"), "quit", self.quit_requested.emit)
        self.create_button = self._button(self.tr("Tạo tài khoản"), "create", self.submit, primary=True)
        self.full_name_edit.setFocus()

    def submit(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.show_error(self.tr("Hai lần nhập mật khẩu không khớp."))
            self.confirm_edit.clear()
            self.confirm_edit.setFocus()
            return
        db = self.ctx.db
        username, full_name, secret = self.username_edit.text(), self.full_name_edit.text(), self.password_edit.text()

        def work() -> OperatorRef:
            with db.session() as session:
                operators.create_first_admin(session, username, full_name, secret)
            return workstation().login(db, username, secret)

        self._run(work)


class LoginDialog(AuthScreen):
    """Name and password; in "switch" mode another official takes over a locked counter."""

    back_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, switch: bool = False) -> None:
        super().__init__(ctx, parent)
        self.switch = switch
        if switch:
            self.setWindowTitle(self.tr("Đổi người dùng — Một cửa"))
            self.title_label.setText(self.tr("Đổi người dùng"))
            self.hint_label.setText(self.tr("Người dùng mới đăng nhập; phiên của người trước được kết thúc."))
        else:
            self.setWindowTitle(self.tr("Đăng nhập — Một cửa"))
            self.title_label.setText(self.tr("Đăng nhập"))
            self.hint_label.setText(self.tr("{workstation} · Bộ phận tiếp nhận và trả kết quả").format(
                workstation=ctx.settings.workstation_name))
        self.username_edit = self._line(self.tr("Tên đăng nhập"), "username")
        self.password_edit = self._line(self.tr("Mật khẩu"), "password", secret=True)
        if switch:
            self._button(self.tr("Quay lại"), "back", self.back_requested.emit)
        else:
            self._button(self.tr("Thoát"), "quit", self.quit_requested.emit)
        self.buttons.addStretch(1)
        self.login_button = self._button(self.tr("Đăng nhập"), "login", self.submit, primary=True)
        self.username_edit.setFocus()

    def submit(self) -> None:
        username, secret = self.username_edit.text().strip(), self.password_edit.text()
        if not username or not secret:
            self.show_error(self.tr("Hãy nhập tên đăng nhập và mật khẩu."))
            return
        db = self.ctx.db
        self.typed_password = secret
        if self.switch:
            self._run(lambda: workstation().switch_user(db, username, secret))
        else:
            self._run(lambda: workstation().login(db, username, secret))

    def after_failure(self) -> None:
        super().after_failure()
        self.password_edit.clear()
        self.password_edit.setFocus()


class LockScreen(AuthScreen):
    """The counter is locked (idle or Ctrl+L): the same official unlocks with the password alone."""

    switch_requested = Signal()

    def __init__(self, ctx: AppContext, operator: OperatorRef, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.operator = operator
        self.setWindowTitle(self.tr("Quầy đang khóa — Một cửa"))
        self.title_label.setText(self.tr("Quầy đang khóa"))
        self.hint_label.setText(self.tr("Đang dùng: {name} ({username}). Nhập mật khẩu để mở khóa.").format(
            name=operator.full_name, username=operator.username))
        self.password_edit = self._line(self.tr("Mật khẩu"), "password", secret=True)
        self.switch_button = self._button(self.tr("Đổi người dùng"), "switch", self.switch_requested.emit)
        self.buttons.addStretch(1)
        self.unlock_button = self._button(self.tr("Mở khóa"), "unlock", self.submit, primary=True)
        self.password_edit.setFocus()

    def submit(self) -> None:
        secret = self.password_edit.text()
        if not secret:
            self.show_error(self.tr("Hãy nhập mật khẩu."))
            return
        db = self.ctx.db
        self.typed_password = secret
        self._run(lambda: workstation().unlock(db, secret))

    def after_failure(self) -> None:
        super().after_failure()
        self.password_edit.clear()
        self.password_edit.setFocus()


class ChangePasswordDialog(AuthScreen):
    """The operator sets a new password: forced after a temporary one, or chosen from the menu.

    When forced, the counter stays covered until the change succeeds and the only other way out is logging
    out. The temporary password typed at login is passed in, so only the new one is asked (twice).
    """

    cancelled = Signal()

    def __init__(self, ctx: AppContext, operator: OperatorRef, parent: QWidget | None = None, *,
                 forced: bool, old_password: str = "") -> None:
        super().__init__(ctx, parent)
        self.operator = operator
        self.forced = forced
        self._old_password = old_password
        self.setWindowTitle(self.tr("Đổi mật khẩu — Một cửa"))
        self.title_label.setText(self.tr("Đổi mật khẩu"))
        rule = self.tr("Mật khẩu mới: ít nhất {n} ký tự, nhiều ký tự khác nhau, không chứa tên đăng nhập.").format(
            n=passwords.MIN_LENGTH)
        if forced:
            hint = self.tr("{name} ({username}) đang dùng mật khẩu tạm thời do quản trị viên đặt. Hãy đặt mật "
                           "khẩu riêng trước khi làm việc.").format(name=operator.full_name,
                                                                    username=operator.username)
        else:
            hint = self.tr("Đổi mật khẩu của {name} ({username}).").format(name=operator.full_name,
                                                                          username=operator.username)
        self.hint_label.setText(hint + "\n" + rule)
        self.old_edit: QLineEdit | None = None
        if not old_password:
            self.old_edit = self._line(self.tr("Mật khẩu hiện tại"), "old_password", secret=True)
        self.new_edit = self._line(self.tr("Mật khẩu mới"), "new_password", secret=True)
        self.confirm_edit = self._line(self.tr("Nhập lại mật khẩu mới"), "confirm_password", secret=True)
        if forced:
            self.cancel_button = self._button(self.tr("Đăng xuất"), "logout", self.cancelled.emit)
        else:
            self.cancel_button = self._button(self.tr("Hủy"), "cancel", self.cancelled.emit)
        self.buttons.addStretch(1)
        self.change_button = self._button(self.tr("Đổi mật khẩu"), "change", self.submit, primary=True)
        (self.old_edit or self.new_edit).setFocus()

    def submit(self) -> None:
        old = self.old_edit.text() if self.old_edit is not None else self._old_password
        new, again = self.new_edit.text(), self.confirm_edit.text()
        if not old or not new:
            self.show_error(self.tr("Hãy nhập đủ mật khẩu."))
            return
        if new != again:
            self.show_error(self.tr("Hai lần nhập mật khẩu mới không khớp."))
            self.confirm_edit.clear()
            self.confirm_edit.setFocus()
            return
        db = self.ctx.db
        self._run(lambda: workstation().change_password(db, old, new))

    def _succeeded(self, ref: OperatorRef) -> None:
        self._old_password = ""
        super()._succeeded(ref)

    def after_failure(self) -> None:
        super().after_failure()
        self.new_edit.clear()
        self.confirm_edit.clear()
        (self.old_edit if self.old_edit is not None and not self.old_edit.text() else self.new_edit).setFocus()
