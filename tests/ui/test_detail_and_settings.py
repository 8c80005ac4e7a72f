"""Acting on a dossier from its screen, and the settings dialog."""

from __future__ import annotations

import json
from datetime import date, datetime

from PySide6.QtWidgets import QMessageBox

from app.services import dossiers as svc
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.settings import load_settings
from app.status import Status
from app.workdays import list_calendar_days
from ui.views.action_dialogs import ReasonDialog, SupplementDialog
from ui.views.dossier_detail import DossierDetailView
from ui.views.settings_dialog import SettingsDialog


def receive(ctx) -> str:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name="Nguyễn Văn Đạt", id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", code="GT01", originals=1),
                   DocumentInput(name="Giấy tờ tùy thân của người yêu cầu", code="GT04", originals=1)],
        received_at=datetime(2027, 2, 4, 9, 15),
    )
    with ctx.db.session() as session:
        return svc.receive_dossier(session, ctx.settings, request).dossier.id


def fill_supplement(dialog: SupplementDialog) -> None:
    dialog.checks[0].setChecked(True)
    dialog.reason_edit.setPlainText("Tờ khai chưa có chữ ký của người yêu cầu")
    dialog.accept()


def test_actions_follow_the_state_and_a_second_supplement_request_is_refused(qtbot, ctx, frozen_now, modal):
    view = DossierDetailView(ctx)
    qtbot.addWidget(view)
    view.load(receive(ctx))
    assert view.status_label.text() == "Được tiếp nhận"
    assert view.buttons["start"].isEnabled() and not view.buttons["resume"].isEnabled()
    assert not view.buttons["return"].isEnabled() and not view.buttons["print02"].isEnabled()

    view.buttons["start"].click()
    assert view.dossier.status == Status.PROCESSING
    assert view.history_table.item(1, 2).text() == "Bắt đầu xử lý"

    modal.expect(SupplementDialog, fill_supplement)
    view.buttons["supplement"].click()
    modal.check(count=1)
    assert view.dossier.status == Status.SUPPLEMENT_REQUESTED
    assert view.buttons["resume"].isEnabled() and view.buttons["print02"].isEnabled()
    assert view.history_table.item(2, 4).text() == "Tờ khai chưa có chữ ký của người yêu cầu"

    frozen_now.value = datetime(2027, 2, 4, 10, 0)
    view.buttons["resume"].click()
    assert view.dossier.status == Status.PROCESSING

    modal.expect(SupplementDialog, fill_supplement)
    modal.expect(QMessageBox, lambda box: box.text())
    view.buttons["supplement"].click()
    *_earlier, message = modal.check(count=3)
    assert "đã được yêu cầu bổ sung một lần" in message
    assert view.dossier.status == Status.PROCESSING


def test_a_refusal_needs_a_reason_and_the_dialog_keeps_what_was_typed(qtbot, ctx, frozen_now, modal):
    view = DossierDetailView(ctx)
    qtbot.addWidget(view)
    view.load(receive(ctx))
    modal.expect(ReasonDialog, lambda dialog: dialog.accept())  # no reason given
    modal.expect(QMessageBox, lambda box: box.text())

    def give_reason(dialog: ReasonDialog) -> None:
        dialog.reason_edit.setPlainText("Hồ sơ không thuộc thẩm quyền của xã")
        dialog.accept()

    modal.expect(ReasonDialog, give_reason)
    view.buttons["refuse"].click()
    _none, message, _ok = modal.check(count=3)
    assert message == "Hãy ghi rõ lý do từ chối."
    assert view.dossier.status == Status.NOT_RECEIVED
    assert view.buttons["print03"].isEnabled()
    assert not any(view.buttons[k].isEnabled() for k in ("start", "supplement", "refuse", "withdraw", "return"))


def test_settings_dialog_saves_settings_and_days_off(qtbot, ctx, data_dir):
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.year_spin.setValue(2027)
    holidays = [dialog.days_table.item(r, 3).text() for r in range(dialog.days_table.rowCount())]
    assert any("Quốc khánh" in name for name in holidays)

    dialog.unit_id_edit.setText("bad id")
    dialog.save()
    assert "Mã đơn vị" in dialog.error_label.text()
    assert not (data_dir / "settings.json").exists()

    dialog.unit_id_edit.setText("000.00.07.H56")
    dialog.operator_edit.setText("Lê Thị Hoa")
    dialog.slot_spin.setValue(3)
    dialog.saturday_check.setChecked(True)
    dialog.periods_edit.setText("07:30-11:30, 13:30–17:00")
    dialog.day_edit.setText("12/02/2027")
    dialog.note_edit.setText("Nghỉ bù Tết theo quyết định của tỉnh")
    dialog.add_day()
    assert any(dialog.days_table.item(r, 0).text() == "12/02/2027" for r in range(dialog.days_table.rowCount()))
    dialog.save()
    assert dialog.error_label.text() == ""
    assert dialog.result() == SettingsDialog.DialogCode.Accepted

    stored = load_settings()
    assert (stored.unit_id, stored.operator_name, stored.workstation_slot) == ("000.00.07.H56", "Lê Thị Hoa", 3)
    assert stored.working_periods == [["07:30", "11:30"], ["13:30", "17:00"]] and stored.saturday_morning
    assert ctx.settings.operator_name == "Lê Thị Hoa"
    assert "Lê Thị Hoa" in json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))["operator_name"]
    with ctx.db.session() as session:
        days = list_calendar_days(session, 2027)
        assert [(d.day, d.kind) for d in days] == [(date(2027, 2, 12), "off")]


def test_backup_and_retention_settings_are_validated_saved_and_audited(qtbot, ctx, data_dir, tmp_path):
    from sqlalchemy import select

    from app.models import AuditEntry

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.backup_hours_spin.value() == 24 and dialog.backup_keep_spin.value() == 14
    assert dialog.retention_spin.text() == "Giữ mãi"
    dialog.backup_folder_edit.setText(str(tmp_path / "USB" / "chưa cắm"))
    dialog.save()
    assert "không tồn tại" in dialog.error_label.text() and not (data_dir / "settings.json").exists()

    usb = tmp_path / "USB"
    usb.mkdir()
    dialog.backup_folder_edit.setText(str(usb))
    dialog.backup_hours_spin.setValue(0)
    assert dialog.backup_hours_spin.text() == "Tắt"
    dialog.backup_keep_spin.setValue(5000)  # clamped by the field to its maximum
    dialog.retention_spin.setValue(365)
    dialog.save()
    assert dialog.error_label.text() == ""
    stored = load_settings()
    assert (stored.backup_every_hours, stored.backup_keep, stored.backup_folder, stored.retention_days) == (
        0, 1000, str(usb), 365)
    assert ctx.settings.retention_days == 365
    with ctx.db.session() as s:
        entries = {e.object_ref: json.loads(e.details) for e in s.execute(
            select(AuditEntry).where(AuditEntry.action == "settings_change")).scalars()}
    assert entries["setting:retention_days"] == {"old": 0, "new": 365}
    assert entries["setting:backup_folder"] == {"old": False, "new": True}  # the path itself is not logged
    assert entries["setting:backup_every_hours"] == {"old": 24, "new": 0}


def test_the_font_size_set_in_the_settings_applies_now_like_the_zoom_keys(qtbot, ctx, data_dir):
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MAX_FONT_SIZE, MIN_FONT_SIZE, MainWindow

    font = QApplication.font()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    try:
        dialog = SettingsDialog(ctx, window)
        assert dialog.font_size_spin.value() == ctx.settings.ui_font_size
        assert (dialog.font_size_spin.minimum(), dialog.font_size_spin.maximum()) == (MIN_FONT_SIZE, MAX_FONT_SIZE)
        assert "Ctrl+=" in dialog.font_size_spin.toolTip()
        dialog.font_size_spin.setValue(15)
        dialog.save()
        assert dialog.result() == SettingsDialog.DialogCode.Accepted
        assert QApplication.font().pointSize() == 15
        assert ctx.settings.ui_font_size == 15 == load_settings().ui_font_size
    finally:
        QApplication.setFont(font)
