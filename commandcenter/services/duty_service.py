"""Duty (勤务) for the signed-in principal: the week's roster, who is on duty now with check-in and
patrol coverage, and the edits — shift templates, roster entries, a day's leave, swap or extra shift.

Who may look: ``view_duty`` (supervisors and leaders every office, an office user their own office).
Who may edit: ``manage_duty`` — supervisors anywhere, an office user only their own office's segments
and people (a refusal is audited like every other). Each edit leaves one ``duty_change`` audit row;
it is also a base-data change (``BASE_DATA_ACTIONS``), so every workstation's intake rebuilds its
roster and the next recommendation follows the edit. Bad input is a ``DutyRefused`` with one
bilingual line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.district_time import district_clock
from commandcenter.domain.district import OfficeRecord, SegmentShape, StaffRecord
from commandcenter.domain.duty import (
    DutyException,
    DutyRefused,
    ExceptionKind,
    NewDutyException,
    NewRosterEntry,
    RosterEntry,
    ShiftTemplate,
)
from commandcenter.duty.checks import check_entry, check_exception, check_shift
from commandcenter.duty.store_roster import roster_between
from commandcenter.duty.views import DutyWeek, PresenceRow, duty_week, presence
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.duty import queries as duty_queries
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.tracks import ChunkedTracks
from commandcenter.services.guard import Guarded

_TARGET = "duty"


@dataclass(frozen=True)
class DutyChoices:
    """What the window offers: the offices, segments and staff within the principal's scope, and
    the shift templates."""

    offices: tuple[OfficeRecord, ...]
    segments: tuple[SegmentShape, ...]
    staff: tuple[StaffRecord, ...]
    shifts: tuple[ShiftTemplate, ...]
    may_edit: bool  # rosters and exceptions (an office user: their office's)
    may_add_shifts: bool = False  # the district's shift templates: the centre only


class DutyService(Guarded):
    def _view_scope(self) -> int | None:
        self._require(Permission.VIEW_DUTY, _TARGET)
        return self._office_scope(_TARGET)

    def _scoped(self, office_id: int | None) -> int | None:
        """The office asked for, within the principal's scope (an office user: always their own)."""
        own = self._view_scope()
        if own is not None and office_id not in (None, own):
            self._deny(
                f"{_TARGET}:office:{office_id}", "只能查看本镇办的勤务", "may only see the own office's duty"
            )
        return own if own is not None else office_id

    def choices(self) -> DutyChoices:
        own = self._view_scope()
        offices = [office for office in district_queries.offices(self.store) if own in (None, office.id)]
        staff = [
            member for member in district_queries.staff_roster(self.store) if own in (None, member.office_id)
        ]
        return DutyChoices(
            tuple(offices),
            tuple(district_queries.segment_shapes(self.store, own)),
            tuple(staff),
            tuple(duty_queries.shifts(self.store)),
            self.principal.can(Permission.MANAGE_DUTY),
            self.principal.can(Permission.MANAGE_DUTY) and own is None,
        )

    def week(self, monday: date, office_id: int | None = None) -> DutyWeek:
        """The roster grid of the week starting ``monday`` (any day: its Monday is taken)."""
        office = self._scoped(office_id)
        monday -= timedelta(days=monday.weekday())
        roster = roster_between(self.store, monday, monday + timedelta(days=6), office)
        names = {member.id: member.name for member in district_queries.staff_roster(self.store)}
        segments = {segment.id: segment for segment in district_queries.segment_shapes(self.store, office)}
        return duty_week(roster, monday, names, segments)

    def presence(self, office_id: int | None = None, now: datetime | None = None) -> list[PresenceRow]:
        """在岗情况: today's shifts (the night before included) with check-in, attendance and coverage
        from the tracks, as of ``now`` (the service's clock when None)."""
        return presence_at(self.store, self._scoped(office_id), now or self.clock())

    # --- edits -------------------------------------------------------------------------------

    def _edit(self, office_id: int, target: str) -> None:
        self._require(Permission.MANAGE_DUTY, target)
        own = self._office_scope(target)
        if own is not None and own != office_id:
            self._deny(target, "只能编排本镇办的勤务", "may only edit the own office's duty")

    def _segment(self, segment_id: int) -> SegmentShape:
        for segment in district_queries.segment_shapes(self.store):
            if segment.id == segment_id:
                return segment
        raise DutyRefused(f"路段 {segment_id} 不存在 / no segment {segment_id}")

    def _member(self, staff_id: int) -> StaffRecord:
        for member in district_queries.staff_roster(self.store):
            if member.id == staff_id:
                return member
        raise DutyRefused(f"人员 {staff_id} 不存在 / no staff member {staff_id}")

    def _shift(self, shift_id: int) -> ShiftTemplate:
        for shift in duty_queries.shifts(self.store):
            if shift.id == shift_id:
                return shift
        raise DutyRefused(f"班次 {shift_id} 不存在 / no shift {shift_id}")

    def add_shift(self, name: str, start: time, end: time) -> ShiftTemplate:
        """A shift template for the whole district: supervisors only (office users edit rosters)."""
        self._require(Permission.MANAGE_DUTY, "duty_shift")
        if self._office_scope("duty_shift") is not None:
            self._deny("duty_shift", "班次模板由中心维护", "shift templates are kept by the centre")
        check_shift(name, start, end)
        if any(shift.name == name.strip() for shift in duty_queries.shifts(self.store)):
            raise DutyRefused(f"班次 {name} 已存在 / a shift named {name} exists")
        shift = duty_queries.add_shift(self.store, name.strip(), start, end)
        details = {"name": shift.name, "start": start.isoformat("minutes"), "end": end.isoformat("minutes")}
        self._record(AuditAction.DUTY_CHANGE, f"duty_shift:{shift.id}", {"change": "add", **details})
        return shift

    def add_roster(self, entry: NewRosterEntry) -> RosterEntry:
        segment = self._segment(entry.segment_id)
        self._edit(segment.office_id, f"duty_roster:segment:{segment.id}")
        check_entry(entry)
        self._member(entry.staff_id)
        self._shift(entry.shift_id)
        added = duty_queries.add_entry(self.store, entry, segment.office_id)
        details = {
            "change": "add",
            "staff_id": entry.staff_id,
            "segment": segment.number,
            "shift_id": entry.shift_id,
            "weekdays": sorted(entry.weekdays),
            "valid_from": entry.valid_from.isoformat(),
            "valid_to": entry.valid_to.isoformat() if entry.valid_to else None,
        }
        self._record(AuditAction.DUTY_CHANGE, f"duty_roster:{added.id}", details)
        return added

    def remove_roster(self, entry_id: int) -> None:
        entry = duty_queries.entry(self.store, entry_id)
        if entry is None:
            raise DutyRefused(f"排班 {entry_id} 不存在 / no roster entry {entry_id}")
        self._edit(entry.office_id, f"duty_roster:{entry_id}")
        duty_queries.remove_entry(self.store, entry_id)
        details = {"change": "remove", "staff_id": entry.staff_id, "segment_id": entry.segment_id}
        self._record(AuditAction.DUTY_CHANGE, f"duty_roster:{entry_id}", details)

    def add_exception(self, exception: NewDutyException) -> DutyException:
        """A day's leave or swap of a rostered shift, or an extra shift on a segment."""
        check_exception(exception)
        self._shift(exception.shift_id)
        self._member(exception.staff_id)
        if exception.other_staff_id is not None:
            self._member(exception.other_staff_id)
        office = self._exception_office(exception)
        self._edit(office, f"duty_exception:staff:{exception.staff_id}")
        added = duty_queries.add_exception(
            self.store, exception, office, self.principal.username, self.clock()
        )
        details = {
            "change": "add",
            "kind": exception.kind.value,
            "day": exception.day.isoformat(),
            "staff_id": exception.staff_id,
            "shift_id": exception.shift_id,
            "segment_id": exception.segment_id,
            "other_staff_id": exception.other_staff_id,
            "note": exception.note,
        }
        self._record(AuditAction.DUTY_CHANGE, f"duty_exception:{added.id}", details)
        return added

    def _exception_office(self, exception: NewDutyException) -> int:
        if exception.kind is ExceptionKind.EXTRA:
            assert exception.segment_id is not None  # check_exception
            return self._segment(exception.segment_id).office_id
        roster = roster_between(self.store, exception.day, exception.day)
        held = [
            entry
            for entry in roster.entries
            if entry.staff_id == exception.staff_id
            and entry.shift_id == exception.shift_id
            and entry.applies_on(exception.day)
            and exception.segment_id in (None, entry.segment_id)
        ]
        if not held:
            raise DutyRefused("该人员当天未排此班 / the person is not rostered for that shift that day")
        return held[0].office_id

    def remove_exception(self, exception_id: int) -> None:
        exception = duty_queries.exception(self.store, exception_id)
        if exception is None:
            raise DutyRefused(f"例外 {exception_id} 不存在 / no exception {exception_id}")
        self._edit(exception.office_id, f"duty_exception:{exception_id}")
        duty_queries.remove_exception(self.store, exception_id)
        details = {"change": "remove", "kind": exception.kind.value, "day": exception.day.isoformat()}
        self._record(AuditAction.DUTY_CHANGE, f"duty_exception:{exception_id}", details)


def presence_at(store: Store, office: int | None, moment: datetime) -> list[PresenceRow]:
    """The day's shifts of ``office`` (every office when None) on the district's clock at ``moment``,
    with check-in, attendance and coverage from the tracks — unscoped: callers check who asks (the
    service for a person, the assessment's daily summary for its own readers)."""
    today = district_clock().local(moment).date()
    roster = roster_between(store, today, today, office)
    staff = {member.id: member for member in district_queries.staff_roster(store)}
    segments = {segment.id: segment for segment in district_queries.segment_shapes(store, office)}
    shifts = roster.shifts_touching(today)
    if not shifts:
        return presence(roster, today, moment, staff, segments, {})
    start = min(item.start for item in shifts) - timedelta(minutes=15)
    end = min(max(item.end for item in shifts), moment)
    holders = [staff[item.staff_id] for item in shifts if item.staff_id in staff]  # ``presence``'s order
    units = [member.unit_id for member in holders if member.unit_id is not None]
    if not units or end <= start:
        return presence(roster, today, moment, staff, segments, {})
    return presence(roster, today, moment, staff, segments, ChunkedTracks(store, units, start, end))
