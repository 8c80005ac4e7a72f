"""In-memory scanner for tests and demos: scripted pages, jams and covers, no hardware."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PIL import Image

from app.devices.base import (
    CancelToken,
    Capabilities,
    ColorMode,
    DeviceInfo,
    ScannedPage,
    Scanner,
    ScannerDriver,
    ScanSettings,
    Source,
    cover_open,
    device_not_found,
    feeder_empty,
    scanner_jam,
)


class FakeScanner(Scanner):
    def __init__(
        self,
        info: DeviceInfo,
        pages: Sequence[Image.Image] = (),
        *,
        jam_at: int | None = None,
        cover_open_at: int | None = None,
    ) -> None:
        self.info = info
        self.pages = list(pages) or [Image.new("L", (1654, 2339), 255)]
        self.jam_at = jam_at
        self.cover_open_at = cover_open_at

    def capabilities(self) -> Capabilities:
        return Capabilities(
            sources=(Source.FLATBED, Source.FEEDER),
            color_modes=(ColorMode.COLOR, ColorMode.GRAY),
            resolutions=(200, 300),
            duplex=True,
        )

    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        cancel = cancel or CancelToken()
        count = len(self.pages) if settings.source is Source.FEEDER else 1
        if settings.max_pages is not None:
            count = min(count, settings.max_pages)
        if settings.source is Source.FEEDER and not self.pages:
            raise feeder_empty()
        for index in range(count):
            cancel.raise_if_cancelled()
            if index == self.jam_at:
                raise scanner_jam(index)
            if index == self.cover_open_at:
                raise cover_open(index)
            yield ScannedPage(self.pages[index], index, settings.resolution, settings.duplex and index % 2 == 1)


class FakeDriver(ScannerDriver):
    def __init__(self, name: str, devices: Sequence[DeviceInfo], *, factory: Callable[[DeviceInfo], Scanner] | None = None) -> None:
        self.name = name
        self.devices = list(devices)
        self._factory = factory or (lambda info: FakeScanner(info))

    def available(self) -> bool:
        return True

    def list_devices(self) -> list[DeviceInfo]:
        return list(self.devices)

    def open(self, device_id: str) -> Scanner:
        for info in self.devices:
            if info.id == device_id:
                return self._factory(info)
        raise device_not_found(device_id)
