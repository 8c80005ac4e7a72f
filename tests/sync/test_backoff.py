from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from sync.backoff import Backoff, parse_retry_after


def test_full_jitter_is_capped_and_deterministic_with_a_seeded_rng():
    a = Backoff(base_s=2, cap_s=300, rng=random.Random(1))
    b = Backoff(base_s=2, cap_s=300, rng=random.Random(1))
    delays = [a.delay(n) for n in range(1, 30)]
    assert delays == [b.delay(n) for n in range(1, 30)]
    assert all(0 <= d <= min(300, 2 * 2 ** (n - 1)) for n, d in enumerate(delays, start=1))
    assert a.ceiling(1) == 2 and a.ceiling(5) == 32 and a.ceiling(100) == 300
    assert max(delays[10:]) > 30  # really exponential, not stuck at the base


def test_retry_after_is_a_floor_in_seconds_or_http_date():
    now = datetime(2027, 3, 4, 2, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True), now) == 90
    assert parse_retry_after(format_datetime(now - timedelta(seconds=90), usegmt=True), now) == 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    backoff = Backoff(rng=random.Random(3))
    assert backoff.delay(1, retry_after=45) == 45
    assert backoff.delay(1, retry_after=10**9) == 3600  # a wild header cannot park the queue for ever
    at = backoff.next_time(datetime(2027, 3, 4, 9, 0), 1, retry_after=30)
    assert at == datetime(2027, 3, 4, 9, 0, 30)
