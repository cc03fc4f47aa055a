"""The database side of the catalog on SQLite and PostgreSQL: cameras, favourites, saved views,
and the nearest cameras around a point with known geometry."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter import cli, exit_codes
from commandcenter.catalog.database_source import DatabaseCatalog
from commandcenter.catalog.nearest import NearestCameraIndex, nearest_cameras
from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import SavedView
from commandcenter.domain.kinds import CameraKind, UnitKind, VehicleKind
from commandcenter.geo.local import LocalProjection
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cameras.saved_views import delete_view, list_views, save_view
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.minimal_district import minimal_district

CENTRE = LocalProjection(113.61, 34.71)  # the case location of every nearest-camera test


def at(x: float, y: float) -> dict[str, float]:
    lon, lat = CENTRE.to_lonlat(x, y)
    return {"lon": lon, "lat": lat}


def camera(id_: int, code: str, kind: CameraKind, **fields: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": id_,
        "code": code,
        "name": f"{code}号",
        "kind": kind.value,
        "office_id": 1,
    }
    row.update({"segment_id": None, "vehicle_id": None, "lon": None, "lat": None, "gb_device_id": None})
    row.update({"online": True, "main_url": f"http://m/{code}.flv", "sub_url": f"http://s/{code}.flv"})
    row.update(fields)  # replace_all inserts in bulk: every row carries every key
    return row


def unit(id_: int, x: float, y: float) -> dict[str, object]:
    lon, lat = CENTRE.to_lonlat(x, y)
    now = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    fix = {"last_ts": now, "last_lon": lon, "last_lat": lat}
    return {"id": id_, "kind": UnitKind.ENFORCEMENT.value, "label": f"车{id_}", "office_id": 1, **fix}


@pytest.fixture
def cameras(store: Store) -> Store:
    rows = minimal_district()
    patroller = {**rows[Unit][0], "last_ts": None, "last_lon": None, "last_lat": None}
    rows[Unit] = [patroller, unit(2, 250.0, 0.0), unit(3, 400.0, 0.0)]
    rows[Vehicle] = [
        {"id": 1, "kind": VehicleKind.ENFORCEMENT.value, "plate": "豫A·Z0001", "office_id": 1, "unit_id": 2},
        {"id": 2, "kind": VehicleKind.ENFORCEMENT.value, "plate": "豫A·Z0002", "office_id": 1, "unit_id": 3},
    ]
    rows[Camera] = [
        camera(1, "E100", CameraKind.STREET, segment_id=1, **at(100.0, 0.0)),
        camera(2, "N50", CameraKind.STREET, segment_id=1, **at(0.0, 50.0)),
        camera(3, "W200", CameraKind.CONSTRUCTION, online=False, **at(-200.0, 0.0)),
        camera(4, "S1000", CameraKind.PUBLIC_UNIT, gb_device_id="41010300001320000001", **at(0.0, -1000.0)),
        camera(5, "VH1", CameraKind.VEHICLE, vehicle_id=1),
        camera(6, "VH2", CameraKind.VEHICLE, vehicle_id=2, sub_url=None),
    ]
    replace_all(store, rows)
    return store


def test_database_catalog_lists_cameras_with_office_segment_and_vehicle_unit(cameras: Store) -> None:
    catalog = DatabaseCatalog(cameras)
    listed = {entry.code: entry for entry in catalog.list_cameras()}
    assert sorted(listed) == ["E100", "N50", "S1000", "VH1", "VH2", "W200"]
    assert (listed["E100"].office, listed["E100"].segment, listed["E100"].kind) == (
        "建中街街道",
        "大学路第1段",
        "综合",
    )
    assert listed["S1000"].segment is None
    assert listed["S1000"].gb_device_id == "41010300001320000001"
    assert not listed["W200"].online
    assert (listed["VH1"].vehicle_unit_id, listed["VH1"].lon) == (2, None)
    assert catalog.stream_urls("VH2").main == "http://m/VH2.flv"
    assert catalog.stream_urls("VH2").sub == ""
    with pytest.raises(CatalogError, match="NOPE"):
        catalog.stream_urls("NOPE")


def test_favourites_are_per_operator_and_idempotent(cameras: Store) -> None:
    camera_queries.set_favourite(cameras, "值班员", "E100", True)
    camera_queries.set_favourite(cameras, "值班员", "E100", True)
    camera_queries.set_favourite(cameras, "值班员", "N50", True)
    camera_queries.set_favourite(cameras, "督办员", "W200", True)
    camera_queries.set_favourite(cameras, "值班员", "N50", False)
    assert camera_queries.favourites(cameras, "值班员") == {"E100"}
    assert camera_queries.favourites(cameras, "督办员") == {"W200"}
    assert camera_queries.favourites(cameras, "nobody") == set()


def test_saved_views_are_per_user_shared_views_are_seen_by_all(store: Store) -> None:
    morning = save_view(store, SavedView("早高峰", "2x2", ("E100", None, "N50", "W200"), owner="张伟"))
    assert morning.id is not None
    assert morning.updated_at is not None
    save_view(store, SavedView("全区", "1+7", ("S1000",) + (None,) * 7, owner="李娜", shared=True))
    save_view(store, SavedView("私人", "1x1", ("E100",), owner="李娜"))
    replaced = save_view(store, SavedView("早高峰", "3x3", ("N50",) * 9, owner="张伟"))
    assert replaced.id == morning.id  # same owner and name: replaced, not duplicated
    seen = list_views(store, "张伟")
    assert [(v.owner, v.name, v.layout, v.shared) for v in seen] == [
        ("张伟", "早高峰", "3x3", False),
        ("李娜", "全区", "1+7", True),
    ]
    assert seen[0].cells == ("N50",) * 9
    assert seen[1].cells[1] is None
    assert seen[0].updated_at is not None
    assert seen[0].updated_at.tzinfo is not None
    assert not delete_view(store, "张伟", "全区")  # someone else's shared view stays
    assert delete_view(store, "李娜", "全区")
    assert [v.name for v in list_views(store, "张伟")] == ["早高峰"]
    with pytest.raises(ValueError, match="needs a name"):
        save_view(store, SavedView(" ", "1x1", (), owner="张伟"))


def test_nearest_fixed_cameras_by_distance_then_vehicles_within_reach(cameras: Store) -> None:
    found = nearest_cameras(cameras, 113.61, 34.71, 3)
    assert [c.code for c in found] == ["N50", "E100", "W200"]
    index = NearestCameraIndex.from_store(cameras)
    everything = index.nearest(113.61, 34.71, 10)
    assert [c.code for c in everything] == ["N50", "E100", "W200", "S1000", "VH1"]  # VH2's car is 400 m away
    wide = index.nearest(113.61, 34.71, 10, vehicle_within_m=500.0)
    assert [c.code for c in wide][-2:] == ["VH1", "VH2"]
    near_only = index.nearest(113.61, 34.71, 10, fixed_within_m=300.0, vehicle_within_m=0.0)
    assert [c.code for c in near_only] == ["N50", "E100", "W200"]


def test_vehicle_cameras_follow_their_units(cameras: Store) -> None:
    index = NearestCameraIndex.from_store(cameras)
    lon, lat = CENTRE.to_lonlat(0.0, 10.0)
    index.move_units({3: (lon, lat), 99: (lon, lat)})  # unit 99 carries no camera: ignored
    assert [c.code for c in index.nearest(113.61, 34.71, 10)][-2:] == ["VH2", "VH1"]
    assert index.nearest(113.61, 34.71, 0) == []
    index.refresh_units(cameras)  # back to the fixes in the database: VH2's car 400 m away again
    assert [c.code for c in index.nearest(113.61, 34.71, 10)][-1] == "VH1"


IMPORT_CSV = """code,name,kind,office,segment,lon,lat,online,main_url,sub_url,gb_device_id
E100,大学路东侧（改）,综合,建中街街道,大学路第1段,,,0,,,
NEW1,建设路新装,综合,建中街街道,大学路第1段,113.6,34.7,1,http://m/new1.flv,,41010300001320000009
NEW2,外区摄像机,综合,某某街道,,113.6,34.7,1,,,41010300001320000001
BAD,,综合,,,,,1,,,
"""


def test_import_cameras_command_saves_good_rows_and_keeps_what_the_file_leaves_out(
    cameras: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {entry.code: entry for entry in camera_queries.all_cameras(cameras)}["E100"]
    path = tmp_path / "delivery.csv"
    path.write_text(IMPORT_CSV, encoding="utf-8")
    code = cli.main(["import-cameras", str(path), "--url", cameras.url, "--datum", "wgs84"])
    output = capsys.readouterr()
    assert code == exit_codes.EXIT_PARTIAL
    assert "line 5: name is missing" in output.err
    assert "NEW2: unknown office '某某街道', left empty" in output.err
    assert "GB id 41010300001320000001 is S1000's, not set" in output.err
    assert "inserted 2, 更新 updated 1" in output.out
    listed = {entry.code: entry for entry in camera_queries.all_cameras(cameras)}
    updated = listed["E100"]
    assert (updated.name, updated.online) == ("大学路东侧（改）", False)
    assert (updated.lon, updated.lat, updated.main_url) == (before.lon, before.lat, before.main_url)
    assert (listed["NEW1"].office, listed["NEW1"].segment) == ("建中街街道", "大学路第1段")
    assert listed["NEW1"].gb_device_id == "41010300001320000009"
    assert listed["NEW2"].office is None
    assert listed["NEW2"].gb_device_id is None
    assert listed["S1000"].gb_device_id == "41010300001320000001"


def test_import_cameras_command_rejects_an_unreadable_source(
    cameras: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        cli.main(["import-cameras", str(tmp_path / "none.csv"), "--url", cameras.url])
        == exit_codes.EXIT_USAGE
    )
    assert "cannot read" in capsys.readouterr().err
