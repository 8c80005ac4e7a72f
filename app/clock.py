"""The one source of "now" (local wall-clock time), replaceable in tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

_now: Callable[[], datetime] = datetime.now


def now() -> datetime:
    return _now().replace(microsecond=0)


def set_clock(func: Callable[[], datetime] | None) -> None:
    global _now
    _now = func or datetime.now
