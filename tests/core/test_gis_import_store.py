"""Imported layers in the store on both databases, and ``commandcenter import-geojson`` as a user
runs it (a real process on a real SQLite file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from commandcenter.gis_import import parse_geojson
from commandcenter.persistence.map.gis_layers import layer_features, list_layers, save_layer
from commandcenter.persistence.store import Store

ROADS = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"road_name": "大学路"},
         "geometry": {"type": "LineString", "coordinates": [[113.6, 34.7], [113.61, 34.72]]}},
        {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[1, 2]]}},
    ],
}  # fmt: skip


def test_a_layer_is_stored_listed_and_replaced(store: Store) -> None:
    result = parse_geojson(ROADS, "wgs84", "roads")
    first = save_layer(store, result, "客户道路")
    (feature,) = layer_features(store, "roads")
    assert (feature.layer_id, feature.name, feature.geometry_type) == (first, "大学路", "LineString")
    assert feature.parts == [[[113.6, 34.7], [113.61, 34.72]]]
    assert feature.properties == {"road_name": "大学路"}
    assert layer_features(store, "boundary") == []
    second = save_layer(store, result, "客户道路", replace=True)
    (info,) = list_layers(store)
    assert (info.id, info.layer, info.name, info.source_datum, info.features) == (
        second,
        "roads",
        "客户道路",
        "wgs84",
        1,
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commandcenter", "import-geojson", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_cli_imports_the_real_boundary(tmp_path: Path, geodata: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    done = _cli(str(geodata / "erqi_district_boundary_410103_gcj02.geojson"), "--datum", "gcj02",
                "--layer", "boundary", "--url", url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "imported 1" in done.stdout
    assert "gcj02 → wgs84" in done.stdout
    store = Store.open(url)
    try:
        (boundary,) = layer_features(store, "boundary")
    finally:
        store.close()
    assert boundary.name == "二七区"
    assert boundary.parts[0][0][0] == pytest.approx([113.660905, 34.757197], abs=2e-5)  # the WGS-84 file's


def test_the_cli_reports_skipped_features_and_refuses_bad_files(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cc.sqlite'}"
    roads = tmp_path / "roads.geojson"
    roads.write_text(json.dumps(ROADS, ensure_ascii=False), encoding="utf-8")
    partial = _cli(str(roads), "--datum", "wgs84", "--layer", "segments", "--url", url)
    assert partial.returncode == 1
    assert "imported 1" in partial.stdout
    assert "feature #1" in partial.stderr
    wrong_layer = _cli(str(roads), "--datum", "wgs84", "--layer", "boundary", "--url", url)
    assert wrong_layer.returncode == 2
    assert "no importable features" in wrong_layer.stderr
    garbage = tmp_path / "garbage.geojson"
    garbage.write_text("[]", encoding="utf-8")
    refused = _cli(str(garbage), "--datum", "gcj02", "--layer", "roads", "--url", url)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert "not a GeoJSON FeatureCollection" in refused.stderr
