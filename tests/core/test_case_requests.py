"""延期/挂账 as a request and a decision, on SQLite and PostgreSQL: the office's handler asks, a
supervisor approves (the deadline moves by the granted working hours, the step is the requester's with
``approved_by``) or refuses (nothing moves, the reason is kept); who may do what; two supervisors
racing; an approval after the case moved on; the timeline and the audit log show each step."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.calendar import DISTRICT_TIMEZONE
from commandcenter.domain.case_requests import RequestRefused, RequestStatus
from commandcenter.domain.cases import CaseSnapshot, NewCase
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.workflow import default_calendar
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases import requests
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.cases.transitions import apply_transition, case_timeline, read_case
from commandcenter.persistence.district.models import Office, Staff
from commandcenter.persistence.store import Store
from commandcenter.services.approval_service import ApprovalService
from commandcenter.services.case_service import CaseService

NOW = datetime(2026, 3, 10, 11, 0, tzinfo=DISTRICT_TIMEZONE)  # a Tuesday, 03:00 UTC
HANDLER = Principal(1, "office-a", "镇办甲", UserRole.OFFICE, 1)
OTHER_OFFICE = Principal(2, "office-b", "镇办乙", UserRole.OFFICE, 2)
SUPERVISOR = Principal(3, "supervisor-a", "值班长甲", UserRole.SUPERVISOR, None)
SECOND_SUPERVISOR = Principal(4, "supervisor-b", "值班长乙", UserRole.SUPERVISOR, None)
OPERATOR = Principal(5, "operator-a", "值班员甲", UserRole.OPERATOR, None)


def _office(office_id: int, code: str, name: str) -> dict[str, object]:
    box = {"min_lon": 113.6, "min_lat": 34.7, "max_lon": 113.62, "max_lat": 34.72}
    ring = [[113.6, 34.7], [113.62, 34.7], [113.62, 34.72], [113.6, 34.7]]
    return {"id": office_id, "code": code, "name": name, "kind": "街道", "boundary": ring} | {
        "center_lon": 113.61,
        "center_lat": 34.71,
        **box,
    }


@pytest.fixture
def cases(store: Store) -> Store:
    """Two offices, one patroller, one category (4 working hours to dispose)."""
    replace_all(
        store,
        {
            Office: [_office(1, "410103008", "建中街街道"), _office(2, "410103009", "福华街街道")],
            Staff: [
                {"id": 5, "code": "CM0005", "name": "张伟", "role": "城市管理员", "office_id": 1}
                | {"segment_id": None, "shift": "白班", "phone": "13800000000", "unit_id": None}
            ],
            CaseCategory: [
                {"id": 1, "kind": "事件", "major_code": "S05", "major_name": "街面秩序", "code": "S0502"}
                | {"name": "占道经营", "filing_condition": "", "dispatch_hours": 0.5, "dispose_hours": 4.0}
                | {"department": "城管执法中队", "photo_required": True, "active": True}
            ],
        },
    )
    return store


def in_hand(store: Store, office_id: int = 1) -> int:
    """A case of ``office_id`` dispatched and acknowledged (签收, version 4)."""
    report = NewCase(
        "S0502", "市民上报", "人行道上摆摊", "大学路", 113.61, 34.71, "市民", office_id=office_id
    )
    case_id = create_case(store, report, now=(NOW - timedelta(hours=1)).astimezone(UTC))
    for version, action in enumerate(("立案", "派遣", "签收"), start=1):
        payload = {"assignee_staff_id": 5} if action == "派遣" else None
        apply_transition(store, case_id, version, action, "值班员", "", NOW - timedelta(minutes=30), payload)
    return case_id


def approvals(store: Store, principal: Principal) -> ApprovalService:
    cases = CaseService(store, principal, clock=lambda: NOW)
    return ApprovalService(store, principal, cases=cases, clock=lambda: NOW)


def test_an_approved_extension_moves_the_deadline_as_the_requesters_step(cases: Store) -> None:
    case_id = in_hand(cases)
    before = read_case(cases, case_id)
    request_id = approvals(cases, HANDLER).request(case_id, "延期", 6, "等待配件", ["photo:" + "a" * 64])
    assert read_case(cases, case_id).deadline_at == before.deadline_at  # asked, not moved
    inbox = approvals(cases, SUPERVISOR).pending()
    assert [(r.id, r.case_number, r.office_name, r.hours) for r in inbox] == [
        (request_id, before.number, "建中街街道", 6.0)
    ]
    snapshot = approvals(cases, SUPERVISOR).approve(request_id, "同意")
    assert before.deadline_at is not None
    assert snapshot.deadline_at == default_calendar().add_working_hours(before.deadline_at, 6.0)
    assert snapshot.extension_count == 1
    step = case_timeline(cases, case_id)[-1]
    assert (step.action, step.actor, step.note) == ("延期", "office-a", "等待配件")
    assert step.payload["approved_by"] == "supervisor-a"
    assert step.payload["request_id"] == request_id
    assert "申请延期" in [event.action for event in case_timeline(cases, case_id)]
    decided = requests.read_request(cases, request_id)
    assert (decided.status, decided.decided_by) == (RequestStatus.APPROVED, "supervisor-a")
    assert approvals(cases, SUPERVISOR).pending() == []
    trail = [(r.actor, r.action, r.details.get("decision")) for r in AuditTrail(cases).recent(limit=2)]
    assert trail == [
        ("office-a", AuditAction.REQUEST, None),
        ("supervisor-a", AuditAction.APPROVAL, "approved"),
    ]


def test_a_refusal_keeps_the_deadline_and_the_reason(cases: Store) -> None:
    case_id = in_hand(cases)
    before = read_case(cases, case_id)
    request_id = approvals(cases, HANDLER).request(case_id, "挂账", None, "需区里协调")
    with pytest.raises(InvalidInput, match="reason"):
        approvals(cases, SUPERVISOR).refuse(request_id, "  ")
    approvals(cases, SUPERVISOR).refuse(request_id, "材料不全")
    assert read_case(cases, case_id) == before
    refused = approvals(cases, HANDLER).pending()[0]  # the office sees the decision
    assert (refused.status, refused.decision_reason, refused.decided_by) == (
        RequestStatus.REFUSED,
        "材料不全",
        "supervisor-a",
    )
    last = case_timeline(cases, case_id)[-1]
    assert (last.action, last.actor, last.note, last.to_status) == (
        "驳回申请",
        "supervisor-a",
        "材料不全",
        None,
    )
    with pytest.raises(RequestRefused, match="already decided"):
        approvals(cases, SECOND_SUPERVISOR).approve(request_id)
    assert AuditTrail(cases).recent(action=AuditAction.APPROVAL)[-1].details["reason"] == "材料不全"


def test_an_approved_suspension_suspends_the_case(cases: Store) -> None:
    case_id = in_hand(cases)
    request_id = approvals(cases, HANDLER).request(case_id, "挂账", None, "需区里协调")
    snapshot = approvals(cases, SUPERVISOR).approve(request_id)
    assert (snapshot.status, snapshot.deadline_at) == ("挂账", None)


def test_who_may_request_and_decide(cases: Store) -> None:
    case_id = in_hand(cases)
    with pytest.raises(PermissionDenied):
        approvals(cases, OPERATOR).request(case_id, "延期", 2, "理由")
    with pytest.raises(PermissionDenied, match="another office"):
        approvals(cases, OTHER_OFFICE).request(case_id, "延期", 2, "理由")
    request_id = approvals(cases, HANDLER).request(case_id, "延期", 2, "理由")
    with pytest.raises(RequestRefused, match="already has a pending"):
        approvals(cases, HANDLER).request(case_id, "延期", 3, "再次申请")
    with pytest.raises(PermissionDenied):
        approvals(cases, HANDLER).approve(request_id)
    with pytest.raises(PermissionDenied):
        approvals(cases, OTHER_OFFICE).withdraw(request_id)
    assert approvals(cases, OTHER_OFFICE).pending() == []
    assert approvals(cases, OTHER_OFFICE).pending_count() == 0
    assert approvals(cases, HANDLER).pending_count() == approvals(cases, SUPERVISOR).pending_count() == 1
    with pytest.raises(PermissionDenied):
        approvals(cases, OPERATOR).pending()
    own = requests.create_request(cases, in_hand(cases), "延期", 2.0, "自己", [], "supervisor-a", NOW)
    with pytest.raises(PermissionDenied, match="own request"):
        approvals(cases, SUPERVISOR).approve(own)
    denied = {r.actor for r in AuditTrail(cases).recent(action=AuditAction.ACCESS_DENIED)}
    assert {"operator-a", "office-b", "office-a", "supervisor-a"} <= denied
    assert requests.read_request(cases, request_id).status is RequestStatus.PENDING
    assert read_case(cases, case_id).extension_count == 0


def test_bad_input_is_refused_in_words(cases: Store) -> None:
    case_id = in_hand(cases)
    handler = approvals(cases, HANDLER)
    for hours in (0, -1, 1000, True, "6"):
        with pytest.raises(InvalidInput, match="hours"):
            handler.request(case_id, "延期", hours, "理由")
    with pytest.raises(InvalidInput, match="evidence"):
        handler.request(case_id, "延期", 2, "理由", ["/tmp/photo.jpg"])
    with pytest.raises(InvalidInput, match="reason"):
        handler.request(case_id, "延期", 2, " ")
    with pytest.raises(InvalidInput, match="action"):
        handler.request(case_id, "结案", 2, "理由")
    fresh = create_case(
        cases, NewCase("S0502", "市民上报", "摆摊", "大学路", 113.61, 34.71, "市民", office_id=1)
    )
    with pytest.raises(RequestRefused, match="cannot ask for"):
        handler.request(fresh, "延期", 2, "理由")
    default = handler.request(case_id, "延期", None, "理由")
    assert requests.read_request(cases, default).hours == 4.0  # the category's dispose hours


def test_the_requester_withdraws(cases: Store) -> None:
    case_id = in_hand(cases)
    request_id = approvals(cases, HANDLER).request(case_id, "延期", 2, "理由")
    approvals(cases, HANDLER).withdraw(request_id)
    assert requests.read_request(cases, request_id).status is RequestStatus.WITHDRAWN
    assert case_timeline(cases, case_id)[-1].action == "撤回申请"
    with pytest.raises(RequestRefused, match="already decided"):
        approvals(cases, SUPERVISOR).approve(request_id)
    approvals(cases, HANDLER).request(case_id, "延期", 2, "新的理由")  # a fresh one may be filed


def test_an_approval_after_the_case_moved_on_is_refused_and_marks_the_request_stale(cases: Store) -> None:
    case_id = in_hand(cases)
    request_id = approvals(cases, HANDLER).request(case_id, "延期", 2, "理由")
    CaseService(cases, HANDLER, clock=lambda: NOW).transition(case_id, 4, "反馈")
    before = read_case(cases, case_id)
    with pytest.raises(RequestRefused, match="反馈"):
        approvals(cases, SUPERVISOR).approve(request_id)
    assert read_case(cases, case_id) == before
    stale = requests.read_request(cases, request_id)
    assert (stale.status, stale.decided_by) == (RequestStatus.STALE, "supervisor-a")
    assert AuditTrail(cases).recent(limit=1)[0].details["decision"] == "stale"


def test_two_supervisors_at_once_exactly_one_approves(cases: Store, db_url: str) -> None:
    """Each supervisor a thread with an engine of its own; a barrier releases both at once."""
    workstations = [Store.open(db_url), Store.open(db_url)]
    try:
        for _ in range(4):
            case_id = in_hand(cases)
            request_id = approvals(cases, HANDLER).request(case_id, "延期", 2, "理由")
            barrier = threading.Barrier(2)
            outcomes: dict[str, object] = {}
            threads = [
                threading.Thread(target=_decide, args=(barrier, outcomes, station, who, request_id))
                for station, who in zip(workstations, (SUPERVISOR, SECOND_SUPERVISOR), strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            winners = [o for o in outcomes.values() if isinstance(o, CaseSnapshot)]
            losers = [o for o in outcomes.values() if isinstance(o, RequestRefused)]
            assert (len(winners), len(losers)) == (1, 1), outcomes
            assert read_case(cases, case_id).extension_count == 1
            assert [e.action for e in case_timeline(cases, case_id)].count("延期") == 1
    finally:
        for workstation in workstations:
            workstation.close()


def _decide(
    barrier: threading.Barrier, outcomes: dict[str, object], store: Store, who: Principal, request_id: int
) -> None:
    """One supervisor's click: wait for the other, then approve; keep the result or the error."""
    service = approvals(store, who)
    barrier.wait()
    try:
        outcomes[who.username] = service.approve(request_id)
    except Exception as error:
        outcomes[who.username] = error


def test_two_requests_at_once_file_one(cases: Store, db_url: str) -> None:
    """Two workstations of the office ask at the same moment: one request, one refusal."""
    workstations = [Store.open(db_url), Store.open(db_url)]
    try:
        for _ in range(4):
            case_id = in_hand(cases)
            barrier = threading.Barrier(2)
            outcomes: dict[int, object] = {}
            threads = [
                threading.Thread(target=_ask, args=(barrier, outcomes, index, station, case_id))
                for index, station in enumerate(workstations)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            filed = [o for o in outcomes.values() if isinstance(o, int)]
            refused = [o for o in outcomes.values() if isinstance(o, RequestRefused)]
            assert (len(filed), len(refused)) == (1, 1), outcomes
            assert [r.id for r in requests.list_requests(cases, case_id=case_id)] == filed
    finally:
        for workstation in workstations:
            workstation.close()


def _ask(
    barrier: threading.Barrier, outcomes: dict[int, object], index: int, store: Store, case_id: int
) -> None:
    service = approvals(store, HANDLER)
    barrier.wait()
    try:
        outcomes[index] = service.request(case_id, "延期", 2, f"理由{index}")
    except Exception as error:
        outcomes[index] = error
