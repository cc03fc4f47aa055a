"""督办: how the flagged 协商 cases were handled, counted in the assessment.

A consultation counts in the period its meeting falls in (or, before a date is set, the period it
was flagged in); withdrawn ones count nowhere. By the period's end its case is either closed
(办结) or not: each one not closed is an ``ExtraDeduction`` of ``per_unresolved_consultation``
points for the case's office, source 督办, naming the case and the department responsible. The
per-department counts (flagged, 办结) go beside the ranking so the meeting sees who acted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time

from commandcenter.district_time import district_clock
from commandcenter.domain.consultations import Consultation, ConsultationStatus
from commandcenter.domain.kinds import CaseStatus
from commandcenter.evaluation.deductions import ExtraDeduction
from commandcenter.evaluation.periods import Period

SOURCE = "督办"
NO_DEPARTMENT = "（未指定）"


def counts_in(consultation: Consultation, period: Period) -> bool:
    if consultation.status is ConsultationStatus.WITHDRAWN:
        return False
    if consultation.meeting_date is not None:
        zone = district_clock().zone
        meeting = datetime.combine(consultation.meeting_date, time(12), zone).astimezone(UTC)
        return period.contains(meeting)
    return period.contains(consultation.flagged_at)


def resolved_by(consultation: Consultation, moment: datetime) -> bool:
    closed = consultation.case_closed_at
    return consultation.case_status == CaseStatus.CLOSED.value and closed is not None and closed < moment


def supervision_deductions(
    consultations: Iterable[Consultation], period: Period, points: float
) -> list[ExtraDeduction]:
    return [
        ExtraDeduction(
            item.office_id,
            points,
            f"协商议题未办结：案件 #{item.case_id}（责任单位 {item.department or NO_DEPARTMENT}）",
            SOURCE,
        )
        for item in consultations
        if item.office_id is not None
        and counts_in(item, period)
        and not resolved_by(item, period.end)
        and points > 0
    ]


def by_department(consultations: Iterable[Consultation], period: Period) -> Mapping[str, Mapping[str, int]]:
    """``{责任单位: {"flagged": n, "resolved": m}}`` for the period's consultations."""
    table: dict[str, dict[str, int]] = {}
    for item in consultations:
        if counts_in(item, period):
            row = table.setdefault(item.department or NO_DEPARTMENT, {"flagged": 0, "resolved": 0})
            row["flagged"] += 1
            row["resolved"] += resolved_by(item, period.end)
    return dict(sorted(table.items()))
