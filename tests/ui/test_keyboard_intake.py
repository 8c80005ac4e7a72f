"""A whole dossier recorded with the keyboard alone: every move is a key event sent to the focused widget.

Vietnamese names are put into the focused field with setText (Qt's test keyboard only types ASCII); everything
else — opening the screen, picking the procedure, moving between fields, ticking papers, counting copies,
saving, leaving and finding the dossier again — is keys.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services.dossiers import get_dossier
from ui.main_window import MainWindow

NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, ctx, frozen_now):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD) -> QWidget | None:
    QTest.keyClick(focused(), key, modifier)
    QApplication.processEvents()
    return QApplication.focusWidget()


def type_ascii(text: str) -> None:
    for ch in text:
        assert ch.isascii(), ch
        QTest.keyClick(focused(), ch)


def put_text(text: str) -> None:
    """Vietnamese into the focused field, as an input method would deliver it."""
    widget = focused()
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        assert isinstance(widget, QLineEdit), widget
        widget.setText(text)


def tab_chain(start: QWidget, stop: QWidget, limit: int = 80) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (included) to ``stop`` (included)."""
    start.setFocus()
    QApplication.processEvents()
    chain = [focused()]
    while chain[-1] is not stop:
        chain.append(press(Qt.Key.Key_Tab))
        assert len(chain) < limit, [w.objectName() or type(w).__name__ for w in chain[-5:]]
    return chain


def expected_chain(intake) -> list[QWidget]:  # noqa: ANN001
    """What an official reads on the screen, top to bottom, left column then right column."""
    a, s = intake.applicant_form, intake.submitter_form
    chain: list[QWidget] = [intake.picker.edit]
    if intake.case_combo.isEnabled():
        chain.append(intake.case_combo)
    chain += [intake.qr_input, intake.id_sources.image_button, intake.id_sources.scanner_button,
              intake.id_sources.reader_button]
    if intake.submitter_check.isChecked():
        chain.append(intake.id_sources.target_combo)
    chain += [a.citizen_radio if a.citizen_radio.isChecked() else a.organisation_radio,
              a.name_edit, a.id_edit, a.birth_edit, a.sex_combo, a.address_edit, a.phone_edit, a.email_edit,
              intake.submitter_check]
    if intake.submitter_check.isChecked():
        chain += [intake.role_combo, s.name_edit, s.id_edit, s.birth_edit, s.sex_combo, s.address_edit,
                  s.phone_edit, s.email_edit]
    for row in intake.documents.rows:
        chain += [row.tick, *row.spins]
    chain += [intake.sets_spin, intake.fee_spin, intake.notes_edit, intake.save_button, intake.new_button]
    return chain


def names(widgets: list[QWidget]) -> list[str]:
    return [(w.accessibleName() or w.toolTip()[:30] or type(w).__name__) for w in widgets]


def test_tab_visits_the_fields_in_the_order_they_are_read(qtbot, window):
    press(Qt.Key.Key_F2)
    intake = window.intake_view
    assert window.stack.currentWidget() is intake
    assert focused() is intake.picker.edit

    type_ascii("xac nhan tinh trang")
    qtbot.waitUntil(lambda: intake.picker.results.count() > 0)
    press(Qt.Key.Key_Return)
    assert intake.procedure is not None

    chain = tab_chain(intake.picker.edit, intake.new_button)
    assert chain == expected_chain(intake), names(chain)

    # With a separate submitter, the submitter's fields come between the tick and the papers.
    intake.submitter_check.setFocus()
    press(Qt.Key.Key_Space)
    assert intake.submitter_check.isChecked()
    assert focused() is intake.role_combo  # ticking it takes the official straight to the new fields
    chain = tab_chain(intake.picker.edit, intake.new_button)
    assert chain == expected_chain(intake), names(chain)

    # Shift+Tab walks back the same way, and Tab from the last button leaves the form (no trap).
    back = [intake.new_button]
    while back[-1] is not intake.picker.edit:
        back.append(press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier))
        assert len(back) < 80
    assert back == list(reversed(chain))
    intake.new_button.setFocus()
    after = press(Qt.Key.Key_Tab)
    assert after is not intake.new_button


def test_a_whole_dossier_from_the_keyboard(qtbot, window, ctx, modal):
    press(Qt.Key.Key_F2)
    intake = window.intake_view

    # Procedure: type, Enter picks the first match and moves on.
    type_ascii("xac nhan tinh trang")
    qtbot.waitUntil(lambda: intake.picker.results.count() > 0)
    press(Qt.Key.Key_Down)
    assert focused() is intake.picker.results
    press(Qt.Key.Key_Up)  # back to the typing box from the first row
    assert focused() is intake.picker.edit
    after_pick = press(Qt.Key.Key_Return)
    assert intake.procedure is not None and intake.procedure.code == "1.004873"
    assert after_pick is (intake.case_combo if intake.case_combo.isEnabled() else intake.qr_input)

    # Applicant: Alt+H jumps to the name; Enter moves from field to field as on the paper form.
    form = intake.applicant_form
    assert press(Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier) is form.name_edit
    put_text("Nguyễn Thị Ngọc Huyền")
    assert press(Qt.Key.Key_Return) is form.id_edit
    type_ascii("001199012345")
    assert press(Qt.Key.Key_Return) is form.birth_edit
    type_ascii("15/08/1999")
    assert press(Qt.Key.Key_Return) is form.sex_combo
    press(Qt.Key.Key_N)  # type-ahead: "Nam"; the next entry is "Nữ"
    assert form.sex_combo.currentData() == "Nam"
    press(Qt.Key.Key_Down)
    assert form.sex_combo.currentData() == "Nữ"
    assert press(Qt.Key.Key_Tab) is form.address_edit
    put_text("Thôn Phước Hưng, xã Tân Lập")
    assert press(Qt.Key.Key_Return) is form.phone_edit
    type_ascii("0912345678")
    assert press(Qt.Key.Key_Return) is form.email_edit
    assert press(Qt.Key.Key_Tab) is intake.submitter_check

    # Papers: Space ticks (the counts come from the catalogue), arrows change a count, Enter moves on.
    rows = intake.documents.rows
    assert press(Qt.Key.Key_Tab) is rows[0].tick
    for index, row in enumerate(rows):
        assert focused() is row.tick, index
        if row.spec.required:
            press(Qt.Key.Key_Space)
            assert row.tick.isChecked()
        originals = press(Qt.Key.Key_Tab)
        assert originals is row.spins[0]
        if index == 0:
            press(Qt.Key.Key_Up)  # two originals of the first paper
        certified = press(Qt.Key.Key_Return)
        assert certified is row.spins[1]
        assert press(Qt.Key.Key_Tab) is row.spins[2]
        press(Qt.Key.Key_Tab)
    assert focused() is intake.sets_spin
    press(Qt.Key.Key_Up)
    assert press(Qt.Key.Key_Return) is intake.fee_spin
    assert press(Qt.Key.Key_Tab) is intake.notes_edit
    put_text("Nộp thay bản sao giấy khai sinh")
    assert press(Qt.Key.Key_Tab) is intake.save_button
    assert intake.local_problems() == []

    # Save: Ctrl+Enter; the offer to print form 01 is declined with the keyboard too.
    def decline(box: QMessageBox) -> str:
        later = next(b for b in box.buttons() if b.text() == "Để sau")
        later.setFocus()
        QTest.keyClick(later, Qt.Key.Key_Space)
        return box.text()

    modal.expect(QMessageBox, decline)
    press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [offer] = modal.check(count=1)
    window.activateWindow()  # the test platform does not hand activation back after a dialog by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is window.detail_view.buttons["start"]  # the first action the new dossier allows
    saved = intake.last_saved
    assert saved is not None, intake.current_problems
    assert saved.dossier.code in offer
    assert window.stack.currentWidget() is window.detail_view

    with ctx.db.session() as session:
        dossier = get_dossier(session, saved.dossier.id)
        assert dossier.applicant_name == "Nguyễn Thị Ngọc Huyền"
        assert dossier.applicant_id_number == "001199012345"
        assert dossier.applicant_birth_date == date(1999, 8, 15)
        assert dossier.applicant_address == "Thôn Phước Hưng, xã Tân Lập"
        assert dossier.applicant_phone == "0912345678"
        assert dossier.sets_count == 2
        assert dossier.notes == "Nộp thay bản sao giấy khai sinh"
        counts = {d.name: (d.originals, d.certified_copies, d.photocopies) for d in dossier.documents}
        required = [r.spec for r in rows if r.spec.required]
        first = rows[0].spec
        assert counts[first.name][0] == (first.originals or (0 if first.copies else 1)) + 1
        assert all(sum(counts[spec.name]) > 0 for spec in required)
        code = dossier.code

    # Esc leaves the dossier; Ctrl+F, the code, Down and Enter open it again.
    press(Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.list_view
    assert press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier) is window.list_view.search_edit
    type_ascii(code)
    press(Qt.Key.Key_Return)  # runs the search at once
    qtbot.waitUntil(lambda: window.list_view.model.rowCount() == 1)
    assert press(Qt.Key.Key_Down) is window.list_view.table
    press(Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.detail_view
    qtbot.waitUntil(lambda: window.detail_view.dossier is not None and window.detail_view.dossier.code == code)


def test_the_focused_field_is_visible(qtbot, window):
    """A paper's tick has no text of its own, so its focus is drawn by a frame in the highlight colour."""
    press(Qt.Key.Key_F2)
    intake = window.intake_view
    type_ascii("xac nhan tinh trang")
    qtbot.waitUntil(lambda: intake.picker.results.count() > 0)
    press(Qt.Key.Key_Return)
    tick = intake.documents.rows[0].tick
    intake.sets_spin.setFocus()
    QApplication.processEvents()
    unfocused = tick.grab().toImage()
    tick.setFocus()
    QApplication.processEvents()
    assert tick.hasFocus()
    focused_image = tick.grab().toImage()
    assert focused_image != unfocused
    highlight = tick.palette().color(tick.palette().ColorRole.Highlight).rgb()
    assert any(focused_image.pixel(x, 1) == highlight for x in range(focused_image.width()))
    # Every input the intake offers takes the keyboard focus.
    for widget in intake.findChildren(QWidget):
        if isinstance(widget, QLineEdit | QSpinBox | QCheckBox | QAbstractButton | QPlainTextEdit) \
                and not isinstance(widget.parentWidget(), QSpinBox | QLineEdit):
            assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, names([widget])


def test_the_dossier_screen_from_the_keyboard(qtbot, window, ctx, modal):
    from app.status import Status
    from tests.ui.test_detail_and_settings import receive
    from ui.views.action_dialogs import ReasonDialog

    window.show_detail(receive(ctx))
    detail = window.detail_view
    qtbot.waitUntil(lambda: detail.dossier is not None)
    assert focused() is detail.buttons["start"]

    # Tab: papers, history, the actions column, then the print buttons under it; disabled ones are skipped.
    chain = tab_chain(detail.documents_table, detail.buttons["print05"])
    expected = [detail.documents_table, detail.history_table]
    expected += [b for k, b in detail.buttons.items() if not k.startswith("print") and b.isEnabled()]
    expected.append(detail.back_button)
    expected += [b for k, b in detail.buttons.items() if k.startswith("print") and b.isEnabled()]
    assert chain == expected, names(chain)

    # Alt+T refuses; the reason is typed and Ctrl+Enter confirms from inside the text box.
    def refuse(dialog: ReasonDialog) -> None:
        dialog.activateWindow()  # shortcuts go to the active window; the test platform activates lazily
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.reason_edit.setFocus()
        dialog.reason_edit.setPlainText("Hồ sơ thuộc thẩm quyền của huyện")
        QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    modal.expect(ReasonDialog, refuse)
    press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # a mnemonic clicks after a short animation
    qtbot.waitUntil(lambda: len(modal.handled) == 1)
    modal.check(count=1)
    qtbot.waitUntil(lambda: detail.dossier.status == int(Status.NOT_RECEIVED))
    assert detail.history_table.item(detail.history_table.rowCount() - 1, 4).text() == \
        "Hồ sơ thuộc thẩm quyền của huyện"
