"""The sync screen (F9): what waits to be sent, what went wrong, and what the province changed.

It only shows what :class:`ui.sync_ui.SyncController` publishes; it never talks to the server itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.fleet import Notice, NoticeLevel
from app.status import label as status_label
from ui.context import AppContext
from ui.format import short_datetime
from ui.sync_ui import SyncController, SyncView, banner_style, format_bytes, notice_banner_style, state_text
from ui.widgets.facts_grid import facts_grid
from ui.widgets.style import emphasize, set_tone, tone_color
from ui.widgets.tables import read_only_table


class SyncPanel(QWidget):
    def __init__(self, ctx: AppContext, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.controller = controller

        title = QLabel(self.tr("Đồng bộ với hệ thống của tỉnh"))
        emphasize(title, 1.4)
        self.state_label = QLabel()
        self.state_label.setObjectName("sync_panel_state")
        set_tone(self.state_label, "accent")
        emphasize(self.state_label, 1.1)
        self.sync_button = QPushButton(self.tr("Đồng bộ ngay"))
        self.sync_button.setMinimumWidth(160)
        self.sync_button.clicked.connect(controller.sync_now)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(24)
        top.addWidget(self.state_label)
        top.addStretch(1)
        top.addWidget(self.sync_button)

        # Shown only when the clock differs much from the province's: printed times would be wrong.
        self.skew_label = QLabel()
        self.skew_label.setObjectName("sync_skew_warning")
        self.skew_label.setWordWrap(True)
        self.skew_label.setStyleSheet(banner_style("warning"))
        self.skew_label.setVisible(False)
        # A run-level problem (no token, no keyring, the line) in one sentence.
        self.problem_label = QLabel()
        self.problem_label.setObjectName("sync_problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(banner_style("error"))
        self.problem_label.setVisible(False)
        # What the province's hello says about this version: quiet for "a newer one exists", a banner with
        # the deadline below the minimum version, red once new intake is blocked.
        self.update_label = QLabel()
        self.update_label.setObjectName("sync_update_notice")
        self.update_label.setWordWrap(True)
        self.update_label.setVisible(False)

        rows = [("queue", self.tr("Chờ gửi:")), ("oldest", self.tr("Hồ sơ chờ lâu nhất:")),
                ("success", self.tr("Đồng bộ thành công gần nhất:")), ("attempt", self.tr("Lần thử gần nhất:")),
                ("server", self.tr("Máy chủ của tỉnh:"))]
        grid, self.facts = facts_grid(rows)

        self.errors_table = read_only_table([self.tr("Hồ sơ"), self.tr("Nội dung lỗi"), self.tr("Số lần thử"),
                                    self.tr("Thử lại lúc")])
        header = self.errors_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.no_errors_label = QLabel(self.tr("Không có lỗi nào cần xử lý."))
        set_tone(self.no_errors_label, "muted")
        errors_box = QGroupBox(self.tr("Lỗi khi gửi hồ sơ"))
        errors_layout = QVBoxLayout(errors_box)
        errors_layout.addWidget(self.no_errors_label)
        errors_layout.addWidget(self.errors_table)

        self.changes_table = read_only_table([self.tr("Thời điểm"), self.tr("Hồ sơ"), self.tr("Trạng thái mới"),
                                     self.tr("Ghi chú"), self.tr("Người cập nhật")])
        self.changes_table.setWordWrap(False)  # one line per change; the full note is in the tooltip
        header = self.changes_table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        changes_box = QGroupBox(self.tr("Cập nhật trạng thái từ hệ thống tỉnh"))
        QVBoxLayout(changes_box).addWidget(self.changes_table)

        summary = QFrame()
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addLayout(top)
        summary_layout.addWidget(self.update_label)
        summary_layout.addWidget(self.skew_label)
        summary_layout.addWidget(self.problem_label)
        summary_layout.addLayout(grid)

        self.errors_box = errors_box
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(errors_box)
        layout.addWidget(changes_box, 2)
        self._layout = layout

        controller.view_changed.connect(self.show_view)
        if controller.last_view is not None:
            self.show_view(controller.last_view)

    def show_view(self, view: SyncView) -> None:
        self.state_label.setText(state_text(view))
        self.sync_button.setEnabled(view.configured and not view.running)
        st = view.status
        f = self.facts
        f["server"].setText(self.ctx.settings.server_url or self.tr("chưa cài đặt (chỉ làm việc trên máy)"))
        # The run's first error, unless the error table already lists it against its dossier.
        message = st.message if st is not None else ""
        if st is not None and any(e.message == message for e in st.item_errors):
            message = ""
        problem = view.problem or message
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self._show_notice(view.notice)
        if st is None:
            return
        if st.queued:
            parts = [self.tr("{n} hồ sơ").format(n=st.queued_dossiers)]
            if st.queued_attachments:
                parts.append(self.tr("{n} tệp scan ({size})").format(
                    n=st.queued_attachments, size=format_bytes(st.queued_attachment_bytes)))
            f["queue"].setText(" · ".join(parts))
        else:
            f["queue"].setText(self.tr("không còn gì chờ gửi"))
        if st.oldest_unsent_dossier:
            f["oldest"].setText(self.tr("{code} (chờ từ {time})").format(
                code=st.oldest_unsent_dossier, time=short_datetime(st.oldest_unsent_dossier_since)))
        else:
            f["oldest"].setText("—")
        f["success"].setText(short_datetime(st.last_success) or self.tr("chưa có"))
        f["attempt"].setText(short_datetime(st.last_attempt) or self.tr("chưa có"))
        self.skew_label.setText(st.skew_message)
        self.skew_label.setVisible(st.skew_warning)

        errors = st.item_errors
        self.errors_table.setRowCount(len(errors))
        for row, error in enumerate(errors):
            what = error.code or "—"
            if error.kind == "attachment":
                what = self.tr("{code} (tệp scan)").format(code=what)
            values = [what, error.message, str(error.attempts), short_datetime(error.next_attempt_at)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.errors_table.setItem(row, column, item)
        self.errors_table.resizeRowsToContents()
        # With nothing wrong, an empty table would only push the province's changes off the screen.
        self.no_errors_label.setVisible(not errors)
        self.errors_table.setVisible(bool(errors))
        self._layout.setStretchFactor(self.errors_box, 1 if errors else 0)

        changes = view.province_changes
        self.changes_table.setRowCount(len(changes))
        for row, (at, code, actor, to_status, note) in enumerate(changes):
            values = [short_datetime(at), code, status_label(to_status) if to_status else "", note, actor]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.changes_table.setItem(row, column, item)
        self.changes_table.resizeRowsToContents()

        QTimer.singleShot(0, self._fit_rows)

    def _show_notice(self, notice: Notice | None) -> None:
        self.update_label.setVisible(notice is not None)
        if notice is None:
            return
        if notice.level is NoticeLevel.INFO:
            self.update_label.setText(notice.message)
            # A plain sheet, not set_tone: the same label later carries a banner's sheet.
            self.update_label.setStyleSheet(f"color: {tone_color('muted').name()}")
        else:
            self.update_label.setText(f"{notice.title}: {notice.message}")
            self.update_label.setStyleSheet(notice_banner_style(notice))

    def _fit_rows(self) -> None:
        self.errors_table.resizeRowsToContents()
        self.changes_table.resizeRowsToContents()

    # Wrapped rows measured while the panel was hidden or narrower keep a wrong height: measure again once
    # the layout has given the columns their real widths.
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_rows)
