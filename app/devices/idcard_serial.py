"""Citizen ID card readers on a serial / USB-COM port (pyserial).

Counter QR readers are usually set to keyboard-wedge mode, which a Vietnamese input method can garble; in
serial ("USB-COM", "virtual COM") mode they send the QR payload as UTF-8 bytes ending with CR and/or LF,
which is immune to keyboard layouts. Some models send no terminator at all, so a pause after the last byte
also ends a payload.

``pyserial`` is imported lazily: without it the reader is a :class:`DriverUnavailable` error the UI can show.
The port comes from the settings (``idcard_port``, e.g. ``COM3`` or ``/dev/ttyACM0``).
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from types import TracebackType
from typing import Any, Protocol

from app.citizens import CardPayloadError, CitizenCard, parse_cccd_payload
from app.devices.base import CancelToken, DeviceError, DriverUnavailable
from app.i18n import tr
from app.settings import Settings

DEFAULT_BAUDRATE = 9600  # most readers ignore it on USB-CDC; the usual factory default otherwise
# How long one blocking read may wait: bounds how late a cancel is noticed.
POLL_SECONDS = 0.1
# A reader without a line terminator is done once the bytes stop for this long.
IDLE_END_SECONDS = 0.3
# A payload is a few hundred bytes; anything much longer is a stuck reader or noise on the line.
MAX_LINE_BYTES = 8192


class SerialPort(Protocol):
    """The part of ``serial.Serial`` used here (tests may pass any object with these members)."""

    def read(self, size: int = 1) -> bytes: ...

    def close(self) -> None: ...


class ReaderTimeout(DeviceError):
    """No card was presented within the waiting time."""


class IdCardReader(ABC):
    """A device that delivers the QR payload of a citizen ID card. Use it from the device lane only."""

    @abstractmethod
    def read_card(self, cancel: CancelToken | None = None, timeout: float | None = None) -> CitizenCard:
        """Block until one card is read; raise :class:`CardPayloadError` for an invalid payload,
        :class:`ReaderTimeout` after ``timeout`` seconds, :class:`app.errors.Cancelled` when cancelled."""

    def close(self) -> None:  # noqa: B027 - readers without resources need nothing
        """Release the port."""

    def __enter__(self) -> IdCardReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _no_port() -> DeviceError:
    return DeviceError(tr("Chưa chọn cổng COM của đầu đọc thẻ căn cước. Hãy chọn cổng trong Cài đặt."))


def _cannot_open(port: str, detail: str) -> DeviceError:
    return DeviceError(
        tr(
            "Không mở được cổng {port} của đầu đọc thẻ. Hãy kiểm tra cáp, chọn đúng cổng COM trong Cài đặt "
            "và đóng chương trình khác đang dùng cổng này.",
            port=port,
        ),
        detail=detail,
    )


def _timed_out() -> ReaderTimeout:
    return ReaderTimeout(tr("Chưa nhận được dữ liệu từ đầu đọc thẻ. Hãy đưa mã QR trên thẻ vào đầu đọc rồi thử lại."))


def _load_serial() -> Any:
    try:
        import serial  # optional dependency: pyserial
    except ImportError as exc:
        raise DriverUnavailable(
            tr("Chưa cài thư viện cổng COM (pyserial) nên không dùng được đầu đọc thẻ qua cổng COM."), detail=repr(exc)
        ) from exc
    return serial


def decode_line(raw: bytes) -> str:
    """The payload text of one line from the reader (UTF-8; a BOM or stray NULs are dropped)."""
    raw = raw.replace(b"\x00", b"").removeprefix(b"\xef\xbb\xbf")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CardPayloadError(
            tr(
                "Đầu đọc gửi dữ liệu không phải UTF-8. Hãy đặt đầu đọc ở chế độ UTF-8 (xem hướng dẫn của máy) "
                "rồi đọc lại thẻ."
            ),
            detail=repr(raw[:80]),
        ) from exc


class SerialIdCardReader(IdCardReader):
    def __init__(self, port: str, baudrate: int = DEFAULT_BAUDRATE, *,
                 opener: Callable[[str, int, float], SerialPort] | None = None) -> None:
        if not port:
            raise _no_port()
        self.port_name = port
        self._buffer = bytearray()
        if opener is None:
            serial = _load_serial()

            def opener(name: str, rate: int, timeout: float) -> SerialPort:
                try:
                    return serial.Serial(name, rate, timeout=timeout)
                except (serial.SerialException, OSError, ValueError) as exc:
                    raise _cannot_open(name, repr(exc)) from exc

        self._port = opener(port, baudrate, POLL_SECONDS)

    def read_line(self, cancel: CancelToken | None = None, timeout: float | None = None) -> bytes:
        """The next non-empty line (without terminator) as raw bytes."""
        cancel = cancel or CancelToken()
        deadline = None if timeout is None else time.monotonic() + timeout
        last_byte_at: float | None = None
        while True:
            # A line may already be complete in the buffer (several payloads sent in one burst).
            for sep in (b"\n", b"\r"):
                if sep in self._buffer:
                    line, _, rest = bytes(self._buffer).partition(sep)
                    self._buffer = bytearray(rest)
                    line = line.strip(b"\r\n")
                    if line.strip():
                        return line
                    break
            else:
                cancel.raise_if_cancelled()
                now = time.monotonic()
                if self._buffer and last_byte_at is not None and now - last_byte_at >= IDLE_END_SECONDS:
                    line, self._buffer = bytes(self._buffer), bytearray()
                    if line.strip():
                        return line
                if deadline is not None and now >= deadline and not self._buffer:
                    raise _timed_out()
                try:
                    chunk = self._port.read(256)
                except OSError as exc:  # pyserial's SerialException is an OSError subclass
                    raise _cannot_open(self.port_name, repr(exc)) from exc
                if chunk:
                    self._buffer.extend(chunk)
                    last_byte_at = time.monotonic()
                    if len(self._buffer) > MAX_LINE_BYTES:
                        self._buffer.clear()
                        raise CardPayloadError(tr("Đầu đọc gửi dữ liệu quá dài, không phải mã QR thẻ căn cước."))
                continue

    def read_card(self, cancel: CancelToken | None = None, timeout: float | None = None) -> CitizenCard:
        text = decode_line(self.read_line(cancel, timeout))
        # Bytes from a serial port never went through a keyboard layout: the wedge heuristics stay off.
        return parse_cccd_payload(text, check_wedge=False)

    def close(self) -> None:
        self._port.close()


def available_ports() -> list[tuple[str, str]]:
    """(device, description) of the serial ports present now, for the settings dialog."""
    try:
        from serial.tools import list_ports
    except ImportError:
        return []
    return [(p.device, p.description or p.device) for p in sorted(list_ports.comports(), key=lambda p: p.device)]


def open_idcard_reader(settings: Settings) -> IdCardReader:
    """The reader configured in the settings (``idcard_port``, optional ``idcard_baudrate``)."""
    return SerialIdCardReader(settings.idcard_port.strip(), settings.idcard_baudrate or DEFAULT_BAUDRATE)
