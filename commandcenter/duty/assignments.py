"""One person's shift on one day (``Assignment``), a rostered shift someone is off for (``Leave``), and
where a shift lies in time: on the district's wall clock, a shift crossing midnight ending the next
day, and belonging to the day it starts on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from commandcenter.district_time import district_clock
from commandcenter.domain.duty import ShiftTemplate


class DutySource(StrEnum):
    """Why someone holds the assignment: a key the window words."""

    ROSTER = "roster"
    SWAP = "swap"  # covering someone else's rostered shift
    EXTRA = "extra"


@dataclass(frozen=True)
class Assignment:
    """One person on one segment for one shift of one day, with the shift's real start and end."""

    staff_id: int
    segment_id: int
    office_id: int
    shift: ShiftTemplate
    day: date
    start: datetime
    end: datetime
    source: DutySource = DutySource.ROSTER
    replaces: int | None = None  # SWAP: the rostered staff member this person covers for

    def holds(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True)
class Leave:
    """A rostered shift someone is off for (请假): attendance says "on leave", not "absent"."""

    staff_id: int
    segment_id: int
    office_id: int
    shift: ShiftTemplate
    day: date
    start: datetime
    end: datetime


def shift_window(shift: ShiftTemplate, day: date) -> tuple[datetime, datetime]:
    """The shift's start and end on ``day`` in the district's zone (the end on the next day when it
    crosses midnight)."""
    zone = district_clock().zone
    start = datetime.combine(day, shift.start, zone)
    end_day = day + timedelta(days=1) if shift.crosses_midnight else day
    return start, datetime.combine(end_day, shift.end, zone)
