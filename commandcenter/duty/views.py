"""What the 值班表 window shows, assembled without SQL: a week's grid (office/segment × shift × day,
who is on duty after the exceptions) and the day's presence (在岗情况: each shift of today with its
holder's check-in, attendance and patrol coverage).

The names come in as plain mappings (staff id → name, segment id → number and name, office id →
name) and the tracks as ``domain.track.Track`` per unit, so the service reads and this module only
arranges — and the rules are tested without a database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from commandcenter.domain.district import SegmentShape, StaffRecord
from commandcenter.domain.duty import DutyException, RosterEntry, ShiftTemplate
from commandcenter.domain.track import Track
from commandcenter.duty.assignments import Assignment, DutySource
from commandcenter.duty.attendance import AttendanceStatus, attendance
from commandcenter.duty.coverage import NO_COVERAGE, Coverage, patrol_coverage
from commandcenter.duty.roster import DutyRoster


@dataclass(frozen=True)
class WeekCell:
    staff_id: int
    name: str
    source: DutySource
    replaces: str | None = None  # SWAP: whom this person covers for


@dataclass(frozen=True)
class WeekRow:
    office_id: int
    segment_id: int
    segment: str  # number and name: "EQ-0001 大学路(陇海路—航海路)"
    shift: ShiftTemplate
    days: tuple[tuple[WeekCell, ...], ...]  # Monday … Sunday
    on_leave: tuple[tuple[str, ...], ...]  # names on leave, Monday … Sunday


@dataclass(frozen=True)
class DutyWeek:
    monday: date
    rows: tuple[WeekRow, ...]
    exceptions: tuple[DutyException, ...]  # of the week, for the list beside the grid
    entries: tuple[RosterEntry, ...] = ()  # the weekly entries valid in the week (to edit them)


@dataclass(frozen=True)
class PresenceRow:
    staff_id: int
    name: str
    office_id: int
    segment_id: int
    segment: str
    shift: ShiftTemplate
    start: datetime
    end: datetime
    source: DutySource | None  # None: on leave
    on_duty_now: bool
    status: AttendanceStatus
    coverage: Coverage
    has_unit: bool  # without a GPS unit nobody can be seen: absent is then "unknown" to the reader


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def segment_label(segment: SegmentShape) -> str:
    return f"{segment.number} {segment.name}"


def duty_week(
    roster: DutyRoster, monday: date, names: Mapping[int, str], segments: Mapping[int, SegmentShape]
) -> DutyWeek:
    """The grid of the week starting ``monday``: one row per segment and shift that has anyone rostered
    or working an extra shift that week."""
    days = [monday + timedelta(days=offset) for offset in range(7)]
    cells: dict[tuple[int, int], list[list[WeekCell]]] = {}
    leaves: dict[tuple[int, int], list[list[str]]] = {}
    shifts: dict[int, ShiftTemplate] = dict(roster.shifts)
    offices: dict[int, int] = {}

    def slot(segment_id: int, shift_id: int, office_id: int) -> tuple[int, int]:
        key = (segment_id, shift_id)
        cells.setdefault(key, [[] for _ in days])
        leaves.setdefault(key, [[] for _ in days])
        offices[segment_id] = office_id
        return key

    for index, day in enumerate(days):
        for item in roster.assignments_on(day):
            replaces = names.get(item.replaces, "?") if item.replaces is not None else None
            cell = WeekCell(item.staff_id, names.get(item.staff_id, "?"), item.source, replaces)
            cells[slot(item.segment_id, item.shift.id, item.office_id)][index].append(cell)
        for leave in roster.leaves_on(day):
            leaves[slot(leave.segment_id, leave.shift.id, leave.office_id)][index].append(
                names.get(leave.staff_id, "?")
            )
    rows = [
        WeekRow(
            offices[segment_id],
            segment_id,
            segment_label(segments[segment_id]) if segment_id in segments else str(segment_id),
            shifts[shift_id],
            tuple(tuple(day) for day in cells[(segment_id, shift_id)]),
            tuple(tuple(day) for day in leaves[(segment_id, shift_id)]),
        )
        for segment_id, shift_id in cells
    ]
    rows.sort(key=lambda row: (row.office_id, row.segment, row.shift.start))
    week = tuple(exception for exception in roster.exceptions if monday <= exception.day <= days[-1])
    valid = tuple(
        entry
        for entry in roster.entries
        if entry.valid_from <= days[-1] and (entry.valid_to is None or entry.valid_to >= monday)
    )
    return DutyWeek(monday, tuple(rows), week, valid)


def presence(
    roster: DutyRoster,
    day: date,
    now: datetime,
    staff: Mapping[int, StaffRecord],
    segments: Mapping[int, SegmentShape],
    tracks: Mapping[int, Track],
) -> list[PresenceRow]:
    """Each shift running during ``day`` (the night before included) with its holder's attendance and
    the segment's coverage from the holder's unit (``tracks`` by unit id); people on leave listed as
    such. The shifts are worked through in ``tracks``' own order (a unit's shifts together), so
    tracks read lazily a group at a time (``ChunkedTracks``) read each group once; the rows are sorted
    at the end. In roster order, a unit's second shift of the day asked for a group let go long
    before: the daily summary read 24 times the fixes it needed (55 s instead of 2)."""
    order: dict[int | None, int] = {unit: index for index, unit in enumerate(tracks)}  # reads nothing

    def track_order(item: Assignment) -> int:
        member = staff.get(item.staff_id)
        return order.get(member.unit_id, -1) if member is not None else -1  # no unit: not in ``order``

    rows = [
        _presence_row(item, now, staff, segments, tracks)
        for item in sorted(roster.shifts_touching(day), key=track_order)
    ]
    for leave in [*roster.leaves_on(day - timedelta(days=1)), *roster.leaves_on(day)]:
        if leave.day < day and not leave.shift.crosses_midnight:
            continue
        member = staff.get(leave.staff_id)
        segment = segments.get(leave.segment_id)
        rows.append(
            PresenceRow(
                leave.staff_id,
                member.name if member else "?",
                leave.office_id,
                leave.segment_id,
                segment_label(segment) if segment else str(leave.segment_id),
                leave.shift,
                leave.start,
                leave.end,
                None,
                False,
                AttendanceStatus.ON_LEAVE,
                NO_COVERAGE,
                member is not None and member.unit_id is not None,
            )
        )
    rows.sort(key=lambda row: (row.office_id, row.segment, row.start, row.name))
    return rows


def _presence_row(
    item: Assignment,
    now: datetime,
    staff: Mapping[int, StaffRecord],
    segments: Mapping[int, SegmentShape],
    tracks: Mapping[int, Track],
) -> PresenceRow:
    member = staff.get(item.staff_id)
    segment = segments.get(item.segment_id)
    track = tracks.get(member.unit_id) if member is not None and member.unit_id is not None else None
    coverage = (
        patrol_coverage(track, segment.geometry, item.start, item.end, now=now)
        if track is not None and segment is not None
        else NO_COVERAGE
    )
    return PresenceRow(
        item.staff_id,
        member.name if member else "?",
        item.office_id,
        item.segment_id,
        segment_label(segment) if segment else str(item.segment_id),
        item.shift,
        item.start,
        item.end,
        item.source,
        item.holds(now),
        attendance(item.start, coverage.first_seen, now),
        coverage,
        track is not None,
    )
