"""Login as the official meets it: first set-up, login, a password storm, idle lock, user switching, backup."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import backup, clock
from app.models import AuditEntry
from app.security import keys, operators, passwords
from app.security.session import current_operator, reset_workstation, workstation
from tests.ui.helpers import save_screenshot, type_text
from ui.auth_ui import install
from ui.main_window import MainWindow
from ui.views.login import ChangePasswordDialog, FirstRunDialog, LockScreen, LoginDialog

ADMIN_PW = "Quầy-một-cửa-2027"
LAN_PW = "Quay1@Sang-07"


@pytest.fixture(autouse=True)
def security():
    passwords.use_fast_hasher_for_tests()
    keys.use_backend(keys.MemoryKeyring())
    reset_workstation()
    yield
    reset_workstation()
    keys.use_backend(None)
    passwords.use_fast_hasher_for_tests(False)


@pytest.fixture
def now():
    class Now:
        value = datetime(2027, 3, 4, 10, 30)

    clock.set_clock(lambda: Now.value)
    yield Now
    clock.set_clock(None)


@pytest.fixture
def staff(ctx, now):
    with ctx.db.session() as s:
        admin = operators.create_first_admin(s, "admin", "Phạm Văn Quản", ADMIN_PW)
        operators.add_operator(s, admin, "lan", "Trần Thị Lan", operators.OFFICIAL, LAN_PW)
        lan = operators.get_operator(s, "lan")
        lan.must_change_password = False
    return ctx


def make_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install(window, ctx)
    return window


def fill(edit, text: str) -> None:
    edit.clear()
    type_text(edit, text)


def login(qtbot, screen, username: str, password: str) -> None:
    fill(screen.username_edit, username)
    fill(screen.password_edit, password)
    qtbot.mouseClick(screen.login_button, Qt.MouseButton.LeftButton)


def actions(ctx) -> list[tuple[str, str]]:
    with ctx.db.session() as s:
        return [(e.operator, e.action) for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]


def test_without_accounts_the_counter_opens_as_before(qtbot, ctx):
    window = make_window(qtbot, ctx)
    controller = window.auth_controller
    assert controller.screen is None
    assert window.centralWidget().isVisible() or not window.isVisible()
    assert not window.findChild(type(controller.label), "operator_state").isVisibleTo(window)
    assert not controller.actions["lock"].isEnabled()


def test_first_run_creates_the_administrator_and_logs_in(qtbot, ctx, now):
    ctx.settings.extra["require_login"] = True
    window = make_window(qtbot, ctx)
    screen = window.auth_controller.screen
    assert isinstance(screen, FirstRunDialog) and screen.isVisible()
    assert not window.centralWidget().isVisibleTo(window)

    fill(screen.full_name_edit, "Phạm Văn Quản")
    fill(screen.password_edit, ADMIN_PW)
    fill(screen.confirm_edit, ADMIN_PW + "x")
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert "không khớp" in screen.error_label.text()

    fill(screen.confirm_edit, ADMIN_PW)
    qtbot.mouseClick(screen.create_button, Qt.MouseButton.LeftButton)
    assert window.auth_controller.screen is None
    assert current_operator().username == "admin"
    assert window.centralWidget().isVisibleTo(window)
    assert "Phạm Văn Quản" in window.auth_controller.label.text()
    assert ("admin", "operator_add") in actions(ctx) and ("admin", "login") in actions(ctx)


def test_login_screen_wrong_then_right_password(qtbot, staff, now):
    window = make_window(qtbot, staff)
    screen = window.auth_controller.screen
    assert isinstance(screen, LoginDialog)
    # As at start-up: the screen opens first, the window shows afterwards and stays covered.
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert screen.isVisible() and screen.size() == window.size()
    login(qtbot, screen, "lan", "sai-mat-khau")
    assert screen.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert screen.password_edit.text() == "" and current_operator() is None

    login(qtbot, screen, "lan", LAN_PW)
    assert window.auth_controller.screen is None
    assert current_operator().username == "lan"
    assert window.auth_controller.label.text() == "Trần Thị Lan · Cán bộ một cửa"


def test_a_password_storm_locks_the_account_with_its_time(qtbot, staff, now):
    window = make_window(qtbot, staff)
    screen = window.auth_controller.screen
    for _ in range(operators.MAX_FAILURES):
        login(qtbot, screen, "lan", "doan-mo-mat-khau")
    assert screen.error_label.text() == "Tài khoản bị khóa đến 10:35 do nhập sai mật khẩu nhiều lần"
    path = save_screenshot(screen, "login.png")
    assert path.stat().st_size > 10_000
    # Even the right password is refused until the lock ends, and says why.
    login(qtbot, screen, "lan", LAN_PW)
    assert "10:35" in screen.error_label.text() and current_operator() is None
    now.value += timedelta(minutes=6)
    login(qtbot, screen, "lan", LAN_PW)
    assert current_operator().username == "lan"


def test_idle_lock_then_unlock_by_password(qtbot, staff, now):
    window = make_window(qtbot, staff)
    login(qtbot, window.auth_controller.screen, "lan", LAN_PW)
    controller = window.auth_controller
    minutes = workstation().idle_lock_minutes

    now.value += timedelta(minutes=minutes - 1)
    controller.check_idle()
    assert controller.screen is None

    now.value += timedelta(minutes=2)
    controller.check_idle()
    screen = controller.screen
    assert isinstance(screen, LockScreen) and "Trần Thị Lan" in screen.hint_label.text()
    assert current_operator() is None and not window.centralWidget().isVisibleTo(window)
    assert controller.label.text() == "Đang khóa · Trần Thị Lan"
    qtbot.keyClick(screen, Qt.Key.Key_Escape)  # cannot be dismissed
    assert screen.isVisible()

    fill(screen.password_edit, "sai")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert screen.error_label.text() == "Sai tên đăng nhập hoặc mật khẩu." and current_operator() is None

    fill(screen.password_edit, LAN_PW)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.screen is None and current_operator().username == "lan"
    assert window.centralWidget().isVisibleTo(window)
    assert ("lan", "idle_lock") in actions(staff) and ("lan", "unlock") in actions(staff)

    # Ctrl+L locks at once.
    window.actions_["lock"].trigger()
    assert isinstance(controller.screen, LockScreen) and current_operator() is None


def test_switch_user_and_back(qtbot, staff, now):
    window = make_window(qtbot, staff)
    controller = window.auth_controller
    login(qtbot, controller.screen, "admin", ADMIN_PW)

    window.actions_["switch_user"].trigger()
    screen = controller.screen
    assert isinstance(screen, LoginDialog) and screen.switch
    assert current_operator() is None  # locked while the other official types

    # "Quay lại" leads to the lock screen of the previous operator, not back into the counter.
    qtbot.mouseClick(screen.findChild(type(screen.login_button), "back"), Qt.MouseButton.LeftButton)
    lock = controller.screen
    assert isinstance(lock, LockScreen) and lock.operator.username == "admin"
    qtbot.mouseClick(lock.switch_button, Qt.MouseButton.LeftButton)
    screen = controller.screen
    login(qtbot, screen, "lan", LAN_PW)
    assert controller.screen is None and current_operator().username == "lan"
    assert ("lan", "switch_user") in actions(staff)


def test_backup_and_data_check_from_the_menu(qtbot, staff, now, tmp_path, modal, monkeypatch):
    window = make_window(qtbot, staff)
    controller = window.auth_controller
    login(qtbot, controller.screen, "lan", LAN_PW)
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(controller, "choose_backup_folder", lambda: str(usb))

    # An official may not carry every citizen's file away on a USB drive.
    modal.expect(QMessageBox, lambda box: box.text())
    window.actions_["backup"].trigger()
    (denied,) = modal.check(count=1)
    assert "không được phép" in denied and backup.list_backups(usb) == []

    workstation().switch_user(staff.db, "admin", ADMIN_PW)
    modal.expect(QMessageBox, lambda box: box.text())
    window.actions_["backup"].trigger()
    (done,) = modal.check(count=2)[1:]
    (made,) = backup.list_backups(usb)
    assert str(made) in done
    assert ("admin", "backup_create") in actions(staff)

    modal.expect(QMessageBox, lambda box: (box.icon(), box.text()))
    window.actions_["check"].trigger()
    (_, (icon, text)) = modal.check(count=3)[1:]
    assert icon == QMessageBox.Icon.Information and "toàn vẹn" in text


# ----- temporary passwords and "Đổi mật khẩu" --------------------------------------------------------------


@pytest.fixture
def newcomer(staff):
    """An account the administrator just created: its temporary password must be replaced at first login."""
    with staff.db.session() as s:
        operators.add_operator(s, operators.get_operator(s, "admin"), "mai", "<b>Đỗ</b> Thị \"Mai\"",
                               operators.OFFICIAL, "Tam-Thoi-2027")
    return staff


def change(qtbot, screen, new: str, again: str | None = None) -> None:
    fill(screen.new_edit, new)
    fill(screen.confirm_edit, new if again is None else again)
    qtbot.mouseClick(screen.change_button, Qt.MouseButton.LeftButton)


def test_a_temporary_password_is_replaced_before_the_counter_opens(qtbot, newcomer, now):
    window = make_window(qtbot, newcomer)
    controller = window.auth_controller
    drafts_offered: list[bool] = []
    controller._deferred.append(lambda: drafts_offered.append(True))
    login(qtbot, controller.screen, "mai", "Tam-Thoi-2027")
    screen = controller.screen
    assert isinstance(screen, ChangePasswordDialog) and screen.forced
    assert screen.old_edit is None  # the temporary password was typed a moment ago
    assert window.centralWidget().isHidden() and drafts_offered == []
    # The name is shown as typed, not as markup.
    assert screen.hint_label.textFormat() == Qt.TextFormat.PlainText and "<b>Đỗ</b>" in screen.hint_label.text()

    change(qtbot, screen, "Moi-Hon-2027", "Moi-Hon-2028")
    assert "không khớp" in screen.error_label.text()
    change(qtbot, screen, "ngan")
    assert "ít nhất" in screen.error_label.text()
    change(qtbot, screen, "Tam-Thoi-2027")
    assert "khác mật khẩu cũ" in screen.error_label.text()
    assert controller.screen is screen and workstation().operator.must_change_password

    change(qtbot, screen, "Moi-Hon-2027")
    assert controller.screen is None and not window.centralWidget().isHidden()
    assert drafts_offered == [True]
    assert workstation().require(operators.RECEIVE).username == "mai"
    assert controller.label.textFormat() == Qt.TextFormat.PlainText
    assert controller.label.text().startswith("<b>Đỗ</b>")
    assert ("mai", "password_change") in actions(newcomer)
    assert not operators.login(newcomer.db, "mai", "Moi-Hon-2027").must_change_password


def test_cancelling_the_forced_change_logs_out(qtbot, newcomer, now):
    window = make_window(qtbot, newcomer)
    controller = window.auth_controller
    login(qtbot, controller.screen, "mai", "Tam-Thoi-2027")
    screen = controller.screen
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert isinstance(controller.screen, LoginDialog) and current_operator() is None
    assert window.centralWidget().isHidden()
    assert actions(newcomer)[-1] == ("mai", "logout")
    # Next time the change is asked again.
    login(qtbot, controller.screen, "mai", "Tam-Thoi-2027")
    assert isinstance(controller.screen, ChangePasswordDialog)


def test_anyone_can_change_their_password_from_the_menu(qtbot, staff, now):
    window = make_window(qtbot, staff)
    controller = window.auth_controller
    login(qtbot, controller.screen, "lan", LAN_PW)
    window.actions_["change_password"].trigger()
    screen = controller.screen
    assert isinstance(screen, ChangePasswordDialog) and not screen.forced and screen.old_edit is not None
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    assert controller.screen is None and not window.centralWidget().isHidden()
    assert current_operator().username == "lan"

    window.actions_["change_password"].trigger()
    screen = controller.screen
    fill(screen.old_edit, "sai-roi")
    change(qtbot, screen, "Chieu-Thu-6x")
    assert "hiện tại không đúng" in screen.error_label.text()
    fill(screen.old_edit, LAN_PW)
    change(qtbot, screen, "Chieu-Thu-6x")
    assert controller.screen is None and window.statusBar().currentMessage() == "Đã đổi mật khẩu."
    workstation().logout(staff.db)
    assert operators.login(staff.db, "lan", "Chieu-Thu-6x")
