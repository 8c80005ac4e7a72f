"""Cài đặt: the unit, this workstation, working hours and the yearly table of days off / swapped days."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock, paths
from app.changes import Changes
from app.errors import ValidationError
from app.security import audit
from app.settings import Settings, save_settings
from app.workdays import WorkCalendar, list_calendar_days, parse_date, remove_calendar_day, set_calendar_day
from ui.context import AppContext
from ui.dialogs import translate_buttons
from ui.format import weekday_name
from ui.widgets.style import set_tone


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


# Settings whose change is recorded in the audit log: they decide how long citizens' data stays and where copies go.
AUDITED_SETTINGS = ("retention_days", "backup_every_hours", "backup_keep", "backup_folder")

_PERIOD_RE = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$")


def format_periods(periods: list[list[str]]) -> str:
    return ", ".join(f"{start}–{end}" for start, end in periods)


def parse_periods(text: str) -> list[list[str]]:
    periods = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        match = _PERIOD_RE.match(part)
        if not match:
            raise ValidationError(_t("Khoảng giờ “{part}” không đúng dạng (ví dụ 07:00–11:30, 13:30–17:00).")
                                  .format(part=part))
        periods.append([t.zfill(5) for t in match.groups()])
    if not periods:
        raise ValidationError(_t("Hãy nhập ít nhất một khoảng giờ làm việc."))
    return periods


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_settings: Settings | None = None
        self._rows: dict[date, tuple[str, str]] = {}  # calendar_days of the shown year, as stored
        self._pending: dict[date, tuple[str, str] | None] = {}  # edits applied on save; None removes
        self.setWindowTitle(self.tr("Cài đặt"))
        self.resize(980, 640)
        s = ctx.settings

        self.unit_id_edit = QLineEdit(s.unit_id)
        self.unit_name_edit = QLineEdit(s.unit_name)
        self.parent_edit = QLineEdit(s.parent_agency)
        self.address_edit = QLineEdit(s.unit_address)
        self.workstation_edit = QLineEdit(s.workstation_name)
        self.slot_spin = QSpinBox()
        self.slot_spin.setRange(0, 9)
        self.slot_spin.setValue(int(s.workstation_slot))
        self.operator_edit = QLineEdit(s.operator_name)
        self.periods_edit = QLineEdit(format_periods(s.working_periods))
        self.saturday_check = QCheckBox(self.tr("Làm việc sáng thứ Bảy"))
        self.saturday_check.setChecked(bool(s.saturday_morning))
        self.saturday_edit = QLineEdit(format_periods(s.saturday_periods))
        self.cutoff_edit = QLineEdit(s.same_day_cutoff)
        from ui.main_window import MAX_FONT_SIZE, MIN_FONT_SIZE  # the window imports this dialog

        self.font_size_spin = QSpinBox()
        self.font_size_spin.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size_spin.setValue(int(s.ui_font_size))
        self.font_size_spin.setToolTip(self.tr(
            "Cỡ chữ của toàn bộ chương trình trên máy này; cũng đổi được bằng Ctrl+= và Ctrl+- (Ctrl+0: mặc định)."))

        unit_box = QGroupBox(self.tr("Đơn vị và máy trạm"))
        unit_form = QFormLayout(unit_box)
        unit_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in ((self.tr("&Mã đơn vị:"), self.unit_id_edit), (self.tr("&Tên đơn vị:"), self.unit_name_edit),
                             (self.tr("Cơ &quan cấp trên:"), self.parent_edit), (self.tr("Đị&a chỉ:"), self.address_edit),
                             (self.tr("Tên má&y trạm:"), self.workstation_edit),
                             (self.tr("Số &hiệu máy trạm (0–9):"), self.slot_spin),
                             (self.tr("&Cán bộ tiếp nhận:"), self.operator_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            unit_form.addRow(label, widget)
        unit_form.addRow(self.tr("Cỡ chữ:"), self.font_size_spin)
        hours_box = QGroupBox(self.tr("Giờ làm việc"))
        hours_form = QFormLayout(hours_box)
        hours_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        hours_form.addRow(self.tr("Các buổi làm việc:"), self.periods_edit)
        hours_form.addRow(self.saturday_check)
        hours_form.addRow(self.tr("Giờ sáng thứ Bảy:"), self.saturday_edit)
        hours_form.addRow(self.tr("Giờ chốt nhận trong ngày:"), self.cutoff_edit)
        self.backup_hours_spin = QSpinBox()
        self.backup_hours_spin.setRange(0, 24 * 30)
        self.backup_hours_spin.setSuffix(self.tr(" giờ"))
        self.backup_hours_spin.setSpecialValueText(self.tr("Tắt"))
        self.backup_hours_spin.setValue(int(s.backup_every_hours))
        self.backup_keep_spin = QSpinBox()
        self.backup_keep_spin.setRange(1, 1000)
        self.backup_keep_spin.setSuffix(self.tr(" bản"))
        self.backup_keep_spin.setValue(int(s.backup_keep))
        self.backup_folder_edit = QLineEdit(s.backup_folder)
        self.backup_folder_edit.setPlaceholderText(self.tr("Mặc định: thư mục backups trong thư mục dữ liệu"))
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self.choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder_edit, 1)
        folder_row.addWidget(browse)
        self.retention_spin = QSpinBox()
        self.retention_spin.setRange(0, 36_500)
        self.retention_spin.setSuffix(self.tr(" ngày"))
        self.retention_spin.setSpecialValueText(self.tr("Giữ mãi"))
        self.retention_spin.setValue(int(s.retention_days))
        self.retention_spin.setToolTip(self.tr(
            "Sau số ngày này kể từ khi trả kết quả, và chỉ khi tỉnh đã nhận đủ hồ sơ và bản scan, dữ liệu cá nhân "
            "và bản scan của hồ sơ được xoá khỏi máy này (mã hồ sơ, thủ tục, ngày và trạng thái vẫn giữ)."))
        data_box = QGroupBox(self.tr("Sao lưu và dữ liệu cá nhân"))
        data_form = QFormLayout(data_box)
        data_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        data_form.addRow(self.tr("Tự động sao lưu mỗi:"), self.backup_hours_spin)
        data_form.addRow(self.tr("Giữ số bản sao lưu mới nhất:"), self.backup_keep_spin)
        data_form.addRow(self.tr("Thư mục sao lưu:"), folder_row)
        data_form.addRow(self.tr("Giữ dữ liệu cá nhân sau khi trả kết quả:"), self.retention_spin)
        left = QVBoxLayout()
        left.addWidget(unit_box)
        left.addWidget(hours_box)
        left.addWidget(data_box)
        left.addStretch(1)

        # Days off
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2020, 2045)
        self.year_spin.setValue(clock.now().year)
        self.year_spin.valueChanged.connect(self.load_year)
        self.days_table = QTableWidget(0, 4)
        self.days_table.setHorizontalHeaderLabels([self.tr("Ngày"), self.tr("Thứ"), self.tr("Loại"),
                                                   self.tr("Tên ngày lễ / ghi chú")])
        self.days_table.verticalHeader().setVisible(False)
        self.days_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.days_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.days_table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.day_edit = QLineEdit()
        self.day_edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Nghỉ thêm"), "off")
        self.kind_combo.addItem(self.tr("Làm bù"), "work")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Ghi chú, ví dụ: nghỉ bù Tết theo quyết định của tỉnh"))
        add_button = QPushButton(self.tr("Thê&m ngày"))
        add_button.clicked.connect(self.add_day)
        remove_button = QPushButton(self.tr("&Xóa ngày đã chọn"))
        remove_button.clicked.connect(self.remove_selected)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("Năm:")))
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        year_row.addWidget(remove_button)
        add_row = QHBoxLayout()
        add_row.addWidget(self.day_edit)
        add_row.addWidget(self.kind_combo)
        add_row.addWidget(self.note_edit, 1)
        add_row.addWidget(add_button)
        days_box = QGroupBox(self.tr("Ngày nghỉ lễ, nghỉ thêm và ngày làm bù"))
        days_layout = QVBoxLayout(days_box)
        days_layout.addLayout(year_row)
        days_layout.addWidget(self.days_table, 1)
        days_layout.addLayout(add_row)

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        set_tone(self.error_label, "error")
        self.buttons = translate_buttons(QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(days_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.load_year()

    # ----- days table -----------------------------------------------------------------------------

    def load_year(self) -> None:
        year = self.year_spin.value()

        def loaded(rows: list[tuple[date, str, str]]) -> None:
            if year == self.year_spin.value():
                self._rows = {day: (kind, note) for day, kind, note in rows}
                self._fill_table()

        self.ctx.run_db(lambda s: [(r.day, r.kind, r.note) for r in list_calendar_days(s, year)], loaded)

    def _effective_rows(self) -> dict[date, tuple[str, str]]:
        year = self.year_spin.value()
        rows = dict(self._rows)
        for day, value in self._pending.items():
            if day.year != year:
                continue
            if value is None:
                rows.pop(day, None)
            else:
                rows[day] = value
        return rows

    def _fill_table(self) -> None:
        year = self.year_spin.value()
        public = WorkCalendar()
        entries: dict[date, tuple[str, str, bool]] = {}
        day = date(year, 1, 1)
        while day.year == year:
            name = public.public_holiday_name(day)
            if name:
                entries[day] = (self.tr("Nghỉ lễ"), name, False)
            day += timedelta(days=1)
        kinds = {"off": self.tr("Nghỉ thêm"), "work": self.tr("Làm bù")}
        for day, (kind, note) in self._effective_rows().items():
            holiday = public.public_holiday_name(day)
            text = note or holiday or ""
            entries[day] = (kinds.get(kind, kind), text, True)
        self.days_table.setRowCount(len(entries))
        for row, day in enumerate(sorted(entries)):
            kind_text, text, editable = entries[day]
            values = [day.strftime("%d/%m/%Y"), weekday_name(day), kind_text, text]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (day, editable))
                if not editable:
                    item.setForeground(Qt.GlobalColor.darkGray)
                self.days_table.setItem(row, column, item)

    def add_day(self) -> None:
        try:
            day = parse_date(self.day_edit.text())
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.setText("")
        self._pending[day] = (self.kind_combo.currentData(), self.note_edit.text().strip())
        self.day_edit.clear()
        self.note_edit.clear()
        if day.year != self.year_spin.value():
            self.year_spin.setValue(day.year)  # reloads and shows the new entry
        else:
            self._fill_table()

    def remove_selected(self) -> None:
        item = self.days_table.currentItem()
        if item is None:
            return
        day, editable = item.data(Qt.ItemDataRole.UserRole)
        if not editable:
            self.error_label.setText(self.tr("Ngày lễ theo quy định không xóa được; hãy thêm ngày làm bù nếu có."))
            return
        self._pending[day] = None
        self._fill_table()

    def choose_backup_folder(self) -> None:
        start = self.backup_folder_edit.text().strip() or str(paths.backups_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục sao lưu"), start)
        if folder:
            self.backup_folder_edit.setText(folder)

    # ----- saving ---------------------------------------------------------------------------------

    def build_settings(self) -> Settings:
        settings = dataclasses.replace(
            self.ctx.settings,
            unit_id=self.unit_id_edit.text().strip(),
            unit_name=self.unit_name_edit.text().strip(),
            parent_agency=self.parent_edit.text().strip(),
            unit_address=self.address_edit.text().strip(),
            workstation_name=self.workstation_edit.text().strip(),
            workstation_slot=self.slot_spin.value(),
            operator_name=self.operator_edit.text().strip(),
            working_periods=parse_periods(self.periods_edit.text()),
            saturday_morning=self.saturday_check.isChecked(),
            saturday_periods=parse_periods(self.saturday_edit.text()),
            same_day_cutoff=self.cutoff_edit.text().strip(),
            backup_every_hours=self.backup_hours_spin.value(),
            backup_keep=self.backup_keep_spin.value(),
            backup_folder=self.backup_folder_edit.text().strip(),
            retention_days=self.retention_spin.value(),
            ui_font_size=self.font_size_spin.value(),
        )
        settings.validate()
        if settings.backup_folder and settings.backup_folder != self.ctx.settings.backup_folder:
            folder = Path(settings.backup_folder).expanduser()
            if not folder.is_absolute() or not folder.is_dir():
                raise ValidationError(self.tr("Thư mục sao lưu “{path}” không tồn tại. Hãy chọn một thư mục có sẵn "
                                              "(cắm ổ USB trước nếu sao lưu ra USB).").format(
                    path=settings.backup_folder))
        return settings

    def save(self) -> None:
        try:
            settings = self.build_settings()
        except ValidationError as exc:
            self.error_label.setText(exc.message)
            return
        self.error_label.setText("")
        pending = dict(self._pending)
        self.buttons.setEnabled(False)
        before = self.ctx.settings
        audited = {key: (getattr(before, key), getattr(settings, key)) for key in AUDITED_SETTINGS
                   if getattr(before, key) != getattr(settings, key)}

        def apply_days(session) -> None:  # noqa: ANN001
            for key, (old, new) in audited.items():
                # The folder may name a person ("D:/Nguyen Van A"): only whether it is the default is recorded.
                if key == "backup_folder":
                    old, new = bool(old), bool(new)
                audit.record(session, None, audit.SETTINGS_CHANGE, f"setting:{key}", {"old": old, "new": new})
            for day, value in pending.items():
                if value is None:
                    remove_calendar_day(session, day)
                else:
                    set_calendar_day(session, day, value[0], value[1])

        def failed(exc: BaseException, _details: str) -> None:
            self.buttons.setEnabled(True)
            self.error_label.setText(getattr(exc, "message", str(exc)))

        def written(_result: object) -> None:
            self.buttons.setEnabled(True)
            self.ctx.settings = settings
            self.saved_settings = settings
            apply_font_size = getattr(self.parent(), "set_font_size", None)
            if apply_font_size is not None:
                # The same path as the zoom keys; the size is already saved, so nothing is written twice.
                apply_font_size(settings.ui_font_size)
            self._pending.clear()
            self.ctx.events.publish(Changes(settings=True, calendar=bool(pending)))
            self.accept()

        def days_applied(_result: object) -> None:
            self.ctx.tasks.run("db", lambda: save_settings(settings), written, failed)

        self.ctx.run_db(apply_days, days_applied, failed)
