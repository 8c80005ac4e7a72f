"""An English UI: the compiled Qt catalogue (resources/i18n/ui_en.qm) and en.json turn the main window English."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QToolBar

from app import i18n
from tests.i18n_sources import I18N_DIR, wrapped_ui_messages
from tests.ui.helpers import save_screenshot
from tests.ui.test_detail_and_settings import receive
from ui.main_window import MainWindow

TS = I18N_DIR / "ui_en.ts"
QM = I18N_DIR / "ui_en.qm"


def _messages() -> list[ET.Element]:
    return list(ET.parse(TS).getroot().iter("message"))


@pytest.fixture
def english(qapp):
    translator = QTranslator(qapp)
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    i18n.set_language("en")
    yield
    i18n.set_language("vi")
    qapp.removeTranslator(translator)


def test_every_ui_message_is_translated():
    unfinished = [m.findtext("source") for m in _messages()
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not "".join(m.find("translation").itertext()).strip()]
    assert not unfinished, f"{len(unfinished)} unfinished in ui_en.ts (run make translations): {unfinished[:5]}"


def test_the_catalogue_covers_the_wrapped_ui_strings():
    """Strings lupdate cannot see by itself (``_t("...")`` wrappers) are in ui_en.ts with their context."""
    present = {(c.findtext("name") or "", m.findtext("source"))
               for c in ET.parse(TS).getroot().iter("context") for m in c.iter("message")}
    missing = [(ctx, text.split("\0")[0]) for ctx, text, _where in wrapped_ui_messages()
               if (ctx, text.split("\0")[0]) not in present]
    assert not missing, f"ui_en.ts is stale (run make translations): {missing[:5]}"


def test_main_window_in_english(qtbot, ctx, frozen_now, english):
    receive(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()

    assert window.windowTitle() == "One-Stop Counter — Dossier Intake and Return of Results"
    toolbar = window.findChild(QToolBar, "main_toolbar")
    texts = [a.text() for a in toolbar.actions()]
    assert texts[:4] == ["New intake (F2)", "Search (Ctrl+F)", "Print (Ctrl+P)", "Settings (Ctrl+,)"]
    assert window.menuBar().actions()[0].text() == "&Dossier"
    view = window.list_view
    headers = [view.table.model().headerData(c, Qt.Orientation.Horizontal)
               for c in range(view.table.model().columnCount())]
    assert "Dossier code" in headers and "Applicant" in headers
    assert view.table.model().index(0, 0).isValid()
    shown = [view.table.model().index(0, c).data() for c in range(view.table.model().columnCount())]
    assert "Received" in shown  # status label through app.i18n (en.json)
    assert QCoreApplication.translate("Format", "thứ Năm") == "Thursday"  # a _t() wrapper string
    save_screenshot(window, "main_window_en.png")
    window.close()


def test_vietnamese_is_back_after_english(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Một cửa — Tiếp nhận và trả kết quả hồ sơ"
    window.close()
