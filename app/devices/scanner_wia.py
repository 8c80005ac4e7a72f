"""Scanners on Windows through WIA (Windows Image Acquisition) via COM.

Uses the WIA Automation Layer (``WIA.DeviceManager``, part of Windows since Vista), which drives WIA 2.0
scanner drivers. ``win32com`` is imported only inside Windows-only code paths, so this module imports on
any platform. It has not been run on this repository's Linux test machine: the pure parts (error codes,
property values) are unit-tested, the COM calls must be checked on a Windows PC with a real scanner.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from typing import Any

from PIL import Image

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

# WIA property ids (wiadef.h) and values.
WIA_DIP_DEV_ID = 2
WIA_DIP_VEND_DESC = 3
WIA_DIP_DEV_DESC = 4
WIA_DIP_DEV_NAME = 7
WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES = 3086
WIA_DPS_DOCUMENT_HANDLING_SELECT = 3088
WIA_DPS_PAGES = 3096
WIA_IPS_CUR_INTENT = 6146
WIA_IPS_XRES = 6147
WIA_IPS_YRES = 6148
FEEDER, FLATBED, DUPLEX = 0x001, 0x002, 0x004
INTENT = {ColorMode.COLOR: 0x1, ColorMode.GRAY: 0x2, ColorMode.LINEART: 0x4}
SCANNER_DEVICE_TYPE = 1
FORMAT_BMP = "{B96B3CAB-0728-11D3-9D7B-0000F81EF32E}"

# HRESULTs from wiadef.h, as unsigned 32-bit values.
WIA_ERROR_GENERAL_ERROR = 0x80210001
WIA_ERROR_PAPER_JAM = 0x80210002
WIA_ERROR_PAPER_EMPTY = 0x80210003
WIA_ERROR_OFFLINE = 0x80210005
WIA_ERROR_BUSY = 0x80210006
WIA_ERROR_DEVICE_COMMUNICATION = 0x8021000A
WIA_ERROR_DEVICE_LOCKED = 0x8021000D
WIA_S_NO_DEVICE_AVAILABLE = 0x80210015
WIA_ERROR_COVER_OPEN = 0x80210016
E_ABORT = 0x80004004  # the user pressed cancel in the driver's own UI


def translate_hresult(hresult: int, pages_done: int, detail: str | None = None) -> BaseException | None:
    """Typed error for a WIA HRESULT; None for "feeder empty after some pages", which is a normal end."""
    code = hresult & 0xFFFFFFFF
    if code == WIA_ERROR_PAPER_EMPTY:
        return None if pages_done else feeder_empty(detail)
    if code == WIA_ERROR_PAPER_JAM:
        return scanner_jam(pages_done, detail)
    if code == WIA_ERROR_COVER_OPEN:
        return cover_open(pages_done, detail)
    if code in (WIA_ERROR_BUSY, WIA_ERROR_DEVICE_LOCKED):
        return device_busy(detail, pages_done)
    if code in (WIA_ERROR_OFFLINE, WIA_S_NO_DEVICE_AVAILABLE, WIA_ERROR_DEVICE_COMMUNICATION):
        return device_not_found("WIA", detail) if not pages_done else device_failed(pages_done, detail)
    if code == E_ABORT:
        return Cancelled()
    return device_failed(pages_done, detail)


def _hresult_of(exc: BaseException) -> int:
    # pywintypes.com_error: (hresult, text, excepinfo, argerr); the driver's code is in excepinfo[5].
    args = getattr(exc, "args", ())
    if len(args) >= 3 and args[2] and len(args[2]) > 5 and args[2][5]:
        return int(args[2][5])
    return int(args[0]) if args and isinstance(args[0], int) else WIA_ERROR_GENERAL_ERROR


def _client() -> Any:
    if sys.platform != "win32":
        raise driver_unavailable("WIA", detail="WIA exists only on Windows")
    try:
        import win32com.client  # Windows-only dependency (pywin32)
    except ImportError as exc:
        raise driver_unavailable("WIA", detail=repr(exc)) from exc
    return win32com.client


def _prop(props: Any, prop_id: int) -> Any:
    for prop in props:
        if prop.PropertyID == prop_id:
            return prop
    return None


class WiaScanner(Scanner):
    def __init__(self, info: DeviceInfo, device: Any) -> None:
        self.info = info
        self._device = device

    def capabilities(self) -> Capabilities:
        caps_prop = _prop(self._device.Properties, WIA_DPS_DOCUMENT_HANDLING_CAPABILITIES)
        caps = int(caps_prop.Value) if caps_prop is not None else FLATBED
        sources = tuple(s for s, bit in ((Source.FLATBED, FLATBED), (Source.FEEDER, FEEDER)) if caps & bit)
        return Capabilities(
            sources=sources or (Source.FLATBED,),
            color_modes=(ColorMode.COLOR, ColorMode.GRAY, ColorMode.LINEART),
            resolutions=(150, 200, 300),
            duplex=bool(caps & DUPLEX),
        )

    def _set(self, props: Any, prop_id: int, value: int) -> None:
        prop = _prop(props, prop_id)
        if prop is not None:
            prop.Value = value

    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        cancel = cancel or CancelToken()
        feeder = settings.source is Source.FEEDER
        handling = (FEEDER | (DUPLEX if settings.duplex else 0)) if feeder else FLATBED
        try:
            self._set(self._device.Properties, WIA_DPS_DOCUMENT_HANDLING_SELECT, handling)
            self._set(self._device.Properties, WIA_DPS_PAGES, 1)  # one page per Transfer call
            item = self._device.Items[1]
            self._set(item.Properties, WIA_IPS_CUR_INTENT, INTENT[settings.color_mode])
            self._set(item.Properties, WIA_IPS_XRES, settings.resolution)
            self._set(item.Properties, WIA_IPS_YRES, settings.resolution)
        except Exception as exc:
            raise translate_hresult(_hresult_of(exc), 0, repr(exc)) or device_failed(0) from exc
        index = 0
        while settings.max_pages is None or index < settings.max_pages:
            cancel.raise_if_cancelled()
            try:
                picture = item.Transfer(FORMAT_BMP)
                data = bytes(picture.FileData.BinaryData)
            except Exception as exc:
                error = translate_hresult(_hresult_of(exc), index, repr(exc))
                if error is None:
                    return
                raise error from exc
            image = Image.open(io.BytesIO(data))
            image.load()
            yield ScannedPage(
                image=image,
                index=index,
                resolution=settings.resolution,
                back_side=settings.duplex and index % 2 == 1,
                metadata={"device": self.info.id},
            )
            index += 1
            if not feeder:
                return


class WiaDriver(ScannerDriver):
    name = "wia"

    def available(self) -> bool:
        try:
            _client()
        except DeviceError:
            return False
        return True

    def _manager(self) -> Any:
        client = _client()
        try:
            return client.Dispatch("WIA.DeviceManager")
        except Exception as exc:
            raise driver_unavailable("WIA", detail=repr(exc)) from exc

    def list_devices(self) -> list[DeviceInfo]:
        devices = []
        for info in self._manager().DeviceInfos:
            if info.Type != SCANNER_DEVICE_TYPE:
                continue
            props = info.Properties
            name = _prop(props, WIA_DIP_DEV_NAME)
            vendor = _prop(props, WIA_DIP_VEND_DESC)
            desc = _prop(props, WIA_DIP_DEV_DESC)
            devices.append(
                DeviceInfo(
                    id=f"{self.name}:{info.DeviceID}",
                    driver=self.name,
                    name=str(name.Value) if name else str(info.DeviceID),
                    vendor=str(vendor.Value) if vendor else "",
                    model=str(desc.Value) if desc else "",
                )
            )
        return devices

    def open(self, device_id: str) -> WiaScanner:
        local = self.local_name(device_id)
        for info in self._manager().DeviceInfos:
            if info.DeviceID == local:
                try:
                    device = info.Connect()
                except Exception as exc:
                    raise translate_hresult(_hresult_of(exc), 0, repr(exc)) or device_failed(0) from exc
                known = {d.id: d for d in self.list_devices()}
                return WiaScanner(known.get(device_id) or DeviceInfo(device_id, self.name, local), device)
        raise device_not_found(local)
