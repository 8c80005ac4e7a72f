"""Data care while the app runs: the scheduled backup, the daily retention run and the start-up check.

One timer drives both periodic jobs. Each runs on the "db" lane (never on the UI thread); the result shows
quietly in the status bar, and a failure (an unplugged USB stick, a full disk) gets one clear message until
a later run succeeds: nothing already saved is touched by a failed backup, and the next check tries again.
The first check waits a little after start-up, so a backup does not queue in front of the login.

The start-up check (:func:`start_integrity_check`, called by ``ui.main`` right after the window shows) runs
``PRAGMA quick_check`` on the db lane and opens the recovery dialog if the database is damaged.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox
from sqlalchemy import event

from app import backup, paths
from app.changes import Changes
from app.settings import Settings
from ui.context import AppContext

if TYPE_CHECKING:
    from app.services.retention import PurgeReport

CHECK_EVERY_MS = 10 * 60 * 1000  # the schedule counts in hours: a look every ten minutes is plenty
FIRST_CHECK_MS = 90 * 1000


def _t(text: str) -> str:
    return QCoreApplication.translate("BackupUi", text)


@dataclass(frozen=True)
class PurgeOutcome:
    report: PurgeReport | None  # None: not due today
    dossier_ids: frozenset[str] = frozenset()


class DataCare(QObject):
    """The scheduler of one main window: automatic backups and the daily retention run."""

    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.backup_running = False
        self.purge_running = False
        self.last_error_shown = ""  # the failure already told in a box; repeated ones go to the status bar
        self.failing = False  # since the last failed run, until one succeeds
        self.error_box: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_now)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self.timer.start()
        QTimer.singleShot(first_check_ms, self.check_now)

    # ----- the periodic check --------------------------------------------------------------------------

    def check_now(self) -> None:
        self.backup_if_due()
        self.purge_if_due()

    def backup_if_due(self) -> None:
        s = self.ctx.settings
        if self.backup_running or s.backup_every_hours <= 0:
            return
        self.backup_running = True
        db, folder, every, keep = self.ctx.db, s.backup_folder, s.backup_every_hours, s.backup_keep
        first_failure = not self.failing
        self.ctx.tasks.run("db", lambda: backup.run_scheduled_backup(
            db, folder_setting=folder, every_hours=every, keep=keep, audit_failure=first_failure),
            self._backup_done, self._backup_failed)

    def _backup_done(self, run: backup.BackupRun | None) -> None:
        self.backup_running = False
        if run is None:
            return
        self.failing = False
        self.last_error_shown = ""
        self.window.statusBar().showMessage(_t("Đã tự động sao lưu dữ liệu lúc {time}.").format(
            time=run.backup.manifest.created_at.strftime("%H:%M")), 15_000)

    def _backup_failed(self, exc: BaseException, details: str) -> None:
        self.backup_running = False
        self.failing = True
        message = getattr(exc, "message", "") or _t("Lỗi không xác định khi sao lưu.")
        self.window.statusBar().showMessage(_t("Sao lưu tự động không thành công — sẽ thử lại sau."), 60_000)
        if message == self.last_error_shown:
            return
        self.last_error_shown = message
        box = QMessageBox(QMessageBox.Icon.Warning, _t("Sao lưu tự động"),
                          _t("Chưa sao lưu được dữ liệu theo lịch."), parent=self.window)
        box.setObjectName("scheduled_backup_error")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(message + "\n\n" + _t(
            "Dữ liệu trên máy vẫn nguyên vẹn và bạn có thể tiếp tục làm việc. Ứng dụng sẽ tự thử lại sau ít phút; "
            "có thể đổi thư mục sao lưu trong Cài đặt."))
        box.setDetailedText(details or "")
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.setModal(False)  # a reminder, not a stop: the official may be in the middle of an intake
        self.error_box = box
        box.show()

    # ----- retention, once a day -----------------------------------------------------------------------

    def purge_if_due(self) -> None:
        days = self.ctx.settings.retention_days
        if self.purge_running or days <= 0:
            return
        self.purge_running = True
        db, store = self.ctx.db, self.ctx.store

        def job() -> PurgeOutcome:
            from app.services import retention  # loaded on the worker, not during start-up

            with db.session() as session:
                if not retention.purge_due(session):
                    return PurgeOutcome(None)
            report = retention.run_purge(db, store, days)
            with db.session() as session:
                retention.mark_purge_run(session)
            return PurgeOutcome(report, frozenset(report.purged_ids))

        self.ctx.tasks.run("db", job, self._purge_done, self._purge_failed)

    def _purge_done(self, outcome: PurgeOutcome) -> None:
        self.purge_running = False
        report = outcome.report
        if report is None or not report.purged:
            return
        self.ctx.events.publish(Changes(dossiers=outcome.dossier_ids))
        self.window.statusBar().showMessage(_t(
            "Đã xoá dữ liệu cá nhân của {n} hồ sơ quá thời hạn lưu giữ (tỉnh đã nhận đủ).").format(
            n=len(report.purged)), 15_000)

    def _purge_failed(self, exc: BaseException, details: str) -> None:
        self.purge_running = False
        self.window.statusBar().showMessage(_t("Chưa chạy được việc xoá dữ liệu hết hạn lưu giữ: {error}").format(
            error=getattr(exc, "message", "") or type(exc).__name__), 60_000)


# ----- read-only mode and the start-up check -------------------------------------------------------------


def _query_only(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI callback
    dbapi_connection.execute("PRAGMA query_only=1")


def set_read_only(ctx: AppContext) -> None:
    """Every later write fails with the "chế độ chỉ đọc" message; reading goes on. Lasts until restart."""
    engine = ctx.db.engine
    if not event.contains(engine, "connect", _query_only):
        event.listen(engine, "connect", _query_only)
    engine.dispose()  # pooled connections were opened writable


def backup_folders_for(settings: Settings) -> list[Path]:
    """Where backups of this counter may be: the configured folder, then the data folder's backups."""
    folders = [backup.backup_folder(settings.backup_folder), paths.backups_dir()]
    return list(dict.fromkeys(folders))


def start_integrity_check(window: QMainWindow, ctx: AppContext, *, key: bytes | None = None,
                          quit_app: Callable[[], None] | None = None) -> None:
    """Quick check of the open database on the db lane; a damaged one opens the guided recovery."""
    db = ctx.db

    def check() -> list[str]:
        return backup.integrity_check(db.path, quick=True, connect=backup.database_connect(db))

    def done(problems: list[str]) -> None:
        if not problems:
            return
        from ui.views.recovery_dialog import RecoveryDialog  # only a damaged database needs it

        dialog = RecoveryDialog(problems, data_dir=db.path.parent, folders=backup_folders_for(ctx.settings), key=key,
                                tasks=ctx.tasks, close_database=db.close, parent=window)
        dialog.read_only_requested.connect(lambda: _go_read_only(window, ctx))
        dialog.quit_requested.connect(quit_app or _quit(window))
        window.recovery_dialog = dialog
        dialog.open()

    ctx.tasks.run("db", check, done)


def _quit(window: QMainWindow) -> Callable[[], None]:
    def leave() -> None:
        window.close()
        QApplication.quit()

    return leave


def _go_read_only(window: QMainWindow, ctx: AppContext) -> None:
    warning = _t("CHỈ ĐỌC — dữ liệu bị lỗi, không lưu được thay đổi")
    window.setWindowTitle(f"{window.windowTitle()} — {warning}")
    window.statusBar().showMessage(warning)
    controller = getattr(window, "auth_controller", None)
    if controller is not None:
        # Logging in writes to the audit log: the switch waits until someone is in.
        controller.after_login(lambda: set_read_only(ctx))
    else:
        set_read_only(ctx)


def install(window: QMainWindow, ctx: AppContext) -> DataCare:
    care = DataCare(window, ctx)
    window.data_care = care
    care.start()
    return care
