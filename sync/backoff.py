"""Retry delays: full-jitter exponential backoff, capped, honouring the server's Retry-After.

Full jitter (a uniform draw between 0 and the exponential ceiling) spreads the retries of many counters that
lost the link at the same moment, so they do not all hit the provincial server again together.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

DEFAULT_BASE_S = 2.0
DEFAULT_CAP_S = 300.0
# A server asking for more than this is probably misconfigured; an hour still protects it.
MAX_RETRY_AFTER_S = 3600.0


def parse_retry_after(value: str | None, now_utc: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date); ``None`` if absent or bad."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now_utc = now_utc or datetime.now(UTC)
    return max(0.0, (when - now_utc).total_seconds())


@dataclass
class Backoff:
    """Delay before retry number ``attempt`` (1 = first retry). Deterministic with an injected ``rng``."""

    base_s: float = DEFAULT_BASE_S
    cap_s: float = DEFAULT_CAP_S
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, attempt: int) -> float:
        attempt = max(1, attempt)
        # Avoid float overflow for absurd attempt counts: past the cap the exponent no longer matters.
        exponent = min(attempt - 1, 64)
        return min(self.cap_s, self.base_s * (2.0 ** exponent))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Full jitter in ``[0, ceiling]``; a server's Retry-After is a floor we never go below."""
        jitter = self.rng.uniform(0.0, self.ceiling(attempt))
        if retry_after is not None:
            return max(min(retry_after, MAX_RETRY_AFTER_S), jitter)
        return jitter

    def next_time(self, now: datetime, attempt: int, retry_after: float | None = None) -> datetime:
        return now + timedelta(seconds=self.delay(attempt, retry_after))
