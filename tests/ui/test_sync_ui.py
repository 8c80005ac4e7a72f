"""Sync as the official sees it, against the real reference server on loopback."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from keyring.errors import KeyringError
from PySide6.QtWidgets import QLabel
from sqlalchemy import func, select

from app import clock
from app.catalogue import catalogue_version, seed_catalogue_path
from app.models import OutboxItem
from app.security import keys
from app.services import dossiers as svc
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.status import Status
from sync import state
from tests.sync.conftest import ServerHandle
from tests.ui.helpers import save_screenshot
from ui.main_window import MainWindow
from ui.sync_ui import format_bytes, install

WAIT_MS = 15_000


@pytest.fixture
def keyring():
    backend = keys.MemoryKeyring()
    keys.use_backend(backend)
    yield backend
    keys.use_backend(None)


def start_server(workdir: Path, **app_options) -> ServerHandle:
    handle = ServerHandle(workdir)
    handle.app_options = app_options
    handle.start()
    return handle


@pytest.fixture
def server(tmp_path):
    handle = start_server(tmp_path / "server")
    yield handle
    handle.stop()


def connect(ctx, keyring, server: ServerHandle) -> None:
    keyring.set_password(keys.SERVICE, keys.ENROLLMENT_TOKEN, server.token)
    ctx.settings.server_url = server.url


def make_window(qtbot, ctx) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install(window, ctx)
    return window


def receive(ctx, name: str = "Nguyễn Văn Đạt") -> tuple[str, str]:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=name, id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam",
                        address="Thôn Phước Hưng, xã Tân Lập"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime.now().replace(second=0, microsecond=0),
    )
    with ctx.db.session() as session:
        dossier = svc.receive_dossier(session, ctx.settings, request).dossier
        return dossier.id, dossier.code


def server_codes(server: ServerHandle) -> list[str]:
    con = sqlite3.connect(server.db_path)
    try:
        return [row[0] for row in con.execute("SELECT code FROM dossiers ORDER BY code")]
    finally:
        con.close()


def queued(ctx) -> int:
    with ctx.db.session() as session:
        return int(session.scalar(select(func.count(OutboxItem.id))))


def label(window: MainWindow) -> str:
    return window.sync_label.text()


def test_sync_now_sends_the_dossier_and_the_status_bar_says_so(qtbot, ctx, keyring, server):
    connect(ctx, keyring, server)
    dossier_id, code = receive(ctx)
    window = make_window(qtbot, ctx)
    assert label(window) == "Đang đồng bộ… 1 hồ sơ"  # waiting to be sent

    detail = window.detail_view
    window.show_detail(dossier_id)
    assert detail.sync_line.text() == "Chờ gửi lên hệ thống tỉnh"

    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ lúc "), timeout=WAIT_MS)
    assert server_codes(server) == [code]
    assert queued(ctx) == 0
    # The run told the detail screen its dossier was acknowledged.
    assert detail.sync_line.text() == "Đã gửi lên hệ thống tỉnh"
    assert window.sync_panel.facts["queue"].text() == "không còn gì chờ gửi"


def test_offline_then_back_nothing_lost_nothing_duplicated(qtbot, ctx, keyring, server):
    connect(ctx, keyring, server)
    window = make_window(qtbot, ctx)
    _first, first_code = receive(ctx, "Nguyễn Văn Đạt")
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ"), timeout=WAIT_MS)

    server.stop()
    second_id, second_code = receive(ctx, "Lê Thị Hồng Nhung")
    window.sync_panel.sync_button.click()
    qtbot.waitUntil(lambda: label(window) == "Ngoại tuyến", timeout=WAIT_MS)
    assert queued(ctx) == 1  # kept on this machine
    assert window.sync_panel.state_label.text() == "Ngoại tuyến"
    # A dead line is the line's fault, not the dossier's: no per-item error rows, one plain sentence.
    assert window.sync_panel.errors_table.rowCount() == 0
    assert "Không kết nối được tới hệ thống của tỉnh" in window.sync_panel.problem_label.text()
    window.show_detail(second_id)
    assert window.detail_view.sync_line.text().startswith("Chờ gửi")

    server.start()
    window.sync_panel.sync_button.click()
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ"), timeout=WAIT_MS)
    assert server_codes(server) == sorted([first_code, second_code])
    assert queued(ctx) == 0
    assert window.detail_view.sync_line.text() == "Đã gửi lên hệ thống tỉnh"


def test_province_changes_arrive_and_the_panel_lists_them(qtbot, ctx, keyring, server):
    connect(ctx, keyring, server)
    window = make_window(qtbot, ctx)
    dossier_id, code = receive(ctx)
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ"), timeout=WAIT_MS)

    window.show_detail(dossier_id)
    server.set_status(code, int(Status.PROCESSING), note="Chuyển phòng Tư pháp xử lý")
    window.actions_["sync_now"].trigger()
    table = window.sync_panel.changes_table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=WAIT_MS)
    assert table.item(0, 1).text() == code
    assert table.item(0, 2).text() == "Đang xử lý"
    assert table.item(0, 3).text() == "Chuyển phòng Tư pháp xử lý"
    # The open detail screen reloaded from the run's changes.
    assert window.detail_view.dossier.status == Status.PROCESSING


def test_a_refused_dossier_is_listed_with_a_vietnamese_error(qtbot, ctx, keyring, tmp_path):
    # A body limit far below any dossier: the server answers 413 for this dossier and nothing else.
    server = start_server(tmp_path / "small-server", max_body_size=64)
    try:
        connect(ctx, keyring, server)
        window = make_window(qtbot, ctx)
        dossier_id, code = receive(ctx)
        window.actions_["sync_now"].trigger()
        qtbot.waitUntil(lambda: label(window) == "Cần xử lý", timeout=WAIT_MS)
    finally:
        server.stop()
    table = window.sync_panel.errors_table
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == code
    assert table.item(0, 1).text().startswith(f"Hồ sơ {code} bị hệ thống của tỉnh từ chối")
    assert table.item(0, 2).text() == "1"
    assert not window.sync_panel.no_errors_label.isVisible()
    window.show_detail(dossier_id)
    assert window.detail_view.sync_line.text().startswith("Chờ gửi (lần thử 1, lỗi: Hồ sơ ")


def test_revoked_or_missing_token_asks_to_log_in_again(qtbot, ctx, keyring, server):
    ctx.settings.server_url = server.url
    window = make_window(qtbot, ctx)
    receive(ctx)
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window) == "Cần đăng nhập lại", timeout=WAIT_MS)
    assert "chưa được đăng ký" in window.sync_panel.problem_label.text()

    keyring.set_password(keys.SERVICE, keys.ENROLLMENT_TOKEN, server.token)
    server.revoke()
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window) == "Cần đăng nhập lại"
                    and not window.sync_panel.problem_label.text().startswith("Máy trạm chưa"), timeout=WAIT_MS)
    assert queued(ctx) == 1


def test_without_a_server_the_workstation_is_offline_and_sync_is_disabled(qtbot, ctx, keyring):
    window = make_window(qtbot, ctx)
    assert label(window) == "Ngoại tuyến"
    assert not window.sync_panel.sync_button.isEnabled()
    window.actions_["sync_now"].trigger()  # harmless
    assert label(window) == "Ngoại tuyến"


def test_threaded_runner_keeps_the_window_responsive(qtbot, db, keyring, server):
    from app.settings import Settings
    from ui.main import build_context

    ctx = build_context(db, Settings(server_url=server.url), inline_tasks=False)
    errors: list[str] = []
    ctx.tasks.default_error = lambda exc, details: errors.append(details)
    keyring.set_password(keys.SERVICE, keys.ENROLLMENT_TOKEN, server.token)
    _id, code = receive(ctx)
    window = make_window(qtbot, ctx)
    qtbot.waitUntil(lambda: label(window) == "Đang đồng bộ… 1 hồ sơ", timeout=WAIT_MS)
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ lúc "), timeout=WAIT_MS)
    ctx.tasks.wait(5_000)
    assert server_codes(server) == [code] and not errors


def test_format_bytes_reads_like_vietnamese():
    assert format_bytes(1_258_291) == "1,2 MB"
    assert format_bytes(350 * 1024) == "350 KB"


def test_sync_panel_screenshot(qtbot, ctx, keyring, tmp_path):
    server = start_server(tmp_path / "shot-server")
    try:
        connect(ctx, keyring, server)
        window = make_window(qtbot, ctx)
        ids = [receive(ctx, name) for name in ("Nguyễn Văn Đạt", "Lê Thị Hồng Nhung", "Phạm Quốc Việt")]
        window.actions_["sync_now"].trigger()
        qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ"), timeout=WAIT_MS)
        server.set_status(ids[0][1], int(Status.PROCESSING), note="Chuyển phòng Tư pháp – Hộ tịch xử lý")
        server.set_status(ids[1][1], int(Status.SUPPLEMENT_REQUESTED),
                          note="Thiếu bản sao giấy khai sinh có chứng thực")
        window.actions_["sync_now"].trigger()
        qtbot.waitUntil(lambda: window.sync_panel.changes_table.rowCount() == 2, timeout=WAIT_MS)
    finally:
        server.stop()
    for name in ("Trần Minh Khôi", "Đỗ Thị Ánh Tuyết"):
        receive(ctx, name)
    # Refused by a server with a tiny body limit, then the line drops: both kinds of trouble on one screen.
    strict = start_server(tmp_path / "strict-server", max_body_size=64)
    try:
        connect(ctx, keyring, strict)
        window.actions_["sync_now"].trigger()
        qtbot.waitUntil(lambda: window.sync_panel.errors_table.rowCount() == 2, timeout=WAIT_MS)
    finally:
        strict.stop()
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: label(window) == "Ngoại tuyến", timeout=WAIT_MS)
    with ctx.db.session() as session:  # a drifting commune PC: the warning must be visible on this screen
        state.put(session, state.CLOCK_SKEW_S, "-840")
    window.sync_controller.refresh()
    window.actions_["sync"].trigger()
    qtbot.waitUntil(lambda: window.sync_panel.skew_label.isVisibleTo(window.sync_panel), timeout=WAIT_MS)
    assert "14 phút" in window.sync_panel.skew_label.text()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    table = window.sync_panel.errors_table
    qtbot.waitUntil(lambda: max(table.rowHeight(r) for r in range(2)) < 60, timeout=WAIT_MS)  # one line each
    path = save_screenshot(window, "sync_panel.png")
    assert path.stat().st_size > 10_000


class _BrokenKeyring(keys.MemoryKeyring):
    """A locked or absent OS keyring: every call fails."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("locked")


def test_local_stack_enrolls_and_keeps_the_token_in_memory_without_a_keyring(tmp_path, keyring):
    from ui.local_stack import LocalServer, keep_token

    server = LocalServer(tmp_path / "local-server")
    server.start()
    try:
        # With a keyring: the token goes there, and a second start reuses it instead of enrolling again.
        assert keep_token(server, "000.00.06.H56") == ""
        token = keys.load_secret(keys.ENROLLMENT_TOKEN)
        assert token and server.accepts(token)
        assert keep_token(server, "000.00.06.H56") == "" and keys.load_secret(keys.ENROLLMENT_TOKEN) == token
        # The catalogue key lives with the server's data, so every run trusts the same key.
        assert server.catalogue_public_key() == server.catalogue_public_key()
        assert server.signing_key_path.stat().st_mode & 0o077 == 0

        keys.use_backend(_BrokenKeyring())
        notice = keep_token(server, "000.00.06.H56")
        assert "chỉ được giữ trong bộ nhớ" in notice
        token = keys.load_secret(keys.ENROLLMENT_TOKEN)
        assert token and server.accepts(token)
        with pytest.raises(keys.KeyringUnavailable):  # other secrets still find no keyring
            keys.load_secret(keys.DATABASE_KEY)
        for path in tmp_path.rglob("*"):
            assert not path.is_file() or token.encode() not in path.read_bytes(), path
    finally:
        server.stop()
    assert server.process is None and not server.ready()


def test_local_stack_points_the_running_window_at_its_server(qtbot, qapp, ctx, keyring, server):
    from ui.local_stack import attach_to_window

    keyring.set_password(keys.SERVICE, keys.ENROLLMENT_TOKEN, server.token)
    _id, code = receive(ctx)
    window = make_window(qtbot, ctx)
    window.show()
    assert label(window) == "Ngoại tuyến"  # no server configured yet
    release = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    release["version"] = "2027.local"
    source = server.workdir / "release.json"
    source.write_text(json.dumps(release, ensure_ascii=False), encoding="utf-8")
    server.publish_catalogue(source)
    attach_to_window(qapp, server.url, "Thông báo thử", catalogue_key=server.catalogue_public_key)
    assert window.statusBar().currentMessage() == "Thông báo thử"
    assert ctx.settings.catalogue_public_keys == [server.catalogue_public_key]
    qtbot.waitUntil(lambda: label(window).startswith("Đã đồng bộ lúc "), timeout=WAIT_MS)
    assert server_codes(server) == [code]
    with ctx.db.session() as session:
        assert catalogue_version(session) == "2027.local"  # the signed release applied


# ----- update notice from the hello -------------------------------------------------------------------------


def _versions_server(tmp_path: Path, minimum: str, latest: str) -> ServerHandle:
    return start_server(tmp_path / "versions", min_client_version=minimum, latest_client_version=latest)


def _sync(qtbot, window) -> None:
    window.actions_["sync_now"].trigger()
    qtbot.waitUntil(lambda: not window.sync_controller.running and window.sync_controller.last_view is not None
                    and window.sync_controller.last_view.status is not None
                    and window.sync_controller.last_view.status.last_attempt is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.sync_controller.notice is not None, timeout=WAIT_MS)


def test_a_newer_version_is_a_quiet_label(qtbot, ctx, keyring, tmp_path):
    server = _versions_server(tmp_path, "0.1.0", "0.2.0")
    try:
        connect(ctx, keyring, server)
        window = make_window(qtbot, ctx)
        _sync(qtbot, window)
        assert window.sync_controller.notice.level == "info"
        assert not window.update_info.isHidden() and window.update_info.text() == "Có phiên bản mới 0.2.0"
        assert window.update_banner.isHidden()
        assert window.actions_["intake"].isEnabled() and window.intake_view.isEnabled()
        assert "0.2.0" in window.sync_panel.update_label.text()
    finally:
        server.stop()


def test_below_the_minimum_a_banner_gives_the_deadline(qtbot, ctx, keyring, tmp_path):
    from app.fleet import BELOW_MINIMUM_KEY
    from app.settings import load_settings

    server = _versions_server(tmp_path, "0.2.0", "0.2.1")
    try:
        connect(ctx, keyring, server)
        window = make_window(qtbot, ctx)
        _sync(qtbot, window)
        notice = window.sync_controller.notice
        assert notice.level == "warning" and notice.deadline is not None
        assert not window.update_banner.isHidden()
        banner = window.findChild(QLabel, "update_banner_text").text()
        assert notice.deadline.strftime("%d/%m/%Y") in banner and "0.2.1" in banner
        assert window.update_info.isHidden()
        assert window.actions_["intake"].isEnabled() and window.intake_view.isEnabled()  # still in grace
        assert not window.sync_panel.update_label.isHidden()
        # The start of the grace period is kept on disk, so a restart does not give a new one.
        qtbot.waitUntil(lambda: load_settings().extra.get(BELOW_MINIMUM_KEY) is not None, timeout=WAIT_MS)
        assert load_settings().server_url == ""  # only that entry was written, not the in-memory settings
    finally:
        server.stop()


def test_after_the_grace_period_intake_is_blocked(qtbot, ctx, keyring, tmp_path):
    from app.fleet import BELOW_MINIMUM_KEY

    server = _versions_server(tmp_path, "0.2.0", "0.2.0")
    try:
        connect(ctx, keyring, server)
        ctx.settings.extra[BELOW_MINIMUM_KEY] = (clock.now().date() - timedelta(days=30)).isoformat()
        window = make_window(qtbot, ctx)
        window.show()
        _sync(qtbot, window)
        notice = window.sync_controller.notice
        assert notice.level == "blocking"
        assert not window.actions_["intake"].isEnabled() and not window.intake_view.isEnabled()
        assert "Phải cập nhật ứng dụng" in window.findChild(QLabel, "update_banner_text").text()
        assert window.actions_["intake"].toolTip() == notice.message
        save_screenshot(window, "sync_update_blocking.png")
        # The province lowers its minimum again (or the app was updated): intake comes back.
        server.stop()
        server.app_options = {"min_client_version": "0.1.0", "latest_client_version": "0.1.0"}
        server.start()
        window.actions_["sync_now"].trigger()
        qtbot.waitUntil(lambda: window.actions_["intake"].isEnabled(), timeout=WAIT_MS)
        assert window.intake_view.isEnabled() and window.update_banner.isHidden()
        assert window.sync_controller.notice is None
        assert BELOW_MINIMUM_KEY not in ctx.settings.extra
    finally:
        server.stop()
