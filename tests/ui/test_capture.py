"""The scanning screen: SANE's real ``test`` backend through the real driver, jams, file import, result.

SANE reads SANE_CONFIG_DIR once per process, at the first ``sane.init()``. The module fixture points it at a
folder whose dll.conf enables only the ``test`` backend before anything in this process initialises SANE.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from app.attachments import AttachmentStore
from app.devices.base import CancelToken, Capabilities, DeviceInfo, ScannedPage, Scanner, ScanSettings, Source
from app.devices.fake import FakeDriver, FakeScanner
from app.devices.registry import FILES_DEVICE_ID, open_scanner
from app.imaging import pages_to_pdf
from app.services import dossiers as svc
from app.services.digitisation import attachments_of
from app.services.intake import DocumentInput, IntakeRequest, Party
from tests.ui.helpers import save_screenshot
from ui.views.capture import RESULT_SLOT, CaptureView

SANE_DEVICE = "sane:test:0"


@pytest.fixture(scope="module", autouse=True)
def sane_test_backend():
    """SANE's real ``test`` backend, configured for the whole test process in tests/conftest.py (SANE reads
    its configuration once per process, so one shared folder serves every test that scans)."""
    pytest.importorskip("sane")
    folder = Path(os.environ["SANE_CONFIG_DIR"])
    assert (folder / "dll.conf").read_text(encoding="utf-8").split() == ["test"]
    return folder


def receive(ctx) -> str:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name="Nguyễn Văn Đạt", id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", code="GT01", originals=1),
                   DocumentInput(name="Giấy tờ tùy thân của người yêu cầu", code="GT04", originals=1)],
        received_at=datetime(2027, 2, 4, 9, 15),
    )
    with ctx.db.session() as session:
        return svc.receive_dossier(session, ctx.settings, request).dossier.id


class Feeder(Scanner):
    """A real SANE device with a stack of ``sheets`` sheets in its feeder, optionally jamming after a sheet.

    The test backend always holds 10 sheets; the stack size is modelled by ``max_pages``, and the jam by the
    backend's own ``read_return_value`` option, so the driver sees a genuine SANE_STATUS_JAMMED.
    """

    def __init__(self, inner: Scanner, sheets: int, jam_after: int | None = None) -> None:
        self.inner = inner
        self.info = inner.info
        self.sheets = sheets
        self.jam_after = jam_after

    def capabilities(self) -> Capabilities:
        return self.inner.capabilities()

    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        try:
            for page in self.inner.scan(replace(settings, max_pages=self.sheets), cancel):
                yield page
                if self.jam_after is not None and page.index + 1 == self.jam_after:
                    self.inner.set_backend_option("read_return_value", "SANE_STATUS_JAMMED")
        finally:
            self.inner.set_backend_option("read_return_value", "Default")

    def close(self) -> None:
        self.inner.close()


def sane_view(qtbot, ctx, sheets: int, jam_after: int | None = None) -> CaptureView:
    view = CaptureView(ctx, opener=lambda device_id: Feeder(open_scanner(device_id), sheets, jam_after))
    qtbot.addWidget(view)
    view.refresh_devices()
    assert view.device_combo.findData(SANE_DEVICE) >= 0, [view.device_combo.itemData(i)
                                                          for i in range(view.device_combo.count())]
    view.select_device(SANE_DEVICE)
    return view


def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def stored(ctx, dossier_id: str) -> list[tuple[int | None, str, int, bytes]]:
    """(document position or None, source, pages, PDF bytes) of each attachment, in order."""
    with ctx.db.session() as session:
        dossier = svc.get_dossier(session, dossier_id)
        positions = {d.id: d.position for d in dossier.documents}
        return [(positions.get(a.document_id), a.source, a.pages, AttachmentStore().read(a.sha256))
                for a in attachments_of(session, dossier_id)]


def paper(text: str, lines: int = 14, size: tuple[int, int] = (1654, 2339)) -> Image.Image:
    """A text-like A4 page at 200 dpi: a title and lines of word blocks."""
    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((420, 150, 1230, 200), fill=0)
    draw.text((200, 260), text, fill=0)
    for row in range(lines):
        y = 360 + row * 110
        x = 200
        for word in range(9):
            width = 60 + (row * 37 + word * 53) % 110
            draw.rectangle((x, y, x + width, y + 34), fill=20)
            x += width + 40
    return image


# ----- SANE test backend ------------------------------------------------------------------------------


def test_feeder_scan_through_sane_becomes_one_pdf_on_the_chosen_item(qtbot, ctx, frozen_now):
    dossier_id = receive(ctx)
    view = sane_view(qtbot, ctx, sheets=3)
    view.load_dossier(dossier_id)
    view.select_slot(1)  # Giấy tờ tùy thân
    assert view.source_combo.currentData() == "feeder"
    assert view.dpi_combo.currentData() >= 200

    view.scan_button.click()

    assert len(view.pages) == 3
    assert {p.slot for p in view.pages.values()} == {1}
    assert view.progress_label.text() == "Đã quét 3 trang."
    assert "3 trang mới" in view.slot_list.item(1).text()

    view.save_button.click()

    files = stored(ctx, dossier_id)
    assert [(pos, source, pages) for pos, source, pages, _ in files] == [(1, "scan", 3)]
    assert files[0][3].startswith(b"%PDF") and pdf_pages(files[0][3]) == 3
    assert view.pages == {} and view.thumbs.count() == 0
    assert view.message_label.text() == f"Đã lưu 1 tệp PDF vào hồ sơ {view.dossier.code}."
    assert "đã lưu 1 tệp" in view.slot_list.item(1).text()


def test_a_jam_after_page_two_keeps_both_pages_and_says_so(qtbot, ctx, frozen_now):
    dossier_id = receive(ctx)
    view = sane_view(qtbot, ctx, sheets=5, jam_after=2)
    view.load_dossier(dossier_id)
    view.select_slot(0)

    view.scan_button.click()

    assert len(view.pages) == 2 and view.thumbs.count() == 2
    assert view.message_label.isVisibleTo(view)
    assert view.message_label.text().startswith(
        "Kẹt giấy trong khay nạp. 2 trang đã quét trước đó vẫn được giữ.")
    assert view.progress_label.text() == "Quét bị gián đoạn sau 2 trang."
    assert view.scan_button.isEnabled() and not view.cancel_button.isEnabled()

    # The official clears the jam and scans the rest; the kept pages are saved with them.
    view.opener = lambda device_id: Feeder(open_scanner(device_id), sheets=1)
    view.scan_button.click()
    view.save_button.click()
    assert [(pos, pages) for pos, _s, pages, _d in stored(ctx, dossier_id)] == [(0, 3)]


# ----- file import, page tools, result -------------------------------------------------------------------


def test_a_pdf_file_is_imported_page_by_page_and_saved(qtbot, ctx, frozen_now, tmp_path):
    dossier_id = receive(ctx)
    source = tmp_path / "to_khai.pdf"
    source.write_bytes(pages_to_pdf([(paper("TO KHAI trang 1"), 200), (paper("TO KHAI trang 2"), 200)]).data)
    view = CaptureView(ctx)
    qtbot.addWidget(view)
    view.file_picker = lambda: [str(source)]
    view.load_dossier(dossier_id)
    view.select_device(FILES_DEVICE_ID)
    assert view.scan_button.text() == "&Nhập tệp… (F5)"
    view.select_slot(0)

    view.scan_button.click()
    assert len(view.pages) == 2
    view.save_button.click()

    files = stored(ctx, dossier_id)
    assert [(pos, pages) for pos, _s, pages, _d in files] == [(0, 2)]
    assert pdf_pages(files[0][3]) == 2


FAKE = DeviceInfo(id="fake:desk", driver="fake", name="desk", vendor="Canon", model="DR-C225 II")


def use_fake(view: CaptureView, pages: list[Image.Image]) -> None:
    view.drivers = [FakeDriver("fake", [FAKE], factory=lambda info: FakeScanner(info, pages))]
    view.opener = lambda device_id: view.drivers[0].open(device_id)
    view.refresh_devices()
    assert view.device_id() == FAKE.id


def fake_view(qtbot, ctx, pages: list[Image.Image]) -> CaptureView:
    view = CaptureView(ctx)
    qtbot.addWidget(view)
    use_fake(view, pages)
    return view


def test_reorder_rotate_delete_rescan_and_assign_before_saving(qtbot, ctx, frozen_now):
    dossier_id = receive(ctx)
    sheets = [paper(f"page {n}", size=(827, 1169)) for n in range(4)]
    view = fake_view(qtbot, ctx, sheets)
    view.load_dossier(dossier_id)
    view.select_slot(0)
    view.scan_button.click()
    ids = view.thumbs.page_ids()
    assert len(ids) == 4

    # The last sheet is the ID card copy: move it first, give it to item 2, turn it upright.
    view.thumbs.select_ids([ids[3]])
    for _ in range(3):
        view.buttons["left"].click()
    assert view.thumbs.page_ids()[0] == ids[3]
    view.select_slot(1)
    view.assign_button.click()
    view.buttons["rotr"].click()
    assert view.pages[ids[3]].rotation == 90
    # A blurred page is rescanned in place; a stray sheet is deleted.
    view.thumbs.select_ids([ids[1]])
    view.buttons["rescan"].click()
    assert view.thumbs.page_ids()[2] == ids[1] and len(view.pages) == 4
    view.thumbs.select_ids([ids[2]])
    view.buttons["delete"].click()
    assert view.thumbs.page_ids() == [ids[3], ids[0], ids[1]]

    groups = view.groups()
    assert [(key, [p.id for p in pages]) for key, pages in groups] == [(0, [ids[0], ids[1]]), (1, [ids[3]])]
    view.save_button.click()
    files = stored(ctx, dossier_id)
    assert [(pos, pages) for pos, _s, pages, _d in files] == [(0, 2), (1, 1)]
    # The rotation reached the PDF: the single page of item 2 is landscape.
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(files[1][3])
    width, height = document[0].get_size()
    document.close()
    assert width > height


def test_unsorted_pages_block_saving_with_advice(qtbot, ctx, frozen_now):
    dossier_id = receive(ctx)
    view = fake_view(qtbot, ctx, [paper("x", size=(827, 1169))])
    view.load_dossier(dossier_id)
    view.slot_list.setCurrentRow(-1)
    view.scan_button.click()
    view.save_button.click()
    assert "Còn 1 trang chưa gán vào giấy tờ nào" in view.message_label.text()
    assert stored(ctx, dossier_id) == []


def test_result_document_is_digitised_once_resolved(qtbot, ctx, frozen_now):
    dossier_id = receive(ctx)
    view = fake_view(qtbot, ctx, [paper("QUYET DINH", size=(827, 1169))])
    view.load_dossier(dossier_id)
    assert not view.result_button.isEnabled()
    with ctx.db.session() as session:
        svc.start_processing(session, ctx.settings, dossier_id)
        svc.mark_resolved(session, ctx.settings, dossier_id)
    view.load_dossier(dossier_id)
    assert view.result_button.isEnabled()

    view.source_combo.setCurrentIndex(view.source_combo.findData(Source.FLATBED.value))
    view.result_button.click()
    assert [p.slot for p in view.pages.values()] == [RESULT_SLOT]
    view.save_button.click()
    assert [(pos, source, pages) for pos, source, pages, _ in stored(ctx, dossier_id)] == [(None, "result", 1)]


# ----- in the shell ----------------------------------------------------------------------------------------


def test_detail_view_opens_the_screen_for_its_dossier_and_screenshot(qtbot, ctx, frozen_now):
    from ui import capture_ui
    from ui.main_window import MainWindow

    dossier_id = receive(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    screen = capture_ui.install(window, ctx)
    assert window.actions_["capture"].shortcut().toString() == "F6"
    use_fake(screen, [paper(f"Trang {n}") for n in range(1, 6)])
    window.show_detail(dossier_id)

    window.detail_view.buttons["scan"].click()

    assert window.stack.currentWidget() is screen
    assert screen.dossier is not None and screen.dossier.id == dossier_id
    screen.select_slot(0)
    screen.scan_button.click()
    screen.thumbs.select_ids(screen.thumbs.page_ids()[3:])
    screen.select_slot(1)
    screen.assign_button.click()
    screen.thumbs.select_ids(screen.thumbs.page_ids()[4:])
    window.show()
    qtbot.waitExposed(window)
    path = save_screenshot(window, "capture.png")
    assert Image.open(io.BytesIO(path.read_bytes())).size == (1366, 768)

    screen.back_button.click()
    assert window.stack.currentWidget() is window.detail_view
