"""Each API key's rate, kept in the process: a token bucket of ``rate_per_minute`` tokens, refilled
continuously, so a client may burst up to its minute's worth and then sends at its rate. Several
gateway processes — on other hosts, or this gateway's ``workers`` — each allow the full rate (a limit
per process, not a shared counter: it guards the process and the database against a runaway client,
it is no billing meter; a shared one would put a database round trip, and one hot row per key, in
front of every report)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._buckets: dict[int, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, key_id: int, per_minute: int) -> bool:
        """Take one token from the key's bucket; False when it is empty (answer 429)."""
        now = self._clock()
        capacity = float(max(per_minute, 1))
        with self._lock:
            bucket = self._buckets.get(key_id)
            if bucket is None:
                bucket = self._buckets[key_id] = _Bucket(capacity, now)
            refill = (now - bucket.updated) * capacity / 60.0
            bucket.tokens, bucket.updated = min(capacity, bucket.tokens + refill), now
            if bucket.tokens < 1.0:
                return False
            bucket.tokens -= 1.0
            return True
