"""Quét tài liệu: scan or import the papers of one dossier, sort them into its checklist, save one PDF each.

Device calls and image work run on the "devices" lane, database writes on "db". Pages travel back to the
GUI thread one by one through a queued signal as the scanner delivers them, so a jam after page 7 still
leaves pages 1-7 on screen, and the official can cancel a long feeder run between (or during) pages.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.attachments import AttachmentStore
from app.changes import Changes
from app.devices.base import (
    CancelToken,
    Capabilities,
    ColorMode,
    DeviceError,
    ScannedPage,
    Scanner,
    ScannerDriver,
    ScanSettings,
    Source,
)
from app.devices.registry import FILES_DEVICE_ID, ScannerList, list_scanners, open_files, open_scanner
from app.errors import Cancelled, UserError
from app.services.digitisation import attach_file, attachments_of
from app.services.dossiers import get_dossier
from app.status import Status, label
from ui.context import AppContext
from ui.errors import show_error
from ui.widgets.style import emphasize, set_tone
from ui.widgets.thumbnails import ThumbnailStrip, rgb_qimage

RESULT_SLOT = -1  # the result document (kết quả giải quyết), attached without a checklist position
THUMB_PIXELS = 300  # longest side of the picture sent back for a thumbnail; the strip shows it at ~200
RESOLUTIONS = (200, 300, 400, 600)  # TT 01/2023 practice: never below 200 dpi
# A result exists from "resolved" on; it is usually digitised when it is handed over.
RESULT_STATUSES = frozenset({Status.RESOLVED, Status.RETURNED})


# ----- data kept by the screen -----------------------------------------------------------------------


@dataclass
class CapturedPage:
    id: str
    image: Image.Image  # as the device delivered it; rotation is applied when the PDF is built
    resolution: int
    slot: int | None  # checklist position, RESULT_SLOT, or None (not sorted yet)
    rotation: int = 0  # clockwise degrees, a multiple of 90


@dataclass(frozen=True)
class SlotInfo:
    key: int  # document position or RESULT_SLOT
    name: str
    required: bool
    stored_files: int  # attachments already saved for this item


@dataclass(frozen=True)
class DossierSnapshot:
    """What the screen needs of a dossier, copied out of the session on the db lane."""

    id: str
    code: str
    applicant: str
    status: int
    slots: tuple[SlotInfo, ...]
    result_files: int

    @property
    def result_allowed(self) -> bool:
        return self.status in RESULT_STATUSES


def load_snapshot(session, key: str) -> DossierSnapshot:  # noqa: ANN001 - sqlalchemy Session
    dossier = get_dossier(session, key)
    files: dict[int | None, int] = {}
    for attachment in attachments_of(session, dossier.id):
        files[attachment.document_id] = files.get(attachment.document_id, 0) + 1
    slots = tuple(SlotInfo(d.position, d.name, bool(d.required), files.get(d.id, 0))
                  for d in sorted(dossier.documents, key=lambda d: d.position))
    return DossierSnapshot(dossier.id, dossier.code, dossier.applicant_name, int(dossier.status), slots,
                           files.get(None, 0))


def make_thumbnail(image: Image.Image) -> tuple[int, int, bytes]:
    """A small RGB copy for the strip; made on the device lane so a 600 dpi page never stalls the GUI."""
    small = image.copy()
    small.thumbnail((THUMB_PIXELS, THUMB_PIXELS))
    small = small.convert("RGB")
    return small.width, small.height, small.tobytes()


def oriented(page: CapturedPage) -> Image.Image:
    # PIL rotates counter-clockwise; the screen counts clockwise like the buttons show.
    return page.image.rotate(-page.rotation, expand=True) if page.rotation % 360 else page.image


class _Bridge(QObject):
    """Carries per-page results from the device lane to the GUI thread (queued across threads)."""

    page = Signal(int, object, object)  # run id, ScannedPage, (width, height, rgb)
    progress = Signal(int, int)  # done, total


# ----- the screen ------------------------------------------------------------------------------------


class CaptureView(QWidget):
    back_requested = Signal(str)  # dossier id: back to its detail view
    saved = Signal(str, int)  # dossier id, number of files attached

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 drivers: Sequence[ScannerDriver] | None = None,
                 opener: Callable[[str], Scanner] | None = None,
                 store: AttachmentStore | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.drivers = drivers
        # Tests and other front-ends can wrap the device (e.g. a scanner reached through another process).
        self.opener: Callable[[str], Scanner] = opener or (lambda device_id: open_scanner(device_id, drivers))
        self.file_picker: Callable[[], list[str]] = self._ask_files
        self.store = store or ctx.store
        self.dossier: DossierSnapshot | None = None
        self.pages: dict[str, CapturedPage] = {}
        self._slots: dict[int, SlotInfo] = {}
        self._ids = itertools.count(1)
        self._runs = itertools.count(1)
        self._run_id = 0
        self._replace_id: str | None = None  # page being rescanned
        self._run_count = 0
        self._cancel: CancelToken | None = None
        self._busy = False
        self._devices_listed = False
        self._bridge = _Bridge(self)
        self._bridge.page.connect(self._page_arrived)
        self._bridge.progress.connect(self._save_progress)
        self._build()
        self._set_busy(False)
        ctx.events.changes_applied.connect(self._on_changes)

    # ----- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        # Dossier header and the way to open another dossier by its code
        self.title_label = QLabel(self.tr("Chưa chọn hồ sơ"))
        emphasize(self.title_label, 1.3)
        self.title_label.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Mã hồ sơ"))
        self.code_edit.setMaximumWidth(260)
        self.code_edit.returnPressed.connect(lambda: self.load_dossier(self.code_edit.text()))
        open_button = QPushButton(self.tr("Mở"))
        open_button.setAutoDefault(False)
        open_button.clicked.connect(lambda: self.load_dossier(self.code_edit.text()))
        self.back_button = QPushButton(self.tr("← Về hồ sơ"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self._back)
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(QLabel(self.tr("Mở hồ sơ khác:")))
        top.addWidget(self.code_edit)
        top.addWidget(open_button)
        top.addWidget(self.back_button)

        # Device and settings
        self.device_combo = QComboBox()
        self.device_combo.setMinimumContentsLength(18)
        self.device_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.device_combo.currentIndexChanged.connect(self._device_changed)
        self.refresh_button = QPushButton(self.tr("Tìm lại"))
        self.refresh_button.setToolTip(self.tr("Tìm lại các máy quét đang kết nối"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh_devices)
        device_row = QHBoxLayout()
        device_row.addWidget(self.device_combo, 1)
        device_row.addWidget(self.refresh_button)
        self.driver_note = QLabel()
        self.driver_note.setWordWrap(True)
        set_tone(self.driver_note, "warning")
        self.driver_note.setVisible(False)
        self.dpi_combo = QComboBox()
        for dpi in RESOLUTIONS:
            self.dpi_combo.addItem(self.tr("{n} dpi").format(n=dpi), dpi)
        self.colour_combo = QComboBox()
        for text, mode in ((self.tr("Màu"), ColorMode.COLOR), (self.tr("Xám"), ColorMode.GRAY),
                           (self.tr("Đen trắng"), ColorMode.LINEART)):
            self.colour_combo.addItem(text, mode.value)  # Qt stores enums as plain str
        self.source_combo = QComboBox()
        self.source_combo.addItem(self.tr("Khay nạp giấy"), Source.FEEDER.value)
        self.source_combo.addItem(self.tr("Mặt kính"), Source.FLATBED.value)
        self.source_combo.currentIndexChanged.connect(self._source_changed)
        self.duplex_check = QCheckBox(self.tr("Quét hai mặt"))
        for widget, tip in (
            (self.device_combo, self.tr("Máy quét dùng cho lần quét này")),
            (self.dpi_combo, self.tr("200 dpi đủ cho giấy tờ thường; 300 dpi cho chữ nhỏ hoặc ảnh")),
            (self.colour_combo, self.tr("Đen trắng cho văn bản in, xám hoặc màu khi giấy tờ có dấu đỏ, ảnh")),
            (self.source_combo, self.tr("Khay nạp giấy quét nhiều trang liền; mặt kính cho giấy tờ đóng quyển, thẻ")),
            (self.duplex_check, self.tr("Quét cả hai mặt mỗi tờ (chỉ với khay nạp giấy)")),
            (self.code_edit, self.tr("Gõ mã hồ sơ rồi nhấn Enter để quét cho hồ sơ đó")),
        ):
            widget.setToolTip(tip)
        settings_box = QGroupBox(self.tr("Máy quét"))
        form = QFormLayout(settings_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # The device name is the longest value: give it the panel's full width under its label.
        form.addRow(QLabel(self.tr("Thiết bị:")))
        form.addRow(device_row)
        form.addRow(self.driver_note)
        form.addRow(self.tr("Độ phân giải:"), self.dpi_combo)
        form.addRow(self.tr("Chế độ màu:"), self.colour_combo)
        form.addRow(self.tr("Nguồn giấy:"), self.source_combo)
        form.addRow("", self.duplex_check)

        self.scan_button = QPushButton(self.tr("&Quét (F5)"))
        emphasize(self.scan_button)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_button = QPushButton(self.tr("&Dừng quét"))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button, 1)
        scan_row.addWidget(self.cancel_button)

        left = QVBoxLayout()
        left.addWidget(settings_box)
        left.addLayout(scan_row)
        left.addWidget(self.progress)
        left.addWidget(self.progress_label)
        left.addWidget(self.message_label)
        left.addStretch(1)
        left_panel = QFrame()
        left_panel.setLayout(left)
        # Side panels give way before the window outgrows a 1366-pixel screen (bigger fonts, long names).
        left_panel.setMinimumWidth(250)
        left_panel.setMaximumWidth(310)

        # Thumbnails and page tools
        self.thumbs = ThumbnailStrip()
        self.thumbs.itemSelectionChanged.connect(self._update_buttons)
        self.thumbs.order_changed.connect(self._refresh_captions)
        self.buttons: dict[str, QPushButton] = {}
        tools = QHBoxLayout()
        for key, text, tip, slot in (
            ("left", self.tr("◀ Lên trước"), self.tr("Chuyển trang đã chọn lên trước (Ctrl+←)"),
             lambda: self.thumbs.move_selected(-1)),
            ("right", self.tr("Ra sau ▶"), self.tr("Chuyển trang đã chọn ra sau (Ctrl+→)"),
             lambda: self.thumbs.move_selected(1)),
            ("rotl", self.tr("⟲ Xoay trái"), self.tr("Xoay trang đã chọn 90° ngược chiều kim đồng hồ"),
             lambda: self.rotate_selected(-90)),
            ("rotr", self.tr("⟳ Xoay phải"), self.tr("Xoay trang đã chọn 90° theo chiều kim đồng hồ"),
             lambda: self.rotate_selected(90)),
            ("rescan", self.tr("Quét lại trang"), self.tr("Quét lại một trang đã chọn, giữ nguyên vị trí"),
             self.rescan_selected),
            ("delete", self.tr("Xóa trang"), self.tr("Xóa các trang đã chọn (Delete)"), self.delete_selected),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            tools.addWidget(button)
            self.buttons[key] = button
        tools.addStretch(1)
        self.count_label = QLabel()
        tools.addWidget(self.count_label)
        pages_box = QGroupBox(self.tr("Trang đã quét (kéo thả để sắp xếp)"))
        pages_layout = QVBoxLayout(pages_box)
        pages_layout.addLayout(tools)
        pages_layout.addWidget(self.thumbs, 1)

        # Checklist slots
        self.slot_list = QListWidget()
        self.slot_list.setWordWrap(True)
        self.slot_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.slot_list.currentRowChanged.connect(lambda _row: self._slot_changed())
        self.assign_button = QPushButton(self.tr("&Gán trang đã chọn vào giấy tờ này"))
        self.assign_button.setAutoDefault(False)
        self.assign_button.clicked.connect(self.assign_selected)
        self.result_button = QPushButton(self.tr("Số hóa &kết quả"))
        self.result_button.setToolTip(self.tr("Quét hoặc nhập tệp kết quả giải quyết khi trả cho công dân"))
        self.result_button.setAutoDefault(False)
        self.result_button.clicked.connect(self.digitise_result)
        self.save_button = QPushButton(self.tr("&Lưu (Ctrl+S)"))
        emphasize(self.save_button)
        self.save_button.clicked.connect(self.save)
        hint = QLabel(self.tr("Chọn giấy tờ rồi quét: các trang mới được gán vào giấy tờ đang chọn. "
                              "Khi lưu, mỗi giấy tờ thành một tệp PDF trong hồ sơ."))
        hint.setWordWrap(True)
        set_tone(hint, "muted")
        slots_box = QGroupBox(self.tr("Thành phần hồ sơ"))
        slots_layout = QVBoxLayout(slots_box)
        slots_layout.addWidget(hint)
        slots_layout.addWidget(self.slot_list, 1)
        slots_layout.addWidget(self.assign_button)
        slots_layout.addWidget(self.result_button)
        slots_layout.addWidget(self.save_button)
        slots_box.setMinimumWidth(250)
        slots_box.setMaximumWidth(320)

        body = QGridLayout()
        body.addWidget(left_panel, 0, 0)
        body.addWidget(pages_box, 0, 1)
        body.addWidget(slots_box, 0, 2)
        body.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        for sequence, slot in (("F5", self.scan), ("Ctrl+S", self.save), ("Delete", self.delete_selected),
                               ("Ctrl+Left", lambda: self.thumbs.move_selected(-1)),
                               ("Ctrl+Right", lambda: self.thumbs.move_selected(1)),
                               ("Esc", self.cancel)):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._fill_devices(ScannerList([], []))

    # ----- dossier --------------------------------------------------------------------------------

    def load_dossier(self, key: str) -> None:
        key = key.strip()
        if not key:
            return
        if self.pages and self.dossier is not None and key not in (self.dossier.id, self.dossier.code):
            self._say(self.tr("Còn {n} trang chưa lưu của hồ sơ {code}. Hãy lưu hoặc xóa trước khi mở hồ sơ khác.")
                      .format(n=len(self.pages), code=self.dossier.code), error=True)
            return
        self.ctx.run_db(lambda s: load_snapshot(s, key), self._show_dossier,
                        lambda exc, details: self._failed(exc, details))

    def _show_dossier(self, snapshot: DossierSnapshot) -> None:
        same = self.dossier is not None and self.dossier.id == snapshot.id
        self.dossier = snapshot
        self.code_edit.clear()
        self.title_label.setText(self.tr("Hồ sơ {code} · {name} · {status}").format(
            code=snapshot.code, name=snapshot.applicant, status=label(snapshot.status)))
        current = self.current_slot() if same else None
        self.slot_list.blockSignals(True)
        self.slot_list.clear()
        slots = list(snapshot.slots)
        if snapshot.result_allowed:
            slots.append(SlotInfo(RESULT_SLOT, self.tr("Kết quả giải quyết"), False, snapshot.result_files))
        for slot in slots:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, slot.key)
            self.slot_list.addItem(item)
        self.slot_list.blockSignals(False)
        self._slots = {s.key: s for s in slots}
        rows = [self.slot_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.slot_list.count())]
        self.slot_list.setCurrentRow(rows.index(current) if current in rows else (0 if rows else -1))
        self._refresh_captions()
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        if self.dossier is not None and self.dossier.id in changes.dossiers and not self._busy:
            self.load_dossier(self.dossier.id)

    def _back(self) -> None:
        if self.dossier is not None:
            self.back_requested.emit(self.dossier.id)

    # ----- slots ----------------------------------------------------------------------------------

    def current_slot(self) -> int | None:
        item = self.slot_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_slot(self, key: int) -> None:
        for i in range(self.slot_list.count()):
            if self.slot_list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.slot_list.setCurrentRow(i)
                return

    def slot_name(self, key: int | None) -> str:
        if key is None or key not in self._slots:
            return self.tr("chưa gán")
        return self._slots[key].name

    def _slot_changed(self) -> None:
        self._refresh_captions()
        self._update_buttons()

    def assign_selected(self) -> None:
        slot = self.current_slot()
        ids = self.thumbs.selected_ids()
        if slot is None or not ids:
            return
        for page_id in ids:
            self.pages[page_id].slot = slot
        self._refresh_captions()

    def _refresh_captions(self) -> None:
        current = self.current_slot()
        counters: dict[int | None, int] = {}
        for number, page_id in enumerate(self.thumbs.page_ids(), start=1):
            page = self.pages[page_id]
            counters[page.slot] = counters.get(page.slot, 0) + 1
            caption = self.tr("Trang {n} · {doc} (tr. {k})").format(
                n=number, doc=_short(self.slot_name(page.slot)), k=counters[page.slot]) \
                if page.slot is not None else self.tr("Trang {n} · chưa gán").format(n=number)
            self.thumbs.set_caption(page_id, caption, highlight=page.slot is not None and page.slot == current)
        for i in range(self.slot_list.count()):
            item = self.slot_list.item(i)
            key = item.data(Qt.ItemDataRole.UserRole)
            slot = self._slots[key]
            parts = [self.tr("{n} trang mới").format(n=counters.get(key, 0))] if counters.get(key) else []
            if slot.stored_files:
                parts.append(self.tr("đã lưu {n} tệp").format(n=slot.stored_files))
            elif slot.required and key != RESULT_SLOT and not counters.get(key):
                parts.append(self.tr("chưa số hóa"))
            prefix = f"{key + 1}. " if key != RESULT_SLOT else "★ "
            item.setText(f"{prefix}{slot.name}\n    " + ", ".join(parts) if parts else f"{prefix}{slot.name}")
        unsorted = counters.get(None, 0)
        self.count_label.setText(
            self.tr("{n} trang").format(n=len(self.pages))
            + (self.tr(", {k} trang chưa gán").format(k=unsorted) if unsorted else ""))

    # ----- devices --------------------------------------------------------------------------------

    def refresh_devices(self) -> None:
        self._devices_listed = True
        drivers = self.drivers
        self.refresh_button.setEnabled(False)

        def done(found: ScannerList) -> None:
            self.refresh_button.setEnabled(True)
            self._fill_devices(found)

        def failed(exc: BaseException, details: str) -> None:
            self.refresh_button.setEnabled(True)
            self._failed(exc, details)

        self.ctx.tasks.run("devices", lambda: list_scanners(drivers), done, failed)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        # Listing can take seconds (network scanners answer slowly): only when the screen is first used.
        if not self._devices_listed:
            self._devices_listed = True
            self.refresh_devices()

    def _fill_devices(self, found: ScannerList) -> None:
        previous = self.device_combo.currentData()
        self.device_combo.blockSignals(True)
        self.device_combo.clear()
        for scanner in found.scanners:
            self.device_combo.addItem(scanner.label, scanner.preferred.id)
        self.device_combo.addItem(self.tr("Nhập từ tệp…"), FILES_DEVICE_ID)
        # Keep the device in use; otherwise a scanner found now wins over the file import fallback.
        index = self.device_combo.findData(previous) if previous != FILES_DEVICE_ID else -1
        self.device_combo.setCurrentIndex(index if index >= 0 else 0)
        self.device_combo.blockSignals(False)
        notes = [e.message for e in found.errors]
        self.driver_note.setText("\n".join(notes))
        self.driver_note.setVisible(bool(notes))
        self._device_changed()

    def device_id(self) -> str:
        return self.device_combo.currentData() or FILES_DEVICE_ID

    def select_device(self, device_id: str) -> None:
        index = self.device_combo.findData(device_id)
        if index >= 0:
            self.device_combo.setCurrentIndex(index)

    def _device_changed(self) -> None:
        files = self.device_id() == FILES_DEVICE_ID
        self.source_combo.setEnabled(not files)
        self.scan_button.setText(self.tr("&Nhập tệp… (F5)") if files else self.tr("&Quét (F5)"))
        self._source_changed()
        if files or self._busy:
            return
        device_id, opener = self.device_id(), self.opener

        def probe() -> Capabilities:
            with opener(device_id) as scanner:
                return scanner.capabilities()

        # Offer only what the device can do; a device that cannot be opened now keeps every option and
        # reports its problem when the scan starts.
        self.ctx.tasks.run("devices", probe, self._apply_capabilities, lambda _exc, _details: None)

    def _apply_capabilities(self, caps: Capabilities) -> None:
        for i in range(self.source_combo.count()):
            item = self.source_combo.model().item(i)
            item.setEnabled(self.source_combo.itemData(i) in caps.sources)
        if self.source_combo.currentData() not in caps.sources and caps.sources:
            self.source_combo.setCurrentIndex(self.source_combo.findData(caps.sources[0].value))
        self.duplex_check.setProperty("device_duplex", caps.duplex)
        self._source_changed()

    def _source_changed(self) -> None:
        feeder = self.source_combo.isEnabled() and self.source_combo.currentData() == Source.FEEDER.value
        can_duplex = self.duplex_check.property("device_duplex") is not False
        self.duplex_check.setEnabled(feeder and can_duplex and not self._busy)
        if not (feeder and can_duplex):
            self.duplex_check.setChecked(False)

    def scan_settings(self, *, max_pages: int | None = None) -> ScanSettings:
        files = self.device_id() == FILES_DEVICE_ID
        source = Source.FLATBED if files else Source(self.source_combo.currentData())
        return ScanSettings(resolution=self.dpi_combo.currentData(),
                            color_mode=ColorMode(self.colour_combo.currentData()),
                            source=source, duplex=self.duplex_check.isChecked() and source is Source.FEEDER,
                            max_pages=max_pages)

    # ----- scanning -------------------------------------------------------------------------------

    def _ask_files(self) -> list[str]:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Chọn ảnh hoặc PDF cần nhập"), "",
            self.tr("Ảnh hoặc PDF (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.bmp);;Tất cả tệp (*)"))
        return list(paths)

    def scan(self) -> None:
        self._start_run(replace=None)

    def digitise_result(self) -> None:
        """Select the result slot and capture the result document in one action."""
        if self.dossier is None or not self.dossier.result_allowed:
            return
        self.select_slot(RESULT_SLOT)
        self._say(self.tr("Quét hoặc nhập tệp kết quả giải quyết, rồi bấm Lưu."))
        self.scan()

    def rescan_selected(self) -> None:
        ids = self.thumbs.selected_ids()
        if len(ids) != 1:
            self._say(self.tr("Chọn đúng một trang cần quét lại."), error=True)
            return
        self._start_run(replace=ids[0])

    def _start_run(self, replace: str | None) -> None:
        if self._busy or self.dossier is None:
            if self.dossier is None:
                self._say(self.tr("Hãy mở hồ sơ cần số hóa trước (từ màn hình chi tiết hồ sơ hoặc nhập mã hồ sơ)."),
                          error=True)
            return
        device_id = self.device_id()
        settings = self.scan_settings(max_pages=1 if replace else None)
        if device_id == FILES_DEVICE_ID:
            paths = self.file_picker()
            if not paths:
                return
            if replace:
                paths = paths[:1]

            def open_device() -> Scanner:
                return open_files(paths)
        else:
            opener = self.opener

            def open_device() -> Scanner:
                return opener(device_id)

        self._cancel = token = CancelToken()
        self._run_id = run_id = next(self._runs)
        self._replace_id = replace
        self._run_count = 0
        bridge = self._bridge

        def job() -> int:
            count = 0
            with open_device() as scanner:
                for page in scanner.scan(settings, token):
                    bridge.page.emit(run_id, page, make_thumbnail(page.image))
                    count += 1
                    if replace:
                        break
            return count

        self._say("")
        self._set_busy(True)
        self.progress.setRange(0, 0)  # a feeder run has no known length
        self.progress_label.setText(self.tr("Đang quét…") if device_id != FILES_DEVICE_ID
                                    else self.tr("Đang nhập tệp…"))
        self.ctx.tasks.run("devices", job, self._scan_done, self._scan_failed)

    @Slot(int, object, object)
    def _page_arrived(self, run_id: int, scanned: ScannedPage, thumb: tuple[int, int, bytes]) -> None:
        if run_id != self._run_id:
            return
        self._run_count += 1
        image = rgb_qimage(*thumb)
        if self._replace_id is not None and self._replace_id in self.pages:
            page = self.pages[self._replace_id]
            page.image, page.resolution, page.rotation = scanned.image, scanned.resolution, 0
            self.thumbs.replace_image(page.id, image, "")
        else:
            page = CapturedPage(f"p{next(self._ids)}", scanned.image, scanned.resolution, self.current_slot())
            self.pages[page.id] = page
            self.thumbs.add_page(page.id, image, "")
            self.thumbs.scrollToBottom()
        self.progress_label.setText(self.tr("Đã nhận {n} trang…").format(n=self._run_count))
        self._refresh_captions()

    def _scan_done(self, count: int) -> None:
        self._finish_run()
        if self._replace_id is not None:
            self.progress_label.setText(self.tr("Đã quét lại trang.") if count else
                                        self.tr("Không nhận được trang nào."))
            self.thumbs.select_ids([self._replace_id])
        else:
            self.progress_label.setText(self.tr("Đã quét {n} trang.").format(n=count))

    def _scan_failed(self, exc: BaseException, details: str) -> None:
        self._finish_run()
        kept = self._run_count
        if isinstance(exc, Cancelled):
            self.progress_label.setText(self.tr("Đã dừng quét. {n} trang đã nhận được giữ lại.").format(n=kept))
            return
        self.progress_label.setText(self.tr("Quét bị gián đoạn sau {n} trang.").format(n=kept))
        if isinstance(exc, UserError):
            # The driver's message already says which pages were kept and what to do next; it stays on the
            # screen (not a modal box) so the official can read it while clearing the jam.
            self._say(exc.message, error=True)
            return
        show_error(self, exc, details)

    def _finish_run(self) -> None:
        self._cancel = None
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.progress_label.setText(self.tr("Đang dừng…"))

    # ----- page tools -----------------------------------------------------------------------------

    def rotate_selected(self, degrees: int) -> None:
        for page_id in self.thumbs.selected_ids():
            page = self.pages[page_id]
            page.rotation = (page.rotation + degrees) % 360
            self.thumbs.rotate_image(page_id, degrees, "")
        self._refresh_captions()

    def delete_selected(self) -> None:
        if self._busy:
            return
        for page_id in self.thumbs.selected_ids():
            self.thumbs.remove_page(page_id)
            del self.pages[page_id]
        self._refresh_captions()
        self._update_buttons()

    # ----- saving ---------------------------------------------------------------------------------

    def groups(self) -> list[tuple[int, list[CapturedPage]]]:
        """Pages per slot in the order shown, slots in checklist order (the result last)."""
        order = self.thumbs.page_ids()
        grouped: dict[int, list[CapturedPage]] = {}
        for page_id in order:
            page = self.pages[page_id]
            if page.slot is not None:
                grouped.setdefault(page.slot, []).append(page)
        return sorted(grouped.items(), key=lambda kv: (kv[0] == RESULT_SLOT, kv[0]))

    def save(self) -> None:
        if self._busy or self.dossier is None or not self.pages:
            return
        unsorted = [p for p in self.pages.values() if p.slot is None]
        if unsorted:
            self._say(self.tr("Còn {n} trang chưa gán vào giấy tờ nào. Hãy chọn các trang đó, chọn giấy tờ rồi bấm "
                              "“Gán trang đã chọn”, hoặc xóa chúng.").format(n=len(unsorted)), error=True)
            return
        groups = self.groups()
        names = {key: self.slot_name(key) for key, _pages in groups}
        # Copies, so a rotate or delete while the PDFs are built cannot change what is being saved.
        work = [(key, [(p.image, p.resolution, p.rotation) for p in pages]) for key, pages in groups]
        saved_ids = [p.id for _key, pages in groups for p in pages]
        bridge, dossier, settings, store = self._bridge, self.dossier, self.ctx.settings, self.store
        title_code = dossier.code

        def build() -> list[tuple[int, bytes, int]]:
            # Imported here: numpy comes with it, and the window must not wait for it at start-up.
            from app.imaging import pages_to_pdf

            built = []
            bridge.progress.emit(0, len(work))
            for done, (key, pages) in enumerate(work, start=1):
                images = [(img.rotate(-rot, expand=True) if rot else img, dpi) for img, dpi, rot in pages]
                pdf = pages_to_pdf(images, title=f"{title_code} - {names[key]}")
                built.append((key, pdf.data, pdf.pages))
                bridge.progress.emit(done, len(work))
            return built

        def attach_all(built: list[tuple[int, bytes, int]]) -> None:
            def write(session) -> Changes:  # noqa: ANN001
                # One transaction: either every document of this save is attached or none is.
                for key, data, pages in built:
                    if key == RESULT_SLOT:
                        attach_file(session, settings, store, dossier.id, data, document_position=None,
                                    source="result", pages=pages)
                    else:
                        attach_file(session, settings, store, dossier.id, data, document_position=key,
                                    source="scan", pages=pages)
                return Changes.dossier(dossier.id)

            self.progress_label.setText(self.tr("Đang ghi vào hồ sơ…"))
            self.ctx.mutate(write, lambda _c: self._saved(saved_ids, len(built)), self._save_failed)

        self._say("")
        self._set_busy(True)
        self.progress.setRange(0, len(work))
        self.progress_label.setText(self.tr("Đang tạo tệp PDF…"))
        self.ctx.tasks.run("devices", build, attach_all, self._save_failed)

    @Slot(int, int)
    def _save_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress_label.setText(self.tr("Đang tạo tệp PDF {done}/{total}…").format(done=done, total=total))

    def _saved(self, page_ids: list[str], files: int) -> None:
        for page_id in page_ids:
            self.thumbs.remove_page(page_id)
            self.pages.pop(page_id, None)
        self._set_busy(False)
        self.progress_label.setText("")
        assert self.dossier is not None
        self._say(self.tr("Đã lưu {n} tệp PDF vào hồ sơ {code}.").format(n=files, code=self.dossier.code))
        self.saved.emit(self.dossier.id, files)
        self.load_dossier(self.dossier.id)

    def _save_failed(self, exc: BaseException, details: str) -> None:
        self._set_busy(False)
        self.progress_label.setText(self.tr("Chưa lưu được; các trang vẫn còn trên màn hình."))
        self._failed(exc, details)

    # ----- state ----------------------------------------------------------------------------------

    def _failed(self, exc: BaseException, details: str) -> None:
        if isinstance(exc, UserError | DeviceError):
            self._say(exc.message, error=True)
        elif not isinstance(exc, Cancelled):
            show_error(self, exc, details)

    def _say(self, text: str, *, error: bool = False) -> None:
        set_tone(self.message_label, "error" if error else "success")
        emphasize(self.message_label, bold=error)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.device_combo, self.refresh_button, self.dpi_combo, self.colour_combo,
                       self.source_combo):
            widget.setEnabled(not busy)
        if not busy:
            self.source_combo.setEnabled(self.device_id() != FILES_DEVICE_ID)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)  # an idle bar reads as "something is still running"
        self.thumbs.setDragEnabled(not busy)
        self._source_changed()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_dossier = self.dossier is not None
        selected = len(self.thumbs.selected_ids())
        idle = not self._busy
        self.scan_button.setEnabled(idle and has_dossier)
        self.save_button.setEnabled(idle and has_dossier and bool(self.pages))
        self.assign_button.setEnabled(idle and selected > 0 and self.current_slot() is not None)
        self.result_button.setEnabled(idle and has_dossier and bool(self.dossier and self.dossier.result_allowed))
        self.back_button.setEnabled(has_dossier)
        for key in ("left", "right", "rotl", "rotr", "delete"):
            self.buttons[key].setEnabled(idle and selected > 0)
        self.buttons["rescan"].setEnabled(idle and selected == 1)


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = ["RESULT_SLOT", "CaptureView", "CapturedPage", "DossierSnapshot"]
