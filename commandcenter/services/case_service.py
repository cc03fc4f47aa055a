"""Cases as a principal may see and move them: office users only their office's cases — on the board,
in the detail, in a search — each workflow action only with its permission
(``accounts/permissions.py``), 延期/挂账 only through a supervisor's ``approve_extension``, and a
one-click dispatch as the principal's own steps. Wraps ``apply_transition`` and the reads unchanged.
The scope of every read is ``case_scope.ScopedCases`` (office, department or all, refusals audited);
photos are ``case_photos.CasePhotos``, what Open311 clients were told ``case_client_answers``; this
module holds the reads and the workflow steps: dispatch, 改派/升级, 转办/回复, transitions and the
supervisor's approval.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Mapping
from typing import Any

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import ACTION_PERMISSIONS, Permission
from commandcenter.accounts.validation import clean_text, clean_username
from commandcenter.audit.trail import AuditAction
from commandcenter.cases.case_detail import CaseDetail, load_case_detail
from commandcenter.cases.dispatch import DispatchRequest, DispatchResult, dispatch_case
from commandcenter.cases.escalation import EscalationStep
from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.cases import BoardCase, CaseSnapshot, CaseSummary
from commandcenter.domain.departments import DepartmentRecord
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.settings import SettingsSource
from commandcenter.domain.workflow import ASSIGNEE_KEY, DEPARTMENT_KEY, HANDOFF_HOURS_KEY, LEVEL_KEY
from commandcenter.persistence.cases import queries as case_queries
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.district.departments import departments as department_list
from commandcenter.services.case_client_answers import CaseClientAnswers
from commandcenter.services.case_photos import CasePhotos
from commandcenter.services.case_scope import case_id_of

APPROVAL_ACTIONS = frozenset({"延期", "挂账"})
HOLDER_ACTIONS = frozenset(
    {"派遣", "改派", "升级", "转办", "回复"}
)  # who holds the case: audited as dispatches


class CaseService(CasePhotos, CaseClientAnswers):
    calendar: WorkingCalendar | None = None  # a fixed calendar; else the settings' (else the default)
    settings: SettingsSource | None = None  # the workstation's live settings (``hub.Services``)

    def get_case(self, case_id: int) -> CaseSnapshot:
        self._check_case(case_id_of(case_id))
        return read_case(self.store, case_id)

    def detail(self, case_id: int) -> CaseDetail:
        """What the detail window shows; another office's case is refused (and audited)."""
        self._check_case(case_id_of(case_id))
        detail = load_case_detail(self.store, case_id)
        held = detail.case.department_id is not None
        offered = [t for t in detail.actions if self._offers(t.action) and (t.action != "回复" or held)]
        return dataclasses.replace(detail, actions=offered)

    def _offers(self, action: str) -> bool:
        """The detail offers a principal only the steps they may take (an office user: 签收, 处置, 反馈,
        退回, and 延期/挂账 as requests for a supervisor's approval)."""
        if action in APPROVAL_ACTIONS and self.principal.can(Permission.OFFICE_STEPS):
            return True
        return self.principal.can(ACTION_PERMISSIONS[action])

    def board(self, ids: Collection[int] | None = None) -> list[BoardCase]:
        """The open cases this principal sees (``ids`` None), or the named ones among them."""
        scope = self._read_scope()
        return board_rows(self.store, ids, office_id=scope.office_id, department_id=scope.department_id)

    def dispatch(self, request: DispatchRequest) -> DispatchResult:
        """立案 + 派遣 as this principal's own steps (each checked and audited), idempotent per request."""
        return dispatch_case(self.store, request, self.clock(), step=self._step)

    def escalate(
        self, case_id: int, expected_version: int, step: EscalationStep, reason: object = ""
    ) -> CaseSnapshot:
        """升级: a dispatched case nobody signed for goes one level up (``DispatchAdvice.next_escalation``
        names the step: the office's duty officer, or the bureau with no assignee). Audited like a
        dispatch, with the level in the timeline's payload."""
        payload = {
            ASSIGNEE_KEY: None if step.staff is None else step.staff.id,
            LEVEL_KEY: step.level.value,
        }
        return self.transition(case_id, expected_version, "升级", reason, payload)

    def departments(self) -> list[DepartmentRecord]:
        """The departments a case can be handed to (转办): everyone who reads cases may list them."""
        self._read_scope()
        return department_list(self.store)

    def hand_to_department(
        self,
        case_id: int,
        expected_version: int,
        department_id: int,
        hours: float | None = None,
        reason: object = "",
    ) -> CaseSnapshot:
        """转办 (联动): the department holds the case beside its office, with its own deadline in working
        hours (default: the category's disposal time); the hand-off is in the timeline and the audit."""
        payload: dict[str, Any] = {DEPARTMENT_KEY: department_id}
        if hours is not None:
            payload[HANDOFF_HOURS_KEY] = hours
        return self.transition(case_id, expected_version, "转办", reason, payload)

    def reply(self, case_id: int, expected_version: int, answer: object) -> CaseSnapshot:
        """回复: the department's answer (required) hands the case back to the centre and its office."""
        return self.transition(case_id, expected_version, "回复", answer)

    def _step(
        self, case_id: int, version: int, action: str, reason: str, payload: dict[str, Any]
    ) -> CaseSnapshot:
        return self.transition(case_id, version, action, reason, payload)

    def list_cases(self, text: object = "", status: object = None, limit: int = 200) -> list[CaseSummary]:
        search = clean_text(text, "search")
        if status is not None and (
            not isinstance(status, str) or status not in {s.value for s in CaseStatus}
        ):
            raise InvalidInput("status", "未知的案件状态", "unknown case status")
        if not isinstance(limit, int) or not 1 <= limit <= 1000:
            raise InvalidInput("limit", "应为 1–1000", "must be 1..1000")
        scope = self._read_scope()
        return case_queries.search_cases(
            self.store,
            office_id=scope.office_id,
            department_id=scope.department_id,
            text=search,
            status=status,
            limit=limit,
        )

    def transition(
        self,
        case_id: int,
        expected_version: int,
        action: str,
        reason: object = "",
        payload: Mapping[str, Any] | None = None,
    ) -> CaseSnapshot:
        """Apply a workflow step as the principal. 延期/挂账 are refused here: they need approval."""
        permission = _permission_of(action)
        if action in APPROVAL_ACTIONS and not self.principal.can(Permission.APPROVE_EXTENSION):
            self._deny(
                f"case:{case_id}",
                f"「{action}」须经值班长审批",
                f"{action} needs a supervisor's approval (approve_extension)",
            )
        return self._apply(case_id, expected_version, action, reason, payload, permission, None)

    def approve_extension(
        self,
        case_id: int,
        expected_version: int,
        action: str,
        requested_by: object,
        reason: object,
        payload: Mapping[str, Any] | None = None,
    ) -> CaseSnapshot:
        """A supervisor approves an office's 延期/挂账 request: the step is written as the requester's,
        with the supervisor as ``approved_by`` (the workflow refuses self-approval)."""
        if action not in APPROVAL_ACTIONS:
            raise InvalidInput("action", "只能审批延期或挂账", "only 延期 and 挂账 are approved")
        requester = clean_username(requested_by)
        return self._apply(
            case_id, expected_version, action, reason, payload, Permission.APPROVE_EXTENSION, requester
        )

    def _apply(
        self,
        case_id: int,
        expected_version: int,
        action: str,
        reason: object,
        payload: Mapping[str, Any] | None,
        permission: Permission,
        requester: str | None,
    ) -> CaseSnapshot:
        why = clean_text(reason, "reason")
        clean_payload = _clean_payload(payload)
        self._require(permission, f"case:{case_id}")
        self._check_case(case_id_of(case_id))
        actor = requester or self.principal.username
        snapshot = apply_transition(
            self.store,
            case_id,
            expected_version,
            action,
            actor,
            why,
            self.clock(),
            clean_payload,
            approved_by=self.principal.username if requester else None,
            calendar=self.deadline_calendar(),
        )
        kind = (
            AuditAction.APPROVAL
            if requester
            else AuditAction.DISPATCH
            if action in HOLDER_ACTIONS
            else AuditAction.TRANSITION
        )
        details = {"action": action, "to": snapshot.status.value, "version": snapshot.version, "reason": why}
        self._record(kind, f"case:{case_id}", details | ({"requested_by": requester} if requester else {}))
        return snapshot

    def deadline_calendar(self) -> WorkingCalendar | None:
        """Deadlines of a step count in the newest settings' calendar (延期, 派遣, 返工 …)."""
        if self.calendar is not None or self.settings is None:
            return self.calendar
        return self.settings().working_calendar()


def _permission_of(action: object) -> Permission:
    if not isinstance(action, str) or action not in ACTION_PERMISSIONS:
        raise InvalidInput("action", "未知的办理动作", "unknown workflow action")
    return ACTION_PERMISSIONS[action]


def _clean_payload(payload: Mapping[str, Any] | None) -> dict[str, Any]:
    """Text in a payload (notes) is checked like any field; numbers pass; anything else is refused."""
    cleaned: dict[str, Any] = {}
    for key, value in (payload or {}).items():
        name = clean_text(key, "payload key", limit=40, required=True)
        if isinstance(value, bool) or value is None or isinstance(value, int | float):
            cleaned[name] = value
        elif isinstance(value, str | bytes):
            cleaned[name] = clean_text(value, "note")
        else:
            raise InvalidInput(name, "不支持的值", "unsupported value")
    return cleaned
