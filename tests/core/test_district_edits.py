"""Editing base data by hand (issue 13) on both databases, through the service a screen gets: every
kind of edit and its refusals, segments split and merged with their staff and cameras following,
one audit entry per change read back as the record's history, and the check still clean after the
edits that should keep it clean.

The small district (``testing.small_district``): office 1, road 1 in two touching segments EQ-0001
(west) and EQ-0002 (east), 路长 S001 / S002, city manager S003 (unit 1) on EQ-0001, a muck truck
豫A12345 (unit 2), camera 1 near the east end of EQ-0001.
"""

from __future__ import annotations

import csv
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert

from commandcenter.district_data.check import check_district
from commandcenter.domain.alerts import TruckPermit
from commandcenter.domain.categories import category_rows
from commandcenter.domain.district_check import Rule
from commandcenter.domain.district_edits import EditKind, EditRefused, Problem
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.district.consistency import district_check_data
from commandcenter.persistence.map.permits import replace_permits
from commandcenter.persistence.store import Store
from commandcenter.services.district_edit_service import DistrictEditService
from commandcenter.testing.small_district import clean_district_rows

RING = [[113.601, 34.701], [113.609, 34.701], [113.609, 34.709], [113.601, 34.709], [113.601, 34.701]]


@pytest.fixture
def small(store: Store) -> Store:
    clean_district_rows(store)
    replace_permits(store, [TruckPermit(2, "郑渣准字2026-0001", area=RING)])
    return store


def _editor(store: Store, role: UserRole = UserRole.ADMIN) -> DistrictEditService:
    from commandcenter.testing.accounts import services_for

    return services_for(store, role, username=f"{role.value}1").district_edit


def _refused(call: object, problem: Problem, field: str | None = None) -> EditRefused:
    with pytest.raises(EditRefused) as caught:
        call()  # type: ignore[operator]
    assert caught.value.problem is problem
    if field is not None:
        assert caught.value.field == field
    return caught.value


def _check(store: Store) -> set[tuple[str, str, int]]:
    return {(f.rule, f.record_kind, f.record_id) for f in check_district(district_check_data(store)).findings}


def test_the_small_district_starts_clean(small: Store) -> None:
    assert _check(small) == set()


def test_a_segment_is_renamed_and_renumbered_and_its_history_says_so(small: Store) -> None:
    editor = _editor(small)
    outcome = editor.edit("segment", 1, {"number": "EQ-0101", "name": "测试路西段", "difficulty": "3"})
    assert outcome.main.before == {"number": "EQ-0001", "name": "测试路第1段", "difficulty": 1}
    assert outcome.main.after == {"number": "EQ-0101", "name": "测试路西段", "difficulty": 3}
    assert editor.get("segment", 1).values["number"] == "EQ-0101"
    assert _editor(small).get("staff", 1).values["segment"] == "EQ-0101"  # staff name it by number
    editor.edit("segment", 1, {"name": "测试路西"})
    history = editor.history("segment", 1)
    assert [h.details["after"] for h in history] == [{"name": "测试路西"}, outcome.main.after]
    assert {h.actor for h in history} == {"admin1"}
    assert {h.action for h in history} == {"district_edit"}
    assert history[0].seq > history[1].seq  # newest first
    assert editor.history("segment", 2) == []
    assert _check(small) == set()


def test_segment_refusals_write_nothing(small: Store) -> None:
    editor = _editor(small)
    _refused(lambda: editor.edit("segment", 1, {"number": "EQ-0002"}), Problem.DUPLICATE, "number")
    _refused(lambda: editor.edit("segment", 1, {"difficulty": "4"}), Problem.OUT_OF_RANGE, "difficulty")
    _refused(lambda: editor.edit("segment", 1, {"road": "无此路"}), Problem.UNKNOWN_REFERENCE, "road")
    _refused(lambda: editor.edit("segment", 1, {"length_m": "5"}), Problem.READ_ONLY, "length_m")
    _refused(lambda: editor.edit("segment", 99, {"name": "x"}), Problem.NOT_FOUND)
    assert editor.get("segment", 1).values["number"] == "EQ-0001"
    assert editor.history("segment", 1) == []


def test_a_split_numbers_both_parts_and_sends_cameras_and_managers_to_the_nearer_one(small: Store) -> None:
    small.execute_raw("UPDATE cameras SET segment_id = 1 WHERE id = 1")
    small.execute_raw("UPDATE units SET last_lon = 113.6045, last_lat = 34.705 WHERE id = 1")
    editor = _editor(small)
    whole = editor.get("segment", 1).values["length_m"]
    outcome = editor.split_segment(1, 0.5, "EQ-0003")
    new_id = outcome.changes[1].id
    first, second = editor.get("segment", 1).values, editor.get("segment", new_id).values
    assert second["number"] == "EQ-0003"
    assert second["road"] == "测试路"
    assert second["name"] == "测试路(EQ-0003)"
    assert first["length_m"] + second["length_m"] == pytest.approx(whole, abs=0.2)
    assert first["length_m"] == pytest.approx(whole / 2, abs=0.2)
    assert editor.get("camera", 1).values["segment"] == "EQ-0003"  # it stands by the east half
    assert editor.get("staff", 3).values["segment"] == "EQ-0003"  # his last fix is there too
    assert editor.get("staff", 1).values["segment"] == "EQ-0001"  # the 路长 stays with the number
    assert {(c.kind, c.operation) for c in outcome.changes} == {
        (EditKind.SEGMENT, "split"),
        (EditKind.CAMERA, "follow"),
        (EditKind.STAFF, "follow"),
    }
    assert editor.history("staff", 3)[0].details["after"] == {"segment": "EQ-0003"}
    assert _check(small) == {(Rule.SEGMENT_WITHOUT_ROAD_CHIEF, "segment", new_id)}
    editor.add_staff(
        {"code": "S004", "name": "新路长", "phone": "13800000004", "role": "路长", "office": "测试街道"}
        | {"segment": "EQ-0003", "shift": "白班"}
    )
    assert _check(small) == set()  # a 路长 for the new part and the district holds together again


def test_split_refusals(small: Store) -> None:
    editor = _editor(small)
    _refused(lambda: editor.split_segment(1, 0.5, "EQ-0002"), Problem.DUPLICATE, "number")
    _refused(lambda: editor.split_segment(1, 1.0, "EQ-0009"), Problem.BAD_SPLIT)
    _refused(lambda: editor.split_segment(1, 0.001, "EQ-0009"), Problem.BAD_SPLIT)  # a 0.4 m stub
    assert editor.page("segment").total == 2


def test_a_merge_joins_touching_segments_of_one_road(small: Store) -> None:
    small.execute_raw("UPDATE cameras SET segment_id = 2 WHERE id = 1")
    editor = _editor(small)
    west, east = editor.get("segment", 1).values, editor.get("segment", 2).values
    outcome = editor.merge_segments(1, 2)
    merged = editor.get("segment", 1).values
    assert merged["length_m"] == pytest.approx(west["length_m"] + east["length_m"], abs=0.2)
    _refused(lambda: editor.get("segment", 2), Problem.NOT_FOUND)
    assert editor.get("camera", 1).values["segment"] == "EQ-0001"
    assert editor.get("staff", 2).values["segment"] is None  # EQ-0001 has its 路长 already
    assert editor.history("segment", 2)[0].details["after"] == {"merged_into": "EQ-0001"}
    assert {c.id for c in outcome.changes if c.kind is EditKind.STAFF} == {2}
    assert _check(small) == {(Rule.ROAD_CHIEF_WITHOUT_SEGMENT, "staff", 2)}  # a warning to act on
    (line,) = small.execute_raw("SELECT geometry FROM segments WHERE id = 1")[0]
    points = json.loads(line) if isinstance(line, str) else line
    assert points[0] == pytest.approx([113.601, 34.705])  # from the west end of EQ-0001 …
    assert points[-1] == pytest.approx([113.609, 34.705])  # … to the east end of EQ-0002, joint kept once
    assert len(points) == 3


def test_merge_refusals(small: Store) -> None:
    editor = _editor(small)
    _refused(lambda: editor.merge_segments(1, 1), Problem.SAME_SEGMENT)
    small.execute_raw(
        "INSERT INTO roads (id, name, grade, geometry, length_m, min_lon, max_lon, min_lat, max_lat) "
        "VALUES (2, '别的路', '支路', '[[113.6, 34.7], [113.61, 34.7]]', 900, 113.6, 113.61, 34.7, 34.7)"
    )
    editor.edit("segment", 2, {"road": "别的路"})
    _refused(lambda: editor.merge_segments(1, 2), Problem.DIFFERENT_ROADS)
    editor.edit("segment", 2, {"road": "测试路"})
    editor.split_segment(1, 0.5, "EQ-0003")
    error = _refused(lambda: editor.merge_segments(1, 2), Problem.NOT_TOUCHING)  # the west half is far
    assert error.facts["gap_m"] > 100
    assert editor.page("segment").total == 3


def test_staff_edits_keep_their_unit_in_step_and_refuse_what_breaks(small: Store) -> None:
    editor = _editor(small)
    editor.edit("staff", 3, {"name": "王城管", "phone": "13912345678", "shift": "夜班"})
    assert small.execute_raw("SELECT label FROM units WHERE id = 1") == [("王城管",)]
    _refused(lambda: editor.edit("staff", 3, {"code": "S001"}), Problem.DUPLICATE, "code")
    _refused(lambda: editor.edit("staff", 3, {"phone": "12"}), Problem.BAD_PHONE, "phone")
    _refused(lambda: editor.edit("staff", 3, {"role": "队长"}), Problem.UNKNOWN_CHOICE, "role")
    _refused(lambda: editor.edit("staff", 3, {"segment": "EQ-9999"}), Problem.UNKNOWN_REFERENCE, "segment")
    _refused(lambda: editor.add_staff({"name": "缺电话"}), Problem.REQUIRED)
    editor.edit("staff", 1, {"role": "城市管理员"})  # now a patroller: he gets his map unit
    assert small.execute_raw(
        "SELECT label, kind FROM units u JOIN staff s ON s.unit_id = u.id WHERE s.id = 1"
    ) == [("职员1", "patroller")]


def test_a_member_of_staff_named_by_a_case_is_not_removed(small: Store) -> None:
    with small.engine.begin() as connection:
        connection.execute(insert(CaseCategory), category_rows())
    small.execute_raw(
        "INSERT INTO cases (number, category_id, source, status, description, address, lon, lat, office_id,"
        " segment_id, assignee_staff_id, urgency, created_at, updated_at, version) SELECT '20260512-00001', "
        "min(id), '市民上报', '受理', '测试', '测试路', 113.605, 34.705, 1, 1, 3, 2, "
        "'2026-05-12 02:00:00', '2026-05-12 02:00:00', 1 FROM case_categories"
    )
    editor = _editor(small)
    error = _refused(lambda: editor.remove_staff(3), Problem.IN_USE)
    assert error.facts == {"what": "cases", "count": 1}
    editor.edit("staff", 3, {"segment": ""})  # what to do instead: take him off his segment
    removed = editor.remove_staff(2)
    assert removed.main.operation == "remove"
    assert removed.main.before["code"] == "S002"
    assert editor.history("staff", 2)[0].details["operation"] == "remove"
    assert editor.page("staff").total == 2


def test_vehicles_and_companies(small: Store) -> None:
    editor = _editor(small)
    editor.edit("vehicle", 1, {"plate": "豫A54321", "terminal_id": "013800000009", "office": "测试街道"})
    assert small.execute_raw("SELECT label, office_id FROM units WHERE id = 2") == [("豫A54321", 1)]
    _refused(lambda: editor.edit("vehicle", 1, {"terminal_id": "12ab"}), Problem.BAD_TERMINAL)
    _refused(lambda: editor.edit("vehicle", 1, {"kind": "出租车"}), Problem.UNKNOWN_CHOICE)
    outcome = editor.rename_company("测试运输", "新运输公司")
    assert [c.id for c in outcome.changes] == [1]
    assert editor.get("vehicle", 1).values["company"] == "新运输公司"
    assert editor.history("vehicle", 1)[0].details["operation"] == "rename_company"
    _refused(lambda: editor.rename_company("无此公司", "x"), Problem.UNKNOWN_REFERENCE)
    assert editor.get("permit", 1).values["vehicle"] == "豫A54321"  # the permit names the truck by plate


def test_cameras_move_rename_and_group(small: Store) -> None:
    editor = _editor(small)
    changes = {"name": "测试路口东", "group": "重点", "main_url": "rtsp://m/1", "sub_url": "rtsp://s/1"}
    editor.edit("camera", 1, changes | {"lon": "113.606", "lat": "34.7052"})
    camera = editor.get("camera", 1).values
    assert camera["group"] == "重点"
    assert (camera["lon"], camera["lat"]) == (113.606, 34.7052)
    _refused(lambda: editor.edit("camera", 1, {"lon": "2.35", "lat": "48.85"}), Problem.BAD_COORDINATES)
    _refused(lambda: editor.edit("camera", 1, {"lon": "113.6"}), Problem.BAD_COORDINATES)
    _refused(lambda: editor.edit("camera", 1, {"lat": "east"}), Problem.NOT_A_NUMBER)
    _refused(lambda: editor.edit("camera", 1, {"code": "X"}), Problem.READ_ONLY)
    assert editor.page("camera", "重点").total == 1
    assert editor.page("camera", "无").total == 0
    assert _check(small) == set()
    editor.edit("camera", 1, {"lon": "113.7", "lat": "34.8"})  # moved out of every office
    assert _check(small) == {(Rule.CAMERA_OUTSIDE_DISTRICT, "camera", 1)}


def test_offices_roads_and_permits(small: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(small)
    editor.edit("office", 1, {"name": "新街道", "kind": "镇"})
    assert editor.get("staff", 1).values["office"] == "新街道"
    _refused(lambda: editor.edit("office", 1, {"kind": "省"}), Problem.UNKNOWN_CHOICE)
    editor.edit("road", 1, {"name": "新路", "grade": "主干道"})
    assert editor.get("segment", 1).values["road"] == "新路"
    editor.edit(
        "permit", 1, {"number": "郑渣准字2026-0099", "start": "22:00", "end": "06:00", "buffer_m": "200"}
    )
    permit = editor.get("permit", 1).values
    assert (permit["start"], permit["end"], permit["buffer_m"], permit["shape"]) == (1320, 360, 200.0, "area")
    _refused(lambda: editor.edit("permit", 1, {"start": "25:00"}), Problem.BAD_TIME)
    route = tmp_path / "route.geojson"
    route.write_text(
        '{"type":"Feature","properties":{},"geometry":{"type":"LineString",'
        '"coordinates":[[113.602,34.702],[113.608,34.708]]}}',
        encoding="utf-8",
    )
    editor.replace_permit_shape(1, route)
    assert editor.get("permit", 1).values["shape"] == "route"
    bad = tmp_path / "bad.geojson"
    bad.write_text(
        '{"type":"Feature","geometry":{"type":"LineString","coordinates":[[2.3,48.8],[2.4,48.9]]}}'
    )
    _refused(lambda: editor.replace_permit_shape(1, bad), Problem.BAD_GEOJSON)
    bad.write_text("not json")
    _refused(lambda: editor.replace_permit_shape(1, bad), Problem.BAD_GEOJSON)
    assert _check(small) == set()


def test_only_district_managers_edit_and_a_refusal_is_audited(small: Store) -> None:
    operator = _editor(small, UserRole.OPERATOR)
    from commandcenter.accounts.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        operator.edit("segment", 1, {"name": "偷改"})
    with pytest.raises(PermissionDenied):
        operator.page("segment")
    supervisor = _editor(small, UserRole.SUPERVISOR)
    assert supervisor.page("segment").total == 2  # reads, to open what the check names
    with pytest.raises(PermissionDenied):
        supervisor.edit("segment", 1, {"name": "偷改"})
    denied = small.execute_raw(
        "SELECT actor, target FROM audit_log WHERE action = 'access_denied' ORDER BY seq"
    )
    assert denied == [
        ("operator1", "segment:1"),
        ("operator1", "segment records"),
        ("supervisor1", "segment:1"),
    ]
    assert _editor(small).get("segment", 1).values["name"] == "测试路第1段"


@pytest.mark.parametrize("kind", ["segment", "staff", "camera", "permit"])
def test_a_kind_exported_as_csv_and_excel_reads_back(small: Store, tmp_path, kind: str) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(small)
    editor.edit("permit", 1, {"start": "06:30"})
    listed = editor.page(kind).records
    csv_path, xlsx_path = tmp_path / f"{kind}.csv", tmp_path / f"{kind}.xlsx"
    assert editor.export(kind, csv_path, "csv") == len(listed)
    assert editor.export(kind, xlsx_path, "xlsx") == len(listed)
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    book = load_workbook(xlsx_path, read_only=True)
    sheet = [
        ["" if c is None else str(c) for c in row] for row in book.worksheets[0].iter_rows(values_only=True)
    ]
    book.close()
    assert rows[0] == ["id", *listed[0].values]  # the fields in the editor's order
    assert rows[0] == sheet[0]
    assert [row[0] for row in rows[1:]] == [str(r.id) for r in listed]
    assert [row[:2] for row in sheet[1:]] == [row[:2] for row in rows[1:]]
    if kind == "permit":
        assert rows[1][rows[0].index("start")] == "06:30"
    exports = small.execute_raw("SELECT target FROM audit_log WHERE action = 'export' ORDER BY seq")
    assert exports == [(f"export:{kind}",), (f"export:{kind}",)]


def test_spatial_kinds_export_as_geojson(small: Store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    editor = _editor(small)
    for kind, geometry in (
        ("office", "Polygon"),
        ("road", "LineString"),
        ("segment", "LineString"),
        ("camera", "Point"),
        ("permit", "Polygon"),
    ):
        path = tmp_path / f"{kind}.geojson"
        count = editor.export(kind, path, "geojson")
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["type"] == "FeatureCollection"
        assert count == len(document["features"]) == editor.page(kind).total
        assert {f["geometry"]["type"] for f in document["features"]} == {geometry}
        assert document["features"][0]["properties"]["id"] == 1
    segments = json.loads((tmp_path / "segment.geojson").read_text(encoding="utf-8"))["features"]
    assert segments[0]["properties"]["number"] == "EQ-0001"
    assert segments[0]["geometry"]["coordinates"] == [[113.601, 34.705], [113.605, 34.705]]  # 7 digits
    _refused(lambda: editor.export("staff", tmp_path / "staff.geojson", "geojson"), Problem.READ_ONLY)
    operator = _editor(small, UserRole.OPERATOR)
    from commandcenter.accounts.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        operator.export("segment", tmp_path / "x.csv", "csv")
