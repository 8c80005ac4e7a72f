"""The guided way out of a damaged database, offered at start-up: restore a backup, look at the backups,
continue read-only, or leave. Nothing is deleted on any path: a restore moves the damaged data aside
(``before-restore-…``, which ``motcua backup undo-restore`` puts back) and the app then closes so it starts
again on the restored data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import backup
from app.errors import UserError, ValidationError
from app.i18n import tr
from ui.errors import show_error
from ui.tasks import TaskRunner
from ui.widgets.style import emphasize, set_tone

MAX_SHOWN_PROBLEMS = 20


def _t(text: str) -> str:
    return QCoreApplication.translate("RecoveryDialog", text)


@dataclass(frozen=True)
class Restored:
    archive: Path
    result: backup.RestoreResult


def restore_newest(candidates: list[Path], data_dir: Path, key: bytes | None) -> Restored:
    """Restore the newest archive that passes the full check; a damaged archive is skipped, not used."""
    last_error: UserError | None = None
    for archive in candidates:
        try:
            backup.verify_backup(archive)
        except UserError as exc:
            last_error = exc
            continue
        result = backup.restore_backup(archive, data_dir, key=key)
        _audit_restore(data_dir, key, archive, result)
        return Restored(archive, result)
    if last_error is not None:
        raise ValidationError(tr("Không có bản sao lưu nào còn nguyên vẹn. Dữ liệu hiện tại không bị thay đổi."),
                              detail=last_error.message)
    raise ValidationError(tr("Không tìm thấy bản sao lưu nào. Dữ liệu hiện tại không bị thay đổi."))


def _audit_restore(data_dir: Path, key: bytes | None, archive: Path, result: backup.RestoreResult) -> None:
    from app.db import open_database
    from app.security import audit

    db = open_database(data_dir / backup.DB_FILENAME, key=key)  # also migrates a backup of an older version
    try:
        with db.session() as session:
            audit.record(session, None, backup.BACKUP_RESTORE, f"backup:{archive.name}"[:128],
                         {"schema": result.manifest.schema_revision, "reason": "startup_check"})
    finally:
        db.close()


class RecoveryDialog(QDialog):
    read_only_requested = Signal()
    quit_requested = Signal()
    restored = Signal(object)  # Restored

    def __init__(self, problems: list[str], *, data_dir: Path, folders: list[Path], key: bytes | None,
                 tasks: TaskRunner, close_database: Callable[[], None] | None = None,
                 allow_read_only: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Dữ liệu bị lỗi — Một cửa"))
        self.setModal(True)
        self.problems = problems
        self.data_dir = Path(data_dir)
        self.folders = folders
        self.key = key
        self.tasks = tasks
        self.close_database = close_database
        self._closing = False
        # Newest first across the folders (list_backups only returns archives named with their time).
        self.backups = sorted((p for folder in folders for p in backup.list_backups(folder)),
                              key=backup.backup_time, reverse=True)  # stable: keeps "-2" before its twin

        title = QLabel(self.tr("Cơ sở dữ liệu trên máy này bị lỗi"))
        set_tone(title, "error")
        emphasize(title, 1.3)
        explain = QLabel(self.tr(
            "Khi khởi động, ứng dụng kiểm tra nhanh dữ liệu và thấy cấu trúc tệp bị hỏng (thường do mất điện "
            "đột ngột hoặc ổ đĩa có vấn đề). Chưa có gì bị xoá hay sửa. Hãy chọn một cách xử lý bên dưới; nếu "
            "chưa chắc chắn, hãy chọn “Thoát” và gọi hỗ trợ kỹ thuật."))
        explain.setWordWrap(True)
        details = QPlainTextEdit("\n".join(f"- {p}" for p in problems[:MAX_SHOWN_PROBLEMS]))
        details.setReadOnly(True)
        details.setMaximumHeight(110)
        if self.backups:
            newest = self.backups[0]
            at = backup.backup_time(newest)
            info = self.tr("Bản sao lưu mới nhất: {name}{when}. Khôi phục sẽ mất các thay đổi sau thời điểm đó; "
                           "dữ liệu bị lỗi được giữ lại trong thư mục dữ liệu, có thể hoàn tác.").format(
                name=newest.name, when=self.tr(" (lúc {time})").format(time=at.strftime("%H:%M %d/%m/%Y"))
                if at else "")
        else:
            info = self.tr("Không tìm thấy bản sao lưu nào trong {folders}. Nếu có bản sao lưu trên ổ USB, hãy "
                           "cắm ổ vào rồi bấm “Chọn bản sao lưu khác…”.").format(
                folders=", ".join(str(f) for f in folders))
        self.backup_label = QLabel(info)
        self.backup_label.setObjectName("backup_info")
        self.backup_label.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        set_tone(self.status_label, "accent")
        for label in (title, explain, self.backup_label, self.status_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # file names and messages are shown as they are

        self.restore_button = self._button(self.tr("Khôi phục bản sao lưu mới nhất"), "restore_latest",
                                           lambda: self.restore(None))
        self.restore_button.setEnabled(bool(self.backups))
        self.choose_button = self._button(self.tr("Chọn bản sao lưu khác…"), "choose_backup", self.choose_and_restore)
        self.folder_button = self._button(self.tr("Mở thư mục sao lưu"), "open_folder", self.open_folder)
        self.read_only_button = self._button(self.tr("Tiếp tục ở chế độ chỉ đọc (chỉ xem, không lưu được)"),
                                             "read_only", self._read_only)
        self.read_only_button.setVisible(allow_read_only)
        self.quit_button = self._button(self.tr("Thoát"), "quit", self._quit)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addWidget(details)
        layout.addWidget(self.backup_label)
        for button in (self.restore_button, self.choose_button, self.folder_button, self.read_only_button,
                       self.quit_button):
            layout.addWidget(button)
        layout.addWidget(self.status_label)
        self.resize(640, 480)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.setMinimumHeight(32)
        button.clicked.connect(slot)
        return button

    # ----- the choices ------------------------------------------------------------------------------------

    def confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Khôi phục dữ liệu"), text, parent=self)
        yes = box.addButton(self.tr("Khôi phục"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Không"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def inform(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Khôi phục dữ liệu"), text, parent=self)
        box.addButton(self.tr("Đóng ứng dụng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def choose_file(self) -> str:
        start = next((str(f) for f in self.folders if f.is_dir()), str(self.data_dir))
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Chọn bản sao lưu"), start,
                                                    self.tr("Bản sao lưu (motcua-backup-*.zip)"))
        return path

    def choose_and_restore(self) -> None:
        path = self.choose_file()
        if path:
            self.restore(Path(path))

    def restore(self, archive: Path | None) -> None:
        """``None``: the newest backup that passes the check."""
        candidates = [archive] if archive is not None else list(self.backups)
        if not candidates:
            return
        if not self.confirm(self.tr(
                "Thay dữ liệu hiện tại bằng bản sao lưu {name}? Dữ liệu bị lỗi được chuyển sang một thư mục "
                "riêng trong thư mục dữ liệu (không xoá), có thể hoàn tác bằng lệnh motcua backup undo-restore.")
                .format(name=candidates[0].name)):
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Đang kiểm tra và khôi phục bản sao lưu…"))
        data_dir, key, close = self.data_dir, self.key, self.close_database

        def work() -> Restored:
            if close is not None:
                close()  # the files are moved: nothing may hold the damaged database open
            return restore_newest(candidates, data_dir, key)

        self.tasks.run("db", work, self._restored, self._failed)

    def _restored(self, done: Restored) -> None:
        self.status_label.setText("")
        self.restored.emit(done)
        self.inform(self.tr(
            "Đã khôi phục dữ liệu từ bản sao lưu {name}. Dữ liệu bị lỗi được giữ nguyên tại {previous}. Ứng dụng "
            "sẽ đóng; hãy mở lại để làm việc tiếp.").format(name=done.archive.name, previous=done.result.previous))
        self._quit()

    def _failed(self, exc: BaseException, details: str) -> None:
        self._set_busy(False)
        self.status_label.setText(getattr(exc, "message", "") or str(exc))
        if not isinstance(exc, UserError):
            show_error(self, exc, details)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.restore_button, self.choose_button, self.read_only_button, self.quit_button):
            button.setEnabled(not busy)
        if not busy:
            self.restore_button.setEnabled(bool(self.backups))

    def open_folder(self) -> None:
        folder = next((f for f in self.folders if f.is_dir()), self.data_dir)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _read_only(self) -> None:
        self.read_only_requested.emit()
        self._finish()

    def _quit(self) -> None:
        self._finish()
        self.quit_requested.emit()

    # ----- no silent dismissal ----------------------------------------------------------------------------

    def _finish(self) -> None:
        self._closing = True
        self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        return  # Esc would leave the official working on damaged data without having chosen to

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._closing:
            super().closeEvent(event)
        else:
            event.ignore()
