"""The duty service on SQLite and PostgreSQL: the week's grid with leave and a swap, who is on duty
with check-in, coverage and attendance from stored fixes, an office user kept to their office, each
edit audited (and a base-data change, so a workstation's intake rebuilds its roster)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.demo.duty_rows import ensure_demo_roster
from commandcenter.domain.duty import DutyRefused, ExceptionKind, NewDutyException, NewRosterEntry
from commandcenter.domain.kinds import UserRole
from commandcenter.duty.assignments import DutySource
from commandcenter.duty.attendance import AttendanceStatus
from commandcenter.duty.store_roster import roster_between
from commandcenter.duty.views import presence
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.tracks import ChunkedTracks, load_tracks
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
from commandcenter.testing.duty_district import (
    DUTY_MONDAY,
    LI,
    WANG,
    ZHANG,
    load_duty_district,
    roster_the_week,
    walk_segment,
)

Z = ZoneInfo("Asia/Shanghai")
TUESDAY = DUTY_MONDAY + timedelta(days=1)


def at(day_offset: int, clock: str) -> datetime:
    return datetime.fromisoformat(f"{DUTY_MONDAY + timedelta(days=day_offset)}T{clock}:00").replace(tzinfo=Z)


@pytest.fixture
def supervisor(store: Store) -> Services:
    load_duty_district(store)
    services = services_for(store, UserRole.SUPERVISOR)
    roster_the_week(services)
    return services


def test_the_week_shows_the_roster_with_leave_and_a_swap(supervisor: Services) -> None:
    day, night = (shift.id for shift in supervisor.duty.choices().shifts)
    supervisor.duty.add_exception(NewDutyException(TUESDAY, ExceptionKind.LEAVE, ZHANG, day, note="病假"))
    supervisor.duty.add_exception(
        NewDutyException(DUTY_MONDAY, ExceptionKind.SWAP, LI, night, other_staff_id=WANG)
    )
    week = supervisor.duty.week(DUTY_MONDAY + timedelta(days=3))  # any day: its week
    assert week.monday == DUTY_MONDAY
    rows = {(row.segment_id, row.shift.name): row for row in week.rows}
    assert set(rows) == {(1, "白班"), (1, "夜班"), (2, "白班")}
    zhang = rows[(1, "白班")]
    assert [[cell.name for cell in cells] for cells in zhang.days] == [["张伟"], [], *[["张伟"]] * 5]
    assert zhang.on_leave[1] == ("张伟",)
    night_monday = rows[(1, "夜班")].days[0]
    assert [(cell.name, cell.source, cell.replaces) for cell in night_monday] == [
        ("王芳", DutySource.SWAP, "李强")
    ]
    assert [len(cells) for cells in rows[(2, "白班")].days] == [1, 1, 1, 1, 1, 0, 0]
    assert {exception.kind for exception in week.exceptions} == {ExceptionKind.LEAVE, ExceptionKind.SWAP}


def test_presence_from_the_tracks(supervisor: Services) -> None:
    # 张伟 arrives 08:05 and walks an hour; 李强's night shift (from Sunday) ended at 08:00, unseen
    walk_segment(supervisor.duty.store, 1, at(0, "08:05"), 60, step_m=40.0)
    rows = supervisor.duty.presence(office_id=1, now=at(0, "09:30"))
    by_name = {(row.name, row.start): row for row in rows}
    zhang = by_name[("张伟", at(0, "08:00"))]
    assert zhang.on_duty_now
    assert zhang.status is AttendanceStatus.PRESENT
    assert zhang.coverage.first_seen == at(0, "08:05")
    assert zhang.coverage.seconds_on_segment == pytest.approx(3600, abs=1)
    assert zhang.coverage.metres_walked == pytest.approx(2400, rel=0.02)
    assert zhang.coverage.gaps == ((at(0, "09:05"), at(0, "09:30")),)
    li_night = by_name[("李强", at(-1, "20:00"))]
    assert not li_night.on_duty_now
    assert li_night.status is AttendanceStatus.ABSENT
    assert by_name[("李强", at(0, "20:00"))].status is AttendanceStatus.PENDING
    assert {row.office_id for row in rows} == {1}
    later = supervisor.duty.presence(office_id=1, now=at(0, "08:20"))
    assert {(row.name, row.status) for row in later if row.start == at(0, "08:00")} == {
        ("张伟", AttendanceStatus.PRESENT)
    }


def test_presence_reads_each_group_of_tracks_once(supervisor: Services) -> None:
    """In roster order 李强's night shift from Sunday, 张伟's day, 李强's night again, 王芳's day: asked in
    that order, tracks read one unit at a time (the daily summary's ``ChunkedTracks``) read 李强's twice."""
    store = supervisor.duty.store
    walk_segment(store, 1, at(0, "08:05"), 60)
    now, day = at(0, "21:00"), DUTY_MONDAY
    roster = roster_between(store, day, day, None)
    staff = {member.id: member for member in district_queries.staff_roster(store)}
    segments = {segment.id: segment for segment in district_queries.segment_shapes(store, None)}
    holders = [staff[item.staff_id] for item in roster.shifts_touching(day)]
    units = [member.unit_id for member in holders if member.unit_id is not None]
    assert units == [2, 1, 2, 3]
    tracks = ChunkedTracks(store, units, at(-1, "19:45"), now, chunk=1)
    rows = presence(roster, day, now, staff, segments, tracks)
    assert tracks.reads == len(set(units))
    expected = presence(roster, day, now, staff, segments, load_tracks(store, units, at(-1, "19:45"), now))
    assert rows == expected
    assert [row.name for row in rows] == ["李强", "张伟", "李强", "王芳"]  # by segment, then start


def test_leave_shows_as_leave_and_late_as_late(supervisor: Services) -> None:
    day = supervisor.duty.choices().shifts[0].id
    supervisor.duty.add_exception(NewDutyException(DUTY_MONDAY, ExceptionKind.LEAVE, ZHANG, day))
    rows = supervisor.duty.presence(now=at(0, "10:00"))
    status = {row.name: row.status for row in rows if row.start == at(0, "08:00")}
    assert status == {"张伟": AttendanceStatus.ON_LEAVE, "王芳": AttendanceStatus.ABSENT}
    walk_segment(supervisor.duty.store, 3, at(0, "08:30"), 10)  # segment 2 lies on segment 1's line
    rows = supervisor.duty.presence(now=at(0, "10:00"))
    status = {row.name: row.status for row in rows if row.start == at(0, "08:00")}
    assert status == {"张伟": AttendanceStatus.ON_LEAVE, "王芳": AttendanceStatus.LATE}


def test_edits_are_audited_and_rebuild_the_intake(supervisor: Services) -> None:
    store = supervisor.duty.store
    intake = CurrentIntake(store)
    first = intake.current()
    assert first is not None
    assert first.duty is not None
    day = supervisor.duty.choices().shifts[0].id
    added = supervisor.duty.add_exception(
        NewDutyException(DUTY_MONDAY, ExceptionKind.EXTRA, LI, day, segment_id=2)
    )
    assert intake.current() is not first  # the roster changed: rebuilt
    supervisor.duty.remove_exception(added.id)
    actions = [(r.action, r.target) for r in supervisor.duty.audit.recent(action=AuditAction.DUTY_CHANGE)]
    assert (AuditAction.DUTY_CHANGE.value, f"duty_exception:{added.id}") in actions
    assert len(actions) == 2 + 3 + 2  # two shifts, three roster entries, one exception added and removed


def test_an_office_user_sees_and_edits_only_their_office(supervisor: Services) -> None:
    office = services_for(supervisor.duty.store, UserRole.OFFICE, office_id=2)
    day = office.duty.choices().shifts[0].id
    assert {segment.id for segment in office.duty.choices().segments} == {2}
    assert {row.segment_id for row in office.duty.week(DUTY_MONDAY).rows} == {2}
    with pytest.raises(PermissionDenied):
        office.duty.week(DUTY_MONDAY, office_id=1)
    with pytest.raises(PermissionDenied):
        office.duty.add_exception(NewDutyException(DUTY_MONDAY, ExceptionKind.LEAVE, ZHANG, day))
    with pytest.raises(PermissionDenied):
        office.duty.add_roster(NewRosterEntry(WANG, 1, day, frozenset({0}), DUTY_MONDAY))
    with pytest.raises(PermissionDenied):
        office.duty.add_shift("早班", at(0, "06:00").time(), at(0, "14:00").time())
    office.duty.add_exception(NewDutyException(DUTY_MONDAY, ExceptionKind.LEAVE, WANG, day))
    denied = supervisor.duty.audit.recent(action=AuditAction.ACCESS_DENIED)
    assert len(denied) == 4
    with pytest.raises(PermissionDenied):
        services_for(supervisor.duty.store, UserRole.OPERATOR).duty.week(DUTY_MONDAY)


def test_bad_edits_are_refused_and_nothing_is_stored(supervisor: Services) -> None:
    day = supervisor.duty.choices().shifts[0].id
    before = supervisor.duty.week(DUTY_MONDAY)
    with pytest.raises(DutyRefused, match="not rostered"):
        supervisor.duty.add_exception(NewDutyException(DUTY_MONDAY, ExceptionKind.LEAVE, LI, day))
    with pytest.raises(DutyRefused, match="swap with themselves"):
        supervisor.duty.add_exception(
            NewDutyException(DUTY_MONDAY, ExceptionKind.SWAP, ZHANG, day, other_staff_id=ZHANG)
        )
    with pytest.raises(DutyRefused, match="no segment 99"):
        supervisor.duty.add_roster(NewRosterEntry(ZHANG, 99, day, frozenset({0}), DUTY_MONDAY))
    with pytest.raises(DutyRefused, match="exists"):
        supervisor.duty.add_shift("白班", at(0, "08:00").time(), at(0, "20:00").time())
    assert supervisor.duty.week(DUTY_MONDAY) == before


def test_a_demo_made_before_the_duty_tables_gets_its_roster_once(store: Store) -> None:
    load_duty_district(store)
    ensure_demo_roster(store, at(0, "10:00"))
    ensure_demo_roster(store, at(0, "10:00"))
    supervisor = services_for(store, UserRole.SUPERVISOR)
    week = supervisor.duty.week(DUTY_MONDAY)
    names = {(row.segment_id, row.shift.name): row.days[0][0].name for row in week.rows}
    assert names == {(1, "白班"): "张伟", (1, "夜班"): "李强", (2, "白班"): "王芳"}  # from staff.shift
    assert supervisor.duty.add_shift("早班", at(0, "06:00").time(), at(0, "14:00").time()).id == 3


def test_the_daily_summary_counts_the_days_patrols(supervisor: Services) -> None:
    """考核 ▸ 每日汇总's 巡查 columns (``services.assessment_sources.DutyPatrols``): who checked in on their
    segment, the segments walked and the metres, per office, from the roster and the tracks."""
    walk_segment(supervisor.duty.store, 1, at(0, "08:05"), 60, step_m=40.0)
    supervisor.assessments.clock = lambda: at(0, "09:30")
    rows = {row.office_id: row for row in supervisor.assessments.daily(DUTY_MONDAY)}
    office = rows[1]
    assert office.patrol is not None
    assert office.patrol.on_duty == 1  # 张伟 checked in; 李强's night before went unseen
    assert office.patrol.segments_covered == 1
    assert office.patrol.metres_walked == pytest.approx(2400, rel=0.02)
