"""One dossier: its header, papers, history, and the actions its state allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import outbox
from app.changes import Changes
from app.errors import ValidationError
from app.models import Dossier, DossierAttachment, OutboxItem
from app.services import dossiers as svc
from app.status import OPEN_STATUSES, TRANSITIONS, Status, action_label, label
from ui.context import AppContext
from ui.errors import show_error
from ui.format import appointment_text, short_datetime
from ui.printing import FORM_TITLES, preview_paper
from ui.views.action_dialogs import ApologyDialog, ReasonDialog, ReturnDialog, SupplementDialog
from ui.views.rating_dialog import ask_rating
from ui.widgets.facts_grid import facts_grid
from ui.widgets.style import emphasize, set_tone
from ui.widgets.tables import read_only_table

FORM_IDS = ("01", "02", "03", "04", "05")



class DossierDetailView(QWidget):
    back_requested = Signal()
    scan_requested = Signal(str)  # dossier id: open the scanning screen for it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier: Dossier | None = None
        self._key: str | None = None

        self.code_label = QLabel()
        emphasize(self.code_label, 1.4)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        emphasize(self.status_label, 1.1)
        set_tone(self.status_label, "accent")
        top = QHBoxLayout()
        top.addWidget(self.code_label)
        top.addStretch(1)
        top.addWidget(self.status_label)
        # Whether the province has this dossier: the official answers "has it been sent?" from here.
        self.sync_line = QLabel()
        self.sync_line.setObjectName("dossier_sync_state")
        set_tone(self.sync_line, "muted")
        self.sync_line.setWordWrap(True)

        rows = [("applicant", self.tr("Người yêu cầu:")), ("id_number", self.tr("Số định danh:")),
                ("address", self.tr("Địa chỉ:")), ("submitter", self.tr("Người nộp:")),
                ("procedure", self.tr("Thủ tục:")), ("case", self.tr("Trường hợp:")),
                ("received", self.tr("Ngày nhận:")), ("due", self.tr("Hẹn trả:")),
                ("sets", self.tr("Số bộ, lệ phí:")), ("notes", self.tr("Ghi chú:"))]
        info, self.fields = facts_grid(rows)

        self.documents_table = read_only_table([self.tr("Tên giấy tờ"), self.tr("Bản chính"),
                                       self.tr("Bản sao chứng thực"), self.tr("Bản photo")])
        self.documents_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            self.documents_table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.history_table = read_only_table([self.tr("Thời điểm"), self.tr("Người thực hiện"), self.tr("Thao tác"),
                                     self.tr("Trạng thái"), self.tr("Lý do")])
        history_header = self.history_table.horizontalHeader()
        for column in range(4):
            history_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        history_header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self._fit_tables()
        documents_box = QGroupBox(self.tr("Thành phần hồ sơ"))
        QVBoxLayout(documents_box).addWidget(self.documents_table)
        history_box = QGroupBox(self.tr("Quá trình xử lý"))
        QVBoxLayout(history_box).addWidget(self.history_table)

        self.buttons: dict[str, QPushButton] = {}
        actions_box = QGroupBox(self.tr("Thao tác"))
        actions = QVBoxLayout(actions_box)
        for key, text, tip, slot in (
            ("start", self.tr("&Bắt đầu xử lý"), self.tr("Chuyển hồ sơ sang bước đang giải quyết (Alt+B)"),
             self.start_processing),
            ("supplement", self.tr("&Yêu cầu bổ sung..."),
             self.tr("Ghi các giấy tờ cần bổ sung và in phiếu yêu cầu bổ sung (mẫu 02) (Alt+Y)"),
             self.request_supplement),
            ("resume", self.tr("&Nhận bổ sung"), self.tr("Công dân đã nộp đủ giấy tờ bổ sung: tiếp tục giải quyết (Alt+N)"),
             self.receive_supplement),
            ("refuse", self.tr("&Từ chối tiếp nhận..."),
             self.tr("Từ chối tiếp nhận, ghi lý do và in phiếu từ chối (mẫu 03) (Alt+T)"), self.refuse),
            ("withdraw", self.tr("&Rút hồ sơ..."), self.tr("Công dân xin rút hồ sơ; ghi lý do (Alt+R)"), self.withdraw),
            ("resolve", self.tr("Đã &xử lý xong"), self.tr("Đã có kết quả, chờ công dân đến nhận (Alt+X)"),
             self.resolve),
            ("return", self.tr("Trả &kết quả..."),
             self.tr("Giao kết quả cho công dân và mời đánh giá mức độ hài lòng (Alt+K)"), self.return_result),
            ("apology", self.tr("Xin lỗi && hẹn &lại..."),
             self.tr("Hồ sơ sắp hoặc đã quá hạn: hẹn ngày trả mới và in thư xin lỗi (mẫu 04) (Alt+L)"), self.apologise),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[key] = button
        scan = QPushButton(self.tr("&Quét / số hóa"))
        scan.setToolTip(self.tr("Quét giấy tờ của hồ sơ này thành tệp PDF (Alt+Q hoặc F6)"))
        scan.clicked.connect(lambda: self.dossier is not None and self.scan_requested.emit(self.dossier.id))
        actions.addWidget(scan)
        self.buttons["scan"] = scan
        actions.addStretch(1)
        back = QPushButton(self.tr("← Về danh sách"))
        back.setToolTip(self.tr("Về danh sách hồ sơ (Esc)"))
        back.clicked.connect(self.back_requested)
        self.back_button = back
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested)
        actions.addWidget(back)

        # Under the actions rather than under the tables: the tables keep the height at a big font size.
        print_box = QGroupBox(self.tr("In giấy tờ"))
        print_grid = QGridLayout(print_box)
        for index, form_id in enumerate(FORM_IDS):
            button = QPushButton(self.tr("Mẫu {n}").format(n=form_id))
            button.setToolTip(FORM_TITLES[form_id] + (" (Ctrl+P)" if form_id == "01" else ""))
            button.clicked.connect(lambda _checked=False, f=form_id: self.print_form(f))
            print_grid.addWidget(button, index // 3, index % 3)
            self.buttons[f"print{form_id}"] = button

        header = QFrame()
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(0, 0, 0, 0)
        header_layout.addLayout(top)
        header_layout.addWidget(self.sync_line)
        header_layout.addLayout(info)

        main = QVBoxLayout()
        main.addWidget(header)
        main.addWidget(documents_box, 3)
        main.addWidget(history_box, 2)
        side = QVBoxLayout()
        side.addWidget(actions_box, 1)
        side.addWidget(print_box)
        layout = QHBoxLayout(self)
        layout.addLayout(main, 1)
        actions_box.setMinimumWidth(250)  # grows with a bigger font rather than clipping the buttons
        layout.addLayout(side)
        # Tab reads the screen as it is laid out: the papers, the history, the actions, then the print buttons.
        chain = [self.documents_table, self.history_table,
                 *(b for k, b in self.buttons.items() if not k.startswith("print")), back,
                 *(self.buttons[f"print{f}"] for f in FORM_IDS)]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._update_buttons()
        ctx.events.changes_applied.connect(self._on_changes)

    def _fit_tables(self) -> None:
        # Two papers and the last event stay in sight at any font size; the rest scrolls.
        for table, rows in ((self.documents_table, 2), (self.history_table, 1)):
            row = table.fontMetrics().lineSpacing() + 8
            table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + rows * row + 2 * table.frameWidth())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_tables()

    def focus_first(self) -> None:
        """Keyboard focus on the first action the dossier's state allows (the intake's field just vanished)."""
        for button in self.buttons.values():
            if button.isEnabled():
                button.setFocus()
                return
        self.back_button.setFocus()

    # ----- loading --------------------------------------------------------------------------------

    def load(self, key: str) -> None:
        self._key = key
        self.ctx.run_db(lambda s: svc.get_dossier(s, key), self._show,
                        lambda exc, details: show_error(self, exc, details))

    def _on_changes(self, changes: Changes) -> None:
        if self.dossier is not None and self.dossier.id in changes.dossiers:
            self.load(self.dossier.id)

    def _show(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.code_label.setText(dossier.code)
        self.status_label.setText(label(dossier.status))
        f = self.fields
        f["applicant"].setText(dossier.applicant_name)
        f["id_number"].setText(dossier.applicant_id_number)
        f["address"].setText(dossier.applicant_address)
        if dossier.submitter_name:
            role = self.tr("đại diện theo ủy quyền") if dossier.submitter_role == "representative" else self.tr("nộp hộ")
            f["submitter"].setText(f"{dossier.submitter_name} ({role})")
        else:
            f["submitter"].setText(self.tr("Chủ hồ sơ tự nộp"))
        f["procedure"].setText(f"{dossier.procedure_name} ({dossier.procedure_code})")
        f["case"].setText(dossier.case_name or "")
        f["received"].setText(short_datetime(dossier.received_at))
        f["due"].setText(appointment_text(dossier.due_at) if dossier.due_at else "")
        fee = f"{dossier.fee_amount:,}".replace(",", ".") + self.tr(" đồng") if dossier.fee_amount else self.tr("không thu phí")
        f["sets"].setText(self.tr("{n} bộ; {fee}").format(n=dossier.sets_count, fee=fee))
        f["notes"].setText(dossier.notes)

        self.documents_table.setRowCount(len(dossier.documents))
        for row, doc in enumerate(dossier.documents):
            values = [doc.name, str(doc.originals), str(doc.certified_copies), str(doc.photocopies)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.documents_table.setItem(row, column, item)
        self.documents_table.resizeRowsToContents()

        self.history_table.setRowCount(len(dossier.events))
        for row, event in enumerate(dossier.events):
            values = [short_datetime(event.at), event.actor, action_label(event.action),
                      label(event.to_status) if event.to_status else "", event.reason]
            for column, value in enumerate(values):
                self.history_table.setItem(row, column, QTableWidgetItem(value))
        self.history_table.resizeRowsToContents()
        self._update_buttons()
        self._load_sync_line(dossier.id)

    def _load_sync_line(self, dossier_id: str) -> None:
        def read(session: Session) -> tuple[str, int, int, str]:
            row = session.execute(select(OutboxItem).where(OutboxItem.kind == outbox.DOSSIER,
                                                           OutboxItem.key == dossier_id)).scalar_one_or_none()
            files = session.execute(
                select(OutboxItem.id).join(DossierAttachment, DossierAttachment.id == OutboxItem.key)
                .where(OutboxItem.kind == outbox.ATTACHMENT, DossierAttachment.dossier_id == dossier_id)).all()
            if row is not None:
                # The first line of last_error is the official's sentence; the rest is for technicians.
                return "queued", row.attempts, len(files), row.last_error.partition("\n")[0]
            sent = outbox.last_acknowledged(session, outbox.DOSSIER, dossier_id) > 0
            return ("sent" if sent else "never"), 0, len(files), ""

        def show(result: tuple[str, int, int, str]) -> None:
            if self.dossier is None or self.dossier.id != dossier_id:
                return  # another dossier was opened meanwhile
            state, attempts, files, error = result
            if state == "sent":
                text = self.tr("Đã gửi lên hệ thống tỉnh")
            elif state == "queued" and attempts:
                text = self.tr("Chờ gửi (lần thử {n}, lỗi: {error})").format(n=attempts, error=error or "—")
            elif state == "queued":
                text = self.tr("Chờ gửi lên hệ thống tỉnh")
            else:
                text = self.tr("Chưa gửi lên hệ thống tỉnh")
            if files:
                text += self.tr("; còn {n} tệp scan chờ gửi").format(n=files)
            self.sync_line.setText(text)

        self.ctx.run_db(read, show)

    def _update_buttons(self) -> None:
        d = self.dossier
        status = Status(d.status) if d is not None else None
        allowed = TRANSITIONS[status] if status is not None else frozenset()
        enabled = {
            "start": Status.PROCESSING in allowed and status != Status.SUPPLEMENT_REQUESTED,
            # Allowed by the status machine even after a first request, so the official reads why not.
            "supplement": Status.SUPPLEMENT_REQUESTED in allowed,
            "resume": status == Status.SUPPLEMENT_REQUESTED,
            "refuse": Status.NOT_RECEIVED in allowed,
            "withdraw": Status.WITHDRAWN in allowed,
            "resolve": Status.RESOLVED in allowed,
            "return": Status.RETURNED in allowed,
            "apology": status in OPEN_STATUSES,
            "print01": d is not None,
            "print02": d is not None and d.supplement is not None,
            "print03": d is not None and any(e.action == "refused" for e in d.events),
            "print04": d is not None and bool(d.apologies),
            "print05": d is not None,
        }
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)

    # ----- actions --------------------------------------------------------------------------------

    def _mutate(self, work: Callable[[Any], Any], on_error: Callable[[BaseException, str], None] | None = None) -> None:
        self.ctx.mutate(work, None, on_error or (lambda exc, details: show_error(self, exc, details)))

    def _dialog_action(self, dialog: Any, make_work: Callable[[Any], Callable[[Any], Any]],
                       after: Callable[[], None] | None = None) -> None:
        """Run the action the dialog describes; on a validation error, reopen it with what was typed."""
        if dialog.exec() != QDialog.DialogCode.Accepted:
            dialog.deleteLater()
            return

        def failed(exc: BaseException, details: str) -> None:
            show_error(self, exc, details)
            if isinstance(exc, ValidationError):
                self._dialog_action(dialog, make_work, after)
            else:
                dialog.deleteLater()

        def done(_result: Any) -> None:
            dialog.deleteLater()
            if after is not None:
                after()

        try:
            work = make_work(dialog)
        except ValidationError as exc:
            failed(exc, "")
            return
        self.ctx.mutate(work, done, failed)

    def _simple(self, fn: Callable[..., Any], *args: Any) -> None:
        if self.dossier is None:
            return
        key, settings = self.dossier.id, self.ctx.settings
        self._mutate(lambda s: fn(s, settings, key, *args))

    def start_processing(self) -> None:
        self._simple(svc.start_processing)

    def receive_supplement(self) -> None:
        self._simple(svc.resume_after_supplement)

    def resolve(self) -> None:
        self._simple(svc.mark_resolved)

    def request_supplement(self) -> None:
        if self.dossier is None:
            return
        key, settings = self.dossier.id, self.ctx.settings
        dialog = SupplementDialog([d.name for d in self.dossier.documents], self)

        def make(dlg: SupplementDialog) -> Callable[[Any], Any]:
            items, reason = dlg.items(), dlg.reason()
            return lambda s: svc.request_supplement(s, settings, key, items, reason)

        self._dialog_action(dialog, make)

    def _reason_action(self, fn: Callable[..., Any], title: str, prompt: str) -> None:
        if self.dossier is None:
            return
        key, settings = self.dossier.id, self.ctx.settings
        dialog = ReasonDialog(title, prompt, self)

        def make(dlg: ReasonDialog) -> Callable[[Any], Any]:
            reason = dlg.reason()
            return lambda s: fn(s, settings, key, reason)

        self._dialog_action(dialog, make)

    def refuse(self) -> None:
        self._reason_action(svc.refuse, self.tr("Từ chối tiếp nhận hồ sơ"), self.tr("Lý do từ chối:"))

    def withdraw(self) -> None:
        self._reason_action(svc.withdraw, self.tr("Rút hồ sơ"), self.tr("Lý do rút hồ sơ:"))

    def return_result(self) -> None:
        if self.dossier is None:
            return
        key, settings = self.dossier.id, self.ctx.settings
        dialog = ReturnDialog(self.dossier.submitter_name or self.dossier.applicant_name, self)

        def make(dlg: ReturnDialog) -> Callable[[Any], Any]:
            name, signed = dlg.name_edit.text(), dlg.signature_check.isChecked()
            return lambda s: svc.return_result(s, settings, key, name, signature_taken=signed)

        code = self.dossier.code
        # The citizen rates the service while still at the counter, right after taking the result.
        self._dialog_action(dialog, make, after=lambda: ask_rating(self, self.ctx, key, code))

    def apologise(self) -> None:
        if self.dossier is None:
            return
        key, settings = self.dossier.id, self.ctx.settings
        suggested = self.dossier.due_at + timedelta(days=1) if self.dossier.due_at else None
        dialog = ApologyDialog(suggested, self)

        def make(dlg: ApologyDialog) -> Callable[[Any], Any]:
            reason, when = dlg.reason(), dlg.new_due_at()  # a mistyped date stops here, dialog reopens
            return lambda s: svc.issue_apology(s, settings, key, reason, when)

        self._dialog_action(dialog, make)

    def print_form(self, form_id: str = "01") -> None:
        if self.dossier is None:
            return
        preview_paper(self, self.ctx, self.dossier.id, form_id)
