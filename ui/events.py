"""Qt adapter for :class:`app.changes.Changes`: views refresh from one signal instead of calling each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.changes import Changes


class Events(QObject):
    changes_applied = Signal(object)  # app.changes.Changes

    def publish(self, changes: Changes | None) -> None:
        if changes is not None:
            self.changes_applied.emit(changes)
