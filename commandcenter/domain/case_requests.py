"""An office's 延期/挂账 request and what became of it — plain data, no SQL.

The workflow lets only someone other than the handler approve 延期 and 挂账 (``approved_by``); the
request is how the handler asks: it waits (待审批) until a supervisor approves it — the workflow step
is written then, as the requester's, with the supervisor as ``approved_by`` — or refuses it with a
reason, or the requester withdraws it. A request whose case has moved on (no longer 签收/处置) can
never be approved as asked, so the approval attempt marks it 已失效 rather than leaving it pending
forever in the inbox and blocking a fresh request (a case sent back by 返工 needs a new one, with
hours that fit the new situation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class RequestStatus(StrEnum):
    PENDING = "待审批"
    APPROVED = "已批准"
    REFUSED = "已驳回"
    WITHDRAWN = "已撤回"
    STALE = "已失效"  # the case moved on before a decision: approving it is no longer possible


REQUESTABLE_ACTIONS = ("延期", "挂账")
# Timeline events that are not workflow steps (the approval itself is the 延期/挂账 step).
REQUEST_EVENT = {"延期": "申请延期", "挂账": "申请挂账"}
REFUSED_EVENT = "驳回申请"
WITHDRAWN_EVENT = "撤回申请"
MAX_EXTENSION_HOURS = 240.0  # a month of working days: more is a 挂账, not a 延期
MAX_EVIDENCE = 9


@dataclass(frozen=True)
class CaseRequestRecord:
    """One request as the inbox and the case detail show it. Times are aware UTC."""

    id: int
    case_id: int
    case_number: str
    case_status: str  # the case's status now (the inbox shows a request whose case moved on)
    office_id: int | None
    office_name: str | None
    action: str  # 延期 / 挂账
    hours: float | None  # 延期: working hours asked for
    reason: str
    evidence: list[str]
    requested_by: str
    requested_at: datetime
    case_version: int  # the case as the requester saw it
    status: RequestStatus
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str = ""

    @property
    def is_pending(self) -> bool:
        return self.status is RequestStatus.PENDING


@dataclass(frozen=True)
class CaseRequests:
    """What the case detail needs about requests: the case's requests (newest first) and the hours a
    new 延期 request starts from (the category's dispose hours)."""

    requests: list[CaseRequestRecord] = field(default_factory=list)
    dispose_hours: float = 0.0

    @property
    def pending(self) -> list[CaseRequestRecord]:
        return [request for request in self.requests if request.is_pending]


class RequestRefused(ValueError):
    """The request, decision or withdrawal did not happen (nothing was written, except that an
    approval of a request whose case moved on marks it 已失效); the message is "中文 / English"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "duplicate", "not_in_hand", "decided", "case_moved", "not_found"
