"""协商议题 for the signed-in principal (issue 16): flag a hard case for the consultation meeting,
set its meeting date and responsible department, record the meeting's outcome, withdraw a flag,
and list them for the meeting.

Supervisors (``manage_consultation``) change flags; every change is audited (target ``case:<id>``).
Anyone who reads cases may list them: the centre and leaders all, an office user their office's.
Bad input (an empty reason, a case that does not exist, a case already flagged, a flag no longer
pending) is a ``ConsultationError`` with one "中文 / English" line; nothing is written then.
"""

from __future__ import annotations

from datetime import date

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.consultations import Consultation, ConsultationError, ConsultationStatus
from commandcenter.persistence.evaluation.consultations import (
    add_consultation,
    case_office,
    change_consultation,
    consultation,
    consultations,
)
from commandcenter.services.guard import Guarded

TARGET = "consultations"
MAX_DEPARTMENT = 40


class ConsultationService(Guarded):
    @property
    def may_manage(self) -> bool:
        return self.principal.can(Permission.MANAGE_CONSULTATION)

    def listed(self, *, include_withdrawn: bool = False) -> list[Consultation]:
        """The flags for the meeting, newest first (an office user: their office's)."""
        office = self._office_scope(TARGET)
        return consultations(self.store, office, include_withdrawn=include_withdrawn)

    def flag(
        self, case_id: int, reason: str, *, meeting_date: date | None = None, department: str = ""
    ) -> Consultation:
        self._require(Permission.MANAGE_CONSULTATION, f"case:{case_id}")
        reason = _needed(reason)
        department = _department(department)
        found = case_office(self.store, case_id)
        if found is None:
            raise ConsultationError(f"案件 #{case_id} 不存在 / no case #{case_id}")
        new_id = add_consultation(
            self.store,
            case_id,
            found[0],
            reason,
            self.principal.username,
            self.clock(),
            meeting_date,
            department,
        )
        details = {
            "flagged": new_id,
            "reason": reason,
            "department": department,
            "meeting": _day(meeting_date),
        }
        self._record(AuditAction.CONSULTATION_CHANGE, f"case:{case_id}", details)
        return self._get(new_id)

    def schedule(self, consultation_id: int, meeting_date: date | None, department: str) -> Consultation:
        """Set (or move) the meeting date and the department responsible."""
        current = self._pending(consultation_id)
        department = _department(department)
        change_consultation(self.store, consultation_id, meeting_date=meeting_date, department=department)
        self._record(
            AuditAction.CONSULTATION_CHANGE,
            f"case:{current.case_id}",
            {"scheduled": consultation_id, "meeting": _day(meeting_date), "department": department},
        )
        return self._get(consultation_id)

    def decide(self, consultation_id: int, outcome: str, department: str = "") -> Consultation:
        """Record the meeting's outcome (and, if named, the department now responsible)."""
        current = self._pending(consultation_id)
        outcome = _needed(outcome)
        department = _department(department) or current.department
        change_consultation(
            self.store,
            consultation_id,
            status=ConsultationStatus.DECIDED.value,
            outcome=outcome,
            department=department,
            decided_by=self.principal.username,
        )
        details = {"decided": consultation_id, "outcome": outcome, "department": department}
        self._record(AuditAction.CONSULTATION_CHANGE, f"case:{current.case_id}", details)
        return self._get(consultation_id)

    def withdraw(self, consultation_id: int, reason: str) -> Consultation:
        current = self._pending(consultation_id)
        reason = _needed(reason)
        change_consultation(
            self.store, consultation_id, status=ConsultationStatus.WITHDRAWN.value, withdrawn_reason=reason
        )
        self._record(
            AuditAction.CONSULTATION_CHANGE,
            f"case:{current.case_id}",
            {"withdrawn": consultation_id, "reason": reason},
        )
        return self._get(consultation_id)

    def _pending(self, consultation_id: int) -> Consultation:
        self._require(Permission.MANAGE_CONSULTATION, f"consultation:{consultation_id}")
        current = consultation(self.store, consultation_id)
        if current is None or current.status is not ConsultationStatus.PENDING:
            raise ConsultationError(
                f"协商议题 {consultation_id} 不存在或已办理 / consultation {consultation_id} is not pending"
            )
        return current

    def _get(self, consultation_id: int) -> Consultation:
        found = consultation(self.store, consultation_id)
        assert found is not None  # just written in this call
        return found


def _needed(text: str) -> str:
    text = text.strip()
    if not text:
        raise ConsultationError("请填写理由或结论 / a reason or outcome is required")
    return text


def _department(text: str) -> str:
    text = text.strip()
    if len(text) > MAX_DEPARTMENT:
        raise ConsultationError(f"责任单位名称过长（最多 {MAX_DEPARTMENT} 字） / department name too long")
    return text


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""
