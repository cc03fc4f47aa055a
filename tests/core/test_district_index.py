"""The in-memory district index against brute force over the real seed-scale demo district."""

from __future__ import annotations

import random
from datetime import timedelta

from commandcenter.cases.district_index import DistrictIndex
from commandcenter.domain.kinds import Shift, StaffRole
from commandcenter.domain.units import Position
from commandcenter.geo import bbox_of, distance_to_polyline_m, haversine_m
from commandcenter.geo.spatial_grid import PointGrid, SegmentGrid
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.testing.demo_district import DemoDistrict, middle_of, north_of


def test_nearest_segment_matches_brute_force(district: DemoDistrict) -> None:
    rng = random.Random(5)
    segments = district.segments
    hits = 0
    for _ in range(150):
        lon, lat = middle_of(rng.choice(segments))
        lon, lat = lon + rng.uniform(-0.0015, 0.0015), lat + rng.uniform(-0.0015, 0.0015)
        distances = {s.id: distance_to_polyline_m(lon, lat, s.geometry) for s in segments}
        nearest = min(distances, key=lambda segment_id: (distances[segment_id], segment_id))
        hit = district.index.nearest_segment(lon, lat, within_m=100.0)
        if distances[nearest] > 100.0:
            assert hit is None
            continue
        hits += 1
        assert hit is not None
        assert abs(hit.distance_m - distances[nearest]) < 0.5
        assert distances[hit.segment.id] - distances[nearest] < 0.5  # the same one, or a tie
    assert hits > 50


def test_offices_cover_the_district_and_nothing_else(district: DemoDistrict) -> None:
    index = district.index
    for office in district_queries.offices(district.store):
        assert index.office_at(office.center_lon, office.center_lat) == office
    for segment in district.segments[:40]:
        assert index.office_for(*middle_of(segment)).id == segment.office_id
    assert not index.contains(116.404, 39.915)  # Beijing
    rim = bbox_of([point for office in district_queries.offices(district.store) for point in office.boundary])
    outside = (rim.max_lon + 0.001, rim.center[1])
    assert index.office_at(*outside) is None
    assert index.office_for(*outside) is not None  # the nearest centre answers for the rim


def test_staff_lookups_follow_the_roster(district: DemoDistrict) -> None:
    index = district.index
    segment = district.segments[3]
    chiefs = index.segment_staff(segment.id, StaffRole.ROAD_CHIEF)
    assert [chief.segment_id for chief in chiefs] == [segment.id]
    managers = index.segment_staff(segment.id, StaffRole.CITY_MANAGER)
    assert managers
    assert all(m.segment_id == segment.id and m.unit_id for m in managers)
    inspectors = index.office_staff(segment.office_id, StaffRole.INSPECTOR)
    assert [i.office_id for i in inspectors] == [segment.office_id] * 3


def test_nearest_patrollers_by_live_position(district: DemoDistrict) -> None:
    store, now = district.store, district.now
    roster = district_queries.staff_roster(store)
    day_managers = [m for m in roster if m.role == StaffRole.CITY_MANAGER and m.shift == Shift.DAY]
    here = middle_of(district.segments[100])
    far, middle, near, stale = day_managers[-4:]
    placed = [
        (near, 12.0, now),
        (middle, 24.0, now),
        (far, 36.0, now),
        (stale, 6.0, now - timedelta(hours=1)),
    ]
    record_positions(
        store, [Position(m.unit_id or 0, ts, *north_of(*here, metres)) for m, metres, ts in placed]
    )
    index = DistrictIndex.from_store(store)  # a fresh build reads the same live positions
    assert district.index.update_positions(latest_positions(store)) > 1000
    for built in (index, district.index):
        hits = built.nearest_patrollers(
            *here, now=now, max_fix_age=timedelta(minutes=5), shift="白班", limit=5
        )
        expected = sorted(
            (haversine_m(*here, p.lon, p.lat), m.id)
            for m in day_managers
            if (p := built.position_of(m)) is not None and now - p.ts <= timedelta(minutes=5)
        )[:5]
        assert [hit.staff.id for hit in hits] == [staff_id for _, staff_id in expected]
        ids = [hit.staff.id for hit in hits]
        assert ids.index(near.id) < ids.index(middle.id) < ids.index(far.id)
        assert stale.id not in ids
        assert abs(hits[ids.index(near.id)].distance_m - 12.0) < 0.2
        night = built.nearest_patrollers(*here, now=now, max_fix_age=timedelta(minutes=5), shift="夜班")
        assert night
        assert all(hit.staff.shift == "夜班" for hit in night)


def test_point_grid_matches_brute_force_and_forgets_removed_points() -> None:
    rng = random.Random(9)
    grid = PointGrid(cell_m=50.0)
    points = {key: (rng.uniform(-1000, 1000), rng.uniform(-1000, 1000)) for key in range(500)}
    for key, (x, y) in points.items():
        grid.move(key, x + 999.0, y)  # moved again below: the old cell must let go
        grid.move(key, x, y)
    grid.remove(7)
    del points[7]
    for _ in range(50):
        x, y = rng.uniform(-1200, 1200), rng.uniform(-1200, 1200)
        expected = sorted((((px - x) ** 2 + (py - y) ** 2) ** 0.5, key) for key, (px, py) in points.items())
        found = grid.nearest(x, y, limit=4, max_radius_m=5000.0, accept=lambda key: key % 3 != 0)
        assert [key for _, key in found] == [key for _, key in expected if key % 3 != 0][:4]
    assert len(grid) == 499


def test_segment_grid_finds_long_pieces_and_respects_the_radius() -> None:
    grid = SegmentGrid(cell_m=100.0)
    grid.add(1, [(0.0, 0.0), (1000.0, 0.0)])  # one straight piece across ten cells
    grid.add(2, [(500.0, 60.0), (500.0, 400.0)])
    assert grid.nearest(450.0, 30.0, 100.0) == (1, 30.0)
    assert grid.nearest(505.0, 70.0, 100.0) == (2, 5.0)
    assert grid.nearest(450.0, -150.0, 100.0) is None
