"""The workflow table and ``plan_transition``: every transition, every refusal, deadlines and counters."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest

from commandcenter.domain.calendar import DISTRICT_TIMEZONE
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.workflow import (
    TRANSITIONS,
    TRANSITIONS_BY_ACTION,
    CaseState,
    PlannedTransition,
    Transition,
    available_actions,
    plan_transition,
)
from commandcenter.domain.workflow_errors import RefusalKind, TransitionRefused

S = CaseStatus
NOW = datetime.combine(date(2026, 3, 10), time(11, 0), tzinfo=DISTRICT_TIMEZONE)  # a Tuesday
TERMINAL = {S.CLOSED, S.REJECTED, S.VOIDED}


def state(status: CaseStatus, **overrides: object) -> CaseState:
    values: dict[str, object] = {
        "id": 7,
        "status": status,
        "version": 3,
        "dispatch_hours": 0.5,
        "dispose_hours": 4.0,
        "department_id": 5,  # held by a department (联动), so 回复 has something to answer
    }
    values.update(overrides)
    return CaseState(**values)  # type: ignore[arg-type]


def plan(status: CaseStatus, action: str, reason: str = "理由", **kwargs: Any) -> PlannedTransition:
    if action == "转办":  # a hand-over names the department
        kwargs.setdefault("payload", {"department_id": 3})
    return plan_transition(state(status), action, "值班员甲", reason, NOW, **kwargs)


def _sid(pair: tuple[Transition, CaseStatus]) -> str:
    return f"{pair[0].action}-from-{pair[1]}"


ALLOWED = [(t, s) for t in TRANSITIONS for s in sorted(t.sources)]
FORBIDDEN = [(t, s) for t in TRANSITIONS for s in sorted(set(CaseStatus) - t.sources)]


@pytest.mark.parametrize("pair", ALLOWED, ids=[_sid(p) for p in ALLOWED])
def test_every_transition_in_the_table(pair: tuple[Transition, CaseStatus]) -> None:
    transition, source = pair
    planned = plan(source, transition.action, approved_by="值班长乙")
    assert planned.from_status is source
    assert planned.to_status is (transition.target or source)
    assert (planned.actor, planned.reason, planned.ts, planned.case_id) == ("值班员甲", "理由", NOW, 7)
    assert planned.rework_count == (1 if transition.counter == "rework_count" else 0)
    assert planned.extension_count == (1 if transition.counter == "extension_count" else 0)


@pytest.mark.parametrize("pair", FORBIDDEN, ids=[_sid(p) for p in FORBIDDEN])
def test_every_action_is_refused_from_every_other_status(pair: tuple[Transition, CaseStatus]) -> None:
    transition, source = pair
    with pytest.raises(TransitionRefused) as refused:
        plan(source, transition.action, approved_by="值班长乙")
    assert refused.value.kind is RefusalKind.WRONG_STATE
    assert f"「{source}」" in str(refused.value)
    assert transition.english in str(refused.value)


@pytest.mark.parametrize("action", [t.action for t in TRANSITIONS if t.reason_required])
@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(action: str, reason: str) -> None:
    source = sorted(TRANSITIONS_BY_ACTION[action].sources)[0]
    with pytest.raises(TransitionRefused, match=r"理由.*reason") as refused:
        plan(source, action, reason, approved_by="值班长乙")
    assert refused.value.kind is RefusalKind.REASON_MISSING


@pytest.mark.parametrize("action", ["延期", "挂账"])
@pytest.mark.parametrize("approver", [None, "", "值班员甲"])
def test_extension_and_suspension_need_someone_else_to_approve(action: str, approver: str | None) -> None:
    with pytest.raises(TransitionRefused, match=r"审批.*approval") as refused:
        plan(S.DISPOSING, action, approved_by=approver)
    assert refused.value.kind is RefusalKind.APPROVAL_MISSING
    assert plan(S.DISPOSING, action, approved_by="值班长乙").payload["approved_by"] == "值班长乙"


def test_unknown_actions_and_missing_actors_are_refused() -> None:
    with pytest.raises(TransitionRefused) as refused:
        plan(S.RECEIVED, "飞走")
    assert refused.value.kind is RefusalKind.UNKNOWN_ACTION
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(state(S.RECEIVED), "立案", " ", "", NOW)
    assert refused.value.kind is RefusalKind.INVALID_INPUT


def test_available_actions_follow_the_table() -> None:
    received = ["立案", "不予立案", "简易处置", "转办", "回复", "作废"]
    assert [t.action for t in available_actions(S.RECEIVED)] == received
    assert [t.action for t in available_actions("核查")] == ["结案", "返工"]
    disposing = ["退回", "反馈", "延期", "挂账", "转办", "回复", "作废"]
    assert [t.action for t in available_actions(S.DISPOSING)] == disposing
    for status in CaseStatus:
        assert (available_actions(status) == []) == (status in TERMINAL), status


def test_stage_deadlines_count_working_hours() -> None:
    filed = plan(S.RECEIVED, "立案")
    assert filed.deadline_at == NOW.replace(hour=11, minute=30)  # 0.5 working hours to dispatch
    dispatched = plan(S.FILED, "派遣", payload={"assignee_staff_id": 12})
    assert dispatched.deadline_at == NOW.replace(hour=17)  # 4 h across lunch
    assert dispatched.assignee_staff_id == 12
    assert dispatched.payload["deadline_at"] == "2026-03-10T17:00:00+08:00"
    returned = plan(S.ACKNOWLEDGED, "退回")
    assert (returned.to_status, returned.deadline_at) == (S.FILED, NOW.replace(hour=11, minute=30))
    assert plan(S.DISPOSING, "挂账", approved_by="值班长乙").deadline_at is None
    resumed = plan(S.SUSPENDED, "恢复办理")
    assert resumed.deadline_at == NOW.replace(hour=17)
    assert plan(S.RECEIVED, "简易处置").deadline_at is None


def test_extension_runs_from_the_current_deadline_or_from_now_when_already_late() -> None:
    running = NOW.replace(hour=17)
    extended = plan_transition(
        state(S.DISPOSING, deadline_at=running, extension_count=1),
        "延期",
        "路长丙",
        "需协调燃气公司",
        NOW,
        approved_by="值班长乙",
        payload={"extension_hours": 2},
    )
    assert extended.to_status is S.DISPOSING
    assert extended.deadline_at == datetime(
        2026, 3, 11, 9, 30, tzinfo=DISTRICT_TIMEZONE
    )  # 1 h today, 1 h tomorrow
    assert extended.extension_count == 2
    late = plan_transition(
        state(S.DISPOSING, deadline_at=NOW.replace(hour=9)), "延期", "路长丙", "原因", NOW, approved_by="乙"
    )
    assert late.deadline_at == NOW.replace(hour=17)  # default: the category's 4 dispose hours, from now
    assert late.payload["extension_hours"] == 4.0


@pytest.mark.parametrize("hours", [0, -1, "2", True])
def test_invalid_extension_hours_are_refused(hours: object) -> None:
    with pytest.raises(TransitionRefused) as refused:
        plan(S.DISPOSING, "延期", approved_by="乙", payload={"extension_hours": hours})
    assert refused.value.kind is RefusalKind.INVALID_INPUT


def test_rework_keeps_the_deadline_and_counts() -> None:
    deadline = NOW.replace(hour=17)
    reworked = plan_transition(
        state(S.VERIFYING, deadline_at=deadline, rework_count=2), "返工", "督查员丁", "垃圾未清净", NOW
    )
    assert (reworked.to_status, reworked.deadline_at, reworked.rework_count) == (S.DISPOSING, deadline, 3)


def test_invalid_assignee_is_refused() -> None:
    with pytest.raises(TransitionRefused) as refused:
        plan(S.FILED, "派遣", payload={"assignee_staff_id": "张三"})
    assert refused.value.kind is RefusalKind.INVALID_INPUT


def test_a_hand_over_sets_the_department_and_its_deadline_and_the_answer_clears_it() -> None:
    handed = plan(S.DISPOSING, "转办", payload={"department_id": 3, "handoff_hours": 2})
    assert (handed.to_status, handed.department_id) == (S.DISPOSING, 3)
    assert handed.handoff_deadline_at == NOW.replace(hour=15)  # two working hours from 11:00, past lunch
    assert handed.deadline_at is None  # the case's own deadline is kept (KEEP: the state's, none here)
    answered = plan(S.DISPOSING, "回复", "已处理")
    assert (answered.department_id, answered.handoff_deadline_at) == (None, None)
    with pytest.raises(TransitionRefused) as refused:
        plan_transition(state(S.DISPOSING, department_id=None), "回复", "部门甲", "已处理", NOW)
    assert refused.value.kind is RefusalKind.WRONG_STATE
    with pytest.raises(TransitionRefused):
        plan(S.DISPOSING, "转办", payload={"department_id": "市政所"})
