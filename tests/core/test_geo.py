"""The geo helpers against values worked out independently (textbook constants, right angles)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from commandcenter.geo import (
    EARTH_RADIUS_M,
    BBox,
    LocalProjection,
    MeasuredLine,
    bbox_of,
    clip_to_halfplane,
    distance_to_polyline_m,
    haversine_m,
    lonlat_to_mercator,
    lonlat_to_mercator_arrays,
    mercator_to_lonlat,
    mercator_to_lonlat_arrays,
    point_along_polyline,
    point_in_ring,
    polyline_length_m,
)

ONE_DEGREE_M = EARTH_RADIUS_M * math.pi / 180  # 111,195.08 m


def test_haversine_known_distances() -> None:
    assert haversine_m(0, 0, 1, 0) == pytest.approx(111_195.08, abs=0.01)
    assert haversine_m(0, 0, 0, 1) == pytest.approx(ONE_DEGREE_M)
    assert haversine_m(113.6, 34.7, 113.6, 34.7) == 0.0
    # Beijing Tiananmen → Shanghai People's Square: about 1,067 km.
    assert haversine_m(116.3975, 39.9087, 121.4737, 31.2304) == pytest.approx(1_067_000, rel=0.005)
    # Antipodes: half the circumference, no domain error from rounding.
    assert haversine_m(0, 0, 180, 0) == pytest.approx(math.pi * EARTH_RADIUS_M)


def test_polyline_length_and_bbox() -> None:
    line = [[0.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    expected = ONE_DEGREE_M + ONE_DEGREE_M * math.cos(math.radians(1.0))
    assert polyline_length_m(line) == pytest.approx(expected, rel=1e-4)
    assert polyline_length_m([[1.0, 2.0]]) == 0.0
    box = bbox_of([[113.6, 34.7], [113.5, 34.8], [113.7, 34.75]])
    assert box == BBox(113.5, 34.7, 113.7, 34.8)
    assert box.contains(113.6, 34.75)
    assert not box.contains(113.8, 34.75)
    assert box.center == pytest.approx((113.6, 34.75))
    assert box.columns() == {"min_lon": 113.5, "min_lat": 34.7, "max_lon": 113.7, "max_lat": 34.8}
    with pytest.raises(ValueError, match="at least one point"):
        bbox_of([])


def test_local_projection_round_trip_and_scale() -> None:
    frame = LocalProjection(113.6, 34.72)
    x, y = frame.to_xy(113.61, 34.73)
    assert frame.to_lonlat(x, y) == pytest.approx((113.61, 34.73), abs=1e-12)
    # One kilometre east of the reference agrees with the great-circle distance.
    lon, lat = frame.to_lonlat(1000.0, 0.0)
    assert haversine_m(113.6, 34.72, lon, lat) == pytest.approx(1000.0, rel=1e-4)
    lon, lat = frame.to_lonlat(0.0, 1000.0)
    assert haversine_m(113.6, 34.72, lon, lat) == pytest.approx(1000.0, rel=1e-6)
    xy = frame.array_to_xy([[113.61, 34.73], [113.59, 34.71]])
    assert np.allclose(frame.array_to_lonlat(xy), [[113.61, 34.73], [113.59, 34.71]])
    assert frame.to_polyline(xy) == [[113.61, 34.73], [113.59, 34.71]]
    assert LocalProjection.around([[113.5, 34.6], [113.7, 34.8]]) == LocalProjection(113.6, 34.7)


def test_web_mercator_known_values() -> None:
    assert lonlat_to_mercator(0, 0) == pytest.approx((0.0, 0.0), abs=1e-9)
    x, y = lonlat_to_mercator(180, 85.0511287798066)
    assert x == pytest.approx(20_037_508.342789244)
    assert y == pytest.approx(20_037_508.342789244, rel=1e-9)
    assert lonlat_to_mercator(0, 89.9)[1] == pytest.approx(20_037_508.342789244)  # clamped
    # Published EPSG:3857 values: 45° N is y = 5,621,521.486 m; x is linear, 20,037,508.34 m per 180°.
    assert lonlat_to_mercator(-90, 45) == pytest.approx((-10_018_754.171, 5_621_521.486), abs=0.001)
    x, y = lonlat_to_mercator(113.66, 34.75)  # Zhengzhou, 二七塔 area
    assert x == pytest.approx(113.66 / 180 * 20_037_508.342789244)
    assert 4_000_000 < y < 4_200_000
    assert mercator_to_lonlat(x, y) == pytest.approx((113.66, 34.75), abs=1e-9)
    xs, ys = lonlat_to_mercator_arrays([113.66, 0.0], [34.75, 0.0])
    assert xs[0] == pytest.approx(x)
    assert ys[0] == pytest.approx(y)
    lons, lats = mercator_to_lonlat_arrays(xs, ys)
    assert np.allclose(lons, [113.66, 0.0])
    assert np.allclose(lats, [34.75, 0.0])


def test_measured_line_walks_and_snaps() -> None:
    line = MeasuredLine([[0.0, 0.0], [100.0, 0.0], [100.0, 50.0]])  # east 100 m, then north 50 m
    assert line.length == pytest.approx(150.0)
    assert line.point_at(30.0) == pytest.approx((30.0, 0.0, 90.0))
    assert line.point_at(120.0) == pytest.approx((100.0, 20.0, 0.0))
    assert line.point_at(-5.0)[:2] == pytest.approx((0.0, 0.0))
    assert line.point_at(1e6)[:2] == pytest.approx((100.0, 50.0))
    assert line.locate(40.0, 7.0) == pytest.approx((7.0, 40.0))
    assert line.locate(110.0, 25.0) == pytest.approx((10.0, 125.0))
    assert line.locate(-3.0, -4.0) == pytest.approx((5.0, 0.0))
    part = line.slice(50.0, 130.0)
    assert np.allclose(part, [[50.0, 0.0], [100.0, 0.0], [100.0, 30.0]])
    with pytest.raises(ValueError, match="two points"):
        MeasuredLine([[1.0, 1.0]])


def test_measured_line_tolerates_repeated_vertices() -> None:
    line = MeasuredLine([[0.0, 0.0], [0.0, 0.0], [0.0, 10.0]])
    assert line.point_at(5.0) == pytest.approx((0.0, 5.0, 0.0))
    assert line.locate(1.0, 0.0) == pytest.approx((1.0, 0.0))


def test_lonlat_polyline_helpers() -> None:
    road = [[113.60, 34.72], [113.61, 34.72]]  # about 915 m due east
    lon, lat, heading = point_along_polyline(road, 100.0)
    assert heading == pytest.approx(90.0)
    assert haversine_m(113.60, 34.72, lon, lat) == pytest.approx(100.0, rel=1e-3)
    # A point 0.0005° (≈55.6 m) north of the middle of the road.
    assert distance_to_polyline_m(113.605, 34.7205, road) == pytest.approx(55.6, abs=0.1)
    # Beyond the east end: the distance to the end vertex.
    assert distance_to_polyline_m(113.612, 34.72, road) == pytest.approx(
        haversine_m(113.61, 34.72, 113.612, 34.72), rel=1e-3
    )


def test_point_in_ring_and_halfplane_clip() -> None:
    square = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]]
    assert point_in_ring(5, 5, square)
    assert point_in_ring(5, 5, [*square, square[0]])  # closed rings work too
    assert not point_in_ring(15, 5, square)
    concave = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [5.0, 2.0], [0.0, 10.0]]
    assert not point_in_ring(5, 8, concave)
    assert point_in_ring(2, 2, concave)
    half = clip_to_halfplane([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)], 1.0, 0.0, 4.0)  # x <= 4
    assert sorted(half) == sorted([(0.0, 0.0), (4.0, 0.0), (4.0, 10.0), (0.0, 10.0)])
    assert clip_to_halfplane([(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)], 1.0, 0.0, -1.0) == []
