"""The services decide who sees what, whatever screen asks: an office user's counts, board, pins,
units, tracks and alerts are their office's; a refused read is audited under the user; only a
principal allowed to manage categories changes the category table, and that change is audited."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.dispatch import DispatchRequest
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, StaffRole, UserRole
from commandcenter.persistence.cases.categories import list_categories
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.demo_district import DemoDistrict, demo_district

OPEN = ", ".join(f"'{status.value}'" for status in OPEN_CASE_STATUSES)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[DemoDistrict]:
    """A fresh seed district per test: these tests write (audit rows, categories, views)."""
    with demo_district(tmp_path) as built:
        yield built


def _busiest_office(store: Store) -> int:
    rows = store.execute_raw(
        f"SELECT office_id, COUNT(*) FROM cases WHERE status IN ({OPEN}) AND office_id IS NOT NULL "
        "GROUP BY office_id ORDER BY COUNT(*) DESC"
    )
    return int(rows[0][0])


def test_an_office_users_reads_are_their_offices(demo: DemoDistrict) -> None:
    store = demo.store
    office = _busiest_office(store)
    mine = services_for(store, UserRole.OFFICE, office_id=office, username="office9")
    everyone = services_for(store)
    board = mine.cases.board()
    assert board
    assert {case.office_id for case in board} == {office}
    assert len(everyone.cases.board()) > len(board)
    assert mine.district.counts().offices == 1
    assert mine.district.counts().open_cases == len(board)
    assert everyone.district.counts().offices == 18
    pins = mine.map.overlay([]).case_ids
    assert set(pins.tolist()) <= {case.id for case in board}
    assert {unit.office_id for unit in mine.tracks.units()} == {office}


def test_another_offices_detail_and_track_are_refused_and_audited(demo: DemoDistrict) -> None:
    store = demo.store
    office = _busiest_office(store)
    mine = services_for(store, UserRole.OFFICE, office_id=office, username="office9")
    foreign = next(case for case in services_for(store).cases.board() if case.office_id != office)
    with pytest.raises(PermissionDenied):
        mine.cases.detail(foreign.id)
    foreign_unit = next(unit for unit in services_for(store).tracks.units() if unit.office_id != office)
    with pytest.raises(PermissionDenied):
        mine.tracks.tracks([foreign_unit.id], demo.now - timedelta(hours=1), demo.now)
    denied = {(r.actor, r.target) for r in AuditTrail(store).recent(action=AuditAction.ACCESS_DENIED)}
    assert ("office9", f"case:{foreign.id}") in denied
    assert ("office9", f"unit:{foreign_unit.id}") in denied


def test_only_a_category_manager_changes_categories_and_the_change_is_audited(demo: DemoDistrict) -> None:
    store = demo.store
    first = list_categories(store)[0]
    edited = first.__class__(**{**first.__dict__, "dispatch_hours": first.dispatch_hours + 1})
    operator = services_for(store, username="operator5").categories
    assert not operator.may_edit
    with pytest.raises(PermissionDenied):
        operator.save([edited])
    assert list_categories(store)[0].dispatch_hours == first.dispatch_hours
    supervisor = services_for(store, UserRole.SUPERVISOR, username="chief1").categories
    assert supervisor.save([edited]) == 1
    assert list_categories(store)[0].dispatch_hours == first.dispatch_hours + 1
    changes = AuditTrail(store).recent(action=AuditAction.CATEGORY_CHANGE)
    assert [(r.actor, r.details["codes"]) for r in changes] == [("chief1", [first.code])]
    denied = AuditTrail(store).recent(action=AuditAction.ACCESS_DENIED)
    assert any(r.actor == "operator5" and r.target == "categories" for r in denied)


def test_views_and_favourites_belong_to_the_signed_in_user(demo: DemoDistrict) -> None:
    store = demo.store
    mine, theirs = services_for(store, username="operator1"), services_for(store, username="operator2")
    mine.cameras.save_view("早高峰", "1x1", ("C0",), shared=False)
    theirs.cameras.save_view("全区", "1x1", ("C1",), shared=True)
    assert [(v.name, v.owner) for v in mine.cameras.views()] == [
        ("早高峰", "operator1"),
        ("全区", "operator2"),
    ]
    assert [v.name for v in theirs.cameras.views()] == ["全区"]
    assert not theirs.cameras.delete_view("早高峰")  # not theirs to delete
    mine.cameras.set_favourite("C0", True)
    assert mine.cameras.favourites() == {"C0"}
    assert theirs.cameras.favourites() == set()


def test_a_signed_in_dispatch_is_audited_as_that_user(demo: DemoDistrict) -> None:
    store = demo.store
    service = services_for(store, username="operator3").cases
    case = next(case for case in service.board() if case.status in ("受理", "立案") and case.segment_id)
    assert case.segment_id is not None
    staff = demo.index.segment_staff(case.segment_id, StaffRole.ROAD_CHIEF)[0]
    result = service.dispatch(DispatchRequest(case.id, staff.id, staff.name, "值班员"))
    assert result.status == "派遣"
    audited = AuditTrail(store).recent(action=AuditAction.DISPATCH)
    assert [(r.actor, r.target) for r in audited][:1] == [("operator3", f"case:{case.id}")]
    assert datetime.now(UTC) >= audited[0].ts
