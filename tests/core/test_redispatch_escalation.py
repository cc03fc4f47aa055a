"""A dispatched case nobody signed for can be handed on at any time: 改派 to another person (through
the same idempotent dispatch request as one click) and 升级 one level up the ladder (路长 → 镇办 →
区城管局), each an audited step of the principal's own, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.audit.trail import AuditTrail
from commandcenter.cases.dispatch import DispatchOutcome, DispatchRequest
from commandcenter.cases.escalation import EscalationLevel
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.domain.workflow_errors import TransitionRefused
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.district.models import Staff
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # 10:00 in Zhengzhou, a working Tuesday
PATROLLER, ROAD_CHIEF, INSPECTOR = 1, 2, 3


@pytest.fixture
def district(store: Store) -> Store:
    tables = minimal_district()
    person = {"office_id": 1, "shift": "白班", "phone": "13800000001", "unit_id": None}
    tables[Staff] += [
        {**person, "id": ROAD_CHIEF, "code": "LZ0001", "name": "李路长", "role": "路长", "segment_id": 1},
        {**person, "id": INSPECTOR, "code": "DC0001", "name": "王督查", "role": "督查员", "segment_id": None},
    ]
    replace_all(store, tables)
    return store


def _services(store: Store, role: UserRole = UserRole.OPERATOR, **who: object) -> Services:
    services = services_for(store, role, **who)  # type: ignore[arg-type]
    services.cases.clock = lambda: NOW
    return services


def _dispatched_to(store: Store, staff_id: int, name: str) -> int:
    case_id = create_case(store, minimal_report(), now=NOW)
    result = _services(store).cases.dispatch(DispatchRequest(case_id, staff_id, name, "值班员甲"))
    assert result.outcome is DispatchOutcome.DISPATCHED
    return case_id


def test_redispatch_hands_an_unsigned_case_to_someone_else_once(district: Store) -> None:
    case_id = _dispatched_to(district, PATROLLER, "张伟")
    deadline = read_case(district, case_id).deadline_at
    request = DispatchRequest(
        case_id, ROAD_CHIEF, "李路长", "值班员甲", reassign=True, from_staff_id=PATROLLER
    )
    first = _services(district).cases.dispatch(request)
    again = _services(district).cases.dispatch(request)  # the outbox's replay after a lost answer
    assert (first.outcome, again.outcome) == (DispatchOutcome.DISPATCHED, DispatchOutcome.DISPATCHED)
    case = read_case(district, case_id)
    assert (case.status, case.assignee_staff_id) == (CaseStatus.DISPATCHED, ROAD_CHIEF)
    assert case.deadline_at == deadline  # handing a case on buys it no time
    assert [e.action for e in case_timeline(district, case_id)].count("改派") == 1
    assert AuditTrail(district).recent()[-1].action == "dispatch"


def test_redispatch_of_a_case_that_moved_meanwhile_is_told_not_forced(district: Store) -> None:
    case_id = _dispatched_to(district, PATROLLER, "张伟")
    colleague = DispatchRequest(
        case_id, INSPECTOR, "王督查", "值班员乙", reassign=True, from_staff_id=PATROLLER
    )
    assert _services(district).cases.dispatch(colleague).outcome is DispatchOutcome.DISPATCHED
    late = DispatchRequest(case_id, ROAD_CHIEF, "李路长", "值班员甲", reassign=True, from_staff_id=PATROLLER)
    result = _services(district).cases.dispatch(late)
    assert result.outcome is DispatchOutcome.TAKEN
    assert read_case(district, case_id).assignee_staff_id == INSPECTOR


def test_escalation_climbs_from_the_holder_to_the_bureau(district: Store) -> None:
    services = _services(district)
    services.advice.load()
    case_id = _dispatched_to(district, PATROLLER, "张伟")  # a patroller: the 路长 answers first
    levels = []
    for _ in range(3):
        case = services.cases.board([case_id])[0]
        step = services.advice.next_escalation(case, NOW)
        assert step is not None
        levels.append((step.level, None if step.staff is None else step.staff.id))
        services.cases.escalate(case_id, case.version, step, "未签收")
    assert levels == [
        (EscalationLevel.ROAD_CHIEF, ROAD_CHIEF),
        (EscalationLevel.OFFICE, INSPECTOR),
        (EscalationLevel.BUREAU, None),
    ]
    top = services.cases.board([case_id])[0]
    assert (top.status, top.assignee_id) == (CaseStatus.DISPATCHED, None)
    assert services.advice.next_escalation(top, NOW) is None  # the bureau is the top
    events = [e for e in case_timeline(district, case_id) if e.action == "升级"]
    assert [e.payload["level"] for e in events] == ["路长", "镇办", "区城管局"]
    assert [r.action for r in AuditTrail(district).recent()[-3:]] == ["dispatch"] * 3


def test_the_hint_names_the_next_level_not_the_holder(district: Store) -> None:
    services = _services(district)
    services.advice.load()
    case_id = _dispatched_to(district, ROAD_CHIEF, "李路长")
    case = services.cases.board([case_id])[0]
    assert services.advice.escalation(case, NOW + timedelta(minutes=5), timedelta(minutes=30)) is None
    late = services.advice.escalation(case, NOW + timedelta(minutes=45), timedelta(minutes=30))
    assert late is not None
    assert late.level is EscalationLevel.OFFICE


def test_a_signed_case_is_not_escalated_and_an_office_user_may_not(district: Store) -> None:
    case_id = _dispatched_to(district, ROAD_CHIEF, "李路长")
    operator = _services(district)
    operator.advice.load()
    step = operator.advice.next_escalation(operator.cases.board([case_id])[0], NOW)
    assert step is not None
    office = _services(district, UserRole.OFFICE, office_id=1)
    with pytest.raises(PermissionDenied):
        office.cases.escalate(case_id, read_case(district, case_id).version, step)
    signed = office.cases.transition(case_id, read_case(district, case_id).version, "签收")
    with pytest.raises(TransitionRefused):
        operator.cases.escalate(case_id, signed.version, step)
