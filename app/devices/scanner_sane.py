"""Scanners on Linux through SANE (``python-sane``).

``sane`` is imported lazily: without libsane or python-sane the driver reports
:class:`DriverUnavailable` instead of breaking the import of the application.

SANE is process-global: ``sane_init`` reads ``SANE_CONFIG_DIR`` once and a later re-init does not re-read
it, so the driver initialises once per process. Handles are not thread-safe; use them from one thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import threading
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

from app.devices.base import (
    CancelToken,
    Capabilities,
    ColorMode,
    DeviceError,
    DeviceInfo,
    ScannedPage,
    Scanner,
    ScannerDriver,
    ScanSettings,
    Source,
    cover_open,
    device_busy,
    device_failed,
    device_not_found,
    driver_unavailable,
    feeder_empty,
    scanner_jam,
)
from app.errors import Cancelled
from app.i18n import tr

_init_lock = threading.Lock()
_initialised = False

# SANE_Status values (SANE standard, section 4.3.7).
GOOD, UNSUPPORTED, CANCELLED, DEVICE_BUSY, INVAL, EOF, JAMMED, NO_DOCS, COVER_OPEN, IO_ERROR, NO_MEM, ACCESS_DENIED = range(12)

# python-sane raises its error with only sane_strstatus() text, so a status is recovered by an exact lookup
# in the library's own table (read once through ctypes); the standard English texts are the fallback.
_STANDARD_TEXTS = {
    "Success": GOOD,
    "Operation not supported": UNSUPPORTED,
    "Operation was canceled": CANCELLED,
    "Operation was cancelled": CANCELLED,
    "Device busy": DEVICE_BUSY,
    "Invalid argument": INVAL,
    "End of file reached": EOF,
    "Document feeder jammed": JAMMED,
    "Document feeder out of documents": NO_DOCS,
    "Scanner cover is open": COVER_OPEN,
    "Error during device I/O": IO_ERROR,
    "Out of memory": NO_MEM,
    "Access to resource has been denied": ACCESS_DENIED,
}
_status_by_text: dict[str, int] | None = None

A4_MM = (210.0, 297.0)


READER_EXIT_TIMEOUT_S = 2.0


def _thread_count() -> int | None:
    """Threads of this process (Linux), or ``None`` where that cannot be read."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def _wait_for_reader_exit(threads_before: int | None) -> None:
    """Wait until the backend's reader thread for the last page has gone.

    Backends built on sanei_thread end each page's reader thread on their own once the data is read; a
    sane_cancel or sane_start that lands while that thread is still exiting can pthread_cancel it inside
    glibc's loader lock, and the next thread creation then waits for ever (seen with the test backend,
    confirmed with gdb). Waiting for the thread count to fall back costs nothing next to a page's scan time.
    """
    if threads_before is None:
        time.sleep(0.05)
        return
    deadline = time.monotonic() + READER_EXIT_TIMEOUT_S
    while time.monotonic() < deadline:
        count = _thread_count()
        if count is None or count <= threads_before:
            return
        time.sleep(0.005)


def _status_table() -> dict[str, int]:
    global _status_by_text
    if _status_by_text is None:
        table = dict(_STANDARD_TEXTS)
        try:
            lib = ctypes.CDLL(ctypes.util.find_library("sane") or "libsane.so.1")
            strstatus = lib.sane_strstatus
            strstatus.restype = ctypes.c_char_p
            strstatus.argtypes = [ctypes.c_int]
            for code in range(12):
                text = strstatus(code)
                if text:
                    table[text.decode("utf-8", "replace")] = code
        except (OSError, AttributeError):
            pass  # keep the standard texts
        _status_by_text = table
    return _status_by_text


def status_of(exc: BaseException) -> int | None:
    """The SANE_Status behind a python-sane error, or None if it is not a status error."""
    return _status_table().get(str(exc))


def _load() -> ModuleType:
    try:
        import sane  # optional native dependency
    except (ImportError, OSError) as exc:
        raise driver_unavailable("SANE", detail=repr(exc)) from exc
    return sane


def _ensure_init(sane: ModuleType) -> None:
    global _initialised
    with _init_lock:
        if not _initialised:
            try:
                sane.init()
            except Exception as exc:  # _sane.error or RuntimeError from the binding
                raise driver_unavailable("SANE", detail=repr(exc)) from exc
            _initialised = True


def _match_mode(names: list[str]) -> dict[ColorMode, str]:
    """Map the backend's own mode names ("Color", "Gray", "Lineart", "Binary"...) to ours."""
    found: dict[ColorMode, str] = {}
    for name in names:
        low = name.lower()
        if any(k in low for k in ("color", "colour", "rgb")):
            found.setdefault(ColorMode.COLOR, name)
        elif any(k in low for k in ("gray", "grey")):
            found.setdefault(ColorMode.GRAY, name)
        elif any(k in low for k in ("lineart", "binary", "black")):
            found.setdefault(ColorMode.LINEART, name)
    return found


def _match_sources(names: list[str]) -> tuple[str | None, str | None, str | None]:
    """(flatbed, feeder simplex, feeder duplex) names among the backend's ``source`` values."""
    flatbed = simplex = duplex = None
    for name in names:
        low = name.lower()
        if "duplex" in low:
            duplex = duplex or name
        elif any(k in low for k in ("adf", "feeder", "adf front")) and "back" not in low:
            simplex = simplex or name
        elif any(k in low for k in ("flatbed", "platen", "normal")):
            flatbed = flatbed or name
    return flatbed, simplex, duplex


class SaneScanner(Scanner):
    def __init__(self, info: DeviceInfo, dev: Any, sane: ModuleType) -> None:
        self.info = info
        self._dev = dev
        self._sane = sane

    # -- options -------------------------------------------------------------------------------------

    def _option(self, name: str) -> Any | None:
        opt = self._dev.opt.get(name)
        if opt is None or not opt.is_active() or not opt.is_settable():
            return None
        return opt

    def _choices(self, name: str) -> list[str]:
        opt = self._option(name)
        return list(opt.constraint) if opt is not None and isinstance(opt.constraint, list) else []

    def _resolutions(self) -> tuple[int, ...]:
        opt = self._option("resolution")
        if opt is None:
            return ()
        if isinstance(opt.constraint, list):
            return tuple(sorted({int(v) for v in opt.constraint}))
        if isinstance(opt.constraint, tuple):
            low, high = opt.constraint[0], opt.constraint[1]
            return tuple(v for v in (150, 200, 300, 400, 600) if low <= v <= high)
        return ()

    def capabilities(self) -> Capabilities:
        modes = _match_mode(self._choices("mode"))
        flatbed, simplex, duplex = _match_sources(self._choices("source"))
        sources = tuple(s for s, name in ((Source.FLATBED, flatbed), (Source.FEEDER, simplex or duplex)) if name)
        adf_modes = [m.lower() for m in self._choices("adf_mode")]
        return Capabilities(
            sources=sources or (Source.FLATBED,),
            color_modes=tuple(m for m in ColorMode if m in modes) or (ColorMode.GRAY,),
            resolutions=self._resolutions(),
            duplex=duplex is not None or "duplex" in adf_modes,
        )

    def _set(self, name: str, value: object, pages_done: int = 0) -> None:
        try:
            setattr(self._dev, name, value)
        except AttributeError:
            pass  # inactive or read-only on this backend: keep the device default
        except Exception as exc:
            raise self._translate(exc, pages_done) from exc

    def _nearest_resolution(self, wanted: int) -> float:
        opt = self._option("resolution")
        if opt is None:
            return wanted
        if isinstance(opt.constraint, list):
            values = sorted(opt.constraint)
            # Never go below what was asked: legibility is the point of the setting.
            higher = [v for v in values if v >= wanted]
            return higher[0] if higher else values[-1]
        if isinstance(opt.constraint, tuple):
            low, high = opt.constraint[0], opt.constraint[1]
            return min(max(wanted, low), high)
        return wanted

    def _apply(self, settings: ScanSettings) -> None:
        modes = _match_mode(self._choices("mode"))
        if settings.color_mode in modes:
            self._set("mode", modes[settings.color_mode])
        elif settings.color_mode is ColorMode.LINEART and ColorMode.GRAY in modes:
            self._set("mode", modes[ColorMode.GRAY])  # binarised later by app.imaging
        self._set("resolution", self._nearest_resolution(settings.resolution))

        flatbed, simplex, duplex = _match_sources(self._choices("source"))
        if settings.source is Source.FEEDER:
            name = (duplex if settings.duplex else None) or simplex or duplex
            if name is None and self._choices("source"):
                raise DeviceError(tr("Máy quét này không có khay nạp giấy. Hãy chọn quét mặt kính."))
            if name is not None:
                self._set("source", name)
            if settings.duplex and duplex is None and "Duplex" in self._choices("adf_mode"):
                self._set("adf_mode", "Duplex")
        elif flatbed is not None:
            self._set("source", flatbed)

        # Ask for the whole bed up to A4; many backends default to a small preview area.
        for name, edge in (("tl_x", None), ("tl_y", None), ("br_x", A4_MM[0]), ("br_y", A4_MM[1])):
            opt = self._option(name)
            if opt is not None and isinstance(opt.constraint, tuple):
                low, high = opt.constraint[0], opt.constraint[1]
                self._set(name, low if edge is None else min(edge, high))

    # -- scanning ------------------------------------------------------------------------------------

    def _translate(self, exc: BaseException, pages_done: int) -> BaseException:
        status = status_of(exc)
        detail = f"SANE {self.info.name}: {exc!r}"
        if status == CANCELLED:
            return Cancelled()
        if status == JAMMED:
            return scanner_jam(pages_done, detail)
        if status == COVER_OPEN:
            return cover_open(pages_done, detail)
        if status == NO_DOCS:
            return feeder_empty(detail)
        if status == DEVICE_BUSY:
            return device_busy(detail, pages_done)
        return device_failed(pages_done, detail)

    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        cancel = cancel or CancelToken()
        self._apply(settings)
        feeder = settings.source is Source.FEEDER
        resolution = int(round(float(getattr(self._dev, "resolution", settings.resolution) or settings.resolution)))
        index = 0
        cancel_sent = False

        def progress(_line: int, _total: int) -> None:
            # Called by python-sane after each line with the GIL held; sane_cancel makes the next
            # sane_read return SANE_STATUS_CANCELLED, which ends the page cleanly.
            nonlocal cancel_sent
            if cancel.cancelled and not cancel_sent:
                cancel_sent = True
                self._dev.cancel()

        try:
            while settings.max_pages is None or index < settings.max_pages:
                cancel.raise_if_cancelled()
                threads_before = _thread_count()
                try:
                    self._dev.start()
                    image = self._dev.snap(True, progress)
                except Cancelled:
                    raise
                except Exception as exc:
                    if feeder and index > 0 and status_of(exc) == NO_DOCS:
                        _wait_for_reader_exit(threads_before)
                        return  # the feeder ran out after at least one page: a normal end
                    raise self._translate(exc, index) from exc
                if cancel_sent:
                    raise Cancelled()
                _wait_for_reader_exit(threads_before)
                yield ScannedPage(
                    image=image,
                    index=index,
                    resolution=resolution,
                    back_side=settings.duplex and index % 2 == 1,
                    metadata={"device": self.info.id},
                )
                index += 1
                if not feeder:
                    return
        finally:
            # End the batch (SANE requires sane_cancel after the last frame of a feeder run).
            with contextlib.suppress(Exception):  # the device may already be gone
                self._dev.cancel()

    def set_backend_option(self, name: str, value: object) -> None:
        """Set a backend-specific option by its python-sane name (tests use it to simulate faults)."""
        setattr(self._dev, name, value)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a vanished device must not hide the real error
            self._dev.close()


class SaneDriver(ScannerDriver):
    name = "sane"

    def available(self) -> bool:
        try:
            _load()
        except DeviceError:
            return False
        return True

    def list_devices(self) -> list[DeviceInfo]:
        sane = _load()
        _ensure_init(sane)
        try:
            found = sane.get_devices()
        except Exception as exc:
            raise device_failed(0, repr(exc)) from exc
        return [
            DeviceInfo(id=f"{self.name}:{dev_name}", driver=self.name, name=dev_name, vendor=vendor, model=model)
            for dev_name, vendor, model, _kind in found
        ]

    def open(self, device_id: str) -> SaneScanner:
        sane = _load()
        _ensure_init(sane)
        local = self.local_name(device_id)
        known = {d.id: d for d in self.list_devices()}
        info = known.get(device_id) or DeviceInfo(id=device_id, driver=self.name, name=local)
        try:
            dev = sane.open(local)
        except Exception as exc:
            status = status_of(exc)
            if status == DEVICE_BUSY:
                raise device_busy(repr(exc)) from exc
            raise device_not_found(info.label, repr(exc)) from exc
        scanner = SaneScanner(info, dev, sane)
        return scanner
