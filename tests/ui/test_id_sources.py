"""The intake fills a party from an ID card read from a photo, the scanner, a COM reader or a wedge reader."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
import qrcode
from PIL import Image
from PySide6.QtCore import Qt

from app.devices.base import DeviceInfo
from app.devices.fake import FakeScanner
from app.devices.idcard_serial import SerialIdCardReader
from tests.ui.helpers import type_text
from ui.views.intake import IntakeView

PAYLOAD = "001099012345|123456789|Nguyễn Văn Đạt|15081999|Nam|Thôn 3, xã Tân Lập, tỉnh Mẫu|10052021"
OTHER = "001185002468||Trần Thị Hoa|02031985|Nữ|Xóm 5, xã Tân Lập, tỉnh Mẫu|01072022"


def qr_image(payload: str) -> Image.Image:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=4)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("L")


@pytest.fixture
def intake(qtbot, ctx, frozen_now) -> IntakeView:
    view = IntakeView(ctx)
    qtbot.addWidget(view)
    return view


def applicant(view: IntakeView) -> tuple[str, str, str, str, str]:
    a = view.applicant_form
    return (a.name_edit.text(), a.id_edit.text(), a.birth_edit.text(), a.sex_combo.currentData(),
            a.address_edit.text())


EXPECTED = ("Nguyễn Văn Đạt", "001099012345", "15/08/1999", "Nam", "Thôn 3, xã Tân Lập, tỉnh Mẫu")


def test_applicant_from_an_image_file(intake, tmp_path):
    path = tmp_path / "cccd.png"
    qr_image(PAYLOAD).save(path)
    intake.id_sources.image_picker = lambda: str(path)

    intake.id_sources.image_button.click()

    assert applicant(intake) == EXPECTED
    assert intake.qr_message.text() == "Đã điền thông tin từ thẻ căn cước của Nguyễn Văn Đạt."
    assert intake.id_sources.image_button.isEnabled()


def test_an_image_without_a_qr_says_why(intake, tmp_path):
    path = tmp_path / "blank.png"
    Image.new("L", (400, 300), 255).save(path)
    intake.id_sources.image_picker = lambda: str(path)
    intake.id_sources.image_button.click()
    assert intake.qr_message.text().startswith("Không tìm thấy mã QR trong ảnh blank.png")
    assert applicant(intake)[0] == ""


def test_applicant_from_a_flatbed_scan(intake):
    page = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi with the card's back near the corner
    page.paste(qr_image(PAYLOAD), (120, 140))
    info = DeviceInfo(id="fake:desk", driver="fake", name="desk")
    intake.id_sources.scanner_factory = lambda: FakeScanner(info, [page])

    intake.id_sources.scanner_button.click()

    assert applicant(intake) == EXPECTED


@pytest.fixture
def pty_pair() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal: the test writes to the master, the reader opens the slave like a COM port."""
    master, slave = os.openpty()
    path = os.ttyname(slave)
    yield master, path
    os.close(master)
    os.close(slave)


def test_submitter_from_a_serial_reader_then_applicant_without_line_end(intake, pty_pair):
    master, path = pty_pair

    def reader(data: bytes):  # noqa: ANN202
        def make() -> SerialIdCardReader:
            opened = SerialIdCardReader(path, 9600)
            os.write(master, data)  # after opening: pyserial flushes the input queue when it opens a port
            return opened

        return make

    intake.submitter_check.setChecked(True)
    assert intake.id_sources.target_combo.isVisibleTo(intake)
    intake.id_sources.target_combo.setCurrentIndex(1)
    intake.id_sources.reader_factory = reader(OTHER.encode("utf-8") + b"\r\n")

    intake.id_sources.reader_button.click()

    s = intake.submitter_form
    assert (s.name_edit.text(), s.id_edit.text(), s.birth_edit.text()) == ("Trần Thị Hoa", "001185002468",
                                                                         "02/03/1985")
    assert applicant(intake)[0] == ""
    assert not intake.id_sources.reader_button.isChecked()
    assert intake.id_sources.reader_button.text() == "Đầu đọc cổng COM"

    # Some readers end a payload with a pause instead of CR/LF.
    intake.id_sources.target_combo.setCurrentIndex(0)
    intake.id_sources.reader_factory = reader(PAYLOAD.encode("utf-8"))
    intake.id_sources.reader_button.click()
    assert applicant(intake) == EXPECTED


def test_serial_reader_without_a_configured_port_explains_what_to_do(intake):
    assert intake.ctx.settings.idcard_port == ""
    intake.id_sources.reader_button.click()
    assert intake.qr_message.text() == "Chưa chọn cổng COM của đầu đọc thẻ căn cước. Hãy chọn cổng trong Cài đặt."
    assert not intake.id_sources.reader_button.isChecked()


def test_serial_reader_rejects_bytes_that_are_not_utf8(pty_pair):
    master, path = pty_pair
    from app.citizens import CardPayloadError

    with SerialIdCardReader(path) as reader:
        # What a reader left in a legacy code page sends: bytes that are no valid UTF-8 sequence.
        os.write(master, b"Nguy\xe1\xbb|\xff\xfe\n")
        with pytest.raises(CardPayloadError, match="không phải UTF-8"):
            reader.read_card(timeout=2)


def test_applicant_from_the_keyboard_wedge_field(intake, qtbot):
    intake.qr_input.setFocus()
    type_text(intake.qr_input, PAYLOAD)
    qtbot.keyClick(intake.qr_input, Qt.Key.Key_Return)
    assert applicant(intake) == EXPECTED
    assert intake.qr_input.text() == ""
