from __future__ import annotations

from datetime import datetime

import pytest

from app import clock


@pytest.fixture
def frozen_now():
    """Pin "now" so appointment dates are exact; tests move it by assigning ``frozen_now.value``."""

    class Frozen:
        value = datetime(2027, 3, 4, 9, 20)

    clock.set_clock(lambda: Frozen.value)
    yield Frozen
    clock.set_clock(None)
