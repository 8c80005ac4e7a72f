"""A strip of page thumbnails that wraps like a contact sheet and reorders by drag and drop.

List mode with left-to-right flow and wrapping is used instead of icon mode: in icon mode a drop only moves
the picture on the grid, while here it moves the row in the model, so the order on screen is the page
order. The page number and the document it belongs to are painted under each picture (list mode would put
text beside the icon).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

THUMB_SIZE = QSize(150, 200)
CAPTION_HEIGHT = 38
PAGE_ID_ROLE = Qt.ItemDataRole.UserRole


def rgb_qimage(width: int, height: int, rgb: bytes) -> QImage:
    """A QImage owning a copy of packed RGB888 bytes (the bytes object may go away afterwards)."""
    return QImage(rgb, width, height, width * 3, QImage.Format.Format_RGB888).copy()


class ThumbnailStrip(QListWidget):
    """One item per page; the item's ``PAGE_ID_ROLE`` holds the page id the owner maps to its data."""

    order_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images: dict[str, QImage] = {}
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(8)
        self.setIconSize(QSize(THUMB_SIZE.width(), THUMB_SIZE.height() + CAPTION_HEIGHT))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setStyleSheet("QListWidget { background: palette(alternate-base); }"
                           "QListWidget::item:selected { background: palette(highlight);"
                           " border: 2px solid palette(window-text); }")
        self.model().rowsMoved.connect(lambda *_: self.order_changed.emit())

    # ----- content --------------------------------------------------------------------------------

    def add_page(self, page_id: str, image: QImage, caption: str, *, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(PAGE_ID_ROLE, page_id)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)  # drop between pages, never onto one
        self._images[page_id] = image
        if row is None:
            self.addItem(item)
        else:
            self.insertItem(row, item)
        self.set_caption(page_id, caption)
        return item

    def replace_image(self, page_id: str, image: QImage, caption: str) -> None:
        self._images[page_id] = image
        self.set_caption(page_id, caption)

    def rotate_image(self, page_id: str, degrees: int, caption: str) -> None:
        """Turn the shown thumbnail at once; the full page is turned when the PDF is built."""
        self._images[page_id] = self._images[page_id].transformed(QTransform().rotate(degrees))
        self.set_caption(page_id, caption)

    def set_caption(self, page_id: str, caption: str, *, highlight: bool = False) -> None:
        item = self.item_for(page_id)
        if item is None:
            return
        item.setIcon(self._compose(self._images[page_id], caption, highlight))
        item.setToolTip(caption)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, caption)

    def remove_page(self, page_id: str) -> None:
        item = self.item_for(page_id)
        if item is not None:
            self.takeItem(self.row(item))
        self._images.pop(page_id, None)

    def clear_pages(self) -> None:
        self.clear()
        self._images.clear()

    # ----- queries --------------------------------------------------------------------------------

    def page_ids(self) -> list[str]:
        return [self.item(i).data(PAGE_ID_ROLE) for i in range(self.count())]

    def selected_ids(self) -> list[str]:
        rows = sorted(self.row(item) for item in self.selectedItems())
        return [self.item(r).data(PAGE_ID_ROLE) for r in rows]

    def item_for(self, page_id: str) -> QListWidgetItem | None:
        for i in range(self.count()):
            if self.item(i).data(PAGE_ID_ROLE) == page_id:
                return self.item(i)
        return None

    def select_ids(self, page_ids: list[str]) -> None:
        self.clearSelection()
        for page_id in page_ids:
            item = self.item_for(page_id)
            if item is not None:
                item.setSelected(True)
                self.setCurrentItem(item, QItemSelectionModel.SelectionFlag.Select)

    def move_selected(self, step: int) -> None:
        """Keyboard alternative to dragging: move the selected pages one place left or right."""
        ids = self.selected_ids()
        if not ids:
            return
        order = self.page_ids()
        rows = [order.index(i) for i in ids]
        if (step < 0 and rows[0] == 0) or (step > 0 and rows[-1] == len(order) - 1):
            return
        for row in rows if step < 0 else reversed(rows):
            item = self.takeItem(row)
            self.insertItem(row + step, item)
        self.select_ids(ids)
        self.order_changed.emit()

    # ----- painting -------------------------------------------------------------------------------

    def _compose(self, image: QImage, caption: str, highlight: bool) -> QPixmap:
        size = self.iconSize()
        pixmap = QPixmap(size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        scaled = image.scaled(THUMB_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        x = (size.width() - scaled.width()) // 2
        y = (THUMB_SIZE.height() - scaled.height()) // 2
        painter.fillRect(x - 1, y - 1, scaled.width() + 2, scaled.height() + 2, QColor("#8a8f96"))
        painter.drawImage(x, y, scaled)
        band = pixmap.rect().adjusted(0, THUMB_SIZE.height() + 2, 0, 0)
        painter.fillRect(band, QColor("#fff4c2") if highlight else QColor("#ffffff"))
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 2))
        painter.setFont(font)
        painter.setPen(QColor("#1f2328"))
        painter.drawText(band.adjusted(3, 1, -3, -1),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         caption)
        painter.end()
        return pixmap
