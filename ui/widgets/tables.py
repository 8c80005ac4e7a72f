"""The read-only table the screens use for lists (history, sync errors, dashboard figures)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableWidget


def read_only_table(headers: list[str], *, wrap: bool = True) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    # Tab leaves the table instead of walking its cells: the screens are driven from the keyboard.
    table.setTabKeyNavigation(False)
    if wrap:
        table.setWordWrap(True)
        # Row heights depend on the column widths, which are only known once the table is laid out.
        table.horizontalHeader().sectionResized.connect(lambda *_: table.resizeRowsToContents())
    return table
