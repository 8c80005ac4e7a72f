"""The citizen's satisfaction rating, asked right after the result is handed over.

Five big buttons the citizen can tap on a touch screen turned towards them, an optional comment, and
"Bỏ qua" for a citizen who does not want to rate (a rating is voluntary, so skipping records nothing).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.satisfaction import record_rating
from ui.context import AppContext
from ui.errors import show_error
from ui.widgets.style import emphasize

# Level -> background colour, from green (very satisfied) to red (very dissatisfied); each is dark enough for
# its white caption (4.5:1), and the caption, not the colour, says which level it is.
LEVEL_COLORS = {5: "#1b5e20", 4: "#3d6b12", 3: "#7a5a00", 2: "#a84300", 1: "#b71c1c"}


class RatingDialog(QDialog):
    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đánh giá mức độ hài lòng"))
        self.setMinimumWidth(760)
        titles = {5: self.tr("Rất hài lòng"), 4: self.tr("Hài lòng"), 3: self.tr("Bình thường"),
                  2: self.tr("Không hài lòng"), 1: self.tr("Rất không hài lòng")}
        question = QLabel(self.tr("Ông/bà có hài lòng với việc giải quyết hồ sơ {code} không?").format(code=code))
        question.setWordWrap(True)
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        emphasize(question, 1.4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.level_buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        for level in (5, 4, 3, 2, 1):
            button = QPushButton(titles[level])
            button.setCheckable(True)
            button.setMinimumSize(130, 90)
            button.setObjectName(f"level_{level}")
            color = LEVEL_COLORS[level]
            button.setStyleSheet(
                f"QPushButton {{ color: white; background: {color};"
                f" border: 3px solid {color}; border-radius: 10px; padding: 6px; }}"
                " QPushButton:checked { border: 4px solid palette(window-text); }"
                " QPushButton:focus { border: 4px dashed palette(window-text); }")
            emphasize(button, 1.2)
            # The style sheet's border and padding are not in the button's size hint: leave room for the caption.
            button.setMinimumWidth(max(130, button.fontMetrics().horizontalAdvance(button.text()) + 36))
            self.group.addButton(button, level)
            row.addWidget(button)
            self.level_buttons[level] = button
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setPlaceholderText(self.tr("Góp ý thêm (không bắt buộc)"))
        self.comment_edit.setMaximumHeight(80)
        self.send_button = QPushButton(self.tr("&Gửi đánh giá"))
        self.send_button.setEnabled(False)
        self.send_button.setDefault(True)
        self.send_button.setMinimumHeight(40)
        self.skip_button = QPushButton(self.tr("&Bỏ qua"))
        self.skip_button.setMinimumHeight(40)
        self.group.idClicked.connect(lambda _id: self.send_button.setEnabled(True))
        self.send_button.clicked.connect(self.accept)
        self.skip_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.comment_edit)
        layout.addLayout(buttons)
        # An explicit minimum overrides the layout's: never narrower than the row of captions.
        self.setMinimumWidth(max(760, layout.minimumSize().width()))

    def level(self) -> int | None:
        level = self.group.checkedId()
        return level if level > 0 else None

    def comment(self) -> str:
        return self.comment_edit.toPlainText()


def ask_rating(parent: QWidget | None, ctx: AppContext, dossier_id: str, code: str) -> None:
    """Show the rating dialog for a just-returned dossier and record the answer, if any."""
    dialog = RatingDialog(code, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    level, comment = dialog.level(), dialog.comment()
    dialog.deleteLater()
    if not accepted or level is None:
        return
    settings = ctx.settings
    ctx.mutate(lambda s: record_rating(s, settings, dossier_id, level, comment=comment),
               on_error=lambda exc, details: show_error(parent, exc, details))
