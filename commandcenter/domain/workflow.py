"""The case workflow as data: which action moves a case from which status to which, and what it needs.

受理 → 立案 (or 不予立案) → 派遣 → 签收 → 处置 → 反馈 → 核查 → 结案, with 退回, 延期, 挂账, 返工, 作废 and
简易处置 (CJJ/T 106 / GB/T 30428 procedure as cities publish it). A dispatched case nobody signed for
can be given to someone else (改派) or moved up the escalation ladder (升级: 路长 → 镇办 → 区城管局;
the bureau holds it with no assignee); both restart the acknowledgement clock (``dispatched_at``) and
keep the disposal deadline, so handing a case on never buys it time. Beside its office a case can be
held by a department (联动): 转办 hands it over with the department's own deadline, the department's
回复 (its answer, required) hands it back; neither changes the case's status.

The table is the single source for the UI's buttons (``available_actions``) and for the checks
(``plan_transition``), so a button can never offer what the check refuses. ``plan_transition`` is
pure: it decides and computes the new deadline; ``commandcenter.persistence.case_transitions``
writes the result atomically.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.domain.workflow_errors import RefusalKind, TransitionRefused

_S = CaseStatus


class DeadlineRule(StrEnum):
    """What a transition does to ``cases.deadline_at`` (the current stage's deadline)."""

    KEEP = "keep"
    DISPATCH = "dispatch"  # now + the category's dispatch hours (working time)
    DISPOSE = "dispose"  # now + the category's dispose hours
    EXTEND = "extend"  # the running deadline (or now, if already past) + the granted hours
    CLEAR = "clear"  # the case no longer runs against a clock


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[CaseStatus]
    target: CaseStatus | None  # None: the status stays (延期 only moves the deadline)
    required_role: UserRole  # a hint until issue 7 enforces roles
    english: str
    reason_required: bool = False
    approval_required: bool = False  # someone other than the actor must approve (approved_by)
    deadline: DeadlineRule = DeadlineRule.KEEP
    counter: str | None = None  # "rework_count" / "extension_count", +1 per transition
    assignee: Literal["keep", "set", "clear"] = "keep"  # 派遣 sets payload[ASSIGNEE_KEY]; 退回 clears
    department: Literal["keep", "set", "clear"] = "keep"  # 转办 sets payload[DEPARTMENT_KEY]; 回复 clears


def _t(
    action: str,
    sources: set[CaseStatus],
    target: CaseStatus | None,
    role: UserRole,
    english: str,
    **flags: Any,
) -> Transition:
    return Transition(action, frozenset(sources), target, role, english, **flags)


_OP, _SUP, _OFF, _INS = UserRole.OPERATOR, UserRole.SUPERVISOR, UserRole.OFFICE, UserRole.INSPECTOR
_DEP = UserRole.DEPARTMENT
_IN_HAND = {_S.ACKNOWLEDGED, _S.DISPOSING}
_HANDLED = {_S.RECEIVED, _S.FILED, _S.DISPATCHED, *_IN_HAND}  # open and not yet reported done
# fmt: off
_R, _A, _D = {"reason_required": True}, {"approval_required": True}, DeadlineRule
TRANSITIONS: tuple[Transition, ...] = (
    _t("立案", {_S.RECEIVED}, _S.FILED, _OP, "file", deadline=_D.DISPATCH),
    _t("不予立案", {_S.RECEIVED}, _S.REJECTED, _OP, "reject", **_R, deadline=_D.CLEAR),
    _t("简易处置", {_S.RECEIVED}, _S.CLOSED, _INS, "fixed on the spot", deadline=_D.CLEAR),
    _t("派遣", {_S.FILED}, _S.DISPATCHED, _OP, "dispatch", deadline=_D.DISPOSE, assignee="set"),
    _t("改派", {_S.DISPATCHED}, _S.DISPATCHED, _OP, "re-dispatch", assignee="set"),
    _t("升级", {_S.DISPATCHED}, _S.DISPATCHED, _OP, "escalate", assignee="set"),
    _t("签收", {_S.DISPATCHED}, _S.ACKNOWLEDGED, _OFF, "acknowledge"),
    _t("退回", {_S.DISPATCHED, *_IN_HAND}, _S.FILED, _OFF, "return", **_R, deadline=_D.DISPATCH,
       assignee="clear"),
    _t("处置", {_S.ACKNOWLEDGED}, _S.DISPOSING, _OFF, "start disposal"),
    _t("反馈", _IN_HAND, _S.FEEDBACK, _OFF, "report done"),
    _t("核查", {_S.FEEDBACK}, _S.VERIFYING, _OP, "send for verification"),
    _t("结案", {_S.VERIFYING}, _S.CLOSED, _OP, "close"),
    _t("返工", {_S.VERIFYING}, _S.DISPOSING, _OP, "rework", **_R, counter="rework_count"),
    _t("延期", _IN_HAND, None, _OFF, "extend", **_R, **_A, deadline=_D.EXTEND, counter="extension_count"),
    _t("挂账", _IN_HAND, _S.SUSPENDED, _OFF, "suspend", **_R, **_A, deadline=_D.CLEAR),
    _t("恢复办理", {_S.SUSPENDED}, _S.DISPOSING, _SUP, "resume", **_R, deadline=_D.DISPOSE),
    _t("转办", _HANDLED, None, _OP, "hand to a department", department="set"),
    _t("回复", _HANDLED, None, _DEP, "department's answer", **_R, department="clear"),
    _t("作废", {_S.RECEIVED, _S.FILED, _S.DISPATCHED, *_IN_HAND, _S.SUSPENDED}, _S.VOIDED, _SUP, "void", **_R,
       deadline=_D.CLEAR),
)
# fmt: on
TRANSITIONS_BY_ACTION: Mapping[str, Transition] = {t.action: t for t in TRANSITIONS}
EXTENSION_HOURS_KEY = "extension_hours"  # payload of 延期: working hours granted (default: dispose hours)
ASSIGNEE_KEY = "assignee_staff_id"  # payload of 派遣/改派/升级: who was dispatched (升级 to the bureau: None)
DEPARTMENT_KEY = "department_id"  # payload of 转办: the department that takes the case (联动)
HANDOFF_HOURS_KEY = (
    "handoff_hours"  # payload of 转办: the department's working hours (default: dispose hours)
)
LEVEL_KEY = "level"  # payload of 升级: the escalation level now holding the case (路长 / 镇办 / 区城管局)


@dataclass(frozen=True)
class CaseState:
    """What the workflow needs to know about a case (read inside the transition's transaction)."""

    id: int
    status: CaseStatus
    version: int
    dispatch_hours: float
    dispose_hours: float
    deadline_at: datetime | None = None
    rework_count: int = 0
    extension_count: int = 0
    department_id: int | None = None  # the department holding the case (联动), if any


@dataclass(frozen=True)
class PlannedTransition:
    """The decided step: the case's new values and the event to append (one per transition)."""

    transition: Transition
    case_id: int
    from_status: CaseStatus
    to_status: CaseStatus
    actor: str
    reason: str
    ts: datetime
    deadline_at: datetime | None
    rework_count: int
    extension_count: int
    payload: dict[str, Any] = field(default_factory=dict)
    assignee_staff_id: int | None = None  # the new assignee when ``transition.assignee`` is not "keep"
    department_id: int | None = None  # the department holding it when ``transition.department`` is not "keep"
    handoff_deadline_at: datetime | None = None  # that department's deadline (转办), cleared by 回复

    @property
    def action(self) -> str:
        return self.transition.action


def available_actions(status: CaseStatus | str) -> list[Transition]:
    """The actions a case in ``status`` offers, in workflow order (what the case view shows as buttons)."""
    return [t for t in TRANSITIONS if CaseStatus(status) in t.sources]


def plan_transition(
    state: CaseState,
    action: str,
    actor: str,
    reason: str,
    now: datetime,
    *,
    approved_by: str | None = None,
    payload: Mapping[str, Any] | None = None,
    calendar: WorkingCalendar | None = None,
) -> PlannedTransition:
    """Check ``action`` against the table and compute the case's next values; raise
    ``TransitionRefused`` (wrong state, missing reason, missing approval) without side effects."""
    transition = _check(state, action, actor, reason, approved_by)
    extra = dict(payload or {})
    deadline = _next_deadline(transition, state, now, extra, calendar or default_calendar())
    counts = {"rework_count": state.rework_count, "extension_count": state.extension_count}
    if transition.counter:
        counts[transition.counter] += 1
    if approved_by:
        extra["approved_by"] = approved_by
    if transition.deadline is not DeadlineRule.KEEP:
        extra["deadline_at"] = deadline.isoformat() if deadline else None
    return PlannedTransition(
        transition,
        state.id,
        state.status,
        transition.target or state.status,
        actor,
        reason.strip(),
        now,
        deadline,
        counts["rework_count"],
        counts["extension_count"],
        extra,
        _assignee(transition, extra),
        *_department(transition, state, now, extra, calendar or default_calendar()),
    )


def _check(state: CaseState, action: str, actor: str, reason: str, approved_by: str | None) -> Transition:
    transition = TRANSITIONS_BY_ACTION.get(action)
    if transition is None:
        raise TransitionRefused(
            RefusalKind.UNKNOWN_ACTION, action, f"没有「{action}」这一操作 / unknown action"
        )
    if not actor.strip():
        raise TransitionRefused(RefusalKind.INVALID_INPUT, action, "缺少操作人 / the actor is missing")
    if state.status not in transition.sources:
        raise TransitionRefused(
            RefusalKind.WRONG_STATE,
            action,
            f"案件当前状态为「{state.status}」，不能「{action}」 / "
            f"a case in {state.status} cannot be given '{transition.english}'",
        )
    if transition.reason_required and not reason.strip():
        raise TransitionRefused(
            RefusalKind.REASON_MISSING,
            action,
            f"「{action}」必须填写理由 / '{transition.english}' needs a reason",
        )
    if transition.approval_required and (not approved_by or approved_by.strip() in ("", actor.strip())):
        raise TransitionRefused(
            RefusalKind.APPROVAL_MISSING,
            action,
            f"「{action}」须经申请人以外的审批人批准 / '{transition.english}' needs approval by someone "
            "other than the requester",
        )
    return transition


def _next_deadline(
    transition: Transition,
    state: CaseState,
    now: datetime,
    payload: dict[str, Any],
    calendar: WorkingCalendar,
) -> datetime | None:
    rule = transition.deadline
    if rule is DeadlineRule.KEEP:
        return state.deadline_at
    if rule is DeadlineRule.CLEAR:
        return None
    if rule is DeadlineRule.DISPATCH:
        return calendar.add_working_hours(now, state.dispatch_hours)
    if rule is DeadlineRule.DISPOSE:
        return calendar.add_working_hours(now, state.dispose_hours)
    hours = payload.setdefault(EXTENSION_HOURS_KEY, state.dispose_hours)
    if isinstance(hours, bool) or not isinstance(hours, int | float) or hours <= 0:
        raise TransitionRefused(
            RefusalKind.INVALID_INPUT, transition.action, f"延期时长无效 / invalid extension hours: {hours!r}"
        )
    running = state.deadline_at if state.deadline_at and state.deadline_at > now else now
    return calendar.add_working_hours(running, float(hours))


def _assignee(transition: Transition, payload: dict[str, Any]) -> int | None:
    if transition.assignee != "set":
        return None
    staff_id = payload.get(ASSIGNEE_KEY)
    if staff_id is not None and (isinstance(staff_id, bool) or not isinstance(staff_id, int)):
        raise TransitionRefused(
            RefusalKind.INVALID_INPUT, transition.action, f"派遣对象无效 / invalid assignee: {staff_id!r}"
        )
    return staff_id


def _department(
    transition: Transition,
    state: CaseState,
    now: datetime,
    payload: dict[str, Any],
    calendar: WorkingCalendar,
) -> tuple[int | None, datetime | None]:
    """转办: the department and its deadline in working hours; 回复: only from a department holding it."""
    if transition.department == "keep":
        return None, None
    if transition.department == "clear":
        if state.department_id is None:
            raise TransitionRefused(
                RefusalKind.WRONG_STATE,
                transition.action,
                "案件不在部门办理中，无需回复 / no department holds the case",
            )
        return None, None
    department = payload.get(DEPARTMENT_KEY)
    if isinstance(department, bool) or not isinstance(department, int):
        raise TransitionRefused(
            RefusalKind.INVALID_INPUT, transition.action, f"转办部门无效 / invalid department: {department!r}"
        )
    hours = payload.setdefault(HANDOFF_HOURS_KEY, state.dispose_hours)
    if isinstance(hours, bool) or not isinstance(hours, int | float) or hours <= 0:
        raise TransitionRefused(
            RefusalKind.INVALID_INPUT, transition.action, f"办理时限无效 / invalid hours: {hours!r}"
        )
    deadline = calendar.add_working_hours(now, float(hours))
    payload["handoff_deadline_at"] = deadline.isoformat()
    return department, deadline


@functools.cache
def default_calendar() -> WorkingCalendar:
    """The built-in calendar, built once (callers with a configured calendar pass their own)."""
    return WorkingCalendar.default()
