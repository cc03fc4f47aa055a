"""Duty (勤务) records: shift templates, the weekly roster per segment, and the day's exceptions.

A shift template is a named stretch of the district's wall clock (白班 08:00–20:00, 夜班 20:00–08:00,
早班 06:00–14:00); it may cross midnight, and then it belongs to the day it *starts* on (the 夜班 of
Monday runs into Tuesday morning). A roster entry puts one member of staff on one segment for one
shift on some weekdays between two dates. An exception changes one day: leave (请假, the rostered
person is off), a swap (换班, another member of staff covers the rostered person's shift), an extra
shift (加班, someone is on duty who is not rostered). Ids are plain: the district's tables are
reloaded by a demo reset or a full import, so nothing here holds a foreign key into them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum

WEEKDAYS = range(7)  # Monday 0 … Sunday 6, as ``date.weekday()``


class ExceptionKind(StrEnum):
    LEAVE = "请假"  # the rostered person is off that day
    SWAP = "换班"  # ``other_staff_id`` covers the rostered person's shift that day
    EXTRA = "加班"  # an extra shift on ``segment_id`` that day


@dataclass(frozen=True)
class ShiftTemplate:
    id: int
    name: str  # 白班 / 夜班 / 早班 …
    start: time  # on the district's wall clock
    end: time  # earlier than ``start``: the shift crosses midnight into the next day

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class RosterEntry:
    id: int
    staff_id: int
    segment_id: int
    office_id: int  # the segment's office, kept so an office's roster reads without a join
    shift_id: int
    weekdays: frozenset[int]  # 0 = Monday
    valid_from: date
    valid_to: date | None  # inclusive; None: until further notice

    def applies_on(self, day: date) -> bool:
        if day < self.valid_from or (self.valid_to is not None and day > self.valid_to):
            return False
        return day.weekday() in self.weekdays


@dataclass(frozen=True)
class DutyException:
    id: int
    day: date  # the day the shift starts on
    kind: ExceptionKind
    staff_id: int  # on leave / handing over / working the extra shift
    shift_id: int
    segment_id: int | None  # EXTRA: where; LEAVE/SWAP: None means every rostered segment of that shift
    office_id: int
    other_staff_id: int | None = None  # SWAP: who covers
    note: str = ""


@dataclass(frozen=True)
class NewRosterEntry:
    staff_id: int
    segment_id: int
    shift_id: int
    weekdays: frozenset[int]
    valid_from: date
    valid_to: date | None = None


@dataclass(frozen=True)
class NewDutyException:
    day: date
    kind: ExceptionKind
    staff_id: int
    shift_id: int
    segment_id: int | None = None
    other_staff_id: int | None = None
    note: str = ""


class DutyRefused(ValueError):
    """A roster or exception edit the rules refuse; the message is one bilingual line."""
