"""Who is on duty where: the weekly roster with each day's exceptions applied, read on the district's
clock.

A shift belongs to the day it starts on, so a moment is covered by that day's shifts and — for shifts
crossing midnight — by the previous day's: at 02:00 on Tuesday the 夜班 on duty is Monday's. The
day's assignments are the roster entries that apply that weekday and date, minus the people on leave
(请假), with a swap (换班) handing the rostered person's shift to the one who covers, plus extra shifts
(加班). Everything here is pure: the roster is handed in whole, the caller reads it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from commandcenter.district_time import district_clock
from commandcenter.domain.duty import DutyException, ExceptionKind, RosterEntry, ShiftTemplate
from commandcenter.duty.assignments import Assignment, DutySource, Leave, shift_window


def _matches(exception: DutyException, entry: RosterEntry, day: date) -> bool:
    return (
        exception.day == day
        and exception.staff_id == entry.staff_id
        and exception.shift_id == entry.shift_id
        and exception.segment_id in (None, entry.segment_id)
    )


Span = tuple[float, float, Assignment]  # start and end as epoch seconds, the assignment


@dataclass(frozen=True)
class _DaySpans:
    """One day's assignments as epoch-second spans, also by segment and by staff member."""

    every: list[Span]
    by_segment: dict[int, list[Span]]
    by_staff: dict[int, list[Span]]

    @classmethod
    def of(cls, items: Sequence[Assignment]) -> _DaySpans:
        every = [(item.start.timestamp(), item.end.timestamp(), item) for item in items]
        by_segment: dict[int, list[Span]] = defaultdict(list)
        by_staff: dict[int, list[Span]] = defaultdict(list)
        for span in every:
            by_segment[span[2].segment_id].append(span)
            by_staff[span[2].staff_id].append(span)
        return cls(every, dict(by_segment), dict(by_staff))


class DutyRoster:
    """The district's (or one office's) roster in memory: templates, weekly entries, exceptions."""

    def __init__(
        self,
        shifts: Iterable[ShiftTemplate],
        entries: Iterable[RosterEntry],
        exceptions: Iterable[DutyException] = (),
    ) -> None:
        self.shifts = {shift.id: shift for shift in shifts}
        self.entries = list(entries)
        self.exceptions = list(exceptions)
        self.offices = frozenset(entry.office_id for entry in self.entries)
        self._days: dict[date, list[Assignment]] = {}  # the roster does not change once built
        self._spans: dict[date, _DaySpans] = {}

    def covers_office(self, office_id: int) -> bool:
        """The office keeps a roster: its duty is the roster's, not a fixed 白班/夜班."""
        return office_id in self.offices

    def _day_exceptions(self, day: date) -> list[DutyException]:
        return [exception for exception in self.exceptions if exception.day == day]

    def assignments_on(self, day: date) -> list[Assignment]:
        """Every shift starting on ``day``: rostered, swapped over or extra; people on leave left out
        (worked out once per day: the recommender asks at every pop-up)."""
        if day not in self._days:
            self._days[day] = self._assignments_on(day)
        return list(self._days[day])

    def _assignments_on(self, day: date) -> list[Assignment]:
        exceptions = self._day_exceptions(day)
        picks: list[Assignment] = []
        for entry in self.entries:
            if not entry.applies_on(day) or entry.shift_id not in self.shifts:
                continue
            shift = self.shifts[entry.shift_id]
            start, end = shift_window(shift, day)
            touching = [exception for exception in exceptions if _matches(exception, entry, day)]
            if any(exception.kind is ExceptionKind.LEAVE for exception in touching):
                continue
            swap = next((item for item in touching if item.kind is ExceptionKind.SWAP), None)
            if swap is not None and swap.other_staff_id is not None:
                picks.append(
                    Assignment(
                        swap.other_staff_id,
                        entry.segment_id,
                        entry.office_id,
                        shift,
                        day,
                        start,
                        end,
                        DutySource.SWAP,
                        entry.staff_id,
                    )
                )
                continue
            picks.append(
                Assignment(entry.staff_id, entry.segment_id, entry.office_id, shift, day, start, end)
            )
        return picks + self._extra_on(day, exceptions)

    def _extra_on(self, day: date, exceptions: Sequence[DutyException]) -> list[Assignment]:
        picks: list[Assignment] = []
        for exception in exceptions:
            template = self.shifts.get(exception.shift_id)
            if exception.kind is not ExceptionKind.EXTRA or exception.segment_id is None or template is None:
                continue
            start, end = shift_window(template, day)
            picks.append(
                Assignment(
                    exception.staff_id,
                    exception.segment_id,
                    exception.office_id,
                    template,
                    day,
                    start,
                    end,
                    DutySource.EXTRA,
                )
            )
        return picks

    def leaves_on(self, day: date) -> list[Leave]:
        """The rostered shifts of ``day`` their holder is on leave for."""
        leaves: list[Leave] = []
        for exception in self._day_exceptions(day):
            if exception.kind is not ExceptionKind.LEAVE:
                continue
            for entry in self.entries:
                if (
                    entry.applies_on(day)
                    and _matches(exception, entry, day)
                    and entry.shift_id in self.shifts
                ):
                    shift = self.shifts[entry.shift_id]
                    start, end = shift_window(shift, day)
                    leaves.append(
                        Leave(entry.staff_id, entry.segment_id, entry.office_id, shift, day, start, end)
                    )
        return leaves

    def on_duty_at(self, moment: datetime) -> list[Assignment]:
        """Everyone on duty at ``moment``: today's shifts and yesterday's that cross midnight."""
        return [item for _, item in self._holding(moment)]

    def on_duty_staff(self, segment_id: int, moment: datetime) -> frozenset[int]:
        """The staff on duty on ``segment_id`` at ``moment``."""
        return frozenset(item.staff_id for _, item in self._holding(moment, by_segment=segment_id))

    def is_on_duty(self, staff_id: int, moment: datetime) -> bool:
        """Whether ``staff_id`` holds a shift anywhere at ``moment``."""
        return any(True for _ in self._holding(moment, by_staff=staff_id))

    def _holding(
        self,
        moment: datetime,
        keep: Callable[[Assignment], bool] | None = None,
        *,
        by_segment: int | None = None,
        by_staff: int | None = None,
    ) -> Iterator[tuple[float, Assignment]]:
        """The assignments holding ``moment``, compared as epoch seconds (not aware datetimes of two
        zones: the recommender asks at every pop-up), looked up by segment or staff member."""
        today = district_clock().local(moment).date()
        instant = moment.timestamp()
        for day in (today - timedelta(days=1), today):
            spans = self._spans_of(day)
            if by_segment is not None:
                candidates = spans.by_segment.get(by_segment, [])
            elif by_staff is not None:
                candidates = spans.by_staff.get(by_staff, [])
            else:
                candidates = spans.every
            for start, end, item in candidates:
                if start <= instant < end and (keep is None or keep(item)):
                    yield start, item

    def _spans_of(self, day: date) -> _DaySpans:
        if day not in self._spans:
            self._spans[day] = _DaySpans.of(self.assignments_on(day))
        return self._spans[day]

    def shifts_touching(self, day: date) -> list[Assignment]:
        """The shifts that run during ``day``: its own and the previous night's crossing into it."""
        previous = [
            item for item in self.assignments_on(day - timedelta(days=1)) if item.shift.crosses_midnight
        ]
        return previous + self.assignments_on(day)
