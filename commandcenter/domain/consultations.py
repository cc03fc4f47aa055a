"""协商: hard cases put before the periodic consultation meeting (issue 16) — plain records.

A supervisor flags a case with a reason and, once set, the meeting's date and the department
responsible for acting on it (责任单位); the meeting's outcome is recorded on it; a flag can be
withdrawn with a reason. Whether the responsible side then closed the case counts in the 督办 part
of the assessment (``evaluation.supervision``). Every step is audited by ``services.consultations``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ConsultationStatus(StrEnum):
    PENDING = "待协商"  # flagged, waiting for the meeting
    DECIDED = "已议定"  # the meeting's outcome is recorded
    WITHDRAWN = "已撤回"  # unflagged (with a reason): counts nowhere


@dataclass(frozen=True)
class Consultation:
    id: int
    case_id: int
    office_id: int | None
    status: ConsultationStatus
    reason: str
    flagged_by: str
    flagged_at: datetime
    meeting_date: date | None = None
    department: str = ""  # 责任单位 named for the case (a department or an office)
    outcome: str = ""
    decided_by: str = ""
    withdrawn_reason: str = ""
    case_status: str = ""  # the case's status now (read with the flag)
    case_closed_at: datetime | None = None


class ConsultationError(ValueError):
    """A flag that cannot be made or changed; the message is "中文 / English"."""
