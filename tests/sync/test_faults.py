"""The fault proxy against a loopback echo server."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from sync.faults import FaultConfig, FaultProxy


@pytest.fixture
def echo():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                try:
                    conn.sendall(data)
                except OSError:
                    return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()
    stop.set()
    thread.join(2)
    listener.close()


def roundtrip(address, payload: bytes, timeout: float = 3.0) -> bytes:
    with socket.create_connection(address, timeout=timeout) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while True:
            data = sock.recv(65536)
            if not data:
                return received
            received += data


def test_clean_link_forwards_and_counts_bytes(echo):
    with FaultProxy(echo) as proxy:
        assert roundtrip(proxy.address, b"x" * 100_000) == b"x" * 100_000
        assert proxy.bytes_up == 100_000 and proxy.bytes_down == 100_000


def test_latency_and_rate_limit(echo):
    with FaultProxy(echo, config=FaultConfig(latency_ms=150)) as proxy:
        started = time.monotonic()
        roundtrip(proxy.address, b"ping")
        assert time.monotonic() - started >= 0.3  # one way each direction
        proxy.configure(latency_ms=0, rate_kbps=800)  # 100 kB/s per direction
        started = time.monotonic()
        assert roundtrip(proxy.address, b"y" * 60_000) == b"y" * 60_000
        assert 0.4 <= time.monotonic() - started <= 5  # both directions overlap; the bucket starts non-empty


def test_cut_after_bytes_in_one_direction(echo):
    with FaultProxy(echo, config=FaultConfig(cut_after_bytes=1000, cut_direction="down")) as proxy:
        with pytest.raises(OSError):
            got = roundtrip(proxy.address, b"z" * 5000)
            assert len(got) <= 1000  # a clean EOF would be a lie; usually the reset surfaces instead
            raise ConnectionResetError
        assert proxy.bytes_down <= 1000 and proxy.connections_reset == 1


def test_reset_probability_and_blackhole(echo):
    with FaultProxy(echo, config=FaultConfig(reset_prob=1.0, reset_window_bytes=0), seed=1) as proxy:
        with pytest.raises(OSError):
            roundtrip(proxy.address, b"hello")
        proxy.configure(reset_prob=0.0, blackhole=True)
        with socket.create_connection(proxy.address, timeout=0.5) as sock:
            sock.sendall(b"anyone?")
            with pytest.raises(TimeoutError):
                sock.recv(10)
        proxy.heal()
        assert roundtrip(proxy.address, b"back") == b"back"


def test_stall_pauses_then_resumes(echo):
    with FaultProxy(echo) as proxy:
        proxy.stall(400)
        started = time.monotonic()
        assert roundtrip(proxy.address, b"slow") == b"slow"
        assert time.monotonic() - started >= 0.35
