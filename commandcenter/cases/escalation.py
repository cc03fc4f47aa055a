"""The escalation chain for a dispatched case nobody signs for: 路长 → 镇办 → 区城管局.

CAD systems send the next responder when one does not accept in time (standards reference §6,
"time interval for dispatching substitute"); here each unanswered ``ack_timeout`` moves the case one
level up, ending at the district bureau, which always answers. The district's settings make it a
ladder (``domain.settings``): a level can be switched off (the bureau cannot) and each level holds
the case for its own wait before the next is due. Pure functions: the queue decides
when to ask, the workflow records what was done. A step names who (level, person, office), not a
sentence: the queue words it in the UI's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from commandcenter.cases.district_index import DistrictIndex
from commandcenter.cases.recommend import DEFAULT_DAY_SHIFT, duty_officer, shift_at
from commandcenter.cases.screening import ScreeningResult
from commandcenter.domain.district import StaffRecord
from commandcenter.domain.settings import LadderLevel

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


# The settings' ladder levels (keys) and the chain's levels (what the queue words).
LEVEL_OF_RUNG = {
    LadderLevel.ROAD_CHIEF: EscalationLevel.ROAD_CHIEF,
    LadderLevel.OFFICE: EscalationLevel.OFFICE,
    LadderLevel.BUREAU: EscalationLevel.BUREAU,
}
# A ladder as the escalation reads it: each level in order, with its wait (None: switched off).
Ladder = Mapping[LadderLevel, timedelta | None]


def escalation_chain(
    result: ScreeningResult,
    index: DistrictIndex,
    now: datetime,
    ladder: Ladder | None = None,
    day_shift: tuple[time, time] = DEFAULT_DAY_SHIFT,
) -> list[EscalationStep]:
    """路长 (when the case lies on a segment) → the office and its duty officer → the bureau, in the
    ladder's order without its switched-off levels (no ladder: all three)."""
    order = list(ladder) if ladder is not None else list(LadderLevel)
    chain: list[EscalationStep] = []
    for rung in order:
        if ladder is not None and ladder[rung] is None and rung is not LadderLevel.BUREAU:
            continue
        if rung is LadderLevel.ROAD_CHIEF and result.road_chief is not None:
            chain.append(EscalationStep(EscalationLevel.ROAD_CHIEF, result.road_chief))
        elif rung is LadderLevel.OFFICE and result.office is not None:
            officer = duty_officer(result, index, shift_at(now, day_shift))
            chain.append(EscalationStep(EscalationLevel.OFFICE, officer, result.office.name))
    chain.append(EscalationStep(EscalationLevel.BUREAU, None))  # always, and always last
    return chain


def chain_from_holder(chain: list[EscalationStep], holder_staff_id: int | None) -> list[EscalationStep]:
    """The chain from the one holding the case on: a case escalated (升级) to the office's duty officer
    climbs on from there, never back to its 路长. ``holder_staff_id`` None is the bureau (a case 升级'd
    to it has no assignee); someone not on the chain (a patroller dispatched by hand) climbs from its
    start, since the 路长 answers for the segment whoever was sent."""
    if holder_staff_id is None:
        return chain[-1:]
    for position, step in enumerate(chain):
        if step.staff is not None and step.staff.id == holder_staff_id:
            return chain[position:]
    return chain


def escalation_due(
    chain: list[EscalationStep],
    dispatched_at: datetime,
    now: datetime,
    ack_timeout: timedelta = DEFAULT_ACK_TIMEOUT,
    ladder: Ladder | None = None,
) -> EscalationStep:
    """The step that should hold an unsigned case ``now``: one level up per elapsed wait — the
    level's own wait on a ``ladder``, else ``ack_timeout`` for every level — never past the last."""
    if not chain:
        raise ValueError("an escalation chain has at least the bureau")
    if ack_timeout <= timedelta(0):
        raise ValueError("ack_timeout must be positive")
    elapsed = max(now - dispatched_at, timedelta(0))
    held_until = timedelta(0)
    for step in chain[:-1]:
        wait = _wait_of(step.level, ack_timeout, ladder)
        held_until += wait
        if elapsed < held_until:
            return step
    return chain[-1]


def _wait_of(level: EscalationLevel, ack_timeout: timedelta, ladder: Ladder | None) -> timedelta:
    if ladder is None:
        return ack_timeout
    rung = next(rung for rung, chain_level in LEVEL_OF_RUNG.items() if chain_level is level)
    wait = ladder.get(rung)
    return wait if wait is not None and wait > timedelta(0) else ack_timeout
