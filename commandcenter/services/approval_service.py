"""延期/挂账 as a hand-off: the office's handler asks, the supervisor (值班长) decides.

``CaseService.transition`` refuses 延期/挂账 to anyone who may not approve them; this is the way
round it. An office user (``office_steps``) files a request for a case of their own office that is
in hand (签收/处置): working hours and a reason for 延期, a reason for 挂账, optionally evidence
photos as ``photo:<sha256>`` URIs (the photo store's addresses). The supervisor
(``approve_extension``) sees every office's pending requests and approves — the step is written as
the requester's with the supervisor as ``approved_by``, so the deadline moves only then — or refuses
with a reason. The requester's office sees its requests and their decisions; a requester may
withdraw a pending request. Nobody approves their own request. Every step is audited (``REQUEST``
for filing and withdrawing, ``APPROVAL`` for decisions); refusals of a permission are audited as
everywhere (``Guarded``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.case_requests import (
    MAX_EVIDENCE,
    MAX_EXTENSION_HOURS,
    REQUESTABLE_ACTIONS,
    CaseRequestRecord,
    CaseRequests,
    RequestRefused,
    RequestStatus,
)
from commandcenter.domain.cases import CaseSnapshot
from commandcenter.persistence.cases import request_decisions, requests
from commandcenter.persistence.store import Store
from commandcenter.services.case_service import CaseService
from commandcenter.services.guard import Guarded

PHOTO_URI = re.compile(r"photo:[0-9a-f]{64}")
OFFICE_HISTORY = timedelta(days=7)  # how far back an office user's list reaches (decided ones too)


class ApprovalService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        cases: CaseService,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, principal, audit=audit, clock=clock)
        self.cases = cases  # office scope of a case, and the deadline calendar

    @property
    def may_request(self) -> bool:
        return self.principal.can(Permission.OFFICE_STEPS) and self.principal.office_id is not None

    @property
    def may_decide(self) -> bool:
        return self.principal.can(Permission.APPROVE_EXTENSION)

    # ------------------------------------------------------------------ the handler
    def request(
        self,
        case_id: int,
        action: object,
        hours: object = None,
        reason: object = "",
        evidence_uris: Sequence[object] = (),
    ) -> int:
        """File a request for one of the office's cases in hand; returns its id."""
        self._require(Permission.OFFICE_STEPS, f"case:{case_id}")
        if action not in REQUESTABLE_ACTIONS:
            raise InvalidInput("action", "只能申请延期或挂账", "only 延期 and 挂账 are requested")
        why = clean_text(reason, "reason", required=True)
        granted = _hours(hours) if action == "延期" else None
        evidence = _evidence(evidence_uris)
        self.cases.get_case(case_id)  # another office's case: refused and audited
        if action == "延期" and granted is None:
            granted = requests.dispose_hours_of(self.store, case_id)
        request_id = requests.create_request(
            self.store, case_id, str(action), granted, why, evidence, self.principal.username, self.clock()
        )
        details = {"request_id": request_id, "action": action, "hours": granted, "reason": why}
        self._record(AuditAction.REQUEST, f"case:{case_id}", details | {"evidence": evidence})
        return request_id

    def withdraw(self, request_id: int) -> None:
        """The requester takes back a pending request."""
        self._require(Permission.OFFICE_STEPS, f"request:{request_id}")
        record = requests.read_request(self.store, _request_id(request_id))
        if record.requested_by != self.principal.username:
            self._deny(f"request:{request_id}", "只能撤回自己的申请", "only the requester may withdraw")
        request_decisions.withdraw_request(self.store, request_id, self.principal.username, self.clock())
        details = {"request_id": request_id, "action": record.action, "withdrawn": True}
        self._record(AuditAction.REQUEST, f"case:{record.case_id}", details)

    # ------------------------------------------------------------------ reading
    def pending(self) -> list[CaseRequestRecord]:
        """A supervisor: every office's pending requests. An office user: their office's requests
        of the last days, decided ones too (so the office sees each decision)."""
        if self.may_decide:
            return requests.list_requests(self.store, status=RequestStatus.PENDING, limit=500)
        if self.may_request:
            since = self.clock() - OFFICE_HISTORY
            return requests.list_requests(self.store, office_id=self.principal.office_id, since=since)
        return self._deny("requests", "不能查看延期/挂账申请", "may not read 延期/挂账 requests")

    def pending_count(self) -> int:
        """What the inbox button shows: requests waiting for a decision that this principal sees."""
        if self.may_decide:
            return requests.pending_count(self.store)
        if self.may_request:
            return requests.pending_count(self.store, self.principal.office_id)
        return self._deny("requests", "不能查看延期/挂账申请", "may not read 延期/挂账 requests")

    def for_case(self, case_id: int) -> CaseRequests:
        """The case's requests (newest first) and the hours a new 延期 starts from."""
        self.cases.get_case(case_id)  # scope: refused and audited like the detail
        return CaseRequests(
            requests.list_requests(self.store, case_id=case_id, limit=20),
            requests.dispose_hours_of(self.store, case_id),
        )

    # ------------------------------------------------------------------ the supervisor
    def approve(self, request_id: int, note: object = "") -> CaseSnapshot:
        """Write the requested step as the requester's, approved by this principal."""
        record = self._decidable(request_id)
        remark = clean_text(note, "note")
        details = {"request_id": request_id, "action": record.action, "requested_by": record.requested_by}
        approver, calendar = self.principal.username, self.cases.deadline_calendar()
        try:
            snapshot = request_decisions.approve_request(
                self.store, request_id, approver, remark, self.clock(), calendar
            )
        except RequestRefused as refusal:
            if refusal.kind == "case_moved":  # the request was marked stale: a change, audited
                self._record(AuditAction.APPROVAL, f"case:{record.case_id}", details | {"decision": "stale"})
            raise
        deadline = snapshot.deadline_at.isoformat() if snapshot.deadline_at else None
        details |= {"decision": "approved", "hours": record.hours, "note": remark, "deadline_at": deadline}
        self._record(AuditAction.APPROVAL, f"case:{record.case_id}", details | {"version": snapshot.version})
        return snapshot

    def refuse(self, request_id: int, reason: object) -> None:
        """Refuse with a reason the requester's office reads; the case is not touched."""
        record = self._decidable(request_id)
        why = clean_text(reason, "reason", required=True)
        request_decisions.refuse_request(self.store, request_id, self.principal.username, why, self.clock())
        details = {"request_id": request_id, "action": record.action, "requested_by": record.requested_by}
        self._record(
            AuditAction.APPROVAL, f"case:{record.case_id}", details | {"decision": "refused", "reason": why}
        )

    def _decidable(self, request_id: object) -> CaseRequestRecord:
        self._require(Permission.APPROVE_EXTENSION, f"request:{request_id}")
        record = requests.read_request(self.store, _request_id(request_id))
        if record.requested_by == self.principal.username:
            self._deny(f"request:{request_id}", "不能审批自己的申请", "may not decide one's own request")
        return record


def _request_id(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**62:
        raise InvalidInput("request_id", "申请编号无效", "invalid request id")
    return value


def _hours(value: object) -> float | None:
    """None: the category's dispose hours. Otherwise working hours in (0, MAX_EXTENSION_HOURS]."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_EXTENSION_HOURS:
        raise InvalidInput(
            "hours", f"应为 0–{MAX_EXTENSION_HOURS:g} 工作小时", "must be 0..240 working hours"
        )
    return float(value)


def _evidence(uris: Sequence[object]) -> list[str]:
    if isinstance(uris, str | bytes) or len(uris) > MAX_EVIDENCE:
        raise InvalidInput("evidence", f"最多 {MAX_EVIDENCE} 张照片", f"at most {MAX_EVIDENCE} photos")
    cleaned: list[str] = []
    for uri in uris:
        if not isinstance(uri, str) or not PHOTO_URI.fullmatch(uri):
            raise InvalidInput("evidence", "照片地址应为 photo:<sha256>", "photo URIs are photo:<sha256>")
        cleaned.append(uri)
    return cleaned
