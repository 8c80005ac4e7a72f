"""Fields of one party (the applicant or the person submitting): a citizen or an organisation."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from app.citizens import CitizenCard
from app.errors import ValidationError
from app.services.intake import Party
from app.workdays import parse_date
from ui.format import short_date


class PartyForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, with_kind: bool = True, mnemonics: bool = True) -> None:
        super().__init__(parent)
        m = (lambda s: s) if mnemonics else (lambda s: s.replace("&", ""))
        self.citizen_radio = QRadioButton(m(self.tr("Công &dân")))
        self.organisation_radio = QRadioButton(m(self.tr("Tổ chức")))
        self.citizen_radio.setChecked(True)
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.citizen_radio)
        self._kind_group.addButton(self.organisation_radio)
        kind_row = QHBoxLayout()
        kind_row.setContentsMargins(0, 0, 0, 0)
        kind_row.addWidget(self.citizen_radio)
        kind_row.addWidget(self.organisation_radio)
        kind_row.addStretch(1)
        kind_widget = QWidget()
        kind_widget.setLayout(kind_row)

        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.id_edit.setPlaceholderText(self.tr("12 chữ số"))
        self.birth_edit = QLineEdit()
        self.birth_edit.setPlaceholderText(self.tr("ngày/tháng/năm, ví dụ 15/08/1999"))
        self.sex_combo = QComboBox()
        self.sex_combo.addItem(self.tr("(chưa chọn)"), "")
        self.sex_combo.addItem(self.tr("Nam"), "Nam")
        self.sex_combo.addItem(self.tr("Nữ"), "Nữ")
        self.address_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if with_kind:
            form.addRow(self.tr("Loại:"), kind_widget)
        else:
            kind_widget.setParent(self)  # the radios stay alive: set_party() still reads the kind
            kind_widget.setVisible(False)
        self.name_label = QLabel(m(self.tr("&Họ và tên:")))
        self.id_label = QLabel(m(self.tr("&Số định danh (CCCD):")))
        birth_label = QLabel(m(self.tr("Ngày si&nh:")))
        sex_label = QLabel(m(self.tr("&Giới tính:")))
        address_label = QLabel(m(self.tr("Địa &chỉ:")))
        phone_label = QLabel(m(self.tr("Điện th&oại:")))
        email_label = QLabel(m(self.tr("Thư điện tử:")))
        for lbl, widget in ((self.name_label, self.name_edit), (self.id_label, self.id_edit),
                            (birth_label, self.birth_edit), (sex_label, self.sex_combo),
                            (address_label, self.address_edit), (phone_label, self.phone_edit),
                            (email_label, self.email_edit)):
            lbl.setBuddy(widget)
            form.addRow(lbl, widget)
        self._citizen_only = [birth_label, self.birth_edit, sex_label, self.sex_combo]
        for widget, tip in (
            (self.citizen_radio, self.tr("Người yêu cầu là cá nhân (phím mũi tên để đổi)")),
            (self.organisation_radio, self.tr("Người yêu cầu là cơ quan, tổ chức, doanh nghiệp")),
            (self.name_edit, self.tr("Họ và tên đầy đủ, có dấu, như trên thẻ căn cước")),
            (self.id_edit, self.tr("Số định danh cá nhân 12 chữ số trên thẻ căn cước; tổ chức ghi mã số thuế")),
            (self.birth_edit, self.tr("Ngày sinh dạng ngày/tháng/năm, ví dụ 15/08/1999")),
            (self.sex_combo, self.tr("Giới tính; gõ chữ N để chọn nhanh")),
            (self.address_edit, self.tr("Nơi cư trú: thôn/xóm, xã/phường, tỉnh/thành phố")),
            (self.phone_edit, self.tr("Số điện thoại để báo khi có kết quả (không bắt buộc)")),
            (self.email_edit, self.tr("Địa chỉ thư điện tử (không bắt buộc)")),
        ):
            widget.setToolTip(tip)

        for edit in (self.name_edit, self.id_edit, self.birth_edit, self.address_edit, self.phone_edit,
                     self.email_edit):
            edit.textChanged.connect(self.changed)
        self.sex_combo.currentIndexChanged.connect(self.changed)
        self.citizen_radio.toggled.connect(self._kind_toggled)

    def _kind_toggled(self) -> None:
        citizen = self.citizen_radio.isChecked()
        self.id_label.setText(self.tr("&Số định danh (CCCD):") if citizen
                              else self.tr("&Số thuế / mã doanh nghiệp:"))
        self.name_label.setText(self.tr("&Họ và tên:") if citizen else self.tr("&Tên tổ chức:"))
        self.id_edit.setPlaceholderText(self.tr("12 chữ số") if citizen else self.tr("10 chữ số"))
        for widget in self._citizen_only:
            widget.setVisible(citizen)
        self.changed.emit()

    def birth_date(self) -> tuple[date | None, str | None]:
        text = self.birth_edit.text().strip()
        if not text or not self.citizen_radio.isChecked():
            return None, None
        try:
            return parse_date(text), None
        except ValidationError as exc:
            return None, exc.message

    def party(self) -> Party:
        birth, _problem = self.birth_date()
        citizen = self.citizen_radio.isChecked()
        return Party(
            name=self.name_edit.text(), id_number=self.id_edit.text(),
            kind="citizen" if citizen else "organisation", birth_date=birth,
            sex=self.sex_combo.currentData() if citizen else "", address=self.address_edit.text(),
            phone=self.phone_edit.text(), email=self.email_edit.text(),
        )

    def set_party(self, party: Party) -> None:
        (self.citizen_radio if party.kind != "organisation" else self.organisation_radio).setChecked(True)
        self.name_edit.setText(party.name)
        self.id_edit.setText(party.id_number)
        self.birth_edit.setText(short_date(party.birth_date))
        index = self.sex_combo.findData(party.sex or "")
        self.sex_combo.setCurrentIndex(max(index, 0))
        self.address_edit.setText(party.address)
        self.phone_edit.setText(party.phone)
        self.email_edit.setText(party.email)

    def fill_from_card(self, card: CitizenCard) -> None:
        """Fill what the ID card knows; phone and e-mail stay as typed."""
        self.citizen_radio.setChecked(True)
        self.name_edit.setText(card.full_name)
        self.id_edit.setText(card.id_number)
        self.birth_edit.setText(short_date(card.date_of_birth))
        self.sex_combo.setCurrentIndex(max(self.sex_combo.findData(card.sex), 0))
        self.address_edit.setText(card.address)

    def is_empty(self) -> bool:
        return not any(e.text().strip() for e in (self.name_edit, self.id_edit, self.birth_edit,
                                                  self.address_edit, self.phone_edit, self.email_edit))
