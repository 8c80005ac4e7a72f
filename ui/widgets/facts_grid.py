"""A two-column grid of "caption: value" pairs, the header block of the detail and sync screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from ui.widgets.style import set_tone


def facts_grid(rows: list[tuple[str, str]]) -> tuple[QGridLayout, dict[str, QLabel]]:
    """The grid and its value labels by key; values wrap and can be selected (codes are copied from here)."""
    grid = QGridLayout()
    grid.setHorizontalSpacing(16)
    values: dict[str, QLabel] = {}
    for index, (key, text) in enumerate(rows):
        caption = QLabel(text)
        set_tone(caption, "muted")
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        values[key] = value
        row, column = index // 2, (index % 2) * 2
        grid.addWidget(caption, row, column, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(value, row, column + 1)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    return grid, values
