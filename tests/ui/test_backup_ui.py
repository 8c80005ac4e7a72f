"""Data care in the running app: scheduled backups, the daily retention run, the start-up check and the
guided recovery from a real damaged database, and the export of one citizen's data from the menu."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import backup, paths
from app.errors import StorageError
from app.models import AuditEntry, Meta
from app.security import operators, passwords
from app.security.session import reset_workstation, workstation
from app.services import dossiers as svc
from app.services import retention
from app.services.intake import DocumentInput, IntakeRequest, Party
from ui.auth_ui import install as install_auth
from ui.backup_ui import DataCare, start_integrity_check
from ui.main_window import MainWindow
from ui.privacy_ui import install as install_privacy
from ui.views.recovery_dialog import RecoveryDialog

NOW = datetime(2027, 2, 4, 9, 15)  # the frozen_now of the UI tests


@pytest.fixture
def window(qtbot, ctx, frozen_now):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    return win


def receive(ctx, name: str = "Nguyễn Văn Đạt", id_number: str = "001099012345") -> str:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=name, id_number=id_number, birth_date=datetime(1999, 8, 15).date(),
                        sex="Nữ" if id_number[3] == "1" else "Nam",
                        address="Thôn 3, xã Tân Lập"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime(2027, 2, 4, 9, 15),
    )
    with ctx.db.session() as session:
        return svc.receive_dossier(session, ctx.settings, request).dossier.code


def audit_actions(ctx) -> list[str]:
    with ctx.db.session() as s:
        return [e.action for e in s.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()]


# ----- scheduled backups ---------------------------------------------------------------------------------


def test_a_due_backup_is_made_pruned_and_shown_quietly(window, ctx, frozen_now):
    ctx.settings.backup_every_hours, ctx.settings.backup_keep = 24, 2
    folder = paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for days in (2, 3, 4):
        (folder / backup.archive_name(NOW - timedelta(days=days))).write_bytes(b"old")
    care = DataCare(window, ctx)
    care.check_now()
    archives = backup.list_backups(folder)
    assert [p.name for p in archives] == [backup.archive_name(NOW), backup.archive_name(NOW - timedelta(days=2))]
    assert backup.verify_backup(archives[0]).schema_revision
    assert window.statusBar().currentMessage() == "Đã tự động sao lưu dữ liệu lúc 09:15."
    assert care.error_box is None and audit_actions(ctx).count(backup.BACKUP_CREATE) == 1

    frozen_now.value = NOW + timedelta(hours=23)  # not due yet: nothing more
    care.check_now()
    assert len(backup.list_backups(folder)) == 2 and audit_actions(ctx).count(backup.BACKUP_CREATE) == 1


def test_no_backup_when_not_due_or_switched_off(window, ctx):
    folder = paths.backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / backup.archive_name(NOW - timedelta(hours=1))).write_bytes(b"recent")
    care = DataCare(window, ctx)
    care.check_now()
    ctx.settings.backup_every_hours = 0
    (folder / backup.list_backups(folder)[0].name).unlink()
    care.check_now()
    assert backup.list_backups(folder) == [] and backup.BACKUP_CREATE not in audit_actions(ctx)


def test_an_unplugged_usb_stick_is_reported_once_and_the_app_keeps_working(window, ctx, tmp_path, frozen_now):
    stick = tmp_path / "media" / "USB DISK"
    ctx.settings.backup_folder = str(stick)
    care = DataCare(window, ctx)
    care.check_now()
    box = care.error_box
    assert box is not None and box.isVisible() and not box.isModal()
    assert "cắm lại" in box.informativeText() and "tiếp tục làm việc" in box.informativeText()
    assert not stick.exists()  # never created on the local disk
    assert "không thành công" in window.statusBar().currentMessage()
    assert audit_actions(ctx)[-1] == backup.BACKUP_FAILED
    box.close()

    # The app goes on: a dossier can still be received, and the next check does not open a second box.
    receive(ctx)
    care.check_now()
    assert care.error_box is box and not box.isVisible()
    assert audit_actions(ctx).count(backup.BACKUP_FAILED) == 1  # one line for the series, not one per retry

    stick.mkdir(parents=True)  # plugged in again
    frozen_now.value += timedelta(minutes=10)
    care.check_now()
    (made,) = backup.list_backups(stick)
    assert backup.verify_backup(made) and care.last_error_shown == ""


# ----- the daily retention run ---------------------------------------------------------------------------


def test_retention_runs_once_a_day_from_the_same_timer(window, ctx, frozen_now):
    from app import outbox
    from app.models import OutboxItem

    ctx.settings.backup_every_hours = 0
    code = receive(ctx)
    with ctx.db.session() as s:
        svc.mark_resolved(s, ctx.settings, code)
        svc.return_result(s, ctx.settings, code, "Nguyễn Văn Đạt", signature_taken=True)
        for item in list(s.execute(select(OutboxItem)).scalars()):
            outbox.acknowledge(s, item.kind, item.key, item.revision)
    care = DataCare(window, ctx)
    care.check_now()  # retention off: nothing
    with ctx.db.session() as s:
        assert svc.get_dossier(s, code).applicant_name == "Nguyễn Văn Đạt"
    ctx.settings.retention_days = 30
    frozen_now.value = NOW + timedelta(days=31)
    care.check_now()
    with ctx.db.session() as s:
        assert svc.get_dossier(s, code).applicant_name == retention.MARKER
        assert s.get(Meta, retention.PURGE_LAST_RUN_KEY) is not None
    assert "1 hồ sơ" in window.statusBar().currentMessage()
    assert audit_actions(ctx).count(retention.AUDIT_ACTION) == 1
    care.check_now()  # the same day: not again
    assert audit_actions(ctx).count(retention.AUDIT_ACTION) == 1


# ----- the start-up check and the guided recovery ---------------------------------------------------------


def corrupt_table(db_path, table: str) -> None:
    """Overwrite the b-tree page of ``table`` in the file, as a torn write after a power cut would."""
    con = sqlite3.connect(db_path)
    try:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        con.close()
    with open(db_path, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d\xff\xff\xff\xff\x00\x00" + b"\xa5" * 200)


@pytest.fixture
def damaged(ctx, window):
    """A real database with dossiers and a good backup; then a page of the dossiers table is overwritten."""
    for i in range(40):
        receive(ctx, name=f"Nguyễn Văn {chr(65 + i % 26)}")
    run = backup.run_backup(ctx.db, paths.backups_dir(), create_folder=True)
    ctx.db.close()
    with ctx.db.engine.connect() as con:  # make sure the WAL is folded into the file before damaging it
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.db.close()
    corrupt_table(ctx.db.path, "dossiers")
    return run.backup.path


def test_a_damaged_database_opens_the_recovery_and_the_newest_backup_is_restored(window, ctx, damaged,
                                                                                 data_dir):
    assert backup.integrity_check(ctx.db.path, quick=True)  # really damaged
    quits = []
    start_integrity_check(window, ctx, quit_app=lambda: quits.append(True))
    dialog = window.recovery_dialog
    assert isinstance(dialog, RecoveryDialog) and dialog.isVisible()
    assert damaged.name in dialog.backup_label.text()
    assert dialog.restore_button.isEnabled()
    dialog.reject()  # Esc does not dismiss it
    assert dialog.isVisible()

    asked, told = [], []
    dialog.confirm = lambda text: asked.append(text) or True
    dialog.inform = told.append
    dialog.restore_button.click()
    assert asked and "không xoá" in asked[0]
    assert quits == [True] and told and "Đã khôi phục" in told[0]
    # The restored database is sound; the damaged one is kept aside, nothing deleted.
    assert backup.integrity_check(data_dir / backup.DB_FILENAME) == []
    (point,) = backup.restore_points(data_dir)
    assert (point / backup.DB_FILENAME).is_file()
    assert backup.integrity_check(point / backup.DB_FILENAME, quick=True)
    con = sqlite3.connect(data_dir / backup.DB_FILENAME)
    try:
        assert con.execute("SELECT count(*) FROM dossiers").fetchone()[0] == 40
        assert con.execute("SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()[0] == \
            backup.BACKUP_RESTORE
    finally:
        con.close()


def test_a_damaged_backup_is_skipped_for_an_older_sound_one(window, ctx, damaged, data_dir):
    newer = damaged.with_name(backup.archive_name(NOW + timedelta(hours=1)))
    newer.write_bytes(b"PK\x03\x04 truncated on a USB stick")
    start_integrity_check(window, ctx, quit_app=lambda: None)
    dialog = window.recovery_dialog
    assert newer.name in dialog.backup_label.text()
    dialog.confirm = lambda text: True
    told = []
    dialog.inform = told.append
    dialog.restore_button.click()
    assert damaged.name in told[0]


def test_continue_read_only_refuses_writes_but_reads(window, ctx, damaged):
    start_integrity_check(window, ctx, quit_app=lambda: None)
    dialog = window.recovery_dialog
    dialog.read_only_button.click()
    assert not dialog.isVisible() and "CHỈ ĐỌC" in window.windowTitle()
    with ctx.db.session() as s:
        assert s.get(Meta, "nothing") is None  # reading still works
    with pytest.raises(StorageError, match="chỉ đọc"), ctx.db.session() as s:
        s.add(Meta(key="x", value="y"))
    assert damaged.exists()


def test_a_sound_database_shows_nothing(window, ctx):
    receive(ctx)
    start_integrity_check(window, ctx, quit_app=lambda: None)
    assert getattr(window, "recovery_dialog", None) is None


# ----- a citizen's data from the menu --------------------------------------------------------------------


@pytest.fixture
def staff(ctx, frozen_now):
    passwords.use_fast_hasher_for_tests()
    reset_workstation()
    with ctx.db.session() as s:
        admin = operators.create_first_admin(s, "admin", "Phạm Văn Quản", "Quầy-một-cửa-2027")
        for name, full, role in (("lan", "Trần Thị Lan", operators.OFFICIAL), ("hung", "Lê Văn Hùng",
                                                                                operators.LEADER)):
            operators.add_operator(s, admin, name, full, role, "Tam-Thoi-2027x")
            operators.get_operator(s, name).must_change_password = False
    yield ctx
    reset_workstation()
    passwords.use_fast_hasher_for_tests(False)


def test_citizen_export_from_the_menu_for_a_leader_only(qtbot, staff, tmp_path, modal):
    ctx = staff
    code = receive(ctx, name="Nguyễn Thị <i>Hoa</i>", id_number="001199012345")
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    install_auth(win, ctx)
    export = install_privacy(win, ctx)
    assert export.action in win.auth_controller.menu.actions()
    target = tmp_path / "yeu-cau"
    export.ask_id_number = lambda: "001 199 012 345"
    export.choose_target = lambda: str(target)

    workstation().login(ctx.db, "lan", "Tam-Thoi-2027x")
    modal.expect(QMessageBox, lambda box: box.text())
    export.action.trigger()
    (denied,) = modal.check(count=1)
    assert "không được phép" in denied and not target.with_suffix(".zip").exists()

    workstation().switch_user(ctx.db, "hung", "Tam-Thoi-2027x")
    modal.expect(QMessageBox, lambda box: (box.textFormat(), box.text(), box.informativeText()))
    export.action.trigger()
    (fmt, text, info) = modal.check(count=2)[1]
    zipped = target.with_suffix(".zip")
    assert str(zipped) in text and code in info and fmt.name == "PlainText"
    with zipfile.ZipFile(zipped) as zf:
        (record,) = json.loads(zf.read("du-lieu.json"))["dossiers"]
    assert record["dossier"]["applicant_name"] == "Nguyễn Thị <i>Hoa</i>"
    with ctx.db.session() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "export")).scalar_one()
        assert entry.operator == "hung" and "001199012345" not in entry.details
