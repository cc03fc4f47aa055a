"""Duty rules without a database: who is on duty at shift boundaries (a night shift crossing
midnight belongs to the day it starts), a swap, leave, an extra shift; attendance at its edges; patrol
coverage of a segment from a track (time on it, metres walked, gaps, check-in)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from commandcenter.domain.duty import (
    DutyException,
    DutyRefused,
    ExceptionKind,
    NewDutyException,
    NewRosterEntry,
    RosterEntry,
    ShiftTemplate,
)
from commandcenter.domain.track import Track
from commandcenter.duty.assignments import DutySource
from commandcenter.duty.attendance import AttendanceStatus, attendance
from commandcenter.duty.checks import check_entry, check_exception
from commandcenter.duty.coverage import patrol_coverage
from commandcenter.duty.roster import DutyRoster
from commandcenter.geo import LocalProjection

Z = ZoneInfo("Asia/Shanghai")
DAY = ShiftTemplate(1, "白班", time(8), time(20))
NIGHT = ShiftTemplate(2, "夜班", time(20), time(8))
MONDAY = date(2026, 11, 30)
EVERY_DAY = frozenset(range(7))
ALICE, BOB, CAROL = 1, 2, 3


def at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock), Z)


def roster(*exceptions: DutyException) -> DutyRoster:
    entries = [
        RosterEntry(1, ALICE, 10, 100, NIGHT.id, EVERY_DAY, MONDAY - timedelta(days=7), None),
        RosterEntry(2, BOB, 11, 100, DAY.id, frozenset({0, 1, 2, 3, 4}), MONDAY, MONDAY + timedelta(days=13)),
    ]
    return DutyRoster([DAY, NIGHT], entries, exceptions)


@pytest.mark.parametrize(
    ("clock", "day_offset", "on_duty"),
    [
        ("19:59", 0, False),
        ("20:00", 0, True),
        ("23:59", 0, True),
        ("00:00", 1, True),  # Tuesday 00:00: Monday's night shift
        ("07:59", 1, True),
        ("08:00", 1, False),
    ],
)
def test_a_night_shift_crosses_midnight(clock: str, day_offset: int, on_duty: bool) -> None:
    moment = at(MONDAY + timedelta(days=day_offset), clock)
    assert (ALICE in roster().on_duty_staff(10, moment)) is on_duty


def test_after_midnight_the_shift_on_duty_is_the_one_that_started_the_day_before() -> None:
    [item] = [a for a in roster().on_duty_at(at(MONDAY + timedelta(days=1), "03:00")) if a.staff_id == ALICE]
    assert item.day == MONDAY
    assert (item.start, item.end) == (at(MONDAY, "20:00"), at(MONDAY + timedelta(days=1), "08:00"))


def test_weekdays_and_validity() -> None:
    saturday = MONDAY + timedelta(days=5)
    assert BOB not in roster().on_duty_staff(11, at(saturday, "10:00"))
    assert BOB in roster().on_duty_staff(11, at(MONDAY, "10:00"))
    assert BOB not in roster().on_duty_staff(11, at(MONDAY - timedelta(days=7), "10:00"))  # before valid_from
    assert BOB not in roster().on_duty_staff(11, at(MONDAY + timedelta(days=14), "10:00"))  # after valid_to


def test_a_swap_hands_the_shift_to_the_cover_for_that_day_only() -> None:
    tuesday = MONDAY + timedelta(days=1)
    swap = DutyException(1, tuesday, ExceptionKind.SWAP, ALICE, NIGHT.id, None, 100, CAROL)
    duty = roster(swap)
    # Tuesday's night: Carol; the night before (Monday's, still running at 02:00 Tuesday): Alice
    assert duty.on_duty_staff(10, at(tuesday, "02:00")) == {ALICE}
    assert duty.on_duty_staff(10, at(tuesday, "21:00")) == {CAROL}
    assert duty.on_duty_staff(10, at(tuesday + timedelta(days=1), "07:00")) == {CAROL}
    assert duty.on_duty_staff(10, at(tuesday + timedelta(days=1), "21:00")) == {ALICE}
    [cover] = [a for a in duty.assignments_on(tuesday) if a.staff_id == CAROL]
    assert (cover.source, cover.replaces) == (DutySource.SWAP, ALICE)


def test_leave_takes_the_person_off_and_is_listed_as_leave() -> None:
    leave = DutyException(1, MONDAY, ExceptionKind.LEAVE, BOB, DAY.id, None, 100)
    duty = roster(leave)
    assert duty.on_duty_staff(11, at(MONDAY, "10:00")) == frozenset()
    assert [(item.staff_id, item.day) for item in duty.leaves_on(MONDAY)] == [(BOB, MONDAY)]
    assert duty.on_duty_staff(11, at(MONDAY + timedelta(days=1), "10:00")) == {BOB}


def test_an_extra_shift_puts_someone_on_a_segment() -> None:
    extra = DutyException(1, MONDAY, ExceptionKind.EXTRA, CAROL, DAY.id, 10, 100)
    assert roster(extra).on_duty_staff(10, at(MONDAY, "12:00")) == {CAROL}
    assert roster(extra).covers_office(100)
    assert not roster(extra).covers_office(200)


@pytest.mark.parametrize(
    ("seen", "now", "expected"),
    [
        (None, "08:09", AttendanceStatus.PENDING),
        (None, "08:10", AttendanceStatus.ABSENT),
        ("07:50", "09:00", AttendanceStatus.PRESENT),
        ("08:10", "09:00", AttendanceStatus.PRESENT),
        ("08:11", "09:00", AttendanceStatus.LATE),
    ],
)
def test_attendance_at_its_edges(seen: str | None, now: str, expected: AttendanceStatus) -> None:
    first = at(MONDAY, seen) if seen else None
    assert attendance(at(MONDAY, "08:00"), first, at(MONDAY, now)) is expected
    assert attendance(at(MONDAY, "08:00"), first, at(MONDAY, now), on_leave=True) is AttendanceStatus.ON_LEAVE


def test_bad_edits_are_refused_in_two_languages() -> None:
    with pytest.raises(DutyRefused, match="choose the weekdays"):
        check_entry(NewRosterEntry(1, 1, 1, frozenset(), MONDAY))
    with pytest.raises(DutyRefused, match="ends before it starts"):
        check_entry(NewRosterEntry(1, 1, 1, EVERY_DAY, MONDAY, MONDAY - timedelta(days=1)))
    with pytest.raises(DutyRefused, match="换班"):
        check_exception(NewDutyException(MONDAY, ExceptionKind.SWAP, 1, 1))
    with pytest.raises(DutyRefused, match="needs a segment"):
        check_exception(NewDutyException(MONDAY, ExceptionKind.EXTRA, 1, 1))


# --- coverage --------------------------------------------------------------------------------

LINE = [[113.60, 34.70], [113.61, 34.70]]  # about 914 m east–west
FRAME = LocalProjection(113.60, 34.70)


def walk(start: datetime, minutes: list[float], metres_east: list[float], north: float = 0.0) -> Track:
    rows = []
    for minute, east in zip(minutes, metres_east, strict=True):
        lon, lat = FRAME.to_lonlat(east, north)
        rows.append(((start + timedelta(minutes=minute)).timestamp(), lon, lat, 4.0, 90.0))
    return Track.from_rows(7, rows)


def test_coverage_counts_time_metres_and_gaps_on_the_segment() -> None:
    start, end = at(MONDAY, "08:00"), at(MONDAY, "09:00")
    # on the segment 08:05–08:20 (one fix a minute, 60 m a minute), away 08:20–08:45, back until 09:00
    minutes = [float(m) for m in range(5, 21)] + [float(m) for m in range(45, 61)]
    east = [60.0 * (m - 5) for m in range(5, 21)] + [900.0 - 30.0 * (m - 45) for m in range(45, 61)]
    coverage = patrol_coverage(walk(start, minutes, east), LINE, start, end)
    assert coverage.first_seen == at(MONDAY, "08:05")
    assert coverage.seconds_on_segment == pytest.approx(30 * 60, abs=1)  # 15 min + 15 min
    assert coverage.metres_walked == pytest.approx(15 * 60 + 15 * 30, rel=0.01)
    assert coverage.gaps == ((at(MONDAY, "08:20"), at(MONDAY, "08:45")),)


def test_fixes_off_the_segment_do_not_count_and_a_silent_shift_is_one_gap() -> None:
    start, end = at(MONDAY, "08:00"), at(MONDAY, "10:00")
    far = walk(start, [10.0, 11.0, 12.0], [100.0, 160.0, 220.0], north=80.0)  # 80 m off the line
    coverage = patrol_coverage(far, LINE, start, end)
    assert coverage.first_seen is None
    assert (coverage.seconds_on_segment, coverage.metres_walked) == (0.0, 0.0)
    assert coverage.gaps == ((start, end),)
    near = patrol_coverage(walk(start, [10.0], [100.0], north=40.0), LINE, start, end)
    assert near.first_seen == at(MONDAY, "08:10")  # 40 m: within the 50 m rule


def test_a_running_shift_is_measured_until_now_and_an_early_check_in_counts() -> None:
    start, end = at(MONDAY, "20:00"), at(MONDAY + timedelta(days=1), "08:00")
    track = walk(start, [-10.0, -5.0, 0.0, 5.0], [0.0, 50.0, 100.0, 150.0])
    coverage = patrol_coverage(track, LINE, start, end, now=at(MONDAY, "20:30"))
    assert coverage.first_seen == at(MONDAY, "19:50")
    assert coverage.seconds_on_segment == pytest.approx(5 * 60, abs=1)  # from 20:00 only
    assert coverage.gaps == ((at(MONDAY, "20:05"), at(MONDAY, "20:30")),)
    assert attendance(start, coverage.first_seen, at(MONDAY, "20:30")) is AttendanceStatus.PRESENT
