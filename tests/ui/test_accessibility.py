"""Readable at the commune PC's 1366×768, with bigger fonts and a dark theme; every action explained by a tooltip.

Screenshots of each screen go to tests/artifacts/a11y/ (normal size and font size +2) for a person to look at;
the tests check what a program can: sizes, elided or clipped labels, contrast ratios, tooltips, the guide.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QColor, QFontMetrics, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
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


# ----- 1366×768 -----------------------------------------------------------------------------------------------


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels whose text does not fit their box (Qt cuts a label silently, without an ellipsis)."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisibleTo(root) or not text or label.textFormat() == Qt.TextFormat.RichText \
                or label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if "<" in text and Qt.mightBeRichText(text):
            continue
        metrics = QFontMetrics(label.font())
        shown = text.replace("&&", "\0").replace("&", "").replace("\0", "&") if label.buddy() else text
        room = label.contentsRect()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{shown!r}: {label.height()} px high, needs {needed}")
        else:
            lines = shown.split("\n")
            width = max(metrics.horizontalAdvance(line) for line in lines)
            if width > room.width() + 1:
                found.append(f"{shown!r}: {room.width()} px wide, needs {width}")
    return found


def check_fits(window: MainWindow, screens: list[QWidget], suffix: str = "") -> None:
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN_W and hint.height() <= WORK_AREA_H, hint
    window.resize(SCREEN_W, WORK_AREA_H)
    for screen in screens:
        window.stack.setCurrentWidget(screen)
        for _ in range(3):
            QApplication.processEvents()
        assert (window.width(), window.height()) == (SCREEN_W, WORK_AREA_H), type(screen).__name__
        assert clipped_labels(screen) == [], type(screen).__name__
        if screen is window.dashboard_view:
            chart = screen.on_time_chart  # its three bars always show in full
            assert chart.height() >= chart.sizeHint().height(), (chart.height(), chart.sizeHint())
        if suffix:
            shot(window, f"{type(screen).__name__}{suffix}.png")


def screens_of(window: MainWindow) -> list[QWidget]:
    return [window.list_view, window.intake_view, window.detail_view, window.capture_view, window.dashboard_view,
            window.sync_panel]


def test_every_screen_fits_the_work_area_at_the_usual_and_bigger_fonts(qtbot, window, ctx):
    fill_intake(qtbot, window)
    window.detail_view.load(receive(ctx))
    intake = window.intake_view
    assert intake.minimumSizeHint().width() <= SCREEN_W and intake.minimumSizeHint().height() <= WORK_AREA_H
    check_fits(window, screens_of(window))
    assert not intake.columns.stacked  # at the usual size the papers sit beside the applicant

    size = QApplication.font().pointSize()
    for bigger in (size + 2, 14):
        window.set_font_size(bigger)
        check_fits(window, screens_of(window), "-14pt" if bigger == 14 else "")
        window.stack.setCurrentWidget(intake)
        # Never sideways: the form is never wider than its scroll area.
        scroll_viewport = intake.columns.parentWidget()
        assert intake.columns.minimumSizeHint().width() <= scroll_viewport.width()
    shot(window, "intake-14pt.png")


def test_clipped_labels_are_found(qtbot, window):
    """The check above can fail: a label squeezed below its text is reported."""
    label = QLabel("Số định danh cá nhân của người yêu cầu", window.intake_view)
    label.setGeometry(0, 0, 40, 20)
    label.show()
    assert clipped_labels(window.intake_view)
    label.deleteLater()


# ----- font size ----------------------------------------------------------------------------------------------


def test_zoom_keys_change_the_font_and_remember_it(qtbot, window, ctx, data_dir):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    start = QApplication.font().pointSize()
    appointment = window.intake_view.appointment_label
    before = appointment.font().pointSizeF()

    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == start + 1
    assert load_settings().ui_font_size == start + 1 == ctx.settings.ui_font_size
    # Emphasised texts keep their proportion to the new size.
    assert appointment.font().pointSizeF() == pytest.approx(before * (start + 1) / start)

    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == start - 1
    assert load_settings().ui_font_size == start - 1

    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.font().pointSize() == Settings().ui_font_size
    assert load_settings().ui_font_size == Settings().ui_font_size

    window.set_font_size(99)
    assert QApplication.font().pointSize() == 20  # bounded: the screens stay usable


# ----- contrast -----------------------------------------------------------------------------------------------


def dark_palette() -> QPalette:
    """A dark high-contrast theme as a user may pick it in the system settings."""
    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#000000"), (QPalette.ColorRole.WindowText, "#ffffff"),
                        (QPalette.ColorRole.Base, "#121212"), (QPalette.ColorRole.Text, "#ffffff"),
                        (QPalette.ColorRole.Button, "#1e1e1e"), (QPalette.ColorRole.ButtonText, "#ffffff"),
                        (QPalette.ColorRole.Highlight, "#1aebff"), (QPalette.ColorRole.HighlightedText, "#000000")):
        palette.setColor(role, QColor(color))
    return palette


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_tone_reads_at_aa_contrast_on_the_theme(qapp, theme):
    palette = QApplication.palette() if theme == "light" else dark_palette()
    for tone in TONES:
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            color = tone_color(tone, palette, role)
            assert contrast(color, palette.color(role)) >= AA_TEXT, (tone, role, color.name())
    from ui.views.dashboard import EARLY_COLOR, LATE_COLOR, ON_TIME_COLOR, RECEIVED_COLOR

    for bar in (EARLY_COLOR, LATE_COLOR, ON_TIME_COLOR, RECEIVED_COLOR):
        color = graphic_color(bar.name(), palette)
        assert contrast(color, palette.color(QPalette.ColorRole.Window)) >= AA_GRAPHICS, bar.name()


def test_the_light_theme_keeps_the_usual_hues():
    """On the ordinary light theme nothing needs adjusting: the tones are the designed colours."""
    for tone, hex_color in TONES.items():
        assert tone_color(tone).name() == hex_color


def test_rating_buttons_have_readable_captions():
    from ui.views.rating_dialog import LEVEL_COLORS

    for level, color in LEVEL_COLORS.items():
        assert contrast(QColor(color), QColor("#ffffff")) >= AA_TEXT, level


def test_screens_follow_a_dark_theme(qtbot, window, ctx):
    """Under a dark palette the intake's messages are recoloured to read on black, not left dark red."""
    from ui.widgets.style import refresh_styles

    intake = window.intake_view
    fill_intake(qtbot, window)
    assert intake.current_problems
    light = QApplication.palette()
    try:
        QApplication.setPalette(dark_palette())
        refresh_styles()
        background = QColor("#000000")
        for label in (intake.problems_label, intake.appointment_label, intake.draft_label):
            color = QColor(label.styleSheet().removeprefix("color: "))
            assert color.isValid(), label.styleSheet()
            assert contrast(color, background) >= AA_TEXT, (label.text()[:20], color.name())
        shot(window, "intake-dark.png")
    finally:
        QApplication.setPalette(light)
        refresh_styles()
    assert intake.problems_label.styleSheet() == f"color: {TONES['error']}"


def test_no_hard_coded_light_only_colours_in_the_screens():
    """Colours in ui/ come from ui/widgets/style.py or the palette; a literal needs its own background too."""
    root = Path(__file__).resolve().parents[2] / "ui"
    allowed = {
        "ui/widgets/style.py",  # the tones themselves
        "ui/views/rating_dialog.py",  # white captions on their own dark buttons
        "ui/views/dashboard.py",  # bar colours, passed through graphic_color()
        "ui/widgets/thumbnails.py",  # page captions painted with their own background
    }
    offenders = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).as_posix()
        if relative in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0] if not line.lstrip().startswith(("f\"", "\"")) else line
            if "color:" in code and "#" in line.split("color:", 1)[1] or "QColor(\"#" in code:
                offenders.append(f"{relative}:{number}: {line.strip()}")
    assert offenders == []


# ----- tooltips -----------------------------------------------------------------------------------------------


def install_system_menu(window: MainWindow, ctx) -> None:
    """The "Hệ thống" menu of the sign-in extension, with the citizen data export it carries."""
    import ui.auth_ui as auth_ui
    import ui.privacy_ui as privacy_ui

    auth_ui.install(window, ctx)  # no accounts: no login screen, the menu and its actions only
    privacy_ui.install(window, ctx)


def test_every_action_and_input_explains_itself(qtbot, window, ctx):
    install_system_menu(window, ctx)
    own = {"intake", "search", "print", "settings", "quit", "zoom_in", "zoom_out", "zoom_reset", "capture",
           "dashboard", "sync", "guide", "lock", "switch_user", "change_password", "backup", "check",
           "citizen_export"}
    assert own - set(window.actions_) == set()
    for key, action in window.actions_.items():
        tip = action.toolTip().strip()
        assert tip, key
        if key in own:
            # A sentence of its own, not the button text again, and the key to press when there is one.
            assert tip != action.iconText(), key
            for shortcut in action.shortcuts()[:1]:
                assert shortcut.toString() in tip, (key, tip)
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            assert action.isSeparator() or action.toolTip().strip(), action.text()

    intake = window.intake_view
    fill_intake(qtbot, window)
    missing = []
    for widget in intake.findChildren(QWidget):
        if not isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QAbstractButton | QPlainTextEdit):
            continue
        if isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox | QLineEdit):
            continue  # the inner editor of a spin box or combo box, the clear button of a line edit
        if not widget.toolTip().strip():
            missing.append(widget.accessibleName() or type(widget).__name__ + ":" + getattr(widget, "text", str)())
    assert missing == []
    assert isinstance(intake.columns.parentWidget().parentWidget(), QAbstractScrollArea)

    # The settings of the other screens say what they change too.
    for screen in (window.capture_view, window.dashboard_view, window.list_view):
        for widget in screen.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox | QCheckBox) \
                    and not isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox):
                assert widget.toolTip().strip(), (type(screen).__name__, type(widget).__name__)


# ----- the guide ----------------------------------------------------------------------------------------------


def test_f1_opens_the_guide_at_the_page_of_the_current_screen(qtbot, window):
    from ui.guide_ui import PAGES, GuideDialog, guide_dir, page_titles

    for key in PAGES:
        text = (Path(guide_dir()) / f"{key}.html").read_text(encoding="utf-8")
        assert "<h1>" in text and "charset=\"utf-8\"" in text, key
    assert list(page_titles()) == list(PAGES)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.actions_["intake"].trigger()
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.guide_dialog()
    assert isinstance(dialog, GuideDialog) and dialog.isVisible()
    assert dialog.current_page() == "tiep-nhan"
    text = dialog.browser.toPlainText()
    assert "Tiếp nhận hồ sơ" in text and "Ctrl+Enter" in text
    dialog.resize(980, 640)
    shot(dialog, "guide.png")

    # ↓ in the topic list turns the page; a link inside a page moves the list with it.
    qtbot.waitUntil(lambda: dialog.isActiveWindow())
    dialog.topics.setFocus()
    QTest.keyClick(dialog.topics, Qt.Key.Key_Down)
    assert dialog.current_page() == "doc-cccd"
    assert "F3" in dialog.browser.toPlainText()
    dialog.browser.setSource(QUrl("phim-tat.html"))
    assert dialog.topics.currentRow() == PAGES.index("phim-tat")
    shot(dialog, "guide-shortcuts.png")
    for key in PAGES:
        dialog.show_page(key)
        assert dialog.browser.toPlainText().strip(), key

    QTest.keyClick(dialog.topics, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.actions_["capture"].trigger()
    window.actions_["guide"].trigger()
    assert window.guide_dialog() is dialog and dialog.current_page() == "quet-giay-to"
    window.actions_["sync"].trigger()
    window.actions_["guide"].trigger()
    assert dialog.current_page() == "dong-bo"


def test_the_guide_names_only_keys_the_program_has(qtbot, window):
    """Every F-key and Ctrl shortcut the shortcuts page lists exists somewhere in the program."""
    import re

    from PySide6.QtGui import QShortcut

    from ui.guide_ui import guide_dir

    known = set()
    for action in window.findChildren(QAction):
        known |= {s.toString() for s in action.shortcuts()}
    for shortcut in window.findChildren(QShortcut):
        known.add(shortcut.key().toString())
    for widget in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        for letter in re.findall(r"&([^&\s])", widget.text().replace("&&", "")):
            known.add(f"Alt+{letter.upper()}")
    known |= {"Ctrl+L"}  # the lock action of the sign-in extension (not installed in this window)
    known |= {"Ctrl+S", "Tab", "Shift+Tab", "Enter", "Esc", "Delete", "Ctrl+←", "Ctrl+→"}  # standard or in dialogs
    text = (Path(guide_dir()) / "phim-tat.html").read_text(encoding="utf-8")
    listed = set(re.findall(r"<b>((?:Ctrl\+|Shift\+|Alt\+)*(?:F\d+|[A-Z0-9=,\-]|Enter|Esc|Tab|Delete|←|→))</b>",
                            text))
    assert {"F1", "F2", "F3", "F6", "F9", "Ctrl+Enter", "Ctrl+="} <= listed
    assert "Ctrl+Return" in known and "Ctrl+Enter" in known
    assert listed - known == set()


# ----- mnemonics ----------------------------------------------------------------------------------------------


def test_alt_letters_do_not_clash_on_a_screen(qtbot, window, ctx):
    """Two buttons (or a button and a menu) with the same Alt letter only take turns at the focus; neither acts.

    A field label may share its letter with a menu: Qt then moves the focus to the field, which is all the label
    would do anyway (Alt+H is "Họ và tên" on the intake, as the guide says; the menu opens with F10).
    """
    import re
    from collections import Counter

    def letters(text: str) -> list[str]:
        return [letter.upper() for letter in re.findall(r"&([^&\s])", text.replace("&&", ""))]

    install_system_menu(window, ctx)
    fill_intake(qtbot, window)
    window.detail_view.load(receive(ctx))
    menus = [letter for action in window.menuBar().actions() for letter in letters(action.text())]
    assert len(menus) == len(set(menus)), menus
    for screen in screens_of(window):
        window.stack.setCurrentWidget(screen)
        QApplication.processEvents()
        buttons, labels = [], []
        for widget in screen.findChildren(QAbstractButton):
            if widget.isVisibleTo(screen):
                buttons += letters(widget.text())
        for label in screen.findChildren(QLabel):
            if label.isVisibleTo(screen) and label.buddy() is not None:
                labels += letters(label.text())
        clashes = {k for k, n in Counter(buttons + labels).items() if n > 1} | (set(buttons) & set(menus))
        assert clashes == set(), (type(screen).__name__, clashes)


def test_rating_captions_fit_their_buttons(qtbot, default_font):
    from ui.views.rating_dialog import RatingDialog

    for size in (QApplication.font().pointSize(), QApplication.font().pointSize() + 2):
        font = QApplication.font()
        font.setPointSize(size)
        QApplication.setFont(font)
        dialog = RatingDialog("000.00.06.H56-270204-1001")
        qtbot.addWidget(dialog)
        dialog.show()
        for _ in range(3):
            QApplication.processEvents()
        assert dialog.width() <= SCREEN_W
        for button in dialog.level_buttons.values():
            # 4 px border and 6 px padding each side, as the button's style sheet draws them.
            room = button.width() - 2 * (4 + 6)
            assert button.fontMetrics().horizontalAdvance(button.text()) <= room, (size, button.text())
        shot(dialog, f"rating-{size}pt.png")
        dialog.close()
