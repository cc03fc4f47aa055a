"""The credit record through its service on SQLite and PostgreSQL: a muck truck case naming its plate
and company, three violations listing a plate (audited: the violation and the listing), a duplicate
refused, appeals (upheld → off the list; rejected → stays; never one's own), expiry by the sweep,
office scoping, permissions, the district's thresholds from the settings, the export."""

from __future__ import annotations

import csv
import dataclasses
import threading
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.credit.record import ViolatorDraft
from commandcenter.domain.credit import CreditRefused, CreditThreshold, RemovalReason, ViolatorKind
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.credit_cases import TRUCK_CASE, case_number, credit_services, load_credit_district

Z = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 11, 2, 9, tzinfo=Z)
PLATE = ViolatorDraft(ViolatorKind.PLATE, "豫A12345", "豫A12345")


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def district(store: Store) -> Store:
    load_credit_district(store, START - timedelta(days=1))
    return store


def enforcer(store: Store, clock: Clock, name: str = "zf1") -> Services:
    return credit_services(store, UserRole.INSPECTOR, clock, username=name)


def confirm_three(services: Services, clock: Clock, cases: tuple[int, ...] = (1, 3, 5)) -> None:
    for number in cases:
        services.credit.confirm(case_number(number), PLATE, 2, "现场确认")
        clock.now += timedelta(days=1)


def test_a_muck_truck_case_names_its_plate_and_company(district: Store, clock: Clock) -> None:
    found = enforcer(district, clock).credit.case(TRUCK_CASE)
    assert [(v.plate, v.company) for v in found.vehicles] == [("豫A12345", "二七区渣土运输公司")]
    assert found.case.office_id == 1
    with pytest.raises(CreditRefused, match="没有案件 X1 / no case X1"):
        enforcer(district, clock).credit.case("X1")
    district.execute_raw("UPDATE cases SET status = '作废' WHERE id = 2")
    with pytest.raises(CreditRefused, match="不能作为失信依据 / case T000000000002 is 作废"):
        enforcer(district, clock).credit.confirm(case_number(2), PLATE, 1)


def test_three_violations_list_the_plate_each_step_audited(district: Store, clock: Clock) -> None:
    services = enforcer(district, clock)
    confirm_three(services, clock, (1, 3))
    assert services.credit.listed() == []
    done = services.credit.confirm(case_number(5), PLATE, 2)
    assert done.change.listed is not None
    listed = services.credit.listed()
    assert [(row.violator.identifier, row.listing.basis.value, row.violations) for row in listed] == [
        ("豫A12345", "count", 3)
    ]
    assert listed[0].listing.facts == {"count": 3, "points": 6, "window_months": 12}
    assert len(services.credit.violators("豫A")) == 1
    # a fourth does not list twice
    services.credit.confirm(case_number(7), PLATE, 2)
    assert len(services.credit.listed()) == 1
    trail = AuditTrail(district).recent(limit=20)
    actions = [(r.actor, r.action) for r in trail]
    assert actions.count(("zf1", AuditAction.CREDIT_VIOLATION)) == 4
    listings = [r for r in trail if r.action == AuditAction.CREDIT_LISTING]
    assert [r.details["step"] for r in listings] == ["listed"]
    assert listings[0].target == f"credit_violator:{done.violator.id}"


def test_a_second_violation_on_one_case_is_refused(district: Store, clock: Clock) -> None:
    services = enforcer(district, clock)
    services.credit.confirm(TRUCK_CASE, PLATE, 2)
    with pytest.raises(CreditRefused, match="已就案件 T000000000001 记录失信 / already recorded"):
        services.credit.confirm(TRUCK_CASE, PLATE, 3)
    company = ViolatorDraft(ViolatorKind.COMPANY, "二七区渣土运输公司", "91410100MA3X4Y5B6A")
    services.credit.confirm(TRUCK_CASE, company, 3)  # the company on the same case is another violator
    assert len(services.credit.violators()) == 2


def test_an_upheld_appeal_voids_the_violation_and_takes_the_plate_off(district: Store, clock: Clock) -> None:
    confirm_three(enforcer(district, clock), clock)
    supervisor = credit_services(district, UserRole.SUPERVISOR, clock, username="zbz1")
    violator = supervisor.credit.listed()[0].violator
    first = supervisor.credit.violations(violator.id)[-1]
    enforcer(district, clock).credit.file_appeal(first.id, "车辆当日在外地维修")
    with pytest.raises(PermissionDenied):  # 执法 files, only a supervisor decides
        enforcer(district, clock).credit.decide_appeal(first.id, True)
    decided = supervisor.credit.decide_appeal(first.id, True, "维修记录属实")
    assert decided.appeal.value == "upheld"
    assert supervisor.credit.listed() == []
    ended = supervisor.credit.listings(violator.id)[0]
    assert ended.removed_reason is RemovalReason.APPEAL_UPHELD
    with pytest.raises(CreditRefused, match="no appeal waits"):
        supervisor.credit.decide_appeal(first.id, False)
    steps = [
        r.details.get("step") for r in AuditTrail(district).recent(limit=6) if r.action.startswith("credit")
    ]
    assert steps[-3:] == ["filed", "upheld", "removed"]


def test_a_rejected_appeal_keeps_the_listing_and_nobody_decides_their_own(
    district: Store, clock: Clock
) -> None:
    supervisor = credit_services(district, UserRole.SUPERVISOR, clock, username="zbz1")
    confirm_three(supervisor, clock)
    violation = supervisor.credit.violations(supervisor.credit.listed()[0].violator.id)[0]
    supervisor.credit.file_appeal(violation.id, "不服")
    with pytest.raises(PermissionDenied, match="本人确认"):
        supervisor.credit.decide_appeal(violation.id, False)
    other = credit_services(district, UserRole.SUPERVISOR, clock, username="zbz2")
    assert other.credit.decide_appeal(violation.id, False, "证据充分").appeal.value == "rejected"
    assert len(other.credit.listed()) == 1


def test_expiry_by_the_sweep(district: Store, clock: Clock) -> None:
    services = enforcer(district, clock)
    confirm_three(services, clock)
    assert len(services.credit.listed()) == 1
    clock.now = START + timedelta(days=370)  # the listing's twelve months are over, violations too
    assert services.credit.listed() == []  # not shown past its term even before a sweep
    swept = services.credit.sweep()
    assert [c.reason for c in swept.changes] == [RemovalReason.EXPIRY]
    assert services.credit.sweep().changes == []  # idempotent
    violator = services.credit.violators()[0]
    assert services.credit.listings(violator.id)[0].removed_reason is RemovalReason.EXPIRY


def test_an_office_user_sees_their_office_cases_only(district: Store, clock: Clock) -> None:
    confirm_three(enforcer(district, clock), clock, (1, 2, 3))  # office 1, 2, 1
    own = credit_services(district, UserRole.OFFICE, clock, office_id=2)
    rows = own.credit.listed()
    assert [row.violations for row in rows] == [1]  # listed, but only office 2's violation counts here
    violator = rows[0].violator
    assert {v.case_number for v in own.credit.violations(violator.id)} == {case_number(2)}
    with pytest.raises(PermissionDenied):
        own.credit.confirm(case_number(2), PLATE, 1)
    company = ViolatorDraft(ViolatorKind.SHOP, "老王烧烤", "92410100MA44AAAA1K")
    enforcer(district, clock).credit.confirm(case_number(1), company, 1)
    assert [v.name for v in own.credit.violators()] == ["豫A12345"]
    shop = next(v for v in enforcer(district, clock).credit.violators() if v.kind is ViolatorKind.SHOP)
    with pytest.raises(PermissionDenied):
        own.credit.listings(shop.id)
    assert AuditTrail(district).recent(limit=1)[0].action == AuditAction.ACCESS_DENIED


def test_a_persons_id_number_is_stored_and_audited_masked(district: Store, clock: Clock) -> None:
    person = ViolatorDraft(ViolatorKind.PERSON, "李某", "410102199001011234")
    done = enforcer(district, clock).credit.confirm(case_number(3), person, 1)
    assert done.violator.identifier == "410102********1234"
    stored = district.execute_raw("SELECT identifier, match_key FROM credit_violators")
    assert "199001011234" not in repr(stored)
    assert "199001011234" not in repr([r.details for r in AuditTrail(district).recent(limit=5)])


def test_the_district_thresholds_come_from_the_settings(district: Store, clock: Clock) -> None:
    admin = credit_services(district, UserRole.ADMIN, clock)
    stored = admin.settings.current()
    rules = dataclasses.replace(
        stored.settings.credit,
        thresholds=(CreditThreshold(ViolatorKind.PLATE, count=2, points=0, window_months=1),),
    )
    admin.settings.save(dataclasses.replace(stored.settings, credit=rules), stored.revision)
    services = enforcer(district, clock)
    confirm_three(services, clock, (1, 3))
    assert len(services.credit.listed()) == 1


def test_the_list_exports_to_csv_with_bom_and_excel(district: Store, clock: Clock, tmp_path: Path) -> None:
    confirm_three(enforcer(district, clock), clock)
    leader = credit_services(district, UserRole.LEADER, clock)
    assert leader.credit.export(tmp_path / "list.csv", "csv") == 1
    raw = (tmp_path / "list.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["类型", "名称", "标识"]
    assert rows[1][0] == "车辆"
    assert rows[1][4] == "12个月内失信3次"
    assert leader.credit.export(tmp_path / "list.xlsx", "xlsx") == 1
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "list.xlsx").active
    assert sheet is not None
    assert sheet.cell(2, 2).value == "豫A12345"
    assert AuditTrail(district).recent(limit=1)[0].action == AuditAction.EXPORT
    with pytest.raises(PermissionDenied):
        credit_services(district, UserRole.OPERATOR, clock).credit.listed()


def test_racing_confirmations_list_once_and_add_the_violator_once(district: Store, clock: Clock) -> None:
    """Six workstations confirm violations of one new plate at once (each on its own case): one
    violator, six violations, exactly one listing — the violator's row lock serialises the rule."""
    cases = (1, 3, 5, 7, 9, 11)
    barrier = threading.Barrier(len(cases))
    failures: list[BaseException] = []

    def confirm(number: int) -> None:
        services = enforcer(district, clock, f"zf{number}")
        barrier.wait()
        try:
            services.credit.confirm(case_number(number), PLATE, 1)
        except BaseException as failure:  # reported below, not lost in the thread
            failures.append(failure)

    threads = [threading.Thread(target=confirm, args=(number,)) for number in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    services = enforcer(district, clock)
    assert len(services.credit.violators()) == 1
    assert len(services.credit.violations(services.credit.violators()[0].id)) == 6
    assert len(services.credit.listings(services.credit.violators()[0].id)) == 1


def test_a_supervisor_removes_a_listing_by_hand_with_a_reason(district: Store, clock: Clock) -> None:
    confirm_three(enforcer(district, clock), clock)
    violator = enforcer(district, clock).credit.listed()[0].violator
    with pytest.raises(PermissionDenied):  # 执法 confirm, only a supervisor takes a listing off
        enforcer(district, clock).credit.remove_listing(violator.id, "整改到位")
    supervisor = credit_services(district, UserRole.SUPERVISOR, clock, username="zbz1")
    with pytest.raises(CreditRefused, match="请填写移出理由"):
        supervisor.credit.remove_listing(violator.id, " ")
    supervisor.credit.remove_listing(violator.id, "信用修复：整改到位")
    assert supervisor.credit.listed() == []
    ended = supervisor.credit.listings(violator.id)[0]
    assert (ended.removed_reason, ended.removed_by, ended.removal_note) == (
        RemovalReason.MANUAL,
        "zbz1",
        "信用修复：整改到位",
    )
    entry = AuditTrail(district).recent(action=AuditAction.CREDIT_LISTING, limit=1)[0]
    assert (entry.actor, entry.details["reason"]) == ("zbz1", "manual")
    with pytest.raises(CreditRefused, match="not on the list"):
        supervisor.credit.remove_listing(violator.id, "再次")


def test_a_lapsed_listing_is_renewed_when_the_threshold_still_holds(district: Store, clock: Clock) -> None:
    admin = credit_services(district, UserRole.ADMIN, clock)
    stored = admin.settings.current()
    short = dataclasses.replace(stored.settings.credit, listing_months=1, violation_months=24)
    admin.settings.save(dataclasses.replace(stored.settings, credit=short), stored.revision)
    services = enforcer(district, clock)
    confirm_three(services, clock)
    first = services.credit.listed()[0].listing
    clock.now = first.expires_at  # the first instant past its term; the three still count
    swept = services.credit.sweep()
    [change] = swept.changes
    assert change.reason is RemovalReason.EXPIRY
    assert change.listed is not None
    assert change.listed.listed_at == first.expires_at
    assert [row.listing.id for row in services.credit.listed()] == [change.listed.id]
