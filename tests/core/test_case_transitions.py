"""Transitions written to the real databases: one event per step, refusals write nothing, and two
operators racing on one case — from two threads with their own engines — yield exactly one winner."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.domain.calendar import DISTRICT_TIMEZONE
from commandcenter.domain.cases import CaseSnapshot, NewCase
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.workflow import TRANSITIONS
from commandcenter.domain.workflow_errors import (
    CaseNotFound,
    ConcurrentChange,
    RefusalKind,
    TransitionRefused,
)
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.cases.transitions import apply_transition, case_timeline, read_case
from commandcenter.persistence.district.models import Department, Office, Staff
from commandcenter.persistence.store import Store

S = CaseStatus
NOW = datetime(2026, 3, 10, 11, 0, tzinfo=DISTRICT_TIMEZONE)  # a Tuesday, 03:00 UTC
# The actions that bring a fresh case (受理) to each status.
RIVAL_CLICKS = (("立案", ""), ("不予立案", "不属于城管职责"))  # two operators, same fresh case
PATH_TO: dict[CaseStatus, list[str]] = {
    S.RECEIVED: [],
    S.FILED: ["立案"],
    S.DISPATCHED: ["立案", "派遣"],
    S.ACKNOWLEDGED: ["立案", "派遣", "签收"],
    S.DISPOSING: ["立案", "派遣", "签收", "处置"],
    S.FEEDBACK: ["立案", "派遣", "签收", "处置", "反馈"],
    S.VERIFYING: ["立案", "派遣", "签收", "处置", "反馈", "核查"],
    S.SUSPENDED: ["立案", "派遣", "签收", "处置", "挂账"],
}


@pytest.fixture
def cases(store: Store) -> Store:
    """A store with one office, one category (0.5 h to dispatch, 4 h to dispose) and one patroller."""
    box = {"min_lon": 113.6, "min_lat": 34.7, "max_lon": 113.62, "max_lat": 34.72}
    ring = [[113.6, 34.7], [113.62, 34.7], [113.62, 34.72], [113.6, 34.7]]
    office = {"id": 1, "code": "410103008", "name": "建中街街道", "kind": "街道", "boundary": ring}
    replace_all(
        store,
        {
            Office: [{**office, "center_lon": 113.61, "center_lat": 34.71, **box}],
            Staff: [
                {"id": 5, "code": "CM0005", "name": "张伟", "role": "城市管理员", "office_id": 1}
                | {"segment_id": None, "shift": "白班", "phone": "13800000000", "unit_id": None}
            ],
            CaseCategory: [
                {"id": 1, "kind": "事件", "major_code": "S05", "major_name": "街面秩序", "code": "S0502"}
                | {"name": "占道经营", "filing_condition": "", "dispatch_hours": 0.5, "dispose_hours": 4.0}
                | {"department": "城管执法中队", "photo_required": True, "active": True}
            ],
            Department: [{"id": 1, "code": "D01", "name": "城管执法中队", "phone": "", "active": True}],
        },
    )
    return store


def new_case(store: Store) -> int:
    report = NewCase("S0502", "市民上报", "人行道上摆摊", "大学路与陇海路交叉口", 113.61, 34.71, "市民")
    return create_case(store, report, now=(NOW - timedelta(minutes=5)).astimezone(UTC))


def act(
    store: Store,
    case_id: int,
    action: str,
    reason: str = "理由",
    *,
    approved_by: str | None = "值班长乙",
    payload: dict[str, object] | None = None,
) -> CaseSnapshot:
    """One operator step on the case as it stands now (派遣 goes to patroller 5 unless told)."""
    version = read_case(store, case_id).version
    if payload is None and action == "派遣":
        payload = {"assignee_staff_id": 5}
    if payload is None and action == "转办":
        payload = {"department_id": 1}
    return apply_transition(
        store, case_id, version, action, "值班员甲", reason, NOW, payload, approved_by=approved_by
    )


def count_events(store: Store, case_id: int) -> int:
    return len(case_timeline(store, case_id))


def test_the_standard_path_with_one_rework(cases: Store) -> None:
    case_id = new_case(cases)
    fresh = read_case(cases, case_id)
    assert (fresh.status, fresh.version, fresh.rework_count, fresh.extension_count) == (S.RECEIVED, 1, 0, 0)
    steps = ["立案", "派遣", "签收", "处置", "反馈", "核查", "返工", "反馈", "核查", "结案"]
    for number, action in enumerate(steps, 2):
        snapshot = act(cases, case_id, action)
        assert snapshot.version == number
        assert count_events(cases, case_id) == number
        if action == "立案":
            assert snapshot.deadline_at == datetime(2026, 3, 10, 3, 30, tzinfo=UTC)  # 11:30 in Zhengzhou
        if action == "派遣":
            assert snapshot.deadline_at == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # 17:00, across lunch
            assert (snapshot.assignee_staff_id, snapshot.dispatched_at) == (5, NOW)
    assert (snapshot.status, snapshot.rework_count, snapshot.closed_at) == (S.CLOSED, 1, NOW)
    timeline = case_timeline(cases, case_id)
    assert [event.action for event in timeline] == ["受理", *steps]
    rework = timeline[7]
    assert (rework.actor, rework.from_status, rework.to_status, rework.note) == (
        "值班员甲",
        "核查",
        "处置",
        "理由",
    )
    assert rework.ts == NOW


def test_every_transition_in_the_table_through_the_database(cases: Store) -> None:
    for transition in TRANSITIONS:
        for source in sorted(transition.sources):
            case_id = new_case(cases)
            prelude = ["转办"] if transition.action == "回复" else []  # a department answers what it holds
            for action in [*PATH_TO[source], *prelude]:
                act(cases, case_id, action)
            before = read_case(cases, case_id)
            after = act(cases, case_id, transition.action)
            assert after.status is (transition.target or source), (transition.action, source)
            assert after.version == before.version + 1
            last = case_timeline(cases, case_id)[-1]
            assert (last.action, last.from_status, last.to_status) == (
                transition.action,
                source,
                after.status,
            )
            assert count_events(cases, case_id) == len(PATH_TO[source]) + len(prelude) + 2


def test_extension_is_counted_and_recorded_with_its_approver(cases: Store) -> None:
    case_id = new_case(cases)
    for action in PATH_TO[S.DISPOSING]:
        act(cases, case_id, action)
    snapshot = act(
        cases, case_id, "延期", "需协调燃气公司", approved_by="值班长乙", payload={"extension_hours": 2}
    )
    assert (snapshot.status, snapshot.extension_count) == (S.DISPOSING, 1)
    assert snapshot.deadline_at == datetime(2026, 3, 11, 1, 30, tzinfo=UTC)  # 17:00 + 2 h → Wed 09:30
    last = case_timeline(cases, case_id)[-1]
    assert last.payload["approved_by"] == "值班长乙"
    assert last.payload["extension_hours"] == 2
    assert last.note == "需协调燃气公司"


@pytest.mark.parametrize(
    ("path", "action", "reason", "approver", "kind"),
    [
        ([], "结案", "", None, RefusalKind.WRONG_STATE),
        ([], "不予立案", "", None, RefusalKind.REASON_MISSING),
        (PATH_TO[S.DISPOSING], "延期", "等待材料", None, RefusalKind.APPROVAL_MISSING),
        (PATH_TO[S.DISPOSING], "挂账", "涉及多部门", "值班员甲", RefusalKind.APPROVAL_MISSING),
    ],
)
def test_refusals_write_nothing(
    cases: Store, path: list[str], action: str, reason: str, approver: str | None, kind: RefusalKind
) -> None:
    case_id = new_case(cases)
    for step in path:
        act(cases, case_id, step)
    before, events = read_case(cases, case_id), count_events(cases, case_id)
    with pytest.raises(TransitionRefused) as refused:
        act(cases, case_id, action, reason, approved_by=approver)
    assert refused.value.kind is kind
    assert read_case(cases, case_id) == before
    assert count_events(cases, case_id) == events


def test_a_stale_version_is_a_concurrent_change(cases: Store) -> None:
    case_id = new_case(cases)
    act(cases, case_id, "立案")
    with pytest.raises(ConcurrentChange, match=r"已被其他值班员处理.*another operator acted"):
        apply_transition(cases, case_id, 1, "作废", "值班员乙", "重复", NOW)
    assert read_case(cases, case_id).status is S.FILED
    assert count_events(cases, case_id) == 2


def test_unknown_case_and_unknown_assignee(cases: Store) -> None:
    with pytest.raises(CaseNotFound):
        apply_transition(cases, 999, 1, "立案", "值班员甲", "", NOW)
    case_id = new_case(cases)
    act(cases, case_id, "立案")
    with pytest.raises(TransitionRefused) as refused:
        act(cases, case_id, "派遣", payload={"assignee_staff_id": 404})
    assert refused.value.kind is RefusalKind.INVALID_INPUT
    assert (read_case(cases, case_id).status, count_events(cases, case_id)) == (S.FILED, 2)


def test_two_operators_at_once_exactly_one_wins(cases: Store, db_url: str) -> None:
    """Each operator is a thread with an engine of its own (two workstations); a barrier releases both
    at once, so both read version 1 and both plan — the conditional UPDATE decides (a stale read is
    covered by ``test_a_stale_version_is_a_concurrent_change``)."""
    workstations = [Store.open(db_url), Store.open(db_url)]
    try:
        for _ in range(8):
            case_id = new_case(cases)
            barrier = threading.Barrier(2)
            outcomes: dict[str, object] = {}
            threads = [
                threading.Thread(target=_operate, args=(barrier, outcomes, station, case_id, action, reason))
                for station, (action, reason) in zip(workstations, RIVAL_CLICKS, strict=True)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            winners = [o for o in outcomes.values() if isinstance(o, CaseSnapshot)]
            losers = [o for o in outcomes.values() if isinstance(o, ConcurrentChange)]
            assert (len(winners), len(losers)) == (1, 1), outcomes
            timeline = case_timeline(cases, case_id)
            assert len(timeline) == 2
            assert timeline[-1].to_status == winners[0].status == read_case(cases, case_id).status
            assert read_case(cases, case_id).version == 2
    finally:
        for workstation in workstations:
            workstation.close()


def _operate(
    barrier: threading.Barrier,
    outcomes: dict[str, object],
    store: Store,
    case_id: int,
    action: str,
    reason: str,
) -> None:
    """One operator's click: wait for the other, then act on version 1; keep the result or the error."""
    barrier.wait()
    try:
        outcomes[action] = apply_transition(store, case_id, 1, action, f"值班员({action})", reason, NOW)
    except Exception as error:
        outcomes[action] = error
