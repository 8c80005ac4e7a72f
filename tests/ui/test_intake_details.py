"""Intake details: reading the ID card, validation messages, drafts across a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services.drafts import list_drafts
from tests.ui.helpers import type_text
from ui.main_window import MainWindow
from ui.views.intake import IntakeView

PAYLOAD = "001099012345|123456789|Nguyễn Văn Đạt|15081999|Nam|Thôn Phước Hưng, xã Tân Lập, tỉnh Mẫu|01022021"
# The same card read by a wedge scanner while a Telex input method was active.
MANGLED = "001099012345|123456789|Nguyeenx Vawn DDatj|15081999|Nam|Thoon Phuwowsc Hwng, xax Taan Laapj|01022021"


def test_wedge_burst_fills_the_applicant(qtbot, ctx):
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    type_text(view.qr_input, PAYLOAD)
    qtbot.keyClick(view.qr_input, Qt.Key.Key_Return)  # wedge readers end the burst with Enter
    form = view.applicant_form
    assert form.name_edit.text() == "Nguyễn Văn Đạt"
    assert form.id_edit.text() == "001099012345"
    assert form.birth_edit.text() == "15/08/1999"
    assert form.sex_combo.currentData() == "Nam"
    assert form.address_edit.text().startswith("Thôn Phước Hưng")
    assert view.qr_input.text() == ""  # personal data does not linger in the scan field


def test_pasted_payload_is_read_after_the_pause(qtbot, ctx):
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    view.qr_input.insert(PAYLOAD)
    qtbot.waitUntil(lambda: view.applicant_form.name_edit.text() == "Nguyễn Văn Đạt")


def test_mangled_payload_shows_advice_and_fills_nothing(qtbot, ctx):
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    type_text(view.qr_input, MANGLED)
    qtbot.keyClick(view.qr_input, Qt.Key.Key_Return)
    assert view.applicant_form.is_empty()
    assert not view.qr_message.isHidden()
    assert "chế độ bàn phím" in view.qr_message.text()
    assert "USB-COM" in view.qr_message.text()


def test_problems_are_listed_in_vietnamese_and_nothing_is_lost(qtbot, ctx, frozen_now):
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    view.save()
    assert view.current_problems == ["Chưa chọn thủ tục."]
    type_text(view.picker.edit, "xac nhan tinh trang hon nhan")
    view.picker.search_now()
    qtbot.keyClick(view.picker.edit, Qt.Key.Key_Return)
    type_text(view.applicant_form.name_edit, "Nguyễn Văn Đạt")
    type_text(view.applicant_form.id_edit, "12345")
    view.save()
    text = "\n".join(view.current_problems)
    assert "12 chữ số" in text
    assert "Thiếu giấy tờ bắt buộc: Tờ khai cấp Giấy xác nhận tình trạng hôn nhân." in text
    assert "Thiếu giấy tờ" in view.problems_label.text()
    assert view.applicant_form.name_edit.text() == "Nguyễn Văn Đạt"  # the form keeps what was typed
    assert view.last_saved is None


def test_closing_mid_intake_leaves_a_draft_offered_at_the_next_start(qtbot, ctx, frozen_now, modal):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.show_intake()
    intake = window.intake_view
    type_text(intake.picker.edit, "xac nhan tinh trang")
    intake.picker.search_now()
    qtbot.keyClick(intake.picker.edit, Qt.Key.Key_Return)
    type_text(intake.applicant_form.name_edit, "Nguyễn Văn Đạt")
    type_text(intake.applicant_form.phone_edit, "0912345678")
    qtbot.keyClick(intake.documents.rows[0].tick, Qt.Key.Key_Space)
    window.close()  # before the autosave delay: closing must save the draft itself
    with ctx.db.session() as session:
        drafts = list_drafts(session)
        assert len(drafts) == 1
        assert drafts[0].payload["applicant"]["name"] == "Nguyễn Văn Đạt"

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()

    def resume(box: QMessageBox) -> str:
        text = box.text()
        next(b for b in box.buttons() if b.text() == "Tiếp tục nhập").click()
        return text

    modal.expect(QMessageBox, resume)
    again.offer_drafts()
    (text,) = modal.check(count=1)
    assert text.startswith("Có hồ sơ đang nhập dở của Nguyễn Văn Đạt") and text.endswith("Tiếp tục?")
    restored = again.intake_view
    assert again.stack.currentWidget() is restored
    assert restored.procedure is not None and restored.procedure.code == "1.004873"
    assert restored.applicant_form.name_edit.text() == "Nguyễn Văn Đạt"
    assert restored.applicant_form.phone_edit.text() == "0912345678"
    assert restored.documents.rows[0].tick.isChecked()
    assert restored.draft_id == drafts[0].id  # further autosaves update the same draft
    QApplication.processEvents()
