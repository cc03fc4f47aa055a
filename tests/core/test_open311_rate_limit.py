"""The per-key token bucket: a minute's worth at once, then the key's rate, each key on its own."""

from __future__ import annotations

from commandcenter.gateway.open311.rate_limit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(clock)
    assert all(limiter.allow(1, 60) for _ in range(60))
    assert not limiter.allow(1, 60)
    assert limiter.allow(2, 60)  # another key has its own bucket
    clock.now += 0.5
    assert not limiter.allow(1, 60)  # half a token
    clock.now += 0.5
    assert limiter.allow(1, 60)
    assert not limiter.allow(1, 60)
    clock.now += 3600
    assert sum(limiter.allow(1, 60) for _ in range(100)) == 60  # refills to the minute, no more
