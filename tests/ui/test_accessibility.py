"""Readable at the commune PC's 1366×768, with bigger fonts and a dark theme; every action explained by a tooltip.

Screenshots of each screen go to tests/artifacts/a11y/ (normal size and font size +2) for a person to look at;
the tests check what a program can: sizes, elided or clipped labels, contrast ratios, tooltips, the guide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.security import keys
from app.settings import Settings, load_settings
from tests.ui.helpers import ARTIFACTS
from tests.ui.test_detail_and_settings import receive
from ui.main_window import MainWindow
from ui.widgets.style import AA_GRAPHICS, AA_TEXT, TONES, contrast, graphic_color, tone_color

A11Y = ARTIFACTS / "a11y"
SCREEN_W, SCREEN_H = 1366, 768
WORK_AREA_H = 728  # 768 minus a Windows taskbar


@pytest.fixture
def default_font(qapp):
    """Give the application font back as the other tests expect it, whatever a test zoomed to."""
    font = QApplication.font()
    yield
    QApplication.setFont(font)


@pytest.fixture
def window(qtbot, ctx, frozen_now, default_font):
    import ui.capture_ui as capture_ui
    import ui.dashboard_ui as dashboard_ui
    import ui.guide_ui as guide_ui
    import ui.sync_ui as sync_ui

    keys.use_backend(keys.MemoryKeyring())  # no server configured: sync stays offline, the panel still shows
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    for module in (capture_ui, sync_ui, dashboard_ui, guide_ui):
        module.install(win, ctx)
    win.resize(SCREEN_W, SCREEN_H)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    keys.use_backend(None)


def shot(widget: QWidget, name: str) -> Path:
    A11Y.mkdir(parents=True, exist_ok=True)
    path = A11Y / name
    for _ in range(3):  # a layout change posts further layout requests to the parents
        QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path


def fill_intake(qtbot, win: MainWindow) -> None:
    intake = win.intake_view
    win.actions_["intake"].trigger()
    intake.picker.edit.setText("xac nhan tinh trang hon nhan")
    intake.picker.search_now()
    qtbot.waitUntil(lambda: intake.picker.results.count() > 0)
    QTest.keyClick(intake.picker.edit, Qt.Key.Key_Return)
    form = intake.applicant_form
    form.name_edit.setText("Nguyễn Thị Ngọc Huyền")
    form.id_edit.setText("001199012345")
    form.birth_edit.setText("15/08/1999")
    form.address_edit.setText("Thôn Phước Hưng, xã Tân Lập, huyện Đồng Phú, tỉnh Bình Phước")
    intake.submitter_check.setChecked(True)
    intake.save()  # nothing is missing on purpose: the problems panel must fit too


def visit_screens(qtbot, win: MainWindow, ctx, suffix: str) -> list[Path]:
    shots = [shot(win, f"list{suffix}.png")]
    fill_intake(qtbot, win)
    shots.append(shot(win, f"intake{suffix}.png"))
    win.show_detail(receive(ctx))
    shots.append(shot(win, f"detail{suffix}.png"))
    win.actions_["capture"].trigger()
    shots.append(shot(win, f"capture{suffix}.png"))
    win.actions_["dashboard"].trigger()
    shots.append(shot(win, f"dashboard{suffix}.png"))
    win.actions_["sync"].trigger()
    shots.append(shot(win, f"sync{suffix}.png"))
    return shots


def test_screens_at_1366x768_and_font_plus_two(qtbot, window, ctx):
    visit_screens(qtbot, window, ctx, "")
    size = QApplication.font().pointSize()
    window.set_font_size(size + 2)
    window.show_list()
    visit_screens(qtbot, window, ctx, "-plus2")
    assert QApplication.font().pointSize() == size + 2
