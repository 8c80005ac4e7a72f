"""The built-in guide (F1): one short page per task of the counter, opened at the page of the current screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from app import paths
from ui.context import AppContext

# Page files in resources/guide, in the order of the list.
PAGES = ("tiep-nhan", "doc-cccd", "quet-giay-to", "in-phieu", "dong-bo", "sao-luu", "phim-tat")


def _t(text: str) -> str:
    return QCoreApplication.translate("Guide", text)


def page_titles() -> dict[str, str]:
    return {
        "tiep-nhan": _t("Tiếp nhận hồ sơ"),
        "doc-cccd": _t("Đọc thẻ căn cước"),
        "quet-giay-to": _t("Quét giấy tờ"),
        "in-phieu": _t("In phiếu"),
        "dong-bo": _t("Đồng bộ"),
        "sao-luu": _t("Sao lưu"),
        "phim-tat": _t("Phím tắt"),
    }


def guide_dir() -> str:
    return str(paths.resource_path("guide"))


class GuideDialog(QDialog):
    """Topics on the left (↑/↓ to change), the page on the right; Esc closes, the window stays non-modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle(_t("Hướng dẫn sử dụng"))
        self.topics = QListWidget()
        self.topics.setObjectName("guide_topics")
        self.topics.setToolTip(_t("Chọn một việc để xem hướng dẫn (phím ↑/↓)"))
        for key, title in page_titles().items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.topics.addItem(item)
        self.topics.setFixedWidth(self.topics.sizeHintForColumn(0) + 24)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide_page")
        self.browser.setSearchPaths([guide_dir()])
        self.browser.setOpenExternalLinks(False)
        layout = QHBoxLayout(self)
        layout.addWidget(self.topics)
        layout.addWidget(self.browser, 1)
        self.topics.currentRowChanged.connect(self._row_changed)
        self.browser.sourceChanged.connect(self._source_changed)
        self.resize(980, 640)

    def show_page(self, key: str) -> None:
        row = PAGES.index(key) if key in PAGES else 0
        self.topics.setCurrentRow(row)
        self._row_changed(row)

    def current_page(self) -> str:
        return self.browser.source().fileName().removesuffix(".html")

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(PAGES) and self.current_page() != PAGES[row]:
            self.browser.setSource(QUrl(f"{PAGES[row]}.html"))

    def _source_changed(self, url: QUrl) -> None:
        # A link inside a page moves the selection in the list too.
        key = url.fileName().removesuffix(".html")
        if key in PAGES and self.topics.currentRow() != PAGES.index(key):
            self.topics.blockSignals(True)
            self.topics.setCurrentRow(PAGES.index(key))
            self.topics.blockSignals(False)


def page_for(window) -> str:  # noqa: ANN001 - MainWindow (import cycle)
    """The page about the screen the official is on."""
    current = window.stack.currentWidget()
    by_screen = {
        "intake_view": "tiep-nhan",
        "detail_view": "in-phieu",
        "capture_view": "quet-giay-to",
        "sync_panel": "dong-bo",
    }
    for attribute, key in by_screen.items():
        if current is not None and current is getattr(window, attribute, None):
            return key
    return "tiep-nhan"


def install(window, ctx: AppContext) -> QAction:  # noqa: ANN001 - MainWindow (import cycle)
    state: dict[str, GuideDialog] = {}

    def open_guide() -> None:
        dialog = state.get("dialog")
        if dialog is None:
            dialog = state["dialog"] = GuideDialog(window)
        dialog.show_page(page_for(window))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.topics.setFocus()

    action = QAction(_t("Hướng dẫn sử dụng (F1)"), window)
    action.setShortcut(QKeySequence("F1"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    tip = _t("Hướng dẫn ngắn cho từng việc: tiếp nhận, đọc thẻ căn cước, quét, in, đồng bộ, sao lưu, phím tắt (F1)")
    action.setToolTip(tip)
    action.setStatusTip(tip)
    action.triggered.connect(open_guide)
    menu = window.menuBar().addMenu(_t("Trợ giúp"))
    menu.addAction(action)
    window.actions_["guide"] = action
    window.open_guide = open_guide
    window.guide_dialog = lambda: state.get("dialog")
    return action
