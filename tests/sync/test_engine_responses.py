"""Odd replies (500, 429, a hotspot's HTML page, redirects, garbage JSON) lose nothing and say why in Vietnamese."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest_client import client_db, client_dir, receive, settings  # noqa: F401,I001
from sqlalchemy import select

from app.models import OutboxItem
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, SYNCING, SyncEngine, status
from sync.transport import Kind, Transport

HELLO = json.dumps({"protocol_versions": [1], "server_time": "2027-03-04T09:00:00",
                    "min_client_version": "0.1.0", "latest_client_version": "0.1.0"}).encode()


class Canned(BaseHTTPRequestHandler):
    reply: tuple[int, dict[str, str], bytes] = (200, {}, b"")
    hello: bytes = HELLO

    def log_message(self, *_args) -> None:  # quiet tests
        pass

    def _send(self, code: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        if self.path == "/v1/hello":
            self._send(200, {"Content-Type": "application/json"}, self.hello)
        else:
            self._send(*self.reply)

    def do_PUT(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._send(*self.reply)


@pytest.fixture
def canned():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Canned)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    Canned.hello = HELLO


CASES = [
    ((500, {"Content-Type": "application/json"}, b'{"code":"internal_error"}'), NEEDS_ATTENTION,
     "đang gặp sự cố (mã 500)"),
    ((429, {"Content-Type": "application/json", "Retry-After": "120"}, b"{}"), SYNCING, "quá tải"),
    ((200, {"Content-Type": "text/html"}, b"<html>Wi-Fi login</html>"), NEEDS_ATTENTION, "yêu cầu đăng nhập"),
    ((302, {"Location": "http://portal.example/login"}, b""), NEEDS_ATTENTION, "chuyển hướng"),
    ((200, {"Content-Type": "application/json"}, b'{"id": "abc", "co'), NEEDS_ATTENTION, "bị lỗi hoặc không đầy đủ"),
    ((400, {"Content-Type": "application/json"}, b'{"code":"invalid_body"}'), NEEDS_ATTENTION, "từ chối"),
]


@pytest.mark.parametrize(("reply", "expected_state", "words"), CASES)
def test_odd_replies_keep_the_queue_and_explain(client_db, settings, canned, reply, expected_state, words):
    Canned.reply = reply
    dossier = receive(client_db, settings)
    url = f"http://127.0.0.1:{canned.server_address[1]}"
    engine = SyncEngine(client_db, url, "token", backoff=Backoff(base_s=0, cap_s=0), timeouts=(2, 3))
    report = engine.run_once()
    assert report.state == expected_state
    assert report.queued == 1 and report.acknowledged == 0
    assert any(words in e for e in report.errors), report.errors
    with client_db.session() as s:
        item = s.execute(select(OutboxItem)).scalar_one()
        assert item.key == dossier.id and item.attempts == 1 and item.last_error
    assert status(client_db).state == expected_state


def test_throttling_honours_retry_after(client_db, settings, canned):
    Canned.reply = (429, {"Content-Type": "application/json", "Retry-After": "120"}, b"{}")
    receive(client_db, settings)
    url = f"http://127.0.0.1:{canned.server_address[1]}"
    SyncEngine(client_db, url, "token", backoff=Backoff(base_s=0, cap_s=0)).run_once()
    with client_db.session() as s:
        item = s.execute(select(OutboxItem)).scalar_one()
        assert (item.next_attempt_at - item.updated_at).total_seconds() >= 119


def test_unknown_protocol_version_needs_attention(client_db, settings, canned):
    Canned.hello = json.dumps({"protocol_versions": [7]}).encode()
    receive(client_db, settings)
    url = f"http://127.0.0.1:{canned.server_address[1]}"
    report = SyncEngine(client_db, url, "token").run_once()
    assert report.state == NEEDS_ATTENTION and "cập nhật ứng dụng" in report.errors[0]
    assert report.queued == 1


def test_transport_classifies_connect_failures_as_offline():
    from conftest_client import free_port_unused

    result = Transport(f"http://127.0.0.1:{free_port_unused()}", timeouts=(1, 1)).probe()
    assert result.kind is Kind.OFFLINE and "Không kết nối được" in result.message
