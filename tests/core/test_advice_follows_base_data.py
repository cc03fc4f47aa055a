"""Dispatch advice follows base-data changes made on any workstation without a restart (issue 13):
a workstation whose advice was loaded on an empty database gives advice once the district is
imported, and after a re-import moves the 路长 of a segment it recommends the new one. Alert filing
uses the current district too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from commandcenter.cases.intake import CaseIntake
from commandcenter.district_data.importer import DistrictFiles
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
from commandcenter.testing.district_files import STAFF_HEADER, write_small_district

NOW = datetime(2026, 5, 12, 2, 30, tzinfo=UTC)  # 10:30 in Zhengzhou: the day shift
ON_T1 = (113.61, 34.71)


def _import(admin: Services, folder: Path) -> None:
    files = DistrictFiles(
        offices=folder / "offices.geojson",
        roads=folder / "roads.geojson",
        segments=folder / "segments.geojson",
        staff=folder / "staff.csv",
    )
    plan = admin.district_data.read(files)
    assert plan.problems == []
    admin.district_data.store_plan(plan)


def _first_pick(operator: Services, case_id: int) -> str:
    (case,) = operator.cases.board([case_id])
    picks = operator.advice.recommendations(case, NOW)
    assert picks, "no recommendation"
    return picks[0].staff.name


def test_advice_loaded_before_the_district_follows_imports(store: Store, tmp_path: Path) -> None:
    admin, operator = services_for(store, UserRole.ADMIN), services_for(store, UserRole.OPERATOR)
    operator.advice.load(operator.case_rules)
    assert operator.advice.segment_geometry(1) == []  # nothing to advise on yet

    _import(admin, write_small_district(tmp_path / "first"))
    outcome = CaseIntake.from_store(store).receive(
        IncomingReport("S0501", *ON_T1, photos=("photos/a.jpg",)), NOW
    )
    assert outcome.case_id is not None
    operator.advice.refresh()
    assert _first_pick(operator, outcome.case_id) == "张三"

    moved = STAFF_HEADER + "张三,13800000001,督查员,甲街道,\n王五,13800000003,路长,甲街道,T-1\n"
    _import(admin, write_small_district(tmp_path / "second", staff=moved))
    assert _first_pick(operator, outcome.case_id) == "张三"  # not yet refreshed: the old index
    operator.advice.refresh()
    assert _first_pick(operator, outcome.case_id) == "王五"


def test_an_edit_by_hand_reaches_the_advice_of_another_workstation(store: Store, tmp_path: Path) -> None:
    admin, operator = services_for(store, UserRole.ADMIN), services_for(store, UserRole.OPERATOR)
    _import(admin, write_small_district(tmp_path))
    outcome = CaseIntake.from_store(store).receive(
        IncomingReport("S0501", *ON_T1, photos=("photos/a.jpg",)), NOW
    )
    assert outcome.case_id is not None
    operator.advice.load(operator.case_rules)
    assert _first_pick(operator, outcome.case_id) == "张三"
    page = admin.district_edit.page("staff", "李四")
    (li,) = page.records
    admin.district_edit.edit("staff", li.id, {"segment": "T-1", "office": "甲街道"})
    admin.district_edit.edit(
        "staff", next(r.id for r in admin.district_edit.page("staff", "张三").records), {"segment": ""}
    )
    operator.advice.refresh()
    assert _first_pick(operator, outcome.case_id) == "李四"
