"""A fault-injecting TCP proxy for tests and field rehearsals (loopback only by default).

It sits between the sync client and a server and degrades the link the way a commune's line does: latency,
a bandwidth cap per direction (token bucket), connections reset at a random point, a cut after N bytes, stalls
(nothing moves for a while) and a black hole (connections accepted and never answered). The configuration can
be changed while connections are open; every forwarded byte is counted so tests can assert "bytes on the wire".

Plain threads and blocking sockets with short timeouts: each connection has a reader and a writer per
direction, joined by a queue that doubles as the delay line for latency.
"""

from __future__ import annotations

import contextlib
import dataclasses
import queue
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass
from typing import Literal

Direction = Literal["up", "down", "both"]
_POLL_S = 0.05
_RECV_SIZE = 16384
_SLICE = 4096  # bytes sent per token-bucket draw when a rate is set, so the flow stays smooth


@dataclass(frozen=True)
class FaultConfig:
    latency_ms: float = 0.0  # one-way delay added to every chunk
    rate_kbps: float | None = None  # kbit/s per direction, shared by all connections (like one link)
    reset_prob: float = 0.0  # chance that a new connection is reset at a random point
    reset_window_bytes: int = 8192  # the reset point is drawn uniformly in [0, window] bytes (both ways)
    cut_after_bytes: int | None = None  # kill every connection after N bytes in ``cut_direction``
    cut_direction: Direction = "both"
    stall_ms: float = 0.0  # each connection stops forwarding downstream for this long ...
    stall_after_bytes: int = 0  # ... once it has forwarded this many bytes downstream
    blackhole: bool = False  # accept, read and discard; never connect upstream, never answer


class _TokenBucket:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens = 0.0
        self._stamp = time.monotonic()

    def take(self, n: int, rate_bytes_s: float, stop: threading.Event) -> None:
        burst = max(float(_SLICE), rate_bytes_s / 10.0)
        while not stop.is_set():
            with self._lock:
                now = time.monotonic()
                self._tokens = min(burst, self._tokens + (now - self._stamp) * rate_bytes_s)
                self._stamp = now
                if self._tokens >= n:
                    self._tokens -= n
                    return
                wait = (n - self._tokens) / rate_bytes_s
            time.sleep(min(wait, _POLL_S))


def _reset(sock: socket.socket) -> None:
    """Close with an RST (linger 0), the way a dying NAT or modem drops a connection."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class _Connection:
    def __init__(self, proxy: FaultProxy, client: socket.socket, reset_at: int | None) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: socket.socket | None = None
        self.killed = threading.Event()
        self.reset_at = reset_at
        self.lock = threading.Lock()
        self.moved = {"up": 0, "down": 0}
        self.stalled_once = False
        self.open_directions = 2

    # -- accounting ----------------------------------------------------------------------------------
    def allowance(self, direction: str, wanted: int) -> tuple[int, bool]:
        """How many of ``wanted`` bytes may pass before a cut/reset, and whether the connection dies after."""
        cfg = self.proxy.config
        limits: list[int] = []
        with self.lock:
            total = self.moved["up"] + self.moved["down"]
            if self.reset_at is not None:
                limits.append(self.reset_at - total)
            if cfg.cut_after_bytes is not None:
                if cfg.cut_direction == "both":
                    limits.append(cfg.cut_after_bytes - total)
                elif cfg.cut_direction == direction:
                    limits.append(cfg.cut_after_bytes - self.moved[direction])
        if not limits:
            return wanted, False
        # N bytes pass; the connection dies when byte N+1 shows up (so a reply that fits exactly survives).
        room = max(0, min(limits))
        return (wanted, False) if room >= wanted else (room, True)

    def count(self, direction: str, n: int) -> None:
        with self.lock:
            self.moved[direction] += n
        self.proxy._count(direction, n)

    def kill(self) -> None:
        if self.killed.is_set():
            return
        self.killed.set()
        _reset(self.client)
        if self.upstream is not None:
            _reset(self.upstream)
        self.proxy._forget(self)

    def direction_done(self) -> None:
        with self.lock:
            self.open_directions -= 1
            last = self.open_directions == 0
        if last:
            self.killed.set()
            for sock in (self.client, self.upstream):
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.close()
            self.proxy._forget(self)

    # -- pumps ---------------------------------------------------------------------------------------
    def reader(self, src: socket.socket, line: queue.Queue[tuple[float, bytes]]) -> None:
        while not self.killed.is_set():
            try:
                data = src.recv(_RECV_SIZE)
            except TimeoutError:
                continue
            except OSError:
                self.kill()
                break
            due = time.monotonic() + self.proxy.config.latency_ms / 1000.0
            line.put((due, data))
            if not data:
                break

    def writer(self, direction: str, dst: socket.socket, line: queue.Queue[tuple[float, bytes]]) -> None:
        stop = self.killed
        while not stop.is_set():
            try:
                due, data = line.get(timeout=_POLL_S)
            except queue.Empty:
                continue
            self._wait_until(due)
            if not data:  # EOF from the source: pass the half-close on
                with contextlib.suppress(OSError):
                    dst.shutdown(socket.SHUT_WR)
                self.direction_done()
                return
            view = memoryview(data)
            while view and not stop.is_set():
                self._wait_stalls(direction)
                cfg = self.proxy.config
                piece = view[:_SLICE] if cfg.rate_kbps else view
                n, dies = self.allowance(direction, len(piece))
                if n and cfg.rate_kbps:
                    self.proxy._bucket(direction).take(n, cfg.rate_kbps * 125.0, stop)
                # Counted before sending, so a client that has the bytes also sees them counted.
                self.count(direction, n)
                if n and not self._send(dst, piece[:n]):
                    self.kill()
                    return
                view = view[n:]
                if dies:
                    self.proxy._note_reset()
                    self.kill()
                    return

    def _send(self, dst: socket.socket, data: memoryview) -> bool:
        while data:
            if self.killed.is_set():
                return False
            try:
                sent = dst.send(data)
            except TimeoutError:
                continue
            except OSError:
                return False
            data = data[sent:]
        return True

    def _wait_until(self, due: float) -> None:
        while not self.killed.is_set():
            left = due - time.monotonic()
            if left <= 0:
                return
            time.sleep(min(left, _POLL_S))

    def _wait_stalls(self, direction: str) -> None:
        cfg = self.proxy.config
        if direction == "down" and cfg.stall_ms > 0 and not self.stalled_once:
            with self.lock:
                reached = self.moved["down"] >= cfg.stall_after_bytes
            if reached:
                self.stalled_once = True
                self._wait_until(time.monotonic() + cfg.stall_ms / 1000.0)
        self._wait_until(self.proxy._stall_until)


class FaultProxy:
    """Forward ``listen`` → ``target`` with faults. Use as a context manager, or ``start()``/``stop()``."""

    def __init__(self, target: tuple[str, int], listen: tuple[str, int] = ("127.0.0.1", 0),
                 config: FaultConfig | None = None, *, seed: int | None = None) -> None:
        self.target = target
        self._listen_addr = listen
        self.config = config or FaultConfig()
        self._rng = random.Random(seed)
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._connections: set[_Connection] = set()
        self._blackholed: set[socket.socket] = set()
        self._buckets = {"up": _TokenBucket(), "down": _TokenBucket()}
        self._stall_until = 0.0
        self.bytes_up = 0  # client → server, forwarded
        self.bytes_down = 0  # server → client, forwarded
        self.connections_accepted = 0
        self.connections_reset = 0

    # -- lifecycle -----------------------------------------------------------------------------------
    @property
    def address(self) -> tuple[str, int]:
        if self._listener is None:
            raise RuntimeError("proxy not started")
        host, port = self._listener.getsockname()[:2]
        return host, port

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}"

    def start(self) -> FaultProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(self._listen_addr)
        listener.listen(64)
        listener.settimeout(_POLL_S)
        self._listener = listener
        self._stop.clear()
        self._accept_thread = threading.Thread(target=self._accept_loop, name="fault-proxy-accept", daemon=True)
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=2)
        if self._listener is not None:
            with contextlib.suppress(OSError):
                self._listener.close()
        self.drop_all()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # -- control -------------------------------------------------------------------------------------
    def configure(self, **changes: object) -> FaultConfig:
        """Change faults while running; open connections see the new values at their next chunk."""
        with self._lock:
            self.config = dataclasses.replace(self.config, **changes)  # type: ignore[arg-type]
            return self.config

    def heal(self) -> None:
        """Back to a clean link (faults off), keeping counters."""
        with self._lock:
            self.config = FaultConfig()
            self._stall_until = 0.0

    def stall(self, ms: float) -> None:
        """Stop forwarding on every connection, both ways, for ``ms`` from now."""
        self._stall_until = time.monotonic() + ms / 1000.0

    def drop_all(self) -> None:
        """Reset every open connection now."""
        with self._lock:
            conns = list(self._connections)
            holes = list(self._blackholed)
            self._blackholed.clear()
        for conn in conns:
            conn.kill()
        for sock in holes:
            _reset(sock)

    def reset_counters(self) -> None:
        with self._lock:
            self.bytes_up = self.bytes_down = 0

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._connections) + len(self._blackholed)

    # -- internals -----------------------------------------------------------------------------------
    def _count(self, direction: str, n: int) -> None:
        with self._lock:
            if direction == "up":
                self.bytes_up += n
            else:
                self.bytes_down += n

    def _note_reset(self) -> None:
        with self._lock:
            self.connections_reset += 1

    def _bucket(self, direction: str) -> _TokenBucket:
        return self._buckets[direction]

    def _forget(self, conn: _Connection) -> None:
        with self._lock:
            self._connections.discard(conn)

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections_accepted += 1
            threading.Thread(target=self._serve, args=(client,), name="fault-proxy-conn", daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        cfg = self.config
        client.settimeout(_POLL_S)
        if cfg.blackhole:
            self._swallow(client)
            return
        with self._lock:
            reset_at = (self._rng.randint(0, max(0, cfg.reset_window_bytes))
                        if cfg.reset_prob > 0 and self._rng.random() < cfg.reset_prob else None)
        conn = _Connection(self, client, reset_at)
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            _reset(client)  # the far end is down: the client sees a reset, as through a real gateway
            return
        upstream.settimeout(_POLL_S)
        conn.upstream = upstream
        with self._lock:
            self._connections.add(conn)
        up_line: queue.Queue[tuple[float, bytes]] = queue.Queue()
        down_line: queue.Queue[tuple[float, bytes]] = queue.Queue()
        threads = [
            threading.Thread(target=conn.reader, args=(client, up_line), daemon=True),
            threading.Thread(target=conn.writer, args=("up", upstream, up_line), daemon=True),
            threading.Thread(target=conn.reader, args=(upstream, down_line), daemon=True),
            threading.Thread(target=conn.writer, args=("down", client, down_line), daemon=True),
        ]
        for thread in threads:
            thread.start()
        if reset_at == 0:
            self._note_reset()
            conn.kill()

    def _swallow(self, client: socket.socket) -> None:
        with self._lock:
            self._blackholed.add(client)
        try:
            while not self._stop.is_set():
                try:
                    if not client.recv(_RECV_SIZE):
                        break
                except TimeoutError:
                    continue
                except OSError:
                    break
        finally:
            with self._lock:
                self._blackholed.discard(client)
            with contextlib.suppress(OSError):
                client.close()
