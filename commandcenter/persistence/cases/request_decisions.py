"""Deciding a 延期/挂账 request: approve (the workflow step and the decision in one transaction),
refuse with a reason, or the requester's withdrawal.

Every decision starts with ``UPDATE case_requests SET status = … WHERE id = … AND status = 待审批``
as the first statement of its transaction, so of two supervisors deciding at once exactly one
changes the row (PostgreSQL: the second waits on the row lock and then finds the status moved;
SQLite: the second waits for the write lock and starts from a fresh snapshot); the other gets
``RequestRefused("decided")`` naming what happened first.

An approval then plans the step as the requester's with the supervisor as ``approved_by`` (the
workflow's own check: someone other than the requester) from the case as it is now (read just before,
as ``apply_transition`` does: the version check makes the read safe), and writes it through
``transitions.write_transition`` — the same versioned UPDATE and event as every step. If the
case has moved on (反馈, 挂账, 退回 …: the status no longer accepts the action), the request is marked
已失效 and committed, and the approval is refused in words: it can never be approved as asked, and
left pending it would block the fresh request the handler may need (see ``domain/case_requests``).
Any other refusal (a lost race on the case's version) rolls everything back: the request stays pending.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, exc, select, update

from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.case_requests import (
    REFUSED_EVENT,
    WITHDRAWN_EVENT,
    RequestRefused,
    RequestStatus,
)
from commandcenter.domain.cases import CaseSnapshot
from commandcenter.domain.workflow import EXTENSION_HOURS_KEY, plan_transition
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
    moved: str | None = None
    request = read_request(store, request_id)  # what was asked does not change, only its status
    case_id, action, hours, reason, requester = (
        request.case_id, request.action, request.hours, request.reason, request.requested_by
    )  # fmt: skip
    state = read_state(store, case_id)  # as ``apply_transition``: the version check guards this read
    try:
        with store.engine.begin() as connection:
            _decide(connection, request_id, RequestStatus.APPROVED, approver, now, note)
            payload: dict[str, Any] = {"request_id": request_id}
            if hours is not None:
                payload[EXTENSION_HOURS_KEY] = hours
            if note:
                payload["approval_note"] = note
            try:
                plan = plan_transition(
                    state, action, requester, reason, now, approved_by=approver, payload=payload,
                    calendar=calendar,
                )  # fmt: skip
            except TransitionRefused as refusal:
                if refusal.kind is not RefusalKind.WRONG_STATE:
                    raise
                moved = state.status.value
                _mark(connection, request_id, RequestStatus.STALE, approver, now, f"案件已{moved}")
            else:
                return write_transition(connection, plan, state.version)
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    raise RequestRefused(
        "case_moved",
        f"案件已「{moved}」，申请无法批准，已标记为已失效 / the case is now {moved}: the request can no "
        "longer be approved and is marked stale",
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


def _mark(
    connection: Connection, request_id: int, status: RequestStatus, decider: str, now: datetime, reason: str
) -> None:
    connection.execute(
        update(_request)
        .where(_request.id == request_id)
        .values(
            status=status.value, decided_by=decider, decided_at=now.astimezone(UTC), decision_reason=reason
        )
    )


def _case_and_action(connection: Connection, request_id: int) -> tuple[int, str]:
    case_id, action = connection.execute(
        select(_request.case_id, _request.action).where(_request.id == request_id)
    ).one()
    return int(case_id), str(action)


def _about(request_id: int, action: str) -> dict[str, Any]:
    return {"request_id": request_id, "action": action}
