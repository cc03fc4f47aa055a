"""WGS-84 / GCJ-02 / BD-09 conversions against the published vectors (standards reference §5)."""

from __future__ import annotations

import pytest

from commandcenter.geo import haversine_m
from commandcenter.geo.datum import (
    Datum,
    bd09_to_gcj02,
    gcj02_to_bd09,
    gcj02_to_wgs84,
    to_wgs84,
    wgs84_to_gcj02,
)

BEIJING = (116.404, 39.915)


def test_wgs84_to_gcj02_matches_eviltransform_vector() -> None:
    assert wgs84_to_gcj02(121.5272106, 31.1774276) == pytest.approx(
        (121.531541859215, 31.17530398364597), abs=1e-12
    )


def test_wandergis_vectors() -> None:
    assert wgs84_to_gcj02(*BEIJING) == pytest.approx((116.41024449916938, 39.91640428150164), abs=1e-12)
    assert gcj02_to_bd09(*BEIJING) == pytest.approx((116.41036949371029, 39.92133699351021), abs=1e-12)
    assert bd09_to_gcj02(*BEIJING) == pytest.approx((116.39762729119315, 39.90865673957631), abs=1e-12)
    one_step = gcj02_to_wgs84(*BEIJING, exact=False)
    assert one_step == pytest.approx((116.39775550083061, 39.91359571849836), abs=1e-12)


def test_erqi_vector_wgs_gcj_bd() -> None:
    gcj = wgs84_to_gcj02(113.6400, 34.7250)
    assert gcj == pytest.approx((113.6460605, 34.7238155), abs=1e-7)
    assert gcj02_to_bd09(*gcj) == pytest.approx((113.6524759, 34.7301438), abs=1e-7)
    assert 560 < haversine_m(113.6400, 34.7250, *gcj) < 580  # the offset a GCJ report would be wrong by


def test_exact_inverse_round_trips_where_one_step_is_metres_off() -> None:
    gcj = wgs84_to_gcj02(113.6400, 34.7250)
    exact = gcj02_to_wgs84(*gcj)
    assert haversine_m(*exact, 113.6400, 34.7250) < 0.001
    assert 0.5 < haversine_m(*gcj02_to_wgs84(*gcj, exact=False), 113.6400, 34.7250) < 3.0


def test_bd09_round_trip_and_to_wgs84_by_datum_name() -> None:
    wgs = (113.6400, 34.7250)
    bd = gcj02_to_bd09(*wgs84_to_gcj02(*wgs))
    assert haversine_m(*to_wgs84(*bd, "bd09"), *wgs) < 0.1  # Baidu's inverse is good to centimetres
    assert haversine_m(*to_wgs84(*wgs84_to_gcj02(*wgs), Datum.GCJ02), *wgs) < 0.001
    assert to_wgs84(*wgs, "wgs84") == wgs
    with pytest.raises(ValueError, match="cgcs"):
        to_wgs84(*wgs, "cgcs")


def test_no_offset_outside_china() -> None:
    assert wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)


def test_array_conversion_agrees_with_the_scalar_one_in_every_datum() -> None:
    """The import converts a city at once (``geo.datum_arrays``); it must give what the scalar
    functions give, point by point, including points outside China (left unchanged)."""
    import random

    from commandcenter.geo.datum import Datum, to_wgs84
    from commandcenter.geo.datum_arrays import to_wgs84_arrays

    rng = random.Random(7)
    points = [(rng.uniform(73, 135), rng.uniform(4, 53)) for _ in range(500)] + [(2.35, 48.86), (-74.0, 40.7)]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    for datum in Datum:
        got_lon, got_lat = to_wgs84_arrays(lons, lats, datum)
        for (lon, lat), x, y in zip(points, got_lon, got_lat, strict=True):
            want = to_wgs84(lon, lat, datum)
            assert abs(x - want[0]) < 1e-9
            assert abs(y - want[1]) < 1e-9
