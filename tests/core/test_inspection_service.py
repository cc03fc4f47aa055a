"""督查 through the services on both engines: the pool (staff and department members), a draw previewed
then confirmed (stored with its seed, replayable, audited), the window's pairings never repeated, a
pool too small refused with the reason, findings filed through intake with source 督查 (no photo
needed) and linked to the group, the period's deductions per office; office users refused."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import update

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.inspections import FindingReport, InspectionKind
from commandcenter.domain.kinds import UserRole
from commandcenter.inspections.draw import DrawError, DrawProblem, draw_groups, pairs_of
from commandcenter.persistence.access import writing
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.reports import reporters_of
from commandcenter.persistence.cases.transitions import read_case
from commandcenter.persistence.inspections.models import InspectionGroupRow
from commandcenter.persistence.inspections.pool import inspectors
from commandcenter.persistence.inspections.rounds import rounds as inspection_rounds, store_round
from commandcenter.persistence.store import Store
from commandcenter.services.intake_service import Filing
from commandcenter.testing.accounts import services_for
from commandcenter.testing.inspection_district import (
    OFFICE_NAMES,
    filled_pool,
    inspection_district,
    inspection_supervisor as supervisor,
)


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, inspection_district())
    return store


def test_the_pool_holds_staff_with_their_office_and_department_members(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    assert services.inspections.add_all_staff() == 0  # every 督查员 is in already
    pool = services.inspections.overview().pool
    assert len(pool) == 12
    assert {i.office_id for i in pool if i.staff_id is not None} == set(OFFICE_NAMES)
    assert all(i.office_id is None for i in pool if i.department_id == 1)
    with pytest.raises(InvalidInput, match="已在督查员库中"):
        services.inspections.add_staff(pool[0].staff_id or 0)
    services.inspections.set_active(pool[0].id, False)
    assert not services.inspections.overview().pool[0].active
    changes = AuditTrail(district).recent(action=AuditAction.INSPECTOR_CHANGE)
    assert len(changes) == 13
    assert services.inspections.add_all_staff("城市管理员") == 1
    assert changes[-1].details["change"] == "deactivated"


def test_a_confirmed_draw_is_stored_with_its_seed_and_can_be_replayed(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    preview = services.inspections.preview("2026-12", "暗访", group_size=2, seed=42)
    assert [target for target, _ in preview.groups] == [1, 2, 3, 4]
    homes = {i.id: i.office_id for i in services.inspections.overview().pool}
    assert all(homes[m] != target for target, members in preview.groups for m in members)
    assert services.inspections.overview().rounds == ()  # a preview stores nothing
    round_id = services.inspections.confirm(preview)
    [drawn] = services.inspections.overview("2026-12").rounds
    assert (drawn.id, drawn.kind, drawn.window) == (round_id, InspectionKind.COVERT, "2026-Q4")
    assert drawn.seed == 42
    assert [(g.target_office_id, g.member_ids) for g in drawn.groups] == list(preview.groups)
    assert (drawn.groups[0].starts_on.isoformat(), drawn.groups[0].ends_on.isoformat()) == (
        "2026-12-01",
        "2026-12-31",
    )
    pool = [i for i in inspectors(district) if i.id in drawn.pool_ids]
    replayed = draw_groups(pool, drawn.target_ids, drawn.group_size, drawn.seed)
    assert [(g.target_office_id, g.member_ids) for g in replayed] == list(preview.groups)
    [entry] = AuditTrail(district).recent(action=AuditAction.INSPECTION_DRAW)
    assert entry.target == f"inspection_round:{round_id}"
    assert entry.details["seed"] == 42


def test_draws_in_one_quarter_never_repeat_a_pairing_until_the_pool_runs_out(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    used: set[tuple[int, int]] = set()
    outcome = None
    periods = [f"2026-W{week}" for week in range(41, 54)] + ["2026-12"] * 10  # Q4's Mondays, then more
    for drawn, period in enumerate(periods):
        try:
            preview = services.inspections.preview(period, group_size=2, seed=drawn)
        except DrawError as refused:
            outcome = (drawn, refused.problem, "已用搭档" in str(refused))
            break
        services.inspections.confirm(preview)
        for _target, members in preview.groups:
            assert not pairs_of(members) & used
            used |= pairs_of(members)
    assert outcome is not None  # 12 inspectors have 66 pairings, a round uses 4
    assert outcome[0] >= 13
    assert outcome[1:] == (DrawProblem.PAIRINGS, True)
    first = services.inspections.preview("2027-W01", group_size=2, seed=1)  # a new quarter: all again
    assert len(first.groups) == 4


def test_a_pool_that_cannot_cover_every_office_is_refused_with_why(district: Store) -> None:
    services = supervisor(district)
    services.inspections.add_staff(11)
    services.inspections.add_staff(12)
    with pytest.raises(DrawError, match="共需 8 人，在岗仅 2 人"):
        services.inspections.preview("2026-12")
    with pytest.raises(DrawError, match="建中街街道：本镇办以外的在岗督查员仅 0 人"):
        services.inspections.preview("2026-12", targets=[1], group_size=2)
    with pytest.raises(ValueError, match="2026-13"):
        services.inspections.preview("2026-13")


def test_a_preview_outdated_by_another_draw_is_not_stored(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    stale = services.inspections.preview("2026-12", seed=5)
    services.inspections.confirm(services.inspections.preview("2026-12", seed=5))
    with pytest.raises(DrawError, match="重新抽取"):
        services.inspections.confirm(stale)
    assert len(services.inspections.overview().rounds) == 1


def test_a_finding_becomes_a_case_from_督查_linked_to_its_group_and_counted(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    services.inspections.confirm(services.inspections.preview("2026-12", "暗访", seed=3))
    group = next(g for g in services.inspections.overview().rounds[0].groups if g.target_office_id == 1)
    found = FindingReport("S0501", 113.61, 34.71, "夜市占道经营未清理", "大学路")
    filed = services.inspection_findings.record(group.id, found)
    assert filed.report.filing is Filing.NEW
    assert filed.finding_id is not None
    assert filed.report.case_id is not None
    case = read_case(district, filed.report.case_id)
    [reporter] = reporters_of(district, case.id)
    assert (reporter.source, reporter.reporter) == ("督查", f"督查2026-12第{group.id}组（暗访）")  # no photo
    [finding] = services.inspection_findings.findings(group.id)
    assert (finding.case_id, finding.office_id) == (filed.report.case_id, 1)
    deductions = services.inspections.deductions("2026-12")
    assert list(deductions) == [1]
    assert deductions[1].points == 2.0
    assert case.number in deductions[1].reasons[0]
    assert services.inspections.deductions("2026-11") == {}
    [entry] = AuditTrail(district).recent(action=AuditAction.INSPECTION_FINDING)
    assert entry.target == f"inspection_group:{group.id}"
    assert AuditTrail(district).recent(action=AuditAction.CASE_FILED)[-1].details["source"] == "督查"


def test_a_finding_outside_the_district_waits_in_review_still_linked(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    services.inspections.confirm(services.inspections.preview("2026-12", seed=3))
    group = services.inspections.overview().rounds[0].groups[0]
    filed = services.inspection_findings.record(group.id, FindingReport("S0501", 100.0, 30.0, "外地"))
    assert filed.report.filing is Filing.IN_REVIEW
    [finding] = services.inspection_findings.findings(group.id)
    assert finding.case_id is None
    assert finding.review_id == filed.report.review_id
    assert services.inspections.deductions("2026-12") == {}
    with pytest.raises(InvalidInput):
        services.inspection_findings.record(group.id, FindingReport("S0501", 113.61, 34.71, ""))
    with pytest.raises(InvalidInput, match="没有这个督查组"):
        services.inspection_findings.record(999, FindingReport("S0501", 113.61, 34.71, "x"))


@pytest.mark.parametrize("role", [UserRole.OFFICE, UserRole.OPERATOR, UserRole.INSPECTOR])
def test_office_users_and_others_are_refused_and_the_refusal_audited(district: Store, role: UserRole) -> None:
    services = services_for(district, role, office_id=1 if role is UserRole.OFFICE else None)
    with pytest.raises(PermissionDenied):
        services.inspections.overview()
    with pytest.raises(PermissionDenied):
        services.inspections.preview("2026-12")
    assert AuditTrail(district).recent(action=AuditAction.ACCESS_DENIED)


def test_leaders_read_but_do_not_draw(district: Store) -> None:
    leader = services_for(district, UserRole.LEADER)
    assert leader.inspections.overview().pool == ()
    with pytest.raises(PermissionDenied):
        leader.inspections.add_department_member("某人", 1)
    with pytest.raises(PermissionDenied):
        leader.inspection_findings.record(1, FindingReport("S0501", 113.61, 34.71, "x"))


def test_reloading_the_district_empties_the_inspections_with_it(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    services.inspections.confirm(services.inspections.preview("2026-12", seed=3))
    group = services.inspections.overview().rounds[0].groups[0]
    services.inspection_findings.record(group.id, FindingReport("S0501", 113.61, 34.71, "问题"))
    replace_all(district, inspection_district())  # a demo reset: no foreign key holds it back
    overview = supervisor(district).inspections.overview()
    assert (overview.pool, overview.rounds) == ((), ())


def test_a_stored_round_verifies_and_a_tampered_one_does_not(district: Store) -> None:
    services = supervisor(district)
    filled_pool(services)
    first = services.inspections.confirm(services.inspections.preview("2026-W50", seed=11))
    second = services.inspections.confirm(services.inspections.preview("2026-W51", seed=12))
    services.inspections.set_active(1, False)  # a later change of the pool does not matter
    assert services.inspections.verify(first)
    assert services.inspections.verify(second)  # drawn around the first round's pairings
    groups = services.inspections.overview().rounds[0].groups
    swapped = [groups[1].member_ids[0], groups[0].member_ids[1]]
    with writing(district) as connection:
        connection.execute(
            update(InspectionGroupRow).where(InspectionGroupRow.id == groups[0].id).values(member_ids=swapped)
        )
    assert not services.inspections.verify(second)
    with pytest.raises(InvalidInput, match="没有这一轮督查"):
        services.inspections.verify(99)


def test_a_draw_racing_another_in_its_window_is_not_stored(district: Store) -> None:
    """Two desks confirm at once: the one whose draw did not see the other's groups stores nothing."""
    services = supervisor(district)
    filled_pool(services)
    late = services.inspections.preview("2026-12", seed=8)
    services.inspections.confirm(services.inspections.preview("2026-12", seed=9))
    [stored] = services.inspections.overview().rounds
    race = dataclasses.replace(stored, seed=late.seed)
    assert (
        store_round(district, race, late.groups, late.starts_on, late.ends_on, window_groups_seen=0) is None
    )
    assert len(services.inspections.overview().rounds) == 1


def test_a_year_of_weekly_rounds_stored_keeps_the_rules(district: Store) -> None:
    """The issue's property on the real store: 52 weekly rounds drawn and confirmed through the service,
    then read back — no pairing twice within a quarter, nobody on their own office, every office each
    week."""
    services = supervisor(district)
    filled_pool(services)
    for week in range(1, 53):
        services.inspections.confirm(services.inspections.preview(f"2026-W{week:02d}", seed=week))
    rounds = services.inspections.overview().rounds
    homes = {i.id: i.office_id for i in services.inspections.overview().pool}
    assert len(rounds) == 50  # the overview's newest 50; the store holds all 52
    seen: dict[str, set[tuple[int, int]]] = {}
    for drawn in inspection_rounds(district, limit=100):
        assert sorted(g.target_office_id for g in drawn.groups) == sorted(OFFICE_NAMES)
        used = seen.setdefault(drawn.window, set())
        for group in drawn.groups:
            assert all(homes[m] != group.target_office_id for m in group.member_ids)
            assert not pairs_of(group.member_ids) & used
            used |= pairs_of(group.member_ids)
    # 2026-W01 starts on Monday 2025-12-29: its window is the quarter its first day lies in
    assert sorted(seen) == ["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
