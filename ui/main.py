"""QApplication bootstrap: fonts, data directory, database, settings, the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from app import paths
from app.catalogue import ensure_seeded
from app.db import Database, open_database
from app.errors import StorageError
from app.i18n import set_language
from app.settings import Settings, load_settings
from ui.context import AppContext
from ui.errors import show_error
from ui.events import Events
from ui.extensions import install_all
from ui.main_window import MainWindow
from ui.tasks import TaskRunner

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


def build_context(db: Database, settings: Settings, *, inline_tasks: bool = False) -> AppContext:
    tasks = TaskRunner(inline=inline_tasks)
    ctx = AppContext(db=db, settings=settings, tasks=tasks, events=Events())
    tasks.default_error = lambda exc, details: show_error(None, exc, details)
    return ctx


def run_gui(data_dir: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("motcua")
    app.setApplicationDisplayName(_t("Một cửa"))
    if data_dir:
        paths.set_data_dir(data_dir)
    settings = load_settings()
    set_language(settings.language)
    install_translator(app, settings.language)
    install_ui_font(app, settings.ui_font_size)
    try:
        db = open_database()
        with db.session() as session:
            ensure_seeded(session)
    except StorageError as exc:
        # Nothing has been written: tell the official why and stop.
        box = QMessageBox(QMessageBox.Icon.Critical, _t("Không mở được dữ liệu"), exc.message)
        box.addButton(_t("Đóng"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return 2
    ctx = build_context(db, settings)
    window = MainWindow(ctx)
    install_all(window, ctx)
    window.resize(1366, 768)
    window.show()
    window.offer_drafts()
    try:
        return app.exec()
    finally:
        ctx.tasks.wait(10_000)
        db.close()
