"""The escalation chain for a dispatched case nobody signs for: 路长 → 镇办 → 区城管局.

CAD systems send the next responder when one does not accept in time (standards reference §6,
"time interval for dispatching substitute"); here each unanswered ``ack_timeout`` moves the case one
level up, ending at the district bureau, which always answers. Pure functions: the queue decides
when to ask, the workflow records what was done. A step names who (level, person, office), not a
sentence: the queue words it in the UI's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from commandcenter.cases.district_index import DistrictIndex
from commandcenter.cases.recommend import duty_officer, shift_at
from commandcenter.cases.screening import ScreeningResult
from commandcenter.domain.district import StaffRecord

DEFAULT_ACK_TIMEOUT = timedelta(minutes=30)


class EscalationLevel(StrEnum):
    ROAD_CHIEF = "路长"
    OFFICE = "镇办"
    BUREAU = "区城管局"


@dataclass(frozen=True)
class EscalationStep:
    level: EscalationLevel
    staff: StaffRecord | None  # the 路长, the office's duty officer; None: the bureau's command centre
    office: str | None = None  # the office's name, on the office step


def escalation_chain(result: ScreeningResult, index: DistrictIndex, now: datetime) -> list[EscalationStep]:
    """路长 (when the case lies on a segment) → the office and its duty officer → the bureau."""
    chain: list[EscalationStep] = []
    if result.road_chief is not None:
        chain.append(EscalationStep(EscalationLevel.ROAD_CHIEF, result.road_chief))
    if result.office is not None:
        officer = duty_officer(result, index, shift_at(now))
        chain.append(EscalationStep(EscalationLevel.OFFICE, officer, result.office.name))
    chain.append(EscalationStep(EscalationLevel.BUREAU, None))
    return chain


def escalation_due(
    chain: list[EscalationStep],
    dispatched_at: datetime,
    now: datetime,
    ack_timeout: timedelta = DEFAULT_ACK_TIMEOUT,
) -> EscalationStep:
    """The step that should hold an unsigned case ``now``: one level up per elapsed ``ack_timeout``,
    never past the last step."""
    if not chain:
        raise ValueError("an escalation chain has at least the bureau")
    if ack_timeout <= timedelta(0):
        raise ValueError("ack_timeout must be positive")
    elapsed = max(now - dispatched_at, timedelta(0))
    return chain[min(int(elapsed / ack_timeout), len(chain) - 1)]
