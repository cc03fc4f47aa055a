"""Track reads on both databases: a scripted track goes in through ``record_positions`` and
comes back as arrays, windowed by time, per unit and for a group."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.persistence.units.tracks import ChunkedTracks, load_track, load_tracks, track_units
from commandcenter.testing.synthetic_tracks import Drive, Park, scripted_fixes, store_with_units
from commandcenter.tracks import epoch_seconds

START = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
LEGS: list[Park | Drive] = [Park(600), Drive(300, 36, 90), Park(900), Drive(300, 36, 0)]


@pytest.fixture
def two_units(store: Store) -> Store:
    store_with_units(store, [1, 2])
    record_positions(store, scripted_fixes(1, START, LEGS))
    record_positions(store, scripted_fixes(2, START, LEGS[:2], seed=3))
    return store


def test_a_track_comes_back_in_order_with_its_values(two_units: Store) -> None:
    fixes = scripted_fixes(1, START, LEGS)
    track = load_track(two_units, 1, START, START + timedelta(hours=1))
    assert len(track) == len(fixes) == 210
    assert track.ts[0] == pytest.approx(epoch_seconds(START), abs=1e-3)
    assert np.all(np.diff(track.ts) == pytest.approx(10.0, abs=1e-3))
    assert track.lon == pytest.approx([f.lon for f in fixes])
    assert track.lat == pytest.approx([f.lat for f in fixes])
    assert track.speed_kmh == pytest.approx([f.speed_kmh for f in fixes])
    assert track.heading_deg == pytest.approx([f.heading_deg for f in fixes])
    assert track.start == START


def test_the_period_bounds_are_inclusive_and_zone_aware(two_units: Store) -> None:
    shanghai = ZoneInfo("Asia/Shanghai")
    start = (START + timedelta(minutes=10)).astimezone(shanghai)  # same instant, +08:00
    track = load_track(two_units, 1, start, start + timedelta(minutes=5))
    assert len(track) == 31
    assert track.start == START + timedelta(minutes=10)
    assert track.end == START + timedelta(minutes=15)


def test_other_units_and_empty_periods_are_not_mixed_in(two_units: Store) -> None:
    assert len(load_track(two_units, 2, START, START + timedelta(hours=1))) == 90
    assert len(load_track(two_units, 1, START - timedelta(days=1), START - timedelta(hours=1))) == 0
    assert load_track(two_units, 99, START, START + timedelta(hours=1)).start is None


def test_a_group_loads_in_one_call(two_units: Store) -> None:
    tracks = load_tracks(two_units, [1, 2, 3], START, START + timedelta(hours=1))
    assert {unit: len(track) for unit, track in tracks.items()} == {1: 210, 2: 90, 3: 0}
    assert tracks[2].unit_id == 2


def test_chunked_tracks_give_the_same_tracks_one_chunk_at_a_time(store: Store) -> None:
    """The duty view's and daily summary's pass over a roster: the same tracks as one group read, never
    more than one chunk held, each chunk read once when asked in order, unknown units absent."""
    units = [5, 3, 1, 4, 2]
    store_with_units(store, units)
    for unit in units:
        record_positions(store, scripted_fixes(unit, START, LEGS[: 1 + unit % 4], seed=unit))
    end = START + timedelta(hours=1)
    whole = load_tracks(store, units, START, end)
    chunked = ChunkedTracks(store, [*units, 3], START, end, chunk=2)  # 3 twice: kept in its first chunk
    assert list(chunked) == units
    assert len(chunked) == 5
    for unit in units:
        assert chunked[unit].lon == pytest.approx(whole[unit].lon)
        assert chunked[unit].ts == pytest.approx(whole[unit].ts)
    assert chunked.reads == 3  # [5, 3], [1, 4], [2]
    assert chunked.get(99) is None
    assert len(chunked[3]) == len(whole[3])  # back to the first chunk: read again, same answer
    assert chunked.reads == 4


def test_units_to_pick_from(two_units: Store) -> None:
    units = track_units(two_units)
    assert [(u.id, u.label) for u in units] == [(1, "豫A·T0001"), (2, "豫A·T0002")]
    assert track_units(two_units, ["patroller"]) == []
