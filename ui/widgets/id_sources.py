"""Other ways to read a citizen ID card besides the keyboard-wedge field: a photo file, the scanner, a COM reader.

Each button fills a whole party form in one action. Decoding and device I/O run on the "devices" lane; the
COM reader waits for one card at a time (a cancellable poll), so a forgotten listener cannot hold the lane
for longer than its timeout.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.citizens import CardPayloadError, CitizenCard, parse_cccd_payload
from app.devices.base import CancelToken, Scanner, ScanSettings, Source
from app.devices.idcard_serial import IdCardReader, open_idcard_reader
from app.devices.registry import list_scanners, open_scanner
from app.errors import Cancelled, UserError, ValidationError
from app.i18n import tr
from app.settings import Settings
from ui.context import AppContext
from ui.errors import show_error

APPLICANT = "applicant"
SUBMITTER = "submitter"
# The COM reader waits this long for a card; the official clicks again to wait longer.
READER_WAIT_SECONDS = 60.0
# A card on the flatbed is small on an A4 scan: 300 dpi keeps its QR modules several pixels wide.
CARD_SCAN_DPI = 300


def card_from_scanner(scanner: Scanner, cancel: CancelToken | None = None) -> CitizenCard:
    """Scan one flatbed page and read the card's QR on it."""
    from app.idqr import QrImageError, decode_pil_image  # the decoders load on first use, not at start-up

    settings = ScanSettings(resolution=CARD_SCAN_DPI, source=Source.FLATBED, max_pages=1)
    for page in scanner.scan(settings, cancel):
        texts = decode_pil_image(page.image.convert("L"))
        if not texts:
            break
        first_error: CardPayloadError | None = None
        for text in texts:
            try:
                return parse_cccd_payload(text, check_wedge=False)
            except CardPayloadError as exc:
                first_error = first_error or exc
        assert first_error is not None
        raise first_error
    raise QrImageError(
        tr("Không tìm thấy mã QR trên trang vừa quét. Hãy đặt mặt sau của thẻ (mặt có mã QR) úp xuống mặt kính "
           "rồi quét lại."),
        kind="no_qr",
    )


def default_card_scanner(settings: Settings) -> Scanner:
    """The scanner chosen in the settings (``scanner_device``), else the first one found."""
    device_id = settings.scanner_device
    if not device_id:
        found = list_scanners()
        if not found.scanners:
            if found.errors:
                raise found.errors[0]
            raise ValidationError(tr("Không tìm thấy máy quét nào. Hãy kiểm tra cáp và nguồn điện của máy quét."))
        device_id = found.scanners[0].preferred.id
    return open_scanner(device_id)


class IdSourceButtons(QWidget):
    card_read = Signal(object, str)  # app.citizens.CitizenCard, APPLICANT or SUBMITTER
    problem = Signal(str)  # Vietnamese reason
    status = Signal(str)  # Vietnamese progress note ("waiting for the reader...")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Replaceable so a test or a kiosk build can supply its own file chooser and devices.
        self.image_picker: Callable[[], str | None] = self._ask_image
        self.scanner_factory: Callable[[], Scanner] = lambda: default_card_scanner(self.ctx.settings)
        self.reader_factory: Callable[[], IdCardReader] = lambda: open_idcard_reader(self.ctx.settings)
        self._reader_cancel: CancelToken | None = None

        self.image_button = QPushButton(self.tr("Đọc từ ảnh…"))
        self.image_button.setToolTip(self.tr("Chọn ảnh chụp hoặc ảnh quét mặt có mã QR của thẻ căn cước (F3)"))
        self.image_button.clicked.connect(self.read_image)
        self.scanner_button = QPushButton(self.tr("Đọc từ máy quét"))
        self.scanner_button.setToolTip(self.tr("Úp mặt có mã QR của thẻ xuống mặt kính máy quét rồi bấm (F4)"))
        self.scanner_button.clicked.connect(self.read_scanner)
        self.reader_button = QPushButton(self.tr("Đầu đọc cổng COM"))
        self.reader_button.setCheckable(True)
        self.reader_button.setToolTip(self.tr("Chờ đầu đọc mã QR nối qua cổng COM/USB gửi dữ liệu thẻ; bấm lại để dừng chờ (F7)"))
        self.reader_button.clicked.connect(self._reader_clicked)
        self.target_combo = QComboBox()
        self.target_combo.addItem(self.tr("điền vào Người yêu cầu"), APPLICANT)
        self.target_combo.addItem(self.tr("điền vào Người nộp"), SUBMITTER)
        self.target_combo.setVisible(False)
        self.target_combo.setToolTip(self.tr("Thông tin đọc từ thẻ sẽ điền vào người yêu cầu hay người nộp hồ sơ"))
        # The form choice sits under the buttons: one row of all four is too wide for a 1366-pixel screen.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for button in (self.image_button, self.scanner_button, self.reader_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target_combo)
        target_row.addStretch(1)
        layout.addLayout(target_row)

    # ----- target ---------------------------------------------------------------------------------

    def set_submitter_available(self, available: bool) -> None:
        """Offer the choice of form only when there is a separate submitter."""
        self.target_combo.setVisible(available)
        if not available:
            self.target_combo.setCurrentIndex(0)

    def target(self) -> str:
        return self.target_combo.currentData() or APPLICANT

    # ----- sources --------------------------------------------------------------------------------

    def _ask_image(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Chọn ảnh thẻ căn cước"), "",
            self.tr("Ảnh (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp);;Tất cả tệp (*)"))
        return path or None

    def read_image(self) -> None:
        path = self.image_picker()
        if not path:
            return
        from app.idqr import read_card_from_image

        self._run(self.image_button, lambda: read_card_from_image(path), self.tr("Đang đọc mã QR trong ảnh…"))

    def read_scanner(self) -> None:
        factory = self.scanner_factory

        def job() -> CitizenCard:
            with factory() as scanner:
                return card_from_scanner(scanner)

        self._run(self.scanner_button, job, self.tr("Đang quét thẻ…"))

    def _reader_clicked(self, checked: bool) -> None:
        if checked:
            self.listen_reader()
        elif self._reader_cancel is not None:
            self._reader_cancel.cancel()

    def listen_reader(self) -> None:
        """Wait for one card from the COM reader; clicking the button again stops waiting."""
        token = self._reader_cancel = CancelToken()
        make_reader = self.reader_factory

        def job() -> CitizenCard:
            with make_reader() as reader:
                return reader.read_card(token, READER_WAIT_SECONDS)

        self.reader_button.setChecked(True)
        self.reader_button.setText(self.tr("Dừng chờ đầu đọc"))
        self._run(self.reader_button, job, self.tr("Đang chờ đầu đọc… hãy đưa mã QR trên thẻ vào đầu đọc."),
                  keep_enabled=True)

    # ----- plumbing -------------------------------------------------------------------------------

    def _run(self, button: QPushButton, job: Callable[[], CitizenCard], note: str, *,
             keep_enabled: bool = False) -> None:
        target = self.target()
        if not keep_enabled:
            button.setEnabled(False)
        self.status.emit(note)

        def finish() -> None:
            button.setEnabled(True)
            if button is self.reader_button:
                self._reader_cancel = None
                self.reader_button.setChecked(False)
                self.reader_button.setText(self.tr("Đầu đọc cổng COM"))

        def done(card: CitizenCard) -> None:
            finish()
            self.card_read.emit(card, target)

        def failed(exc: BaseException, details: str) -> None:
            finish()
            if isinstance(exc, Cancelled):
                self.status.emit("")
            elif isinstance(exc, UserError):
                self.problem.emit(exc.message)
            else:
                show_error(self, exc, details)

        self.ctx.tasks.run("devices", job, done, failed)
