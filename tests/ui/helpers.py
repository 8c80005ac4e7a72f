"""Helpers for driving the widgets like an official at the counter would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
SCREEN = (1366, 768)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, one key event per character (qtbot.keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


class ModalHandler:
    """Acts on the next modal dialog of a type while its exec() loop runs, then makes sure it closes."""

    def __init__(self) -> None:
        self.timers: list[QTimer] = []
        self.handled: list[tuple[type, object]] = []
        self.errors: list[BaseException] = []

    def expect(self, kind: type, callback: Callable[[QWidget], object]) -> None:
        timer = QTimer()
        timer.setInterval(20)
        seen: set[int] = set()

        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if widget is None or not isinstance(widget, kind) or id(widget) in seen:
                return
            seen.add(id(widget))
            timer.stop()
            try:
                self.handled.append((kind, callback(widget)))
            except BaseException as exc:  # noqa: BLE001 - reported by check()
                self.errors.append(exc)
            finally:
                if widget.isVisible():
                    widget.close()

        timer.timeout.connect(poll)
        timer.start()
        self.timers.append(timer)

    def check(self, count: int | None = None) -> list[object]:
        for timer in self.timers:
            timer.stop()
        if self.errors:
            raise self.errors[0]
        if count is not None:
            assert len(self.handled) == count, self.handled
        return [result for _kind, result in self.handled]




def save_screenshot(widget: QWidget, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    widget.resize(*SCREEN)
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path
