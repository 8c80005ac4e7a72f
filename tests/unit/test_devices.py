"""Device registry merging, WIA error mapping (pure part), file import and the fake scanner."""

from __future__ import annotations

import pytest
from PIL import Image

from app import imaging
from app.devices import scanner_wia
from app.devices.base import CancelToken, DeviceInfo, ScannerJam, ScanSettings, Source
from app.devices.fake import FakeDriver, FakeScanner
from app.devices.registry import list_scanners, merge_devices, open_scanner
from app.devices.scanner_files import FileScanner
from app.errors import Cancelled


def dev(driver: str, name: str, vendor: str, model: str, serial: str | None = None) -> DeviceInfo:
    return DeviceInfo(id=f"{driver}:{name}", driver=driver, name=name, vendor=vendor, model=model, serial=serial)


def test_one_scanner_seen_through_two_protocols_is_merged():
    groups = merge_devices(
        [
            dev("escl", "http://10.0.0.5/eSCL", "HP", "OfficeJet Pro 9010 series", "CN12345"),
            dev("sane", "hpaio:/net/officejet_pro_9010", "Hewlett-Packard", "OfficeJet_Pro_9010", "cn12345"),
            dev("sane", "epson2:libusb:001:004", "Epson", "DS-530"),
        ]
    )
    assert [[r.driver for r in g.routes] for g in groups] == [["sane", "escl"], ["sane"]]


def test_identical_models_without_serials_stay_apart():
    groups = merge_devices(
        [
            dev("sane", "a", "Canon", "DR-C225"),
            dev("sane", "b", "Canon", "DR-C225"),
            dev("escl", "c", "Canon Inc.", "DR-C225"),
        ]
    )
    assert len(groups) == 3


def test_different_serials_stay_apart():
    groups = merge_devices([dev("sane", "a", "HP", "X1", "S1"), dev("escl", "b", "HP", "X1", "S2")])
    assert len(groups) == 2


def test_broken_driver_is_listed_as_error_and_open_uses_prefix():
    class Broken(FakeDriver):
        def list_devices(self):
            from app.devices.base import driver_unavailable

            raise driver_unavailable("TWAIN")

    fake = FakeDriver("fake", [dev("fake", "one", "Plustek", "PS186")])
    result = list_scanners([Broken("twain", []), fake])
    assert [s.label for s in result.scanners] == ["Plustek PS186"]
    assert "TWAIN" in result.errors[0].message
    with open_scanner("fake:one", [fake]) as scanner:
        assert scanner.info.model == "PS186"


@pytest.mark.parametrize(
    ("hresult", "pages", "expected"),
    [
        (0x80210002, 3, ScannerJam),
        (0x80210003, 2, type(None)),  # feeder ran out after pages: normal end
        (0x80210003 - (1 << 32), 0, scanner_wia.feeder_empty().__class__),  # signed HRESULT as pywin32 gives it
        (0x80210016, 1, scanner_wia.cover_open(1).__class__),
        (0x80004004, 0, Cancelled),
    ],
)
def test_wia_hresults_map_to_typed_errors(hresult, pages, expected):
    assert type(scanner_wia.translate_hresult(hresult, pages)) is expected


def test_wia_driver_is_unavailable_off_windows():
    driver = scanner_wia.WiaDriver()
    assert driver.available() is False
    with pytest.raises(scanner_wia.DeviceError):
        driver.list_devices()


def test_fake_scanner_jam_keeps_earlier_pages():
    pages = [Image.new("L", (10, 10), 255)] * 5
    kept = []
    with pytest.raises(ScannerJam) as err:
        for page in FakeScanner(dev("fake", "x", "", ""), pages, jam_at=2).scan(ScanSettings()):
            kept.append(page)
    assert len(kept) == 2 and err.value.pages_done == 2


def test_file_import_reads_images_and_pdfs_in_natural_order(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    Image.new("RGB", (200, 300), "white").save(folder / "trang 10.png")
    Image.new("L", (200, 300), 255).save(folder / "trang 2.jpg", dpi=(300, 300))
    pdf_page = imaging.encode_page(imaging.process_page(Image.new("L", (400, 560), 255), 200))
    (folder / "trang 3.pdf").write_bytes(imaging.build_pdf([pdf_page, pdf_page]))
    (folder / "notes.txt").write_text("x", encoding="utf-8")
    scanner = FileScanner([folder])
    pages = list(scanner.scan(ScanSettings(source=Source.FLATBED, resolution=200)))
    assert [p.metadata["file"].rsplit("/", 1)[-1] for p in pages] == [
        "trang 2.jpg", "trang 3.pdf", "trang 3.pdf", "trang 10.png"
    ]
    assert pages[0].resolution == 300  # from the file's own dpi
    w, h = pages[1].image.size  # PDF rendered back at 200 dpi, 1:1 (pdfium may round up a pixel)
    assert abs(w - 400) <= 1 and abs(h - 560) <= 1
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        list(scanner.scan(ScanSettings(), token))
