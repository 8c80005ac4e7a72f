"""Find scanners across drivers and open one by id: the one factory the rest of the app uses.

A network scanner is often visible twice (e.g. through its vendor's SANE backend and through eSCL, or
through WIA and a vendor driver). :func:`list_scanners` merges such routes into one
:class:`PhysicalScanner` so the official picks a machine, not a protocol.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.devices.base import DeviceError, DeviceInfo, Scanner, ScannerDriver, device_not_found
from app.devices.scanner_files import FILES_DEVICE_ID, FileScanner

# Vendor names as different drivers report them.
_VENDOR_ALIASES = {
    "hewlett-packard": "hp",
    "hewlett packard": "hp",
    "hp inc": "hp",
    "seiko epson": "epson",
    "epson corporation": "epson",
    "canon inc": "canon",
    "brother industries": "brother",
    "fujitsu limited": "fujitsu",
    "pfu": "fujitsu",
    "kodak alaris": "kodak",
}
# Preferred route when one scanner is reachable several ways: native vendor drivers give feeder and
# duplex control more reliably than generic network protocols.
_DRIVER_PRIORITY = {"wia": 0, "sane": 1}


def normalise_vendor(vendor: str) -> str:
    text = re.sub(r"[.,]|\b(co|ltd|inc|corp|corporation)\b", " ", vendor.lower())
    text = " ".join(text.split())
    for alias, canonical in _VENDOR_ALIASES.items():
        if text.startswith(alias):
            return canonical
    return text.split(" ")[0] if text else ""


def normalise_model(model: str, vendor: str) -> str:
    text = model.lower()
    for word in {vendor.lower(), normalise_vendor(vendor), "series", "scanner", "usb", "network", "escl", "airscan"}:
        if word:
            text = text.replace(word, " ")
    return re.sub(r"[^0-9a-z]", "", text)


@dataclass
class PhysicalScanner:
    """One machine with the routes (driver devices) that reach it, best route first."""

    routes: list[DeviceInfo] = field(default_factory=list)

    @property
    def preferred(self) -> DeviceInfo:
        return self.routes[0]

    @property
    def label(self) -> str:
        return self.preferred.label


def _key(info: DeviceInfo) -> tuple[str, str]:
    return normalise_vendor(info.vendor), normalise_model(info.model, info.vendor)


def merge_devices(devices: Sequence[DeviceInfo]) -> list[PhysicalScanner]:
    """Group routes to the same machine.

    Same vendor and model merge when the serials agree, or when a serial is missing on one side and that
    vendor/model appears only once per driver (two identical machines without serials stay apart).
    """
    per_driver: dict[tuple[str, str, str], int] = {}
    for info in devices:
        key = (info.driver, *_key(info))
        per_driver[key] = per_driver.get(key, 0) + 1

    groups: list[PhysicalScanner] = []
    for info in devices:
        vendor, model = _key(info)
        target = None
        if model:
            for group in groups:
                other = group.routes[0]
                if _key(other) != (vendor, model) or any(r.driver == info.driver for r in group.routes):
                    continue
                if info.serial and other.serial:
                    if info.serial.strip().lower() == other.serial.strip().lower():
                        target = group
                        break
                elif per_driver[(info.driver, vendor, model)] == 1 and per_driver[(other.driver, vendor, model)] == 1:
                    target = group
                    break
        if target is None:
            groups.append(PhysicalScanner([info]))
        else:
            target.routes.append(info)
    for group in groups:
        group.routes.sort(key=lambda r: _DRIVER_PRIORITY.get(r.driver, 9))
    return groups


def default_drivers() -> list[ScannerDriver]:
    if sys.platform == "win32":
        from app.devices.scanner_wia import WiaDriver

        return [WiaDriver()]
    from app.devices.scanner_sane import SaneDriver

    return [SaneDriver()]


@dataclass
class ScannerList:
    scanners: list[PhysicalScanner]
    errors: list[DeviceError]  # drivers that failed or are missing, to show beside the list


def list_scanners(drivers: Sequence[ScannerDriver] | None = None) -> ScannerList:
    """All scanners from all drivers; a broken driver becomes an entry in ``errors``, not an exception."""
    found: list[DeviceInfo] = []
    errors: list[DeviceError] = []
    for driver in default_drivers() if drivers is None else drivers:
        try:
            found.extend(driver.list_devices())
        except DeviceError as exc:
            errors.append(exc)
    return ScannerList(merge_devices(found), errors)


def open_scanner(device_id: str, drivers: Sequence[ScannerDriver] | None = None) -> Scanner:
    """Open a device by the id stored in the settings (``"sane:…"``, ``"wia:…"``)."""
    for driver in default_drivers() if drivers is None else drivers:
        if device_id.startswith(f"{driver.name}:"):
            return driver.open(device_id)
    raise device_not_found(device_id)


def open_files(paths: Sequence[str]) -> FileScanner:
    """The file/folder importer, which needs no driver."""
    return FileScanner([Path(p) for p in paths])


__all__ = ["FILES_DEVICE_ID", "PhysicalScanner", "ScannerList", "list_scanners", "merge_devices", "open_files", "open_scanner"]
