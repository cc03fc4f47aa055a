"""``district import`` and ``district export`` as IT uses them: the real command line on real SQLite
files (and PostgreSQL where marked), files written the way districts deliver them (GeoJSON in GCJ-02,
CSV from Excel on Chinese Windows in GBK, workbooks). All or nothing: a delivery with one bad row
stores nothing and names every bad row with its file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction
from commandcenter.cli import main
from commandcenter.demo.generate import load_demo_data
from commandcenter.district_data.export import export_district
from commandcenter.district_data.importer import DistrictFiles
from commandcenter.domain.kinds import UserRole
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.geo.datum import Datum
from commandcenter.geo.distance import haversine_m
from commandcenter.persistence.accounts import audit_log
from commandcenter.persistence.district.counts import district_counts
from commandcenter.persistence.district.exports import district_snapshot
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.district_files import STAFF_HEADER, write_small_district


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed-scale demo district exported in GCJ-02, as a district's GIS office would deliver it."""
    folder = tmp_path_factory.mktemp("demo-export")
    store = Store.open(f"sqlite:///{folder / 'demo.sqlite'}")
    try:
        load_demo_data(store)
        export_district(district_snapshot(store), folder / "files", Datum.GCJ02)
    finally:
        store.close()
    return folder / "files"


def _import(url: str, folder: Path, *extra: str, datum: str = "gcj02") -> int:
    args = ["district", "import", "--url", url, "--datum", datum]
    for kind in ("offices", "roads", "segments"):
        if (folder / f"{kind}.geojson").exists():
            args += [f"--{kind}", str(folder / f"{kind}.geojson")]
    for kind in ("staff", "vehicles", "cameras"):
        found = sorted(folder.glob(f"{kind}.*"))
        if found:
            args += [f"--{kind}", str(found[0])]
    return main([*args, *extra])


def _counts(url: str) -> tuple[int, int, int, int, int]:
    store = Store.open(url)
    try:
        counts = district_counts(store)
        plan = district_snapshot(store)
    finally:
        store.close()
    return counts.offices, counts.segments, len(plan.staff), len(plan.vehicles), counts.units


def small_district(folder: Path, staff: str | bytes | None = None) -> Path:
    return write_small_district(folder, staff)


def test_round_trip_of_the_seed_district_in_gcj02(demo_files: Path, tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    assert _import(url, demo_files) == EXIT_OK
    summary = capsys.readouterr().out
    assert "镇办 offices +18" in summary
    assert "摄像机 cameras +6785" in summary
    assert _counts(url) == (18, 291, 1945, 1058, 1600 + 1058)
    store = Store.open(url)
    try:
        imported = district_snapshot(store)
    finally:
        store.close()
    original = Store.open(f"sqlite:///{demo_files.parent / 'demo.sqlite'}")
    try:
        expected = district_snapshot(original)
    finally:
        original.close()
    assert [(s.code, s.road, s.office, s.name) for s in imported.segments] == [
        (s.code, s.road, s.office, s.name) for s in expected.segments
    ]
    assert [(p.code, p.role, p.office, p.segment) for p in imported.staff] == [
        (p.code, p.role, p.office, p.segment) for p in expected.staff
    ]
    # GCJ-02 out and back lands within centimetres of the original WGS-84 geometry.
    worst = max(
        haversine_m(*a, *b)
        for got, want in zip(imported.segments, expected.segments, strict=True)
        for a, b in zip(got.geometry, want.geometry, strict=True)
    )
    assert worst < 0.05


def test_reimport_updates_in_place(demo_files: Path, tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    assert _import(url, demo_files) == EXIT_OK
    before = _counts(url)
    capsys.readouterr()
    assert _import(url, demo_files) == EXIT_OK
    assert "路段 segments +0 ~291" in capsys.readouterr().out
    assert _counts(url) == before


def test_an_added_member_of_staff_is_inserted_and_a_changed_one_updated(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    assert _import(url, folder, datum="wgs84") == EXIT_OK
    (folder / "staff.csv").write_text(
        "code,name,phone,role,office,segment\nP13800000001,张三,13900000009,路长,甲街道,T-1\n"
        "W5,王五,13800000003,城市管理员,甲街道,T-1\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["district", "import", "--url", url, "--staff", str(folder / "staff.csv")]) == EXIT_OK
    assert "人员 staff +1 ~1" in capsys.readouterr().out
    store = Store.open(url)
    try:
        phones = {p.name: p.phone for p in district_snapshot(store).staff}
    finally:
        store.close()
    assert phones == {"张三": "13900000009", "李四": "13800000002", "王五": "13800000003"}


def test_a_gbk_file_from_excel_is_read_as_chinese(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    staff = (
        STAFF_HEADER.replace("name,phone,role,office,segment", "姓名,电话,角色,镇办,路段")
        + "张三,13800000001,路长,甲街道,T-1\r\n"
    )
    folder = small_district(tmp_path / "files", staff.encode("gbk"))
    assert _import(url, folder, datum="wgs84") == EXIT_OK
    captured = capsys.readouterr()
    assert "staff.csv (GBK)" in captured.err
    store = Store.open(url)
    try:
        assert [p.name for p in district_snapshot(store).staff] == ["张三"]
    finally:
        store.close()


def test_an_excel_workbook(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    (folder / "staff.csv").unlink()
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "岗位", "镇办", "路段"])
    sheet.append(["张三", 13800000001, "路长", "甲街道", "T-1"])  # Excel keeps the phone as a number
    book.save(folder / "staff.xlsx")
    assert _import(url, folder, datum="wgs84") == EXIT_OK
    store = Store.open(url)
    try:
        assert [(p.name, p.phone) for p in district_snapshot(store).staff] == [("张三", "13800000001")]
    finally:
        store.close()


BAD_STAFF = {
    "unknown role": ("王五,13800000003,队长,甲街道,T-1", "未知角色"),
    "bad phone": ("王五,12ab,路长,甲街道,T-1", "电话号码无效"),
    "broken quoting": ('"王五,13800000003,路长,甲街道,T-1', "unclosed quote"),
    "unknown office": ("王五,13800000003,路长,丙街道,T-1", "未知镇办"),
    "unknown segment": ("王五,13800000003,路长,甲街道,T-9", "未知路段"),
    "segment of another office": ("王五,13800000003,路长,甲街道,T-2", "属于 乙街道"),
    "missing name": (",13800000003,路长,甲街道,T-1", "缺少 missing name"),
}


@pytest.mark.parametrize("case", BAD_STAFF, ids=list(BAD_STAFF))
def test_one_bad_row_stores_nothing_and_is_named_with_its_line(case: str, tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    row, words = BAD_STAFF[case]
    staff = STAFF_HEADER + "张三,13800000001,路长,甲街道,T-1\n" + row + "\n李四,13800000002,路长,乙街道,T-2\n"
    folder = small_district(tmp_path / "files", staff)
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "staff.csv 行 line 3: " in err
    assert words in err
    assert "nothing imported" in err
    assert _counts(url)[:3] == (0, 0, 0)


def test_every_bad_row_is_listed_not_just_the_first(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    rows = "\n".join(row for row, _ in BAD_STAFF.values())
    folder = small_district(tmp_path / "files", STAFF_HEADER + rows + "\n")
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    err = capsys.readouterr().err
    assert all(f"staff.csv 行 line {line}: " in err for line in range(2, 2 + len(BAD_STAFF)))


def test_duplicate_segment_codes_are_refused(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    document = json.loads((folder / "segments.geojson").read_text(encoding="utf-8"))
    document["features"][1]["properties"]["code"] = "T-1"
    (folder / "segments.geojson").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "segments.geojson 要素 feature 2: 路段编号 segment code 'T-1' 重复 duplicate" in err
    assert _counts(url)[0] == 0


def test_overlapping_segments_are_refused_naming_both(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    document = json.loads((folder / "segments.geojson").read_text(encoding="utf-8"))
    copy = json.loads(json.dumps(document["features"][0]))
    copy["properties"]["code"] = "T-3"  # the same pavement as T-1, digitised again
    copy["geometry"]["coordinates"] = [[113.6051, 34.71001], [113.6149, 34.71001]]
    document["features"].append(copy)
    (folder / "segments.geojson").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "segments.geojson 要素 feature 3: 路段 T-3 与 T-1 (segments.geojson 要素 feature 1) 重叠约" in err
    assert _counts(url)[0] == 0


def test_a_projected_crs_is_refused_as_a_wrong_datum(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    document = json.loads((folder / "offices.geojson").read_text(encoding="utf-8"))
    document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    (folder / "offices.geojson").write_text(json.dumps(document), encoding="utf-8")
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    assert "不是经纬度 is not longitude/latitude" in capsys.readouterr().err
    assert _counts(url)[0] == 0


def test_coordinates_outside_china_are_named_per_feature(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    document = json.loads((folder / "roads.geojson").read_text(encoding="utf-8"))
    document["features"][0]["geometry"]["coordinates"] = [
        [34.71, 113.605],
        [34.71, 113.635],
    ]  # lat, lon swapped
    (folder / "roads.geojson").write_text(json.dumps(document), encoding="utf-8")
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "roads.geojson 要素 feature 1: " in err
    assert _counts(url)[0] == 0


def test_a_geojson_that_is_not_utf8_is_refused_in_words(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    text = (folder / "offices.geojson").read_text(encoding="utf-8")
    (folder / "offices.geojson").write_bytes(text.encode("gbk"))
    assert _import(url, folder, datum="wgs84") == EXIT_USAGE
    assert "UTF-8" in capsys.readouterr().err


def test_dry_run_checks_everything_and_stores_nothing(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    assert _import(url, folder, "--dry-run", datum="wgs84") == EXIT_OK
    assert "nothing was stored" in capsys.readouterr().out
    assert _counts(url)[0] == 0


@pytest.mark.postgres
def test_import_into_postgresql(demo_files: Path, pg_url: str) -> None:
    assert _import(pg_url, demo_files) == EXIT_OK
    assert _counts(pg_url) == (18, 291, 1945, 1058, 2658)
    assert _import(pg_url, demo_files) == EXIT_OK  # again: updates in place
    assert _counts(pg_url) == (18, 291, 1945, 1058, 2658)


def test_an_import_is_audited_and_only_administrators_may_import(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    folder = small_district(tmp_path / "files")
    assert _import(url, folder, datum="wgs84") == EXIT_OK
    store = Store.open(url)
    try:
        [record] = audit_log.read(store, action=AuditAction.DISTRICT_IMPORT.value)
        assert record.actor.startswith("cli:")
        assert "staff.csv" in record.target
        files = DistrictFiles(staff=folder / "staff.csv")
        for role in (UserRole.OPERATOR, UserRole.SUPERVISOR, UserRole.OFFICE):
            service = services_for(store, role, office_id=1).district_data
            assert not service.may_manage()
            with pytest.raises(PermissionDenied):
                service.read(files)
        assert services_for(store, UserRole.ADMIN).district_data.read(files).problems == []
    finally:
        store.close()


def test_export_into_an_unwritable_place_is_one_line(tmp_path: Path, capsys) -> None:
    url = f"sqlite:///{tmp_path / 'district.sqlite'}"
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["district", "export", str(blocker / "out"), "--url", url]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "错误 error: 无法写入 cannot write" in err
    assert "Traceback" not in err
