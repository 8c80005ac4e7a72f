"""The scanner interface shared by every driver, its settings and page types, and its typed errors.

A scan is a generator of pages: the caller stores each page as it arrives, so a paper jam or an open
cover after page 7 still leaves pages 1-7 in the caller's hands. Errors are typed (never classified by
message text) and carry a Vietnamese message the UI shows as it is.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from types import TracebackType

from PIL import Image

from app.errors import Cancelled, UserError
from app.i18n import tr

# TT 01/2023 digitisation practice asks for at least 200 dpi.
DEFAULT_RESOLUTION = 200


class ColorMode(StrEnum):
    COLOR = "color"
    GRAY = "gray"
    LINEART = "lineart"


class Source(StrEnum):
    FLATBED = "flatbed"
    FEEDER = "feeder"


@dataclass(frozen=True)
class ScanSettings:
    """What one scan asks of a device; stored per device in the settings file."""

    resolution: int = DEFAULT_RESOLUTION
    color_mode: ColorMode = ColorMode.COLOR
    source: Source = Source.FEEDER
    duplex: bool = False
    # Stop a feeder run after this many sheets (None: until the feeder is empty).
    max_pages: int | None = None

    def __post_init__(self) -> None:
        if not 50 <= self.resolution <= 2400:
            raise ValueError(f"resolution out of range: {self.resolution}")
        if self.duplex and self.source is not Source.FEEDER:
            raise ValueError("duplex needs the feeder")


@dataclass(frozen=True)
class Capabilities:
    """What a device supports; the settings dialog offers only these."""

    sources: tuple[Source, ...] = (Source.FLATBED,)
    color_modes: tuple[ColorMode, ...] = (ColorMode.COLOR, ColorMode.GRAY)
    resolutions: tuple[int, ...] = (DEFAULT_RESOLUTION,)
    duplex: bool = False


@dataclass(frozen=True)
class DeviceInfo:
    """One device as one driver sees it. ``id`` is ``"<driver>:<driver's own name>"``."""

    id: str
    driver: str
    name: str
    vendor: str = ""
    model: str = ""
    serial: str | None = None
    capabilities: Capabilities | None = None  # None: only known once the device is opened

    @property
    def label(self) -> str:
        text = " ".join(part for part in (self.vendor, self.model) if part) or self.name
        return text


@dataclass
class ScannedPage:
    """One captured page side, as the device delivered it (no clean-up yet)."""

    image: Image.Image
    index: int  # 0-based position in this scan run
    resolution: int
    back_side: bool = False
    metadata: dict[str, str] = field(default_factory=dict)


class CancelToken:
    """Set from the GUI thread; drivers check it between pages and while reading a page."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


# --- errors -------------------------------------------------------------------------------------------


class DeviceError(UserError):
    """A device could not do what was asked. ``pages_done`` pages of this run were already delivered."""

    def __init__(self, message: str, *, detail: str | None = None, pages_done: int = 0) -> None:
        super().__init__(message, detail=detail)
        self.pages_done = pages_done


class DriverUnavailable(DeviceError):
    """The driver's native part (libsane, WIA, ...) is not installed on this computer."""


class DeviceNotFound(DeviceError):
    """The chosen device is not connected (any more)."""


class DeviceBusy(DeviceError):
    """Another program or scan is using the device."""


class FeederEmpty(DeviceError):
    """The feeder had no paper when the scan started."""


class ScannerJam(DeviceError):
    """Paper jammed in the feeder; pages before it were delivered and must be kept."""


class CoverOpen(DeviceError):
    """The scanner's cover or feeder door is open."""


def _kept(pages_done: int) -> str:
    if pages_done == 0:
        return tr("Chưa có trang nào được quét.")
    return tr("{n} trang đã quét trước đó vẫn được giữ.", n=pages_done)


def driver_unavailable(driver: str, detail: str | None = None) -> DriverUnavailable:
    return DriverUnavailable(
        tr("Chưa cài trình điều khiển máy quét {driver} trên máy tính này. Có thể nhập ảnh hoặc PDF từ tệp.", driver=driver),
        detail=detail,
    )


def device_not_found(name: str, detail: str | None = None) -> DeviceNotFound:
    return DeviceNotFound(
        tr("Không tìm thấy máy quét {name}. Hãy kiểm tra cáp, nguồn điện rồi chọn lại máy quét.", name=name),
        detail=detail,
    )


def device_busy(detail: str | None = None, pages_done: int = 0) -> DeviceBusy:
    return DeviceBusy(
        tr("Máy quét đang bận (có thể chương trình khác đang dùng). Hãy đợi một lát rồi thử lại."),
        detail=detail,
        pages_done=pages_done,
    )


def feeder_empty(detail: str | None = None) -> FeederEmpty:
    return FeederEmpty(
        tr("Khay nạp giấy không có giấy. Hãy đặt giấy vào khay rồi quét lại, hoặc chọn quét mặt kính."),
        detail=detail,
    )


def scanner_jam(pages_done: int, detail: str | None = None) -> ScannerJam:
    return ScannerJam(
        tr("Kẹt giấy trong khay nạp. {kept} Hãy gỡ tờ bị kẹt rồi quét tiếp từ tờ đó.", kept=_kept(pages_done)),
        detail=detail,
        pages_done=pages_done,
    )


def cover_open(pages_done: int, detail: str | None = None) -> CoverOpen:
    return CoverOpen(
        tr("Nắp máy quét đang mở. {kept} Hãy đóng nắp rồi quét tiếp.", kept=_kept(pages_done)),
        detail=detail,
        pages_done=pages_done,
    )


def device_failed(pages_done: int, detail: str | None = None) -> DeviceError:
    return DeviceError(
        tr("Máy quét báo lỗi. {kept} Hãy tắt, bật lại máy quét rồi thử lại.", kept=_kept(pages_done)),
        detail=detail,
        pages_done=pages_done,
    )


# --- interfaces ---------------------------------------------------------------------------------------


class Scanner(ABC):
    """An opened device. Not thread-safe: use it from the device lane only."""

    info: DeviceInfo

    @abstractmethod
    def capabilities(self) -> Capabilities: ...

    @abstractmethod
    def scan(self, settings: ScanSettings, cancel: CancelToken | None = None) -> Iterator[ScannedPage]:
        """Yield pages one at a time as the device delivers them.

        Raises :class:`DeviceError` subclasses (``pages_done`` tells how many pages were yielded before
        the failure) or :class:`app.errors.Cancelled`. A flatbed run yields one page.
        """

    def close(self) -> None:  # noqa: B027 - most drivers have nothing to release
        """Release the device."""

    def __enter__(self) -> Scanner:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class ScannerDriver(ABC):
    """One way of reaching scanners (one protocol). ``name`` prefixes the ids of its devices."""

    name: str

    @abstractmethod
    def available(self) -> bool:
        """Whether the native part is present; never raises."""

    @abstractmethod
    def list_devices(self) -> list[DeviceInfo]:
        """Devices reachable now; raises :class:`DriverUnavailable` if the driver is missing."""

    @abstractmethod
    def open(self, device_id: str) -> Scanner:
        """Open a device by its full id (``"<driver>:..."``)."""

    def local_name(self, device_id: str) -> str:
        prefix = f"{self.name}:"
        if not device_id.startswith(prefix):
            raise ValueError(f"{device_id!r} is not a {self.name} device id")
        return device_id[len(prefix) :]
