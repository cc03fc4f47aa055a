"""Deciding a 延期/挂账 request: approve (the workflow step and the decision in one transaction),
refuse with a reason, or the requester's withdrawal.

Every decision starts with ``UPDATE case_requests SET status = … WHERE id = … AND status = 待审批``
as the first statement of its transaction, so of two supervisors deciding at once exactly one
changes the row (PostgreSQL: the second waits on the row lock and then finds the status moved;
SQLite: the second waits for the write lock and starts from a fresh snapshot); the other gets
``RequestRefused("decided")`` naming what happened first.

An approval plans the step as the requester's with the supervisor as ``approved_by`` (the workflow's
own check: someone other than the requester) from the case as it is now (read just before, as
``apply_transition`` does: the version check makes the read safe), then marks the request approved and
writes the step through ``transitions.write_transition`` — the same versioned UPDATE and event as every
step — in one transaction. If the case has moved on (反馈, 挂账, 退回 …: the status no longer accepts the
action), the request is marked 已失效 instead and the approval is refused in words: it can never be
approved as asked, and left pending it would block the fresh request the handler may need (see
``domain/case_requests``). A lost race on the case's version rolls everything back: still pending.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, exc, select, update

from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.case_requests import (
    REFUSED_EVENT,
    WITHDRAWN_EVENT,
    CaseRequestRecord,
    RequestRefused,
    RequestStatus,
)
from commandcenter.domain.cases import CaseSnapshot
from commandcenter.domain.workflow import (
    EXTENSION_HOURS_KEY,
    CaseState,
    PlannedTransition,
    plan_transition,
)
from commandcenter.domain.workflow_errors import RefusalKind, TransitionRefused
from commandcenter.persistence.access import unavailable, writing
from commandcenter.persistence.cases.desk_models import CaseRequest
from commandcenter.persistence.cases.requests import add_event, read_request
from commandcenter.persistence.cases.transitions import read_state, write_transition
from commandcenter.persistence.store import Store

_request = CaseRequest
_PENDING = RequestStatus.PENDING.value


def approve_request(
    store: Store,
    request_id: int,
    approver: str,
    note: str,
    now: datetime,
    calendar: WorkingCalendar | None = None,
) -> CaseSnapshot:
    """Write the requested step and mark the request 已批准, atomically. Raises ``RequestRefused``
    ("decided", "case_moved"), ``TransitionRefused``, ``ConcurrentChange`` or ``DatabaseUnavailable``."""
    now = now.astimezone(UTC)
    request = read_request(store, request_id)  # what was asked does not change, only its status
    state = read_state(store, request.case_id)  # as ``apply_transition``: the version guards the read
    payload: dict[str, Any] = {"request_id": request_id}
    if request.hours is not None:
        payload[EXTENSION_HOURS_KEY] = request.hours
    if note:
        payload["approval_note"] = note
    try:
        plan = _plan(request, state, approver, now, payload, calendar)
    except TransitionRefused as refusal:
        if refusal.kind is not RefusalKind.WRONG_STATE:
            raise
        with writing(store) as connection:  # the case moved on: this request can never be approved
            _decide(connection, request_id, RequestStatus.STALE, approver, now, f"案件已{state.status}")
        raise RequestRefused(
            "case_moved",
            f"案件已「{state.status}」，申请无法批准，已标记为已失效 / the case is now {state.status}: the "
            "request can no longer be approved and is marked stale",
        ) from refusal
    try:
        with store.engine.begin() as connection:
            _decide(connection, request_id, RequestStatus.APPROVED, approver, now, note)
            return write_transition(connection, plan, state.version)
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def _plan(
    request: CaseRequestRecord,
    state: CaseState,
    approver: str,
    now: datetime,
    payload: dict[str, Any],
    calendar: WorkingCalendar | None,
) -> PlannedTransition:
    """The requested step as the requester's, approved by ``approver`` (the workflow refuses the same
    person, a wrong state, a missing reason)."""
    return plan_transition(
        state,
        request.action,
        request.requested_by,
        request.reason,
        now,
        approved_by=approver,
        payload=payload,
        calendar=calendar,
    )


def refuse_request(store: Store, request_id: int, decider: str, reason: str, now: datetime) -> None:
    """Mark the request 已驳回 with the reason, and say so in the case's timeline."""
    with writing(store) as connection:
        _decide(connection, request_id, RequestStatus.REFUSED, decider, now, reason)
        case_id, action = _case_and_action(connection, request_id)
        add_event(connection, case_id, now, decider, REFUSED_EVENT, reason, _about(request_id, action))


def withdraw_request(store: Store, request_id: int, requester: str, now: datetime) -> None:
    """The requester takes back a pending request (only their own: the UPDATE names them)."""
    with writing(store) as connection:
        _decide(connection, request_id, RequestStatus.WITHDRAWN, requester, now, "", requester=requester)
        case_id, action = _case_and_action(connection, request_id)
        add_event(connection, case_id, now, requester, WITHDRAWN_EVENT, "", _about(request_id, action))


def _decide(
    connection: Connection,
    request_id: int,
    status: RequestStatus,
    decider: str,
    now: datetime,
    reason: str,
    *,
    requester: str | None = None,
) -> None:
    """The first statement of every decision: only a pending request changes (one winner)."""
    statement = update(_request).where(_request.id == request_id, _request.status == _PENDING)
    if requester is not None:
        statement = statement.where(_request.requested_by == requester)
    values = {"status": status.value, "decided_by": decider, "decided_at": now.astimezone(UTC)}
    if connection.execute(statement.values(values | {"decision_reason": reason})).rowcount == 1:
        return
    current = connection.execute(
        select(_request.status, _request.decided_by).where(_request.id == request_id)
    ).one_or_none()
    if current is None:
        raise RequestRefused("not_found", f"申请 {request_id} 不存在 / request {request_id} does not exist")
    if current[0] == _PENDING:  # the requester did not match
        raise RequestRefused("not_yours", "只能撤回自己的申请 / only the requester may withdraw a request")
    raise RequestRefused(
        "decided",
        f"申请已由 {current[1]} 处理（{current[0]}） / the request was already decided by {current[1]}",
    )


def _case_and_action(connection: Connection, request_id: int) -> tuple[int, str]:
    case_id, action = connection.execute(
        select(_request.case_id, _request.action).where(_request.id == request_id)
    ).one()
    return int(case_id), str(action)


def _about(request_id: int, action: str) -> dict[str, Any]:
    return {"request_id": request_id, "action": action}
