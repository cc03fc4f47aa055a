"""Trips and stops of scripted tracks, read back from both databases, and the playback clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.geo import haversine_m
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.persistence.units.tracks import load_track
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes, store_with_units
from commandcenter.tracks import PlaybackClock, Track, epoch_seconds, segment_track

START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
T0 = epoch_seconds(START)


def _stored_track(store: Store, legs: list[Park | Drive]) -> Track:
    store_with_units(store, [1])
    record_positions(store, scripted_fixes(1, START, legs))
    return load_track(store, 1, START, START + timedelta(days=1))


def test_parked_drive_parked_drive_gives_two_stops_and_two_trips(store: Store) -> None:
    track = _stored_track(store, [Park(600), Drive(300, 36, 90), Park(900), Drive(300, 36, 0)])
    result = segment_track(track)
    # the arriving fix (890 s) already stands where the truck parks, so the second stop starts there
    assert [(s.start - T0, round(s.duration_s)) for s in result.stops] == [(0, 590), (890, 900)]
    assert len(result.trips) == 2
    first, second = result.trips
    assert first.start == result.stops[0].end
    assert first.end == result.stops[1].start
    assert first.distance_m == pytest.approx(3000, rel=0.02)  # 300 s at 10 m/s, plus a few metres of drift
    assert first.max_speed_kmh == pytest.approx(36)
    assert second.end - T0 == pytest.approx(2090)
    east = haversine_m(track.lon[0], track.lat[0], result.stops[1].lon, track.lat[0])
    assert east == pytest.approx(3000, abs=30)  # the second stop is 3 km east of the first


def test_a_short_halt_is_part_of_the_trip(store: Store) -> None:
    track = _stored_track(store, [Drive(300, 30, 90), Park(120), Drive(300, 30, 90)])
    result = segment_track(track)
    assert result.stops == []
    assert len(result.trips) == 1
    assert result.trips[0].distance_m == pytest.approx(5000, rel=0.02)


def test_slow_walking_is_a_trip_but_lingering_is_a_stop() -> None:
    """A patroller walking at 4 km/h leaves any 50 m circle; lingering at 1 km/h within it is a stop
    even though the speed alone (1 km/h < 3 km/h) would say so too, and a radius would as well."""
    fixes = scripted_fixes(1, START, [Drive(900, 4, 0), Drive(900, 0.1, 0), Drive(900, 4, 0)])
    rows = [(epoch_seconds(f.ts), f.lon, f.lat, f.speed_kmh, f.heading_deg) for f in fixes]
    result = segment_track(Track.from_rows(1, rows), speed_kmh=3.0, radius_m=50)
    (stop,) = result.stops  # walking fixes within 50 m of the lingering spot belong to it: ±45 s
    assert stop.start - T0 == pytest.approx(900, abs=45)
    assert stop.end - T0 == pytest.approx(1790, abs=45)
    assert [round(t.distance_m) for t in result.trips] == [pytest.approx(1000, abs=60)] * 2


def test_a_moving_unit_with_parked_gps_speeds_is_caught_by_the_radius() -> None:
    """Drift that reports 5 km/h while parked: the speed test misses it, the 50 m circle does not."""
    fixes = scripted_fixes(1, START, [Drive(300, 40, 90), Park(600), Drive(300, 40, 90)])
    rows = [(epoch_seconds(f.ts), f.lon, f.lat, 5.0 if f.speed_kmh < 5 else f.speed_kmh, 0.0) for f in fixes]
    result = segment_track(Track.from_rows(1, rows), speed_kmh=3.0)
    assert len(result.stops) == 1
    assert result.stops[0].duration_s >= 590


def test_too_short_tracks_have_nothing() -> None:
    assert segment_track(Track.empty(1)).trips == []


def test_playback_clock_interpolates_and_runs_to_the_end(store: Store) -> None:
    track = _stored_track(store, [Drive(100, 36, 90)])
    clock = PlaybackClock([track])
    assert (clock.start, clock.end) == (T0, T0 + 90)
    clock.speed = 16
    clock.advance(0.3125)  # 5 s of track
    (point,) = clock.frame()
    assert point.unit_id == 1
    assert point.heading_deg == 90
    east = haversine_m(track.lon[0], track.lat[0], point.lon, track.lat[0])
    assert east == pytest.approx(50, abs=0.5)  # 5 s after the first fix at 10 m/s
    clock.seek_fraction(0.5)
    assert clock.fraction == 0.5
    assert not clock.finished
    clock.speed = 64
    clock.advance(10)
    assert clock.finished
    assert clock.now == clock.end
    assert clock.frame()[0].lon == pytest.approx(track.lon[-1])


def test_a_group_shows_units_from_their_first_fix_and_holds_them_after_their_last() -> None:
    def track(unit: int, offset_s: float) -> Track:
        fixes = scripted_fixes(unit, START + timedelta(seconds=offset_s), [Drive(60, 36, 0)])
        return Track.from_rows(
            unit, [(epoch_seconds(f.ts), f.lon, f.lat, f.speed_kmh, f.heading_deg) for f in fixes]
        )

    early, late = track(1, 0), track(2, 100)
    clock = PlaybackClock([early, late])
    assert [p.unit_id for p in clock.frame()] == [1]  # unit 2 has not started
    clock.seek(clock.end)
    held = {p.unit_id: (p.lon, p.lat) for p in clock.frame()}
    assert held[1] == (early.lon[-1], early.lat[-1])
