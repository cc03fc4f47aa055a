"""One-click dispatch, idempotent: 受理 → 立案 → 派遣 to the chosen staff member, safe to repeat.

An operator's click may reach the database, commit, and lose the connection before the answer comes
back. Re-running the same request must then finish the job or recognise it as done — never dispatch
twice. Each request carries a ``request_id`` written into the payload of every event it makes;
``dispatch_case`` reads the case, does only the steps still missing, and when the case is already
past 派遣 looks in the timeline for its own ``request_id`` to tell "done by me" from "done by someone
else". Racing operators are resolved by the versioned UPDATE of ``apply_transition``: exactly one
派遣 is written, and the other request ends ``TAKEN``.

A ``TAKEN`` result names who took the case and how (``by``, ``by_action``: the 派遣 of another
operator, or the 作废 / 不予立案 that closed it), so the operator who clicked is told "already
dispatched by 王五" or "voided by 王五" in words, not just that the click did nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from commandcenter.domain.cases import CaseEventRecord, CaseSnapshot
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.workflow import ASSIGNEE_KEY
from commandcenter.domain.workflow_errors import ConcurrentChange
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.store import Store

# One workflow step: (case id, expected version, action, reason, payload) → the case afterwards.
# ``CaseService.dispatch`` passes its own ``transition``, so every step of a one-click dispatch is the
# signed-in principal's: permission-checked and audited. There is no step that skips the service.
Step = Callable[[int, int, str, str, dict[str, Any]], CaseSnapshot]

REQUEST_KEY = "request_id"
DISPATCH_ACTIONS = frozenset({"派遣", "改派"})  # the steps a dispatch request makes
MAX_ROUNDS = 5  # 立案 + 派遣, plus a few lost races; more means something is wrong


def new_request_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class DispatchRequest:
    case_id: int
    staff_id: int
    staff_name: str
    actor: str  # the operator
    request_id: str = field(default_factory=new_request_id)
    note: str = ""
    reassign: bool = False  # 改派: the case is dispatched and unsigned; give it to ``staff_id`` instead
    from_staff_id: int | None = None  # who held it when the operator chose (None: the bureau)


class DispatchKind(StrEnum):
    """What "dispatch" means for a case as the board shows it: the first 派遣, or 改派 of a case
    handed out and not yet signed for."""

    DISPATCH = "派遣"
    REDISPATCH = "改派"


def dispatch_kind(status: str) -> DispatchKind | None:
    """None: the case is past the point where the centre chooses who holds it (signed for, closed …)."""
    if status in (CaseStatus.RECEIVED, CaseStatus.FILED):
        return DispatchKind.DISPATCH
    if status == CaseStatus.DISPATCHED:
        return DispatchKind.REDISPATCH
    return None


class DispatchOutcome(StrEnum):
    DISPATCHED = "dispatched"  # this request dispatched the case (now or on an earlier attempt)
    TAKEN = "taken"  # someone else dispatched or moved the case first


@dataclass(frozen=True)
class DispatchResult:
    request: DispatchRequest
    outcome: DispatchOutcome
    status: str  # the case's status afterwards
    message: str  # for the operator, Chinese first
    number: str = ""  # the case number (operators know cases by it)
    by: str | None = None  # TAKEN: who took the case (their user name, as the case log stores it)
    by_action: str | None = None  # TAKEN: the step that took it (派遣, 作废, 不予立案, …)


def dispatch_case(
    store: Store,
    request: DispatchRequest,
    now: datetime,
    *,
    step: Step,
) -> DispatchResult:
    """Bring the case to 派遣 for ``request.staff_id``. Raises ``DatabaseUnavailable`` (retry the same
    request later), ``CaseNotFound`` and ``TransitionRefused`` (e.g. an unknown staff id), and
    whatever ``step`` refuses (a missing permission)."""
    marker: dict[str, Any] = {REQUEST_KEY: request.request_id}
    for _ in range(MAX_ROUNDS):
        case = read_case(store, request.case_id)
        try:
            if case.status == CaseStatus.RECEIVED:
                step(case.id, case.version, "立案", request.note, marker)
                continue
            if case.status == CaseStatus.FILED:
                payload = {**marker, ASSIGNEE_KEY: request.staff_id}
                after = step(case.id, case.version, "派遣", request.note, payload)
                return _done(request, after)
            if _may_reassign(store, request, case):
                payload = {**marker, ASSIGNEE_KEY: request.staff_id}
                after = step(case.id, case.version, "改派", request.note, payload)
                return _done(request, after)
        except ConcurrentChange:
            continue  # someone moved it between our read and write: look again
        timeline = case_timeline(store, request.case_id)
        if _dispatched_by(timeline, request):
            return _done(request, case)
        return _taken(request, case, timeline)
    raise ConcurrentChange(request.case_id, -1)


def _may_reassign(store: Store, request: DispatchRequest, case: CaseSnapshot) -> bool:
    """A 改派 runs only on the holder the operator saw, and never twice for one request."""
    return (
        request.reassign
        and case.status == CaseStatus.DISPATCHED
        and case.assignee_staff_id == request.from_staff_id
        and case.assignee_staff_id != request.staff_id
        and not _dispatched_by(case_timeline(store, request.case_id), request)
    )


def _dispatched_by(timeline: list[CaseEventRecord], request: DispatchRequest) -> bool:
    return any(
        event.action in DISPATCH_ACTIONS and event.payload.get(REQUEST_KEY) == request.request_id
        for event in timeline
    )


def _taker(timeline: list[CaseEventRecord], status: CaseStatus) -> CaseEventRecord | None:
    """The step that took the case from this request: what voided or rejected it, else the last
    派遣 or 改派 (someone else's, even when the case has moved on since), else its last step."""
    if status not in {CaseStatus.VOIDED, CaseStatus.REJECTED}:
        dispatches = [event for event in timeline if event.action in DISPATCH_ACTIONS]
        if dispatches:
            return dispatches[-1]
    return timeline[-1] if timeline else None


def _taken(request: DispatchRequest, case: CaseSnapshot, timeline: list[CaseEventRecord]) -> DispatchResult:
    taker = _taker(timeline, case.status)
    by, action = (taker.actor, taker.action) if taker else (None, None)
    detail = f"{by} {action}, {case.status}" if taker else str(case.status)
    return DispatchResult(
        request,
        DispatchOutcome.TAKEN,
        case.status,
        f"案件已被他人处理（{detail}）/ someone else handled the case first ({detail})",
        case.number,
        by,
        action,
    )


def _done(request: DispatchRequest, case: CaseSnapshot) -> DispatchResult:
    return DispatchResult(
        request,
        DispatchOutcome.DISPATCHED,
        case.status,
        f"已派遣给 {request.staff_name} / dispatched to {request.staff_name}",
        case.number,
    )
