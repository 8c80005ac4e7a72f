"""One day at the counter, driven through the real window (run by ``test_counter_day.py`` on its own X server).

Not collected by the ordinary run (the file name does not start with ``test_``): it needs
``QT_QPA_PLATFORM=xcb`` and a ``DISPLAY``, which the parent test provides.

The window is built by the real start-up (``ui.main.run_gui``: settings file, database key, fonts,
extensions); the scenario runs inside its event loop. The provincial server is the reference server
(``python -m sync.server serve``) reached only through the fault proxy (``python -m sync proxy``); going
offline means stopping the proxy, so connections are refused, and coming back means starting it again on
the same port.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from sqlalchemy import select

from app import paths
from app.catalogue import ensure_seeded
from app.security import operators
from app.settings import load_settings, save_settings
from app.status import Status, label
from app.storage import database_key, open_storage
from sync.server.db import ServerDatabase
from sync.server.models import ServerDossier, Upload
from sync.server.probe import is_serving, stop_process
from tests.bench.card_corpus import sample
from tests.ui.helpers import ModalHandler, type_text
from ui.local_stack import LocalServer, free_port, keep_token
from ui.main_window import MainWindow
from ui.printing import PaperPreviewDialog

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "e2e"
ADMIN_PW = "Quầy-một-cửa-2027"
OFFICIAL_PW = "Quay1-Sang-07"  # ASCII: typed key by key on the login screen
SANE_DEVICE = "sane:test:0"
WAIT_MS = 30_000
SYNC_WAIT_MS = 60_000
SECOND = {"name": "Lê Thị Hoa", "id": "001185002468", "birth": "02/03/1985", "address": "Xóm 5, xã Tân Lập"}


class Proxy:
    """``python -m sync proxy`` on a fixed loopback port, stopped (refusing) and restarted at will."""

    def __init__(self, target_port: int, log: Path) -> None:
        self.port = free_port()
        self.target_port = target_port
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "sync", "proxy", "--listen", f"127.0.0.1:{self.port}",
                 "--target", f"127.0.0.1:{self.target_port}"],
                cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and self.process.poll() is None:
            if is_serving("127.0.0.1", self.port):
                return
            time.sleep(0.05)
        raise RuntimeError(f"the proxy did not start:\n{self.log.read_text(errors='replace')[-2000:]}")

    def stop(self) -> None:
        process, self.process = self.process, None
        stop_process(process, timeout=10)


@pytest.fixture
def stack(tmp_path: Path):
    """Server, proxy, a data folder whose first run created the administrator, and the settings file."""
    base = Path(os.environ.get("MOTCUA_E2E_TMP") or tmp_path)
    data = base / "data"
    server = LocalServer(base / "server")
    server.start()
    proxy = Proxy(server.port, base / "proxy.log")
    try:
        proxy.start()
        paths.set_data_dir(data)
        storage = open_storage(database_key())
        try:
            with storage.db.session() as session:
                ensure_seeded(session)
                admin = operators.create_first_admin(session, "admin", "Phạm Văn Quản", ADMIN_PW)
                operators.add_operator(session, admin, "lan", "Trần Thị Lan", operators.OFFICIAL, OFFICIAL_PW)
                operators.get_operator(session, "lan").must_change_password = False
        finally:
            storage.db.close()
        settings = replace(load_settings(), server_url=proxy.url, sync_interval_seconds=5,
                           operator_name="Trần Thị Lan", scanner_device=SANE_DEVICE)
        save_settings(settings)
        keep_token(server, settings.unit_id)  # no OS keyring here: the token lives in memory, as in make run
        yield server, proxy, data
    finally:
        proxy.stop()
        server.stop()
        paths.set_data_dir(None)


class Shots:
    """Screenshots of the whole X screen, so dialogs and the login screen show as the official sees them."""

    def __init__(self) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def take(self, step: str) -> Path:
        QApplication.processEvents()
        QTest.qWait(150)  # let the last repaint reach the X server before reading it back
        self.n += 1
        path = ARTIFACTS / f"{self.n:02d}_{step}.png"
        image = QGuiApplication.primaryScreen().grabWindow(0)
        assert image.save(str(path)), path
        return path


class Province:
    """What the province's database holds, read the way its operators would (one connection, reused)."""

    def __init__(self, server: LocalServer) -> None:
        self.db_url = server.db_url
        self.storage = server.workdir / "storage"  # where `serve --storage` keeps the uploads
        self.db = ServerDatabase(server.db_url)

    def statuses(self) -> dict[str, int]:
        with self.db.session() as session:
            return {d.code: d.status for d in session.execute(select(ServerDossier)).scalars()}

    def scans_of(self, code: str) -> list[Path]:
        """The completed uploads of a dossier, as files on the server's disk."""
        with self.db.session() as session:
            dossier = session.execute(select(ServerDossier).where(ServerDossier.code == code)).scalar_one_or_none()
            if dossier is None:
                return []
            uploads = session.execute(select(Upload).where(Upload.dossier_id == dossier.id)).scalars()
            return [self.storage / u.file_path for u in uploads if u.completed_at is not None]

    def close(self) -> None:
        self.db.close()


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        return len(document)
    finally:
        document.close()


def activate(qtbot, window: QWidget) -> None:  # noqa: ANN001
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)


def press(qtbot, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    qtbot.keyClick(widget, key, modifier)


def test_counter_day(qtbot, stack, tmp_path):
    server, proxy, data = stack
    from ui.main import run_gui

    outcome: dict[str, object] = {}

    def drive() -> None:
        try:
            scenario(qtbot, server, proxy, tmp_path)
            outcome["ok"] = True
        except BaseException as exc:  # noqa: BLE001 - re-raised after the event loop ends
            outcome["error"] = exc
            QGuiApplication.primaryScreen().grabWindow(0).save(str(ARTIFACTS / "failure.png"))
        finally:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    widget.close()
            QApplication.instance().quit()

    QTimer.singleShot(0, drive)
    status = run_gui(str(data))
    if "error" in outcome:
        raise outcome["error"]
    assert outcome.get("ok") and status == 0


def scenario(qtbot, server: LocalServer, proxy: Proxy, tmp_path: Path) -> None:  # noqa: ANN001
    province = Province(server)
    try:
        steps(qtbot, province, proxy, tmp_path)
    finally:
        province.close()


def steps(qtbot, province: Province, proxy: Proxy, tmp_path: Path) -> None:  # noqa: ANN001, PLR0915
    shots = Shots()
    qtbot.waitUntil(lambda: any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=WAIT_MS)
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    qtbot.waitExposed(window)

    # ----- 1. The official logs in through the login screen (the accounts exist since the first run).
    screen = window.auth_controller.screen
    assert screen is not None and type(screen).__name__ == "LoginDialog"
    qtbot.waitExposed(screen)
    assert not window.centralWidget().isVisible()  # nothing of the citizens' data behind the login
    type_text(screen.username_edit, "lan")
    type_text(screen.password_edit, OFFICIAL_PW)
    shots.take("login")
    press(qtbot, screen.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.auth_controller.screen is None, timeout=WAIT_MS)
    assert window.auth_controller.label.text().startswith("Trần Thị Lan")
    activate(qtbot, window)
    shots.take("main_list")

    # ----- 2. A new intake (F2); the applicant comes from a photo of the ID card's QR code.
    press(qtbot, window, Qt.Key.Key_F2)
    intake = window.intake_view
    assert window.stack.currentWidget() is intake
    card = sample(0)
    photo = tmp_path / "cccd.jpg"
    photo.write_bytes(card.jpeg)
    modal = ModalHandler()

    def choose_photo(dialog: QFileDialog) -> None:
        dialog.selectFile(str(photo))
        shots.take("id_photo_chosen")
        dialog.accept()

    modal.expect(QFileDialog, choose_photo)
    intake.id_sources.image_button.click()
    form = intake.applicant_form
    qtbot.waitUntil(lambda: form.id_edit.text() == card.card.id_number, timeout=WAIT_MS)
    modal.check(count=1)
    activate(qtbot, window)  # the closed file dialog took the activation with it; shortcuts need it back
    citizen = form.name_edit.text()
    assert citizen == card.card.full_name
    shots.take("id_card_read")

    # ----- 3. Procedure by keyboard, required documents ticked, saved; the receipt (form 01) goes to PDF.
    picker = intake.picker
    picker.edit.setFocus()
    type_text(picker.edit, "xac nhan tinh trang")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=WAIT_MS)
    press(qtbot, picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.procedure is not None, timeout=WAIT_MS)
    if not form.phone_edit.text():
        type_text(form.phone_edit, "0912345678")
    for row in intake.documents.rows:
        if row.spec.required:
            press(qtbot, row.tick, Qt.Key.Key_Space)
    shots.take("intake_filled")

    pdf_path = tmp_path / "mau01.pdf"
    modal = ModalHandler()

    def print_offer(box: QMessageBox) -> str:
        shots.take("saved_print_offer")
        next(b for b in box.buttons() if b.text() == "In mẫu 01").click()
        return box.text()

    def preview(dialog: PaperPreviewDialog) -> int:
        shots.take("print_preview")
        dialog.save_pdf(pdf_path)
        return len(dialog.paper.pages)

    modal.expect(QMessageBox, print_offer)
    modal.expect(PaperPreviewDialog, preview)
    press(qtbot, form.phone_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(modal.handled) == 2, timeout=WAIT_MS)
    offer_text, pages = modal.check(count=2)
    first_code = intake.last_saved.dossier.code
    assert first_code in offer_text and pages >= 1
    pdf_text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                              check=True).stdout
    assert first_code in pdf_text
    assert citizen.upper() in pdf_text.upper()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.detail_view
                    and window.detail_view.code_label.text() == first_code, timeout=WAIT_MS)
    activate(qtbot, window)
    shots.take("dossier_detail")

    # ----- 4. Two pages from the SANE test scanner (flatbed, one page per pass) on the dossier (F6).
    press(qtbot, window, Qt.Key.Key_F6)
    capture = window.capture_view
    assert window.stack.currentWidget() is capture
    qtbot.waitUntil(lambda: capture.dossier is not None and capture.device_combo.findData(SANE_DEVICE) >= 0,
                    timeout=WAIT_MS)
    capture.select_device(SANE_DEVICE)
    flatbed = capture.source_combo.findData("flatbed")
    qtbot.waitUntil(lambda: capture.source_combo.model().item(flatbed).isEnabled(), timeout=WAIT_MS)
    capture.source_combo.setCurrentIndex(flatbed)
    for expected in (1, 2):
        qtbot.waitUntil(lambda: capture.scan_button.isEnabled(), timeout=WAIT_MS)
        press(qtbot, capture, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda n=expected: len(capture.pages) == n and capture.scan_button.isEnabled(),
                        timeout=WAIT_MS)
    shots.take("scanned_two_pages")
    press(qtbot, capture, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not capture.pages, timeout=WAIT_MS)

    # The first dossier and its scans travel while the line is up; the line is cut only between runs, so
    # what follows does not depend on where a transfer happened to be.
    controller = window.sync_controller
    qtbot.waitUntil(lambda: first_code in province.statuses() and bool(province.scans_of(first_code))
                    and not controller.running, timeout=SYNC_WAIT_MS)

    # ----- 5. The line goes down; a second dossier is recorded and waits in the queue.
    proxy.stop()
    window.show_list()
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.stack.currentWidget() is intake
    picker.edit.setFocus()
    type_text(picker.edit, "xac nhan tinh trang")
    qtbot.waitUntil(lambda: picker.results.count() > 0, timeout=WAIT_MS)
    press(qtbot, picker.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: intake.procedure is not None, timeout=WAIT_MS)
    form.name_edit.setFocus()
    type_text(form.name_edit, SECOND["name"])
    type_text(form.id_edit, SECOND["id"])
    type_text(form.birth_edit, SECOND["birth"])
    form.sex_combo.setFocus()
    for _ in range(form.sex_combo.count()):  # arrow keys, as type-ahead cannot tell "Nam" from "Nữ"
        if form.sex_combo.currentData() == "Nữ":
            break
        press(qtbot, form.sex_combo, Qt.Key.Key_Down)
    type_text(form.address_edit, SECOND["address"])
    for row in intake.documents.rows:
        if row.spec.required:
            press(qtbot, row.tick, Qt.Key.Key_Space)
    assert form.sex_combo.currentData() == "Nữ"
    shots.take("second_intake_offline")
    modal = ModalHandler()
    modal.expect(QMessageBox, lambda box: next(b for b in box.buttons() if b.text() == "Để sau").click())
    press(qtbot, form.address_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(modal.handled) == 1, timeout=WAIT_MS)
    modal.check(count=1)
    second_code = intake.last_saved.dossier.code
    assert second_code != first_code
    activate(qtbot, window)
    controller.sync_now()
    qtbot.waitUntil(lambda: window.sync_label.text() == "Ngoại tuyến", timeout=SYNC_WAIT_MS)
    detail = window.detail_view
    qtbot.waitUntil(lambda: detail.code_label.text() == second_code
                    and detail.sync_line.text().startswith("Chờ gửi"), timeout=WAIT_MS)
    assert second_code not in province.statuses()
    shots.take("offline_queued")

    # ----- 6. The line is back: "Đồng bộ ngay" (Ctrl+Shift+S); both dossiers and the scans reach the province.
    proxy.start()
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    def all_sent() -> bool:
        return {first_code, second_code} <= province.statuses().keys() and bool(province.scans_of(first_code))

    qtbot.waitUntil(all_sent, timeout=SYNC_WAIT_MS)
    (scan_file,) = province.scans_of(first_code)
    assert pdf_pages(scan_file) == 2  # the two scanned pages, as one PDF
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Đã đồng bộ lúc"), timeout=SYNC_WAIT_MS)
    shots.take("online_synced")

    # ----- 7. The province moves the first dossier on; the change arrives and shows in the list.
    subprocess.run([sys.executable, "-m", "sync.server", "set-status", "--db", province.db_url, first_code,
                    str(int(Status.PROCESSING)), "--note", "Chuyển phòng chuyên môn", "--actor", "Sở Tư pháp"],
                   cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True, capture_output=True)
    assert province.statuses()[first_code] == int(Status.PROCESSING)
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.list_view
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    model = window.list_view.model

    def listed_status() -> int | None:
        return next((row.status for row in model.rows if row.code == first_code), None)

    qtbot.waitUntil(lambda: listed_status() == int(Status.PROCESSING), timeout=SYNC_WAIT_MS)
    row = next(i for i, r in enumerate(model.rows) if r.code == first_code)
    shown = [model.index(row, c).data() for c in range(model.columnCount())]
    assert label(Status.PROCESSING) in shown
    shots.take("province_status_in_list")
