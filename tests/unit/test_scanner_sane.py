"""The SANE driver against SANE's real ``test`` backend: flatbed, feeder runs, jam, cover open, cancel.

SANE reads SANE_CONFIG_DIR once per process (a re-init does not re-read it), so each scenario runs in
a fresh Python process with a config folder whose dll.conf enables only the ``test`` backend.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRELUDE = """
import json, threading, time
from app.devices.base import CancelToken, ColorMode, DeviceError, ScanSettings, Source
from app.devices.registry import list_scanners, open_scanner
from app.errors import Cancelled
out = {}
"""


@pytest.fixture(scope="module")
def sane_config(tmp_path_factory) -> Path:
    pytest.importorskip("sane")
    folder = tmp_path_factory.mktemp("sane")
    (folder / "dll.conf").write_text("test\n", encoding="ascii")
    # Two virtual devices, grid picture so pages are not uniformly black.
    (folder / "test.conf").write_text(
        "number_of_devices 2\ntest-picture \"Grid\"\nresolution 200\n", encoding="ascii"
    )
    return folder


def run_sane(config: Path, body: str) -> dict:
    env = dict(os.environ, SANE_CONFIG_DIR=str(config), PYTHONPATH=str(ROOT))
    code = PRELUDE + textwrap.dedent(body) + "\nprint(json.dumps(out, ensure_ascii=False))\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_lists_test_devices_and_capabilities(sane_config):
    out = run_sane(
        sane_config,
        """
        found = list_scanners()
        out["ids"] = [r.id for s in found.scanners for r in s.routes]
        out["errors"] = [e.message for e in found.errors]
        with open_scanner("sane:test:0") as scanner:
            caps = scanner.capabilities()
            out["sources"] = [s.value for s in caps.sources]
            out["modes"] = [m.value for m in caps.color_modes]
            out["has200"] = 200 in caps.resolutions
        """,
    )
    # Two identical devices without serials must stay two entries.
    assert out["ids"] == ["sane:test:0", "sane:test:1"]
    assert out["errors"] == []
    assert out["sources"] == ["flatbed", "feeder"]
    assert out["modes"] == ["color", "gray"]
    assert out["has200"]


def test_flatbed_scans_one_page_at_requested_settings(sane_config):
    out = run_sane(
        sane_config,
        """
        with open_scanner("sane:test:0") as scanner:
            pages = list(scanner.scan(ScanSettings(source=Source.FLATBED, color_mode=ColorMode.GRAY)))
        out["n"] = len(pages)
        out["mode"] = pages[0].image.mode
        out["dpi"] = pages[0].resolution
        out["size"] = pages[0].image.size
        """,
    )
    assert out["n"] == 1
    assert out["mode"] == "L"
    assert out["dpi"] == 200
    # The backend's bed is 200 mm square at most: the driver asked for the whole of it.
    assert out["size"] == [1574, 1574]


def test_feeder_delivers_all_pages_until_empty(sane_config):
    out = run_sane(
        sane_config,
        """
        with open_scanner("sane:test:0") as scanner:
            pages = list(scanner.scan(ScanSettings(source=Source.FEEDER)))
            out["n"] = len(pages)
            out["indexes"] = [p.index for p in pages]
            out["mode"] = pages[0].image.mode
            # The test backend's feeder is empty after 10 sheets until the batch ends; a new run refills.
            out["second_run"] = len(list(scanner.scan(ScanSettings(source=Source.FEEDER, max_pages=3))))
        """,
    )
    assert out["n"] == 10
    assert out["indexes"] == list(range(10))
    assert out["mode"] == "RGB"
    assert out["second_run"] == 3


def test_jam_keeps_pages_already_scanned(sane_config):
    out = run_sane(
        sane_config,
        """
        kept = []
        with open_scanner("sane:test:0") as scanner:
            try:
                for page in scanner.scan(ScanSettings(source=Source.FEEDER)):
                    kept.append(page)
                    if page.index == 3:
                        # The sheet after the fourth one jams: the backend reports JAMMED on the next read.
                        scanner.set_backend_option("read_return_value", "SANE_STATUS_JAMMED")
            except DeviceError as exc:
                out["error"] = type(exc).__name__
                out["message"] = exc.message
                out["pages_done"] = exc.pages_done
            out["kept"] = len(kept)
            scanner.set_backend_option("read_return_value", "Default")
            out["after_clearing"] = len(list(scanner.scan(ScanSettings(source=Source.FEEDER, max_pages=2))))
        """,
    )
    assert out["error"] == "ScannerJam"
    assert out["kept"] == 4 and out["pages_done"] == 4
    assert out["message"].startswith("Kẹt giấy trong khay nạp. 4 trang đã quét trước đó vẫn được giữ.")
    assert out["after_clearing"] == 2


def test_cover_open_and_empty_feeder_are_typed(sane_config):
    out = run_sane(
        sane_config,
        """
        with open_scanner("sane:test:1") as scanner:
            scanner.set_backend_option("read_return_value", "SANE_STATUS_COVER_OPEN")
            try:
                list(scanner.scan(ScanSettings(source=Source.FLATBED)))
            except DeviceError as exc:
                out["cover"] = [type(exc).__name__, exc.message, exc.pages_done]
            scanner.set_backend_option("read_return_value", "SANE_STATUS_NO_DOCS")
            try:
                list(scanner.scan(ScanSettings(source=Source.FEEDER)))
            except DeviceError as exc:
                out["empty"] = [type(exc).__name__, exc.message]
            scanner.set_backend_option("read_return_value", "SANE_STATUS_IO_ERROR")
            try:
                list(scanner.scan(ScanSettings(source=Source.FEEDER)))
            except DeviceError as exc:
                out["io"] = type(exc).__name__
        try:
            open_scanner("sane:nosuch:0")
        except DeviceError as exc:
            out["missing"] = type(exc).__name__
        """,
    )
    assert out["cover"][0] == "CoverOpen" and out["cover"][2] == 0
    assert "Nắp máy quét đang mở" in out["cover"][1]
    assert out["empty"][0] == "FeederEmpty" and "Khay nạp giấy không có giấy" in out["empty"][1]
    assert out["io"] == "DeviceError"
    assert out["missing"] == "DeviceNotFound"


def test_cancel_between_pages(sane_config):
    out = run_sane(
        sane_config,
        """
        token = CancelToken()
        got = 0
        with open_scanner("sane:test:0") as scanner:
            try:
                for page in scanner.scan(ScanSettings(source=Source.FEEDER), token):
                    got += 1
                    if got == 2:
                        token.cancel()
            except Cancelled:
                out["between"] = got
            out["still_usable"] = len(list(scanner.scan(ScanSettings(source=Source.FLATBED))))
        """,
    )
    assert out["between"] == 2
    assert out["still_usable"] == 1


@pytest.mark.skipif(os.environ.get("MOTCUA_SANE_CANCEL_DURING_PAGE") != "1",
                    reason="on demand (MOTCUA_SANE_CANCEL_DURING_PAGE=1): cancelling in the middle of a page hung the "
                           "test backend one run in four before the reader-exit pause; 0 of 6 since")
def test_cancel_during_a_slow_page(sane_config):
    out = run_sane(
        sane_config,
        """
        with open_scanner("sane:test:0") as scanner:
            # A slow page (read delay), cancelled from another thread while it is being read.
            scanner.set_backend_option("read_delay", True)
            scanner.set_backend_option("read_delay_duration", 200000)
            token = CancelToken()
            threading.Timer(0.1, token.cancel).start()
            started = time.monotonic()
            try:
                list(scanner.scan(ScanSettings(source=Source.FLATBED), token))
            except Cancelled:
                out["during"] = round(time.monotonic() - started, 2)
            scanner.set_backend_option("read_delay", False)
            out["still_usable"] = len(list(scanner.scan(ScanSettings(source=Source.FLATBED))))
        """,
    )
    assert out["during"] < 5
    assert out["still_usable"] == 1


def test_missing_binding_is_a_user_error_not_an_import_crash(tmp_path):
    # Hide python-sane: importing the driver still works and listing reports DriverUnavailable.
    (tmp_path / "sane.py").write_text("raise ImportError('libsane missing')\n", encoding="ascii")
    code = (
        "from app.devices.scanner_sane import SaneDriver\n"
        "from app.devices.registry import list_scanners\n"
        "d = SaneDriver(); print(d.available())\n"
        "r = list_scanners([d]); print(type(r.errors[0]).__name__); print(r.errors[0].message)\n"
    )
    env = dict(os.environ, PYTHONPATH=f"{tmp_path}{os.pathsep}{ROOT}")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["False", "DriverUnavailable"]
    assert "Chưa cài trình điều khiển máy quét SANE" in lines[2]
