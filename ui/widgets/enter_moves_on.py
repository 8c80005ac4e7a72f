"""Enter in a box moves the focus to the next one, as on the paper form; Ctrl+Enter stays the save shortcut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget


class EnterMovesOn(QObject):
    """One event filter per screen; ``watch`` the boxes (number boxes, tick boxes) where Enter should move on."""

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
                and isinstance(watched, QWidget)):
            watched.focusNextChild()
            return True
        return super().eventFilter(watched, event)
