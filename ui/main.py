"""QApplication bootstrap: fonts, data directory, database, settings, the main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox

from app import backup, paths
from app.attachments import AttachmentStore
from app.catalogue import ensure_seeded
from app.db import Database
from app.errors import UserError, ValidationError
from app.fleet import apply_fleet_defaults, load_fleet
from app.i18n import set_language
from app.security.dbkey import DatabaseKey, DatabaseKeyMissing, recover_database_key
from app.settings import Settings, load_settings, save_settings
from app.storage import database_key, open_storage
from ui.backup_ui import start_integrity_check
from ui.context import AppContext
from ui.errors import show_error
from ui.events import Events
from ui.extensions import install_all
from ui.main_window import MainWindow
from ui.tasks import TaskRunner
from ui.widgets.style import emphasize, set_tone

UI_FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")


def install_ui_font(app: QApplication, point_size: int | None = None) -> str | None:
    """Load the shipped UI font and make it the application font; returns its family.

    DejaVu Sans, the usual Linux fallback, clips stacked Vietnamese marks (ầ, ễ, ặ) in labels.
    """
    family = None
    for name in UI_FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(paths.resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    if family:
        font = QFont(family)
        font.setPointSize(point_size or app.font().pointSize())
        app.setFont(font)
    return family


def install_translator(app: QApplication, language: str) -> None:
    """Vietnamese is the source language; other languages load a compiled Qt catalogue if shipped."""
    if language == "vi":
        QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        return
    translator = QTranslator(app)
    if translator.load(str(paths.resource_path("i18n", f"ui_{language}.qm"))):
        app.installTranslator(translator)


def _t(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def build_context(db: Database, settings: Settings, *, inline_tasks: bool = False,
                  store: AttachmentStore | None = None) -> AppContext:
    tasks = TaskRunner(inline=inline_tasks)
    ctx = AppContext(db=db, settings=settings, tasks=tasks, events=Events(), store=store or AttachmentStore())
    tasks.default_error = lambda exc, details: show_error(None, exc, details)
    return ctx


def _ask_recovery_code(reason: str) -> DatabaseKey | None:
    """A new PC: the administrator types the printed recovery code; ``None`` when they give up."""
    prompt = reason
    while True:
        code, ok = QInputDialog.getText(None, _t("Nhập mã khôi phục"), prompt)
        if not ok:
            return None
        try:
            return recover_database_key(paths.data_dir(), code)
        except ValidationError as exc:
            prompt = exc.message + "\n\n" + reason


def _show_recovery_code(code: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, _t("Mã khôi phục dữ liệu"),
        _t("Dữ liệu của máy này được mã hoá. Hãy chép hoặc in mã khôi phục dưới đây, giao quản trị viên cất giữ "
           "ở nơi an toàn, không để cạnh máy. Khi thay máy hoặc cài lại, cần mã này để mở dữ liệu.")
        + "\n\n" + code,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.addButton(_t("Đã ghi lại"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def _database_key() -> DatabaseKey | None:
    """The key from the keyring (created on the first run). ``None`` means the developer's plaintext mode.

    Raises :class:`UserError` (no keyring, no key and no recovery code) when the app must stop.
    """
    try:
        db_key = database_key()
    except DatabaseKeyMissing as exc:
        recovered = _ask_recovery_code(exc.message)
        if recovered is None:
            raise
        db_key = recovered
    if db_key is not None and db_key.recovery_code:
        _show_recovery_code(db_key.recovery_code)
    return db_key


def _mark_insecure(window: MainWindow) -> None:
    warning = _t("KHÔNG MÃ HOÁ — chế độ thử nghiệm, không dùng cho dữ liệu thật")
    window.setWindowTitle(f"{window.windowTitle()} — {warning}")
    label = QLabel(warning)
    set_tone(label, "error")
    emphasize(label)
    window.statusBar().addPermanentWidget(label)


def _offer_recovery(settings: Settings, db_key: DatabaseKey | None) -> bool:
    """When the database could not be opened because it is damaged, show the recovery choices.

    Returns False when the file is not damaged (a wrong key, a newer schema...): the caller explains that.
    """
    from app.db import is_plaintext_database
    from ui.backup_ui import backup_folders_for
    from ui.views.recovery_dialog import RecoveryDialog

    path = paths.database_path()
    if not path.is_file() or (db_key is None and not is_plaintext_database(path)):
        return False  # without the key an encrypted file only looks damaged
    problems = backup.integrity_check(path, key=db_key.key if db_key else None)
    if not problems:
        return False
    dialog = RecoveryDialog(problems, data_dir=path.parent, folders=backup_folders_for(settings), key=(
        db_key.key if db_key else None), tasks=TaskRunner(), allow_read_only=False)
    dialog.exec()
    return True


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("motcua")
    app.setApplicationDisplayName(_t("Một cửa"))
    if data_dir:
        paths.set_data_dir(data_dir)
    settings = load_settings()
    try:
        fleet = load_fleet()
        if fleet is not None:
            seeded = apply_fleet_defaults(settings, fleet)
            if seeded != settings:
                save_settings(seeded)
            settings = seeded
    except UserError as exc:
        # A broken province file must not keep the counter closed: say so and go on with local settings.
        QMessageBox.warning(None, _t("Tệp cấu hình chung"), exc.message)
    set_language(settings.language)
    install_translator(app, settings.language)
    install_ui_font(app, settings.ui_font_size)
    db_key: DatabaseKey | None = None
    try:
        db_key = _database_key()
        storage = open_storage(db_key)
        db = storage.db
        with db.session() as session:
            ensure_seeded(session)
    except UserError as exc:
        # Nothing has been written. A damaged file gets the guided recovery; anything else is explained.
        if not _offer_recovery(settings, db_key):
            box = QMessageBox(QMessageBox.Icon.Critical, _t("Không mở được dữ liệu"), exc.message)
            box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
            box.exec()
        return 2
    ctx = build_context(db, settings, store=storage.store)
    window = MainWindow(ctx)
    install_all(window, ctx)
    if db_key is None:
        _mark_insecure(window)
    window.resize(1366, 768)
    window.show()
    # After the window, on the db lane: the check costs the start-up nothing visible (see start_integrity_check).
    start_integrity_check(window, ctx, key=db_key.key if db_key else None)
    window.offer_drafts()
    if os.environ.get("MOTCUA_SMOKE_QUIT"):  # packaging smoke test: the window is up, now leave
        print(f"motcua-smoke: window shown={window.isVisible()}", file=sys.stderr, flush=True)
        QTimer.singleShot(0, app.quit)
    try:
        return app.exec()
    finally:
        ctx.tasks.wait(10_000)
        db.close()
