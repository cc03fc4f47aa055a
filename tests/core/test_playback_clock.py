"""The playback window's clock: recorded time runs at the chosen speed, stands while paused."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandcenter.catalog.playback_clock import PlaybackClock
from commandcenter.district_time import district_clock

START = datetime(2026, 12, 2, 9, 0, tzinfo=district_clock().zone)


def test_recorded_time_runs_with_speed_and_stands_while_paused() -> None:
    wall = [100.0]
    clock = PlaybackClock(START, now=lambda: wall[0])
    wall[0] += 10
    assert clock.position() == START + timedelta(seconds=10)
    clock.set_speed(8)
    wall[0] += 5
    assert clock.position() == START + timedelta(seconds=50)
    clock.pause()
    wall[0] += 60
    assert clock.position() == START + timedelta(seconds=50)
    clock.resume()
    wall[0] += 1
    assert clock.position() == START + timedelta(seconds=58)
    clock.seek(START + timedelta(minutes=30))
    assert clock.position() == START + timedelta(minutes=30)
