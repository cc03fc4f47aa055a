"""GeoJSON import on the real files of ../shared/geodata (GCJ-02) and on a file full of mistakes:
converted vertices land where the published WGS-84 version has them, bad features are named by
index and reason, good ones are kept."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from commandcenter.domain.gis import Layer
from commandcenter.geo import haversine_m, point_in_ring
from commandcenter.geo.datum import gcj02_to_bd09, wgs84_to_gcj02
from commandcenter.gis_import import GeoJSONError, parse_geojson, read_geojson


def test_the_gcj02_boundary_lands_on_the_published_wgs84_one(geodata: Path) -> None:
    result = read_geojson(geodata / "erqi_district_boundary_410103_gcj02.geojson", "gcj02", "boundary")
    assert result.errors == []
    (feature,) = result.features
    assert feature.name == "二七区"
    assert feature.geometry_type == "Polygon"
    ours = feature.parts[0][0]
    published = json.loads((geodata / "erqi_district_boundary_410103_wgs84.geojson").read_text())
    theirs = published["features"][0]["geometry"]["coordinates"][0][0]
    assert len(ours) == len(theirs) == 418
    worst = max(haversine_m(a[0], a[1], b[0], b[1]) for a, b in zip(ours, theirs, strict=True))
    assert worst < 3.0  # SOURCES.md: their conversion agrees to under 1 m, the file rounds to 6 digits
    raw = read_geojson(geodata / "erqi_district_boundary_410103_gcj02.geojson", "wgs84", "boundary")
    unconverted = raw.features[0].parts[0][0][0]
    shift = haversine_m(unconverted[0], unconverted[1], ours[0][0], ours[0][1])
    assert 450 < shift < 700  # not converting would put it ≈ 600 m off: the test can tell


def test_real_roads_points_and_the_city_districts_import_cleanly(geodata: Path) -> None:
    roads = read_geojson(geodata / "erqi_main_roads_approx_derived_gcj02.geojson", "gcj02", "roads")
    assert (len(roads.features), roads.errors) == (36, [])
    assert {"大学路", "嵩山路", "陇海路"} <= {f.name for f in roads.features}
    stops = read_geojson(geodata / "erqi_bus_stops_2013_gcj02.geojson", "gcj02", "points")
    assert len(stops.features) == 436
    first = stops.features[0]
    published = (first.properties["lon_wgs84"], first.properties["lat_wgs84"])
    assert haversine_m(first.parts[0][0], first.parts[0][1], published[0], published[1]) < 3.0
    city = read_geojson(geodata / "zhengzhou_districts_410100_gcj02.geojson", "gcj02", "boundary")
    assert len(city.features) == 12
    erqi = next(f for f in city.features if f.name == "二七区")
    assert point_in_ring(113.60, 34.70, erqi.parts[0][0])  # a WGS-84 point well inside 二七区


def _collection(*geometries: object) -> dict[str, object]:
    features = [
        {"type": "Feature", "properties": {"name": f"f{i}"}, "geometry": g} for i, g in enumerate(geometries)
    ]
    return {"type": "FeatureCollection", "features": features}


def test_bad_features_are_reported_by_index_and_good_ones_kept() -> None:
    line = [[113.60, 34.70], [113.61, 34.71]]
    document = _collection(
        {"type": "LineString", "coordinates": line},  # 0 good
        {"type": "LineString", "coordinates": [[113.60, 34.70]]},  # 1 one point
        {"type": "LineString", "coordinates": [[113.60, 95.0], [113.61, 34.71]]},  # 2 latitude 95
        {"type": "LineString", "coordinates": [["113.6", 34.7], [113.61, 34.71]]},  # 3 a string
        {"type": "LineString", "coordinates": [[math.nan, 34.7], [113.61, 34.71]]},  # 4 NaN
        None,  # 5 no geometry
        {
            "type": "Polygon",
            "coordinates": [[[113.6, 34.7], [113.61, 34.7], [113.61, 34.71], [113.6, 34.7]]],
        },  # 6
        {"type": "Circle", "coordinates": [113.6, 34.7]},  # 7 not GeoJSON
        {"type": "MultiLineString", "coordinates": [line, [[113.62, 34.72], [113.63, 34.73]]]},  # 8 good
    )
    result = parse_geojson(json.loads(json.dumps(document)), "wgs84", Layer.ROADS)
    assert [f.index for f in result.features] == [0, 8]
    assert result.features[1].parts == [line, [[113.62, 34.72], [113.63, 34.73]]]
    reasons = {error.index: error.reason for error in result.errors}
    assert sorted(reasons) == [1, 2, 3, 4, 5, 6, 7]
    assert "two distinct points" in reasons[1]
    assert "out of lon/lat range" in reasons[2]
    assert "95.0" in reasons[2]
    assert "finite numbers" in reasons[3]
    assert "finite numbers" in reasons[4]
    assert "no geometry" in reasons[5]
    assert "layer wants LineString" in reasons[6]
    assert "unsupported geometry type: 'Circle'" in reasons[7]
    assert str(result.errors[0]).startswith("要素 feature #1:")


def test_open_rings_are_closed_and_degenerate_rings_refused() -> None:
    open_ring = [[113.6, 34.7], [113.61, 34.7], [113.61, 34.71]]
    result = parse_geojson(
        _collection(
            {"type": "Polygon", "coordinates": [open_ring]},
            {"type": "Polygon", "coordinates": [[[113.6, 34.7], [113.61, 34.7], [113.6, 34.7]]]},
            {"type": "MultiPolygon", "coordinates": []},
        ),
        "wgs84",
        "boundary",
    )
    assert result.features[0].parts == [[[*open_ring, open_ring[0]]]]
    assert [
        (e.index, "three distinct points" in e.reason or "no parts" in e.reason) for e in result.errors
    ] == [
        (1, True),
        (2, True),
    ]


def test_bd09_points_are_converted_to_wgs84() -> None:
    wgs = (113.6253, 34.7466)
    bd = gcj02_to_bd09(*wgs84_to_gcj02(*wgs))
    result = parse_geojson({"type": "Point", "coordinates": list(bd)}, "bd09", "points")
    lon, lat = result.features[0].parts[0]
    assert haversine_m(lon, lat, wgs[0], wgs[1]) < 0.5


def test_unreadable_files_raise_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.geojson"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(GeoJSONError, match="cannot read"):
        read_geojson(broken, "wgs84", "roads")
    with pytest.raises(GeoJSONError, match="not a GeoJSON FeatureCollection"):
        parse_geojson([1, 2], "wgs84", "roads")
    with pytest.raises(GeoJSONError, match="no features array"):
        parse_geojson({"type": "FeatureCollection"}, "wgs84", "roads")
