"""Live units as arrays: state (moving / stopped / offline, loaded / empty), filters, search, and the
GCJ-02 shift that keeps a unit on its road over an AMap base map."""

from __future__ import annotations

import itertools
import math
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import UnitPosition
from commandcenter.geo.datum import wgs84_to_gcj02
from commandcenter.geo.datum_arrays import wgs84_to_gcj02_arrays
from commandcenter.geo.mercator import lonlat_to_mercator_arrays
from commandcenter.mapping.polylines import joined_polylines, line_count
from commandcenter.mapping.projection import project
from commandcenter.mapping.unit_frame import KINDS, Load, MotionState, UnitFilter, style_index, unit_frame

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
PATROLLER, TRUCK, CAR = UnitKind.PATROLLER.value, UnitKind.MUCK_TRUCK.value, UnitKind.ENFORCEMENT.value


def unit(
    unit_id: int,
    kind: str = PATROLLER,
    *,
    label: str = "张伟",
    speed: float = 4.0,
    age_s: float = 5.0,
    state: str | None = None,
    office: int | None = 1,
    placed: bool = True,
) -> UnitPosition:
    ts = NOW - timedelta(seconds=age_s)
    lon, lat = (113.62 + unit_id * 1e-3, 34.72) if placed else (None, None)
    return UnitPosition(unit_id, kind, label, office, ts.replace(tzinfo=None), lon, lat, speed, 90.0, state)


def test_state_comes_from_speed_and_the_age_of_the_last_fix() -> None:
    frame = unit_frame(
        [unit(1, speed=4.0), unit(2, speed=0.2), unit(3, speed=4.0, age_s=301), unit(4, placed=False)],
        NOW,
        offline_after_s=300,
    )
    assert frame.ids.tolist() == [1, 2, 3]  # a unit that never reported a place is not drawn
    assert frame.state.tolist() == [MotionState.MOVING, MotionState.STOPPED, MotionState.OFFLINE]
    assert frame.ts[0] == pytest.approx((NOW - timedelta(seconds=5)).timestamp())  # naive SQLite time is UTC


def test_trucks_are_loaded_or_empty_as_reported_else_by_their_id() -> None:
    frame = unit_frame(
        [
            unit(1, TRUCK, state="loaded"),
            unit(2, TRUCK, state="empty"),
            unit(3, TRUCK),
            unit(4, TRUCK),
            unit(5),
        ],
        NOW,
    )
    assert frame.load.tolist() == [Load.LOADED, Load.EMPTY, Load.LOADED, Load.EMPTY, Load.NONE]
    again = unit_frame([unit(3, TRUCK), unit(4, TRUCK)], NOW)
    assert again.load.tolist() == [Load.LOADED, Load.EMPTY]


def test_every_kind_state_and_load_has_its_own_icon() -> None:
    combos = {(k, s, ld) for k in range(len(KINDS)) for s in MotionState for ld in Load}
    assert len({style_index(*combo) for combo in combos}) == len(combos)
    frame = unit_frame([unit(1, TRUCK, state="loaded", speed=0.0), unit(2, CAR)], NOW)
    assert frame.styles().tolist() == [
        style_index(1, MotionState.STOPPED, Load.LOADED),
        style_index(2, MotionState.MOVING, Load.NONE),
    ]


def test_filters_combine_kind_state_and_office() -> None:
    frame = unit_frame(
        [unit(1), unit(2, TRUCK), unit(3, speed=0.0, office=2), unit(4, CAR, office=None), unit(5, office=2)],
        NOW,
    )
    assert UnitFilter().mask(frame).all()
    assert frame.ids[UnitFilter(kinds=[0]).mask(frame)].tolist() == [1, 3, 5]
    assert frame.ids[UnitFilter(kinds=[0], offices=[2]).mask(frame)].tolist() == [3, 5]
    assert frame.ids[UnitFilter(states=[MotionState.STOPPED]).mask(frame)].tolist() == [3]
    assert frame.ids[UnitFilter(kinds=[1], offices=[2]).mask(frame)].tolist() == []


def test_search_finds_plates_and_names_exact_match_first() -> None:
    frame = unit_frame(
        [
            unit(1, label="张伟伟"),
            unit(2, label="张伟"),
            unit(3, TRUCK, label="豫A·D1234"),
            unit(4, label="李张伟"),
        ],
        NOW,
    )
    assert frame.ids[frame.search("张伟")].tolist() == [2, 1, 4]
    assert frame.ids[frame.search(" 豫a·d12 ")].tolist() == [3]  # case-insensitive, trimmed
    assert frame.search("王").size == 0
    assert frame.search("  ").size == 0
    assert frame.index_of(3) == 2
    assert frame.index_of(99) is None


def test_vectorised_gcj02_matches_the_reference_formula() -> None:
    lons = np.linspace(113.4, 113.9, 7)
    lats = np.linspace(34.5, 34.9, 7)
    gcj_lon, gcj_lat = wgs84_to_gcj02_arrays(lons, lats)
    for lon, lat, got_lon, got_lat in zip(lons, lats, gcj_lon, gcj_lat, strict=True):
        assert (got_lon, got_lat) == pytest.approx(wgs84_to_gcj02(lon, lat), abs=1e-12)
    outside_lon, outside_lat = wgs84_to_gcj02_arrays([2.35, np.nan], [48.85, np.nan])
    assert outside_lon[0] == 2.35
    assert outside_lat[0] == 48.85
    assert np.isnan(outside_lon[1])


def _distance_to_line(px: float, py: float, xs: np.ndarray, ys: np.ndarray) -> float:
    best = math.inf
    points = [(x, y) for x, y in zip(xs, ys, strict=True) if not math.isnan(x)]
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def test_a_unit_on_its_road_stays_on_it_over_a_gcj02_base_map() -> None:
    road = [[113.650, 34.740], [113.651, 34.750], [113.6505, 34.760]]  # runs north; GCJ-02 shifts east
    on_road = UnitPosition(7, PATROLLER, "张伟", 1, NOW, 113.65075, 34.755, 4.0, 0.0, None)  # mid 2nd leg
    road_x, road_y = joined_polylines([road], "gcj02")
    frame = unit_frame([on_road], NOW, datum="gcj02")
    assert _distance_to_line(frame.x[0], frame.y[0], road_x, road_y) < 1.0
    # the defect this prevents: a WGS-84 unit over GCJ-02 tiles lands hundreds of metres away
    raw_x, raw_y = lonlat_to_mercator_arrays([on_road.lon], [on_road.lat])
    assert _distance_to_line(raw_x[0], raw_y[0], road_x, road_y) > 300
    assert (frame.lon[0], frame.lat[0]) == (on_road.lon, on_road.lat)  # cards keep the stored WGS-84


def test_joined_polylines_break_between_lines_and_project_like_points() -> None:
    x, y = joined_polylines(
        [[[113.6, 34.7], [113.61, 34.71]], [[113.62, 34.72], [113.63, 34.73], [113.64, 34.7]]]
    )
    assert line_count(x) == 2
    assert len(x) == 7
    assert np.isnan(x[2])
    assert np.isnan(y[-1])
    expected_x, expected_y = project([113.6], [34.7])
    assert (x[0], y[0]) == (expected_x[0], expected_y[0])
    with pytest.raises(ValueError, match="bd09"):
        project([113.6], [34.7], "bd09")
