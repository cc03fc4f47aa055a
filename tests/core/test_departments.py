"""Departments in the flow (联动), on both databases: a category handled by a department puts a new
case in its hands at intake; the centre hands any open case to a department (转办) with a deadline in
working hours, and the department's answer (回复) hands it back; a department user sees exactly the
cases its department holds, nothing of another department or office; each step is audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.audit.trail import AuditTrail
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.workflow_errors import TransitionRefused
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.district.models import Department
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # 10:00 on a working Tuesday in Zhengzhou
MANHOLE = "B0101"


@pytest.fixture
def district(store: Store) -> Store:
    tables = minimal_district()
    manhole = {**tables[CaseCategory][0], "id": 2, "code": MANHOLE, "name": "井盖", "department": "市政所"}
    manhole.update(kind="部件", major_code="B01", major_name="公用设施", dispose_hours=2.0)
    tables[CaseCategory].append(manhole)
    tables[Department] = [
        {"id": 1, "code": "D01", "name": "市政所", "phone": "", "active": True},
        {"id": 2, "code": "D02", "name": "爱卫办", "phone": "", "active": True},
    ]
    replace_all(store, tables)
    return store


def _as(store: Store, role: UserRole = UserRole.OPERATOR, **who: object) -> Services:
    services = services_for(store, role, **who)  # type: ignore[arg-type]
    services.cases.clock = lambda: NOW
    return services


def test_a_category_handled_by_a_department_is_in_its_hands_from_intake(district: Store) -> None:
    report = IncomingReport(MANHOLE, 113.61, 34.71, description="井盖缺失", photos=("a.jpg",))
    outcome = CaseIntake.from_store(district).receive(report, NOW)
    assert outcome.case_id is not None
    [case] = _as(district).cases.board([outcome.case_id])
    assert (case.department_id, case.department_name) == (1, "市政所")
    assert case.handoff_deadline_at == datetime(2026, 5, 12, 4, 0, tzinfo=UTC)  # two working hours
    street = CaseIntake.from_store(district).receive(
        IncomingReport("S0501", 113.611, 34.711, photos=("b",)), NOW
    )
    assert street.case_id is not None
    assert _as(district).cases.board([street.case_id])[0].department_id is None  # 属地镇办: no department


def test_hand_over_and_answer_back_with_the_department_scoped(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    other = create_case(district, minimal_report(description="另一件"), now=NOW)
    centre = _as(district)
    handed = centre.cases.hand_to_department(case_id, read_case(district, case_id).version, 2, hours=4)
    assert handed.deadline_at == read_case(district, case_id).deadline_at  # the case's own clock stays
    health = _as(district, UserRole.DEPARTMENT, username="aiwei", department="爱卫办")
    works = _as(district, UserRole.DEPARTMENT, username="shizheng", department="市政所")
    assert [case.id for case in health.cases.board()] == [case_id]
    assert works.cases.board() == []
    with pytest.raises(PermissionDenied):
        health.cases.detail(other)
    with pytest.raises(PermissionDenied):
        works.cases.detail(case_id)
    detail = health.cases.detail(case_id)
    assert detail.case.handoff_deadline_at == datetime(2026, 5, 12, 8, 0, tzinfo=UTC)  # 16:00, past lunch
    assert [t.action for t in detail.actions] == ["回复"]  # a department answers; it does not dispatch
    with pytest.raises(TransitionRefused):
        health.cases.reply(case_id, handed.version, "  ")  # the answer is required
    health.cases.reply(case_id, handed.version, "已组织消杀")
    assert health.cases.board() == []
    assert centre.cases.board([case_id])[0].department_id is None
    events = [(e.actor, e.action, e.note) for e in case_timeline(district, case_id)][-2:]
    assert events == [("operator1", "转办", ""), ("aiwei", "回复", "已组织消杀")]
    audit = [(r.actor, r.action) for r in AuditTrail(district).recent()]
    assert ("operator1", "dispatch") in audit
    assert ("aiwei", "dispatch") in audit


def test_who_may_hand_over_and_answer(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    version = read_case(district, case_id).version
    office = _as(district, UserRole.OFFICE, office_id=1)
    with pytest.raises(PermissionDenied):
        office.cases.hand_to_department(case_id, version, 1)
    with pytest.raises(PermissionDenied):  # not held by the department: not even visible to it
        _as(district, UserRole.DEPARTMENT, department="市政所").cases.reply(case_id, version, "x")
    unknown = _as(district, UserRole.DEPARTMENT, department="不存在的部门")
    with pytest.raises(PermissionDenied):
        unknown.cases.board()
    assert [d.name for d in _as(district).cases.departments()] == ["市政所", "爱卫办"]
