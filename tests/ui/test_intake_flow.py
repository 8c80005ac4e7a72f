"""The counter's main path, driven from the keyboard: receive a dossier, find it, print its receipt."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.dossiers import get_dossier
from app.status import Status
from tests.ui.helpers import save_screenshot, type_text
from ui.main_window import MainWindow
from ui.printing import PaperPreviewDialog

ID_MALE_1999 = "001099012345"  # Hà Nội, century digit 0 = male born 1900–1999, "99" = 1999


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    return win


def pick_procedure(qtbot, intake, typed: str) -> None:
    picker = intake.picker
    picker.edit.setFocus()
    type_text(picker.edit, typed)
    qtbot.waitUntil(lambda: picker.results.count() > 0)
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)


def fill_applicant(qtbot, intake) -> None:
    form = intake.applicant_form
    type_text(form.name_edit, "Nguyễn Văn Đạt")
    type_text(form.id_edit, ID_MALE_1999)
    type_text(form.birth_edit, "15/08/1999")
    form.sex_combo.setFocus()
    qtbot.keyClick(form.sex_combo, Qt.Key.Key_N)  # type-ahead picks "Nam"
    type_text(form.address_edit, "Thôn Phước Hưng, xã Tân Lập")
    type_text(form.phone_edit, "0912345678")


def test_receive_search_and_print_from_the_keyboard(qtbot, window, ctx, frozen_now, modal, tmp_path):
    qtbot.keyClick(window, Qt.Key.Key_F2)
    intake = window.intake_view
    assert window.stack.currentWidget() is intake

    pick_procedure(qtbot, intake, "xac nhan tinh trang")
    assert intake.procedure is not None
    assert intake.procedure.name == "Cấp Giấy xác nhận tình trạng hôn nhân"
    assert intake.fee_spin.value() == 10_000
    # Thursday 04/02/2027 09:15 + 3 working days, across the Tết holidays of 2027.
    assert intake.appointment_label.text().startswith("Hẹn trả: ")
    assert "2027" in intake.appointment_label.text()

    fill_applicant(qtbot, intake)
    assert intake.applicant_form.sex_combo.currentData() == "Nam"
    for row in intake.documents.rows:
        if row.spec.required:
            qtbot.keyClick(row.tick, Qt.Key.Key_Space)
    assert all(d.received for d in intake.request().documents if d.required)
    save_screenshot(window, "intake.png")

    pdf_path = tmp_path / "mau01.pdf"
    modal.expect(QMessageBox, lambda box: (
        box.text(), next(b for b in box.buttons() if b.text() == "In mẫu 01").click()))
    modal.expect(PaperPreviewDialog, lambda dialog: (len(dialog.paper.pages), dialog.save_pdf(pdf_path)))
    qtbot.keyClick(intake.applicant_form.phone_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (offer_text, _), (pages, _) = modal.check(count=2)

    assert intake.current_problems == []
    saved = intake.last_saved.dossier
    assert re.fullmatch(r"000\.00\.06\.H56-270204-1\d{3}", saved.code)
    assert saved.code in offer_text and "Hẹn trả" in offer_text
    assert pages >= 1
    with ctx.db.session() as session:
        stored = get_dossier(session, saved.code)
        assert stored.status == Status.RECEIVED
        assert stored.applicant_name == "Nguyễn Văn Đạt"
        assert stored.applicant_id_number == ID_MALE_1999
        assert [d.originals for d in stored.documents if d.required] == [1, 1]
        from app.services.drafts import list_drafts

        assert list_drafts(session) == []  # the draft went with the save

    # After saving, the new dossier is shown; the form is empty for the next citizen.
    assert window.stack.currentWidget() is window.detail_view
    assert window.detail_view.code_label.text() == saved.code
    assert intake.is_empty()
    save_screenshot(window, "dossier_detail.png")

    window.activateWindow()  # the closed dialogs took the activation with them
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.list_view
    search = window.list_view.search_edit
    search.clear()
    type_text(search, "nguyen van dat")
    model = window.list_view.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.rows[0].code == saved.code)
    assert model.rows[0].applicant_name == "Nguyễn Văn Đạt"
    save_screenshot(window, "main_window.png")
    type_text(search, " qqq")  # every word must match
    qtbot.waitUntil(lambda: model.rowCount() == 0)

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in text
    assert "Nguyễn Văn Đạt" in text
