"""Tiếp nhận hồ sơ: the intake form, usable from the keyboard alone, autosaved as a draft while typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.catalogue import ProcedureSpec, describe_processing, get_procedure
from app.changes import Changes
from app.citizens import CitizenCard
from app.errors import ValidationError
from app.ids import uuid7
from app.services.dossiers import Outcome, default_fee, receive_dossier
from app.services.drafts import delete_draft, save_draft
from app.services.intake import IntakeRequest, Party
from app.workdays import WorkCalendar, calendar_from_settings
from ui.context import AppContext
from ui.dialogs import ask
from ui.errors import show_error
from ui.format import appointment_text
from ui.widgets.documents_table import DocumentsTable
from ui.widgets.enter_moves_on import EnterMovesOn
from ui.widgets.id_card_input import IdCardInput
from ui.widgets.id_sources import SUBMITTER, IdSourceButtons
from ui.widgets.party_form import PartyForm
from ui.widgets.procedure_picker import ProcedurePicker
from ui.widgets.style import emphasize, set_tone

DRAFT_DELAY_MS = 800
APPOINTMENT_REFRESH_MS = 30_000
SIDE_PANEL_WIDTH = 300


class IntakeView(QWidget):
    saved = Signal(str, str)  # dossier id, dossier code

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.procedure: ProcedureSpec | None = None
        self.calendar: WorkCalendar | None = None
        self.draft_id = uuid7()
        self.last_saved: Outcome | None = None
        self._loading = False
        self._saving = False
        self._fee_touched = False
        self.current_problems: list[str] = []
        self._build()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(APPOINTMENT_REFRESH_MS)
        self._clock_timer.timeout.connect(self.update_appointment)
        self._clock_timer.start()
        self._connect_changes()
        ctx.events.changes_applied.connect(self._on_changes)
        self.reload_calendar()

    # ----- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        # Procedure
        self.picker = ProcedurePicker(self.ctx)
        self.picker.picked.connect(self._procedure_picked)
        self.case_combo = QComboBox()
        self.case_combo.currentIndexChanged.connect(self._case_changed)
        self.processing_label = QLabel()
        self.processing_label.setWordWrap(True)
        procedure_box = QGroupBox(self.tr("Thủ tục hành chính"))
        form = QFormLayout(procedure_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        procedure_label = QLabel(self.tr("&Thủ tục:"))
        procedure_label.setBuddy(self.picker.edit)
        case_label = QLabel(self.tr("T&rường hợp:"))
        case_label.setBuddy(self.case_combo)
        form.addRow(procedure_label, self.picker)
        form.addRow(case_label, self.case_combo)
        form.addRow(self.tr("Thời hạn:"), self.processing_label)

        # Applicant
        self.qr_input = IdCardInput()
        self.qr_input.card_read.connect(self._card_read)
        self.qr_input.problem.connect(self._card_problem)
        self.qr_message = QLabel()
        self.qr_message.setWordWrap(True)
        self.qr_message.setVisible(False)
        self.applicant_form = PartyForm()
        applicant_box = QGroupBox(self.tr("Người yêu cầu (chủ hồ sơ)"))
        applicant_layout = QVBoxLayout(applicant_box)
        qr_row = QHBoxLayout()
        qr_label = QLabel(self.tr("&Quét mã QR CCCD:"))
        qr_label.setBuddy(self.qr_input)
        qr_row.addWidget(qr_label)
        qr_row.addWidget(self.qr_input, 1)
        applicant_layout.addLayout(qr_row)
        self.id_sources = IdSourceButtons(self.ctx)
        self.id_sources.card_read.connect(self._source_card_read)
        self.id_sources.problem.connect(self._card_problem)
        self.id_sources.status.connect(self._source_status)
        applicant_layout.addWidget(self.id_sources)
        applicant_layout.addWidget(self.qr_message)
        applicant_layout.addWidget(self.applicant_form)

        # Submitter
        self.submitter_check = QCheckBox(self.tr("Người nộ&p khác chủ hồ sơ"))
        self.submitter_check.toggled.connect(self._submitter_toggled)
        self.submitter_check.toggled.connect(self.id_sources.set_submitter_available)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("Người đại diện theo ủy quyền"), "representative")
        self.role_combo.addItem(self.tr("Nộp hộ"), "assisted")
        self.submitter_form = PartyForm(with_kind=False, mnemonics=False)
        self.submitter_panel = QWidget()
        submitter_panel_layout = QFormLayout(self.submitter_panel)
        submitter_panel_layout.setContentsMargins(0, 0, 0, 0)
        role_label = QLabel(self.tr("Tư c&ách:"))
        role_label.setBuddy(self.role_combo)
        submitter_panel_layout.addRow(role_label, self.role_combo)
        submitter_panel_layout.addRow(self.submitter_form)
        self.submitter_panel.setVisible(False)
        submitter_box = QGroupBox(self.tr("Người nộp hồ sơ"))
        submitter_layout = QVBoxLayout(submitter_box)
        submitter_layout.addWidget(self.submitter_check)
        submitter_layout.addWidget(self.submitter_panel)

        # Documents and the rest
        self.documents = DocumentsTable()
        documents_box = QGroupBox(self.tr("Thành phần hồ sơ đã nhận"))
        documents_layout = QVBoxLayout(documents_box)
        self.documents_hint = QLabel(self.tr("Chọn thủ tục để hiện danh sách giấy tờ."))
        documents_layout.addWidget(self.documents_hint)
        documents_layout.addWidget(self.documents)

        self.sets_spin = QSpinBox()
        self.sets_spin.setRange(1, 99)
        self.fee_spin = QSpinBox()
        self.fee_spin.setRange(0, 100_000_000)
        self.fee_spin.setSingleStep(1000)
        self.fee_spin.setGroupSeparatorShown(True)
        self.fee_spin.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))  # 10.000 đồng
        self.fee_spin.setSuffix(self.tr(" đồng"))
        self.fee_spin.valueChanged.connect(self._fee_edited)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        other_box = QGroupBox(self.tr("Thông tin khác"))
        other = QFormLayout(other_box)
        other.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in ((self.tr("Số &bộ hồ sơ:"), self.sets_spin), (self.tr("&Lệ phí:"), self.fee_spin),
                             (self.tr("Gh&i chú:"), self.notes_edit)):
            lbl = QLabel(text)
            lbl.setBuddy(widget)
            other.addRow(lbl, widget)

        # Side panel: appointment, problems, save
        self.appointment_label = QLabel()
        self.appointment_label.setWordWrap(True)
        emphasize(self.appointment_label, 1.2)
        set_tone(self.appointment_label, "accent")
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        set_tone(self.problems_label, "error")
        self.problems_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.draft_label = QLabel()
        self.draft_label.setWordWrap(True)
        set_tone(self.draft_label, "muted")
        self.save_button = QPushButton(self.tr("Lư&u hồ sơ (Ctrl+Enter)"))
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("Nhập hồ sơ &mới"))
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self.discard)
        side = QFrame()
        side.setFrameShape(QFrame.Shape.StyledPanel)
        side.setFixedWidth(SIDE_PANEL_WIDTH)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.appointment_label)
        problems_title = QLabel(self.tr("Cần kiểm tra:"))
        emphasize(problems_title)
        self.problems_title = problems_title
        side_layout.addWidget(problems_title)
        side_layout.addWidget(self.problems_label, 1)
        side_layout.addWidget(self.draft_label)
        side_layout.addWidget(self.save_button)
        side_layout.addWidget(self.new_button)

        left = QVBoxLayout()
        left.addWidget(procedure_box)
        left.addWidget(applicant_box)
        left.addWidget(submitter_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(documents_box)
        right.addWidget(other_box)
        right.addStretch(1)
        self.columns = _FormColumns(left, right, self.documents.name_room)
        self.columns.setObjectName("intake_columns")
        scroll = QScrollArea()
        scroll.setObjectName("intake_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.columns)
        self.columns.follow(scroll.viewport())

        layout = QHBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(side)

        sources = self.id_sources
        for sequence, slot in (("Ctrl+Return", self.save), ("Ctrl+Enter", self.save),
                               ("F3", sources.image_button.click), ("F4", sources.scanner_button.click),
                               ("F7", sources.reader_button.click)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        # Enter in a plain field moves on, as on the paper form; the pickers handle Enter themselves.
        for form_widget in (self.applicant_form, self.submitter_form):
            for edit in form_widget.findChildren(QLineEdit):
                edit.returnPressed.connect(self.focusNextChild)
        # Enter in a number box moves on too; Ctrl+Enter still saves (the shortcut sees it first).
        self._enter_moves_on = EnterMovesOn(self)
        self._enter_moves_on.watch(self.sets_spin, self.fee_spin)
        self._add_tooltips()
        self.show_problems([])
        self.update_appointment()
        self._fix_tab_order()

    def _add_tooltips(self) -> None:
        tips = (
            (self.case_combo, self.tr("Trường hợp của thủ tục; quyết định danh sách giấy tờ phải nộp (Alt+R)")),
            (self.qr_input, self.tr("Đặt con trỏ vào đây rồi quét mã QR trên thẻ căn cước bằng máy đọc cầm tay "
                                    "(Alt+Q); thông tin người yêu cầu được điền tự động")),
            (self.submitter_check, self.tr("Đánh dấu khi người đến nộp không phải là chủ hồ sơ (Alt+P)")),
            (self.role_combo, self.tr("Người nộp là người được ủy quyền hay chỉ nộp hộ (Alt+A)")),
            (self.sets_spin, self.tr("Số bộ hồ sơ công dân nộp (Alt+B)")),
            (self.fee_spin, self.tr("Lệ phí thu theo thủ tục, điền sẵn theo danh mục; sửa nếu được miễn, giảm (Alt+L)")),
            (self.notes_edit, self.tr("Ghi chú thêm về hồ sơ; Tab để sang nút Lưu (Alt+I)")),
            (self.save_button, self.tr("Lưu hồ sơ, cấp mã hồ sơ và in giấy hẹn (Ctrl+Enter)")),
            (self.new_button, self.tr("Bỏ thông tin đang nhập và bắt đầu một hồ sơ mới (Alt+M)")),
        )
        for widget, tip in tips:
            widget.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # The zoom keys changed the font: the notes box keeps its three lines.
            self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3 + 14)

    def _fix_tab_order(self) -> None:
        a, s = self.applicant_form, self.submitter_form
        chain: list[QWidget] = [
            self.picker.edit, self.picker.results, self.case_combo, self.qr_input,
            self.id_sources.image_button, self.id_sources.scanner_button, self.id_sources.reader_button,
            self.id_sources.target_combo, a.citizen_radio, a.organisation_radio, a.name_edit, a.id_edit, a.birth_edit, a.sex_combo,
            a.address_edit, a.phone_edit, a.email_edit, self.submitter_check, self.role_combo,
            s.name_edit, s.id_edit, s.birth_edit, s.sex_combo, s.address_edit, s.phone_edit, s.email_edit,
            *self.documents.widgets_in_tab_order(), self.sets_spin, self.fee_spin, self.notes_edit,
            self.save_button, self.new_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect_changes(self) -> None:
        for signal in (self.applicant_form.changed, self.submitter_form.changed, self.documents.changed,
                       self.sets_spin.valueChanged, self.fee_spin.valueChanged, self.notes_edit.textChanged,
                       self.submitter_check.toggled, self.role_combo.currentIndexChanged,
                       self.case_combo.currentIndexChanged):
            signal.connect(self._on_form_changed)

    # ----- procedure, case, calendar --------------------------------------------------------------

    def reload_calendar(self) -> None:
        settings = self.ctx.settings

        def loaded(calendar: WorkCalendar) -> None:
            self.calendar = calendar
            self.update_appointment()

        self.ctx.run_db(lambda s: calendar_from_settings(settings, s), loaded)

    def _on_changes(self, changes: Changes) -> None:
        if changes.calendar or changes.settings:
            self.reload_calendar()

    def _procedure_picked(self, spec: ProcedureSpec) -> None:
        self.set_procedure(spec)
        self._on_form_changed()

    def set_procedure(self, spec: ProcedureSpec | None, case_code: str | None = None) -> None:
        was_loading = self._loading
        self._loading = True
        try:
            self.procedure = spec
            self.picker.set_procedure(spec)
            self.case_combo.blockSignals(True)
            self.case_combo.clear()
            for case in spec.cases if spec else ():
                self.case_combo.addItem(case.name, case.code)
            if case_code:
                self.case_combo.setCurrentIndex(max(self.case_combo.findData(case_code), 0))
            self.case_combo.blockSignals(False)
            self.case_combo.setEnabled(self.case_combo.count() > 1)
            self.processing_label.setText(describe_processing(spec.processing) if spec else "")
            if spec is not None and not self._fee_touched:
                self.fee_spin.blockSignals(True)
                self.fee_spin.setValue(default_fee(spec))
                self.fee_spin.blockSignals(False)
            self._case_changed()
        finally:
            self._loading = was_loading
        self.update_appointment()

    def _case_changed(self) -> None:
        case = None
        if self.procedure is not None and self.procedure.cases:
            code = self.case_combo.currentData()
            case = next((c for c in self.procedure.cases if c.code == code), self.procedure.cases[0])
        self.documents.set_documents(case.documents if case else ())
        self.documents_hint.setVisible(case is None)
        self._fix_tab_order()

    def _fee_edited(self) -> None:
        if not self._loading:
            self._fee_touched = True

    def update_appointment(self) -> None:
        if self.procedure is None or self.calendar is None:
            self.appointment_label.setText(self.tr("Hẹn trả: (chọn thủ tục)"))
            return
        try:
            due = self.calendar.due(clock.now(), self.procedure.processing.value, self.procedure.processing.unit)
        except ValidationError as exc:
            self.appointment_label.setText(exc.message)
            return
        self.appointment_label.setText(self.tr("Hẹn trả: {when}").format(when=appointment_text(due)))

    # ----- applicant ------------------------------------------------------------------------------

    def _card_read(self, card: CitizenCard) -> None:
        self.applicant_form.fill_from_card(card)
        set_tone(self.qr_message, "success")
        self.qr_message.setText(self.tr("Đã điền thông tin từ thẻ căn cước của {name}.").format(name=card.full_name))
        self.qr_message.setVisible(True)
        self.applicant_form.phone_edit.setFocus()

    def _source_card_read(self, card: CitizenCard, target: str) -> None:
        """A card from a photo, the scanner or the COM reader, for the form the official chose."""
        if target != SUBMITTER:
            self._card_read(card)
            return
        self.submitter_form.fill_from_card(card)
        set_tone(self.qr_message, "success")
        self.qr_message.setText(self.tr("Đã điền thông tin người nộp từ thẻ căn cước của {name}.").format(
            name=card.full_name))
        self.qr_message.setVisible(True)
        self.submitter_form.phone_edit.setFocus()

    def _source_status(self, text: str) -> None:
        set_tone(self.qr_message, "muted")
        self.qr_message.setText(text)
        self.qr_message.setVisible(bool(text))

    def _card_problem(self, message: str) -> None:
        set_tone(self.qr_message, "error")
        self.qr_message.setText(message)
        self.qr_message.setVisible(True)

    def _submitter_toggled(self, on: bool) -> None:
        self.submitter_panel.setVisible(on)
        if on and not self._loading:
            self.role_combo.setFocus()

    # ----- request --------------------------------------------------------------------------------

    def request(self) -> IntakeRequest:
        submitter = self.submitter_form.party() if self.submitter_check.isChecked() else None
        return IntakeRequest(
            procedure_code=self.procedure.code if self.procedure else "",
            case_code=self.case_combo.currentData() if self.procedure else None,
            applicant=self.applicant_form.party(),
            submitter=submitter,
            submitter_role=self.role_combo.currentData() if submitter else None,
            documents=self.documents.documents(),
            sets_count=self.sets_spin.value(),
            fee_amount=self.fee_spin.value() if self.procedure else None,
            notes=self.notes_edit.toPlainText(),
        )

    def local_problems(self) -> list[str]:
        problems = []
        if self.procedure is None:
            problems.append(self.tr("Chưa chọn thủ tục."))
        _birth, problem = self.applicant_form.birth_date()
        if problem:
            problems.append(self.tr("Ngày sinh người yêu cầu: {problem}").format(problem=problem))
        if self.submitter_check.isChecked():
            _birth, problem = self.submitter_form.birth_date()
            if problem:
                problems.append(self.tr("Ngày sinh người nộp hồ sơ: {problem}").format(problem=problem))
        return problems

    def show_problems(self, problems: list[str]) -> None:
        self.current_problems = list(problems)
        self.problems_title.setText(self.tr("Cần kiểm tra:"))
        self.problems_title.setVisible(bool(problems))
        if not problems:
            self.problems_label.setText("")
            return
        items = "".join(f"<li>{_escape(p)}</li>" for p in problems)
        self.problems_label.setText(f"<ul style='margin-left:-20px'>{items}</ul>")

    # ----- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving:
            return
        problems = self.local_problems()
        if problems:
            self.show_problems(problems)
            return
        request = self.request()
        request.received_at = clock.now()
        settings = self.ctx.settings
        draft_id = self.draft_id
        self._draft_timer.stop()
        self._set_saving(True)

        def work(session) -> Outcome:  # noqa: ANN001
            outcome = receive_dossier(session, settings, request)
            delete_draft(session, draft_id)  # same transaction: a saved dossier never leaves a draft behind
            return outcome

        self.ctx.mutate(work, self._saved, self._save_failed)

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self.save_button.setEnabled(not saving)
        self.new_button.setEnabled(not saving)

    def _saved(self, outcome: Outcome) -> None:
        self._set_saving(False)
        self.last_saved = outcome
        dossier = outcome.dossier
        self.reset()
        self.saved.emit(dossier.id, dossier.code)
        self.offer_print(dossier.id, dossier.code, dossier.due_at)

    def _save_failed(self, exc: BaseException, details: str) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationError):
            self.show_problems(exc.message.split("\n"))
            return
        show_error(self, exc, details)

    def offer_print(self, dossier_id: str, code: str, due_at: datetime | None) -> None:
        text = self.tr("Đã tiếp nhận hồ sơ {code}.").format(code=code)
        if due_at is not None:
            text += "\n" + self.tr("Hẹn trả: {when}").format(when=appointment_text(due_at))
        text += "\n\n" + self.tr("In Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)?")
        if ask(self, self.tr("Tiếp nhận hồ sơ"), text, yes=self.tr("In mẫu 01"), no=self.tr("Để sau")):
            from ui.printing import preview_paper

            preview_paper(self, self.ctx, dossier_id, "01")

    # ----- drafts ---------------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.procedure is None and self.applicant_form.is_empty() and not self.submitter_check.isChecked()

    def _on_form_changed(self, *_args: object) -> None:
        if self._loading or self._saving:
            return
        if self.current_problems:
            # The list was for the last attempt; once the form changes it may no longer be true.
            self.problems_title.setText(self.tr("Cần kiểm tra (lần lưu trước):"))
        if not self.is_empty():
            self._draft_timer.start()

    def save_draft_now(self) -> None:
        self._draft_timer.stop()
        if self.is_empty() or self._saving:
            return
        payload = self.request().to_payload()
        draft_id = self.draft_id

        def saved(_draft_id: str) -> None:
            self.draft_label.setText(self.tr("Đã lưu nháp lúc {time}.").format(time=clock.now().strftime("%H:%M:%S")))

        def failed(exc: BaseException, _details: str) -> None:
            message = getattr(exc, "message", str(exc))
            self.draft_label.setText(self.tr("Chưa lưu được bản nháp: {reason}").format(reason=message))

        self.ctx.run_db(lambda s: save_draft(s, payload, draft_id), saved, failed)

    def flush_draft(self) -> None:
        """Save a pending draft at once (closing the window must not lose the last keystrokes)."""
        if self._draft_timer.isActive():
            self.save_draft_now()

    def reset(self) -> None:
        self._draft_timer.stop()
        self._loading = True
        try:
            self.draft_id = uuid7()
            self._fee_touched = False
            self.set_procedure(None)
            self.applicant_form.set_party(Party())
            self.submitter_form.set_party(Party())
            self.submitter_check.setChecked(False)
            self.role_combo.setCurrentIndex(0)
            self.sets_spin.setValue(1)
            self.fee_spin.setValue(0)
            self.notes_edit.setPlainText("")
            self.qr_message.setVisible(False)
            self.draft_label.setText("")
            self.show_problems([])
        finally:
            self._loading = False
        self.update_appointment()

    def discard(self) -> None:
        if not self.is_empty() and not ask(self, self.tr("Nhập hồ sơ mới"),
                                           self.tr("Bỏ thông tin đang nhập và bắt đầu hồ sơ mới?")):
            return
        draft_id = self.draft_id
        self.reset()
        self.ctx.mutate(lambda s: delete_draft(s, draft_id))
        self.start()

    def start(self) -> None:
        self.picker.edit.setFocus()

    def load_draft(self, draft_id: str, payload: dict) -> None:
        """Put a saved draft back into the form; later autosaves keep updating the same draft."""
        request = IntakeRequest.from_payload(payload)
        self.reset()
        self._loading = True
        try:
            self.draft_id = draft_id
            self.applicant_form.set_party(request.applicant)
            if request.submitter is not None:
                self.submitter_check.setChecked(True)
                self.submitter_form.set_party(request.submitter)
                self.role_combo.setCurrentIndex(max(self.role_combo.findData(request.submitter_role), 0))
            self.sets_spin.setValue(request.sets_count)
            self.notes_edit.setPlainText(request.notes)
        finally:
            self._loading = False
        if not request.procedure_code:
            return

        def loaded(spec: ProcedureSpec) -> None:
            self._loading = True
            try:
                self.set_procedure(spec, request.case_code)
                self.documents.set_counts(request.documents)
                if request.fee_amount is not None:
                    self.fee_spin.setValue(request.fee_amount)
                    self._fee_touched = request.fee_amount != default_fee(spec)
            finally:
                self._loading = False

        self.ctx.run_db(lambda s: get_procedure(s, request.procedure_code), loaded)


class _FormColumns(QWidget):
    """Scroll-area content: two columns side by side when they fit the width, else one above the other.

    At 1366×768 with the usual font both columns fit; with a bigger font (Ctrl+=) the documents go below the
    applicant rather than off the right edge, so the form only ever scrolls down, never sideways. The Tab
    order (left column, then right) reads the same in both arrangements.
    """

    def __init__(self, left: QVBoxLayout, right: QVBoxLayout, right_room: Callable[[], int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left, self.right = left, right
        # At its bare minimum the right column wraps the paper names a word a line: it asks for this much more.
        self.right_room = right_room
        self.grid = QGridLayout(self)
        self.stacked = False
        self._viewport: QWidget | None = None
        self._place()

    def _place(self) -> None:
        for item in (self.left, self.right):
            self.grid.removeItem(item)
        self.grid.addLayout(self.left, 0, 0)
        if self.stacked:
            self.grid.addLayout(self.right, 1, 0)
            self.grid.setColumnStretch(1, 0)
        else:
            self.grid.addLayout(self.right, 0, 1)
            self.grid.setColumnStretch(1, 5)
        self.grid.setColumnStretch(0, 4)

    def side_by_side_width(self) -> int:
        margins = self.grid.contentsMargins()
        right = self.right.minimumSize().width() + (self.right_room() if self.right_room is not None else 0)
        return (self.left.minimumSize().width() + right
                + max(self.grid.horizontalSpacing(), 0) + margins.left() + margins.right())

    def follow(self, viewport: QWidget) -> None:
        self._viewport = viewport
        viewport.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._fit()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()  # a font or content change moved the minimum widths
        return handled

    def _fit(self) -> None:
        if self._viewport is not None:
            stacked = self.side_by_side_width() > self._viewport.width()
            if stacked != self.stacked:
                self.stacked = stacked
                self._place()
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # A scroll area ignores height-for-width: grow with the wrapped labels by hand.
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed > 0 and needed != self.minimumHeight():
                self.setMinimumHeight(needed)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
