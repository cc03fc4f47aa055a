"""The demo district is stored through the district importer (issue 13: "demo data through the same
door"): what the importer derives is what the demo holds, a generator change the importer's rules
refuse fails at once, and rows that disagree with what the importer stored change nothing."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from sqlalchemy import func, select

from commandcenter.demo.district_plan import DemoDistrictError, district_plan
from commandcenter.demo.generate import DEMO_NOW, generate, load_demo_data
from commandcenter.district_data.columns import SEGMENT_ALIASES
from commandcenter.district_data.export import export_district
from commandcenter.district_data.importer import DistrictFiles, read_district
from commandcenter.district_data.read_features import _properties, segment_input
from commandcenter.domain.district_import import DistrictImportPlan, Origin
from commandcenter.domain.gis import ImportedFeature
from commandcenter.persistence.access import read_rows
from commandcenter.persistence.bulk_load import DistrictDrift, replace_all
from commandcenter.persistence.district.exports import district_snapshot
from commandcenter.persistence.district.imports import apply_district_import, known_district
from commandcenter.persistence.district.models import Segment, Staff
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit


def _comparable(store: Store) -> dict[str, list[tuple[object, ...]]]:
    plan = district_snapshot(store)
    return {
        "offices": sorted((o.name, o.code, o.kind) for o in plan.offices),
        "roads": sorted((r.name, r.grade) for r in plan.roads),
        "segments": sorted((s.code, s.road, s.office, s.name, s.difficulty) for s in plan.segments),
        "staff": sorted(
            (p.code, p.name, p.phone, p.role, p.office, p.segment or "", p.shift) for p in plan.staff
        ),
        "vehicles": sorted(
            (v.plate, v.kind, v.company or "", v.terminal_id or "", v.office or "") for v in plan.vehicles
        ),
    }


def test_the_demo_reimported_from_its_own_export_is_the_same_district(
    store: Store, tmp_path: Path, sqlite_url: str
) -> None:
    load_demo_data(store, now=DEMO_NOW)
    export_district(district_snapshot(store), tmp_path)
    files = DistrictFiles(
        offices=tmp_path / "offices.geojson",
        roads=tmp_path / "roads.geojson",
        segments=tmp_path / "segments.geojson",
        staff=tmp_path / "staff.csv",
        vehicles=tmp_path / "vehicles.csv",
    )
    empty = Store.open(sqlite_url.replace(".db", "-reimport.db"))
    try:
        plan = read_district(files, known_district(empty))
        assert plan.problems == []
        apply_district_import(empty, plan)
        assert _comparable(empty) == _comparable(store)
        # the importer gave every city manager and vehicle a unit; the demo has the same ones
        units = dict(read_rows(empty, select(Unit.kind, func.count()).group_by(Unit.kind)))
        demo_units = dict(read_rows(store, select(Unit.kind, func.count()).group_by(Unit.kind)))
        assert units == demo_units
    finally:
        empty.close()


def test_the_demo_units_carry_their_first_positions(store: Store) -> None:
    load_demo_data(store, now=DEMO_NOW)
    unplaced = read_rows(store, select(func.count()).select_from(Unit).where(Unit.last_lon.is_(None)))
    assert unplaced[0][0] == 0
    difficulties = {d for (d,) in read_rows(store, select(Segment.difficulty).distinct())}
    assert difficulties == {1, 2, 3}  # the generator's difficulty survives the importer's write


def test_a_generated_district_the_importer_refuses_is_an_error() -> None:
    rows = generate(now=DEMO_NOW)
    broken = copy.deepcopy(rows)
    second = broken[Segment][1]
    second["geometry"] = copy.deepcopy(broken[Segment][0]["geometry"])  # lies on top of the first
    with pytest.raises(DemoDistrictError, match=r"overlap|重叠"):
        district_plan(broken)
    orphan = copy.deepcopy(rows)
    manager = orphan[Staff][0]
    elsewhere = next(s for s in orphan[Segment] if s["office_id"] != manager["office_id"])
    manager["segment_id"] = elsewhere["id"]  # a segment of another office
    with pytest.raises(DemoDistrictError):
        district_plan(orphan)


def test_rows_that_disagree_with_the_importer_change_nothing(store: Store) -> None:
    load_demo_data(store, now=DEMO_NOW)
    before = _comparable(store)
    rows = generate(now=DEMO_NOW)
    plan = district_plan(rows)
    rows[Staff][0]["id"], rows[Staff][1]["id"] = rows[Staff][1]["id"], rows[Staff][0]["id"]
    with pytest.raises(DistrictDrift):
        replace_all(store, rows, district=plan)
    assert _comparable(store) == before


@pytest.mark.parametrize(("given", "stored"), [("2", 2), ("", None), (3.0, 3)])
def test_a_segment_file_may_carry_its_difficulty(given: object, stored: int | None) -> None:
    plan = DistrictImportPlan()
    properties = {"code": "EQ-1", "road": "大学路", "office": "建中街", "difficulty": given}
    segment = segment_input(
        Origin("segments.geojson", 1),
        _properties(_line(properties), SEGMENT_ALIASES),
        _line(properties),
        plan,
    )
    assert plan.problems == []
    assert segment is not None
    assert segment.difficulty == stored


def test_a_difficulty_outside_one_to_three_is_a_problem_of_its_row() -> None:
    plan = DistrictImportPlan()
    properties = {"code": "EQ-1", "road": "大学路", "office": "建中街", "难度": "4"}
    feature = _line(properties)
    assert (
        segment_input(Origin("segments.geojson", 7), _properties(feature, SEGMENT_ALIASES), feature, plan)
        is None
    )
    assert [str(problem) for problem in plan.problems] == [
        "segments.geojson 行 line 7: 难度应为 1、2 或 3 difficulty must be 1, 2 or 3: '4'"
    ]


def _line(properties: dict[str, object]) -> ImportedFeature:
    return ImportedFeature(1, "LineString", "", [[[113.6, 34.7], [113.61, 34.7]]], properties)
