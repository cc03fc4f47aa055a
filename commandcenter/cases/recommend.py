"""Who to dispatch a screened case to, in the 路长制 order, and who to escalate to when nobody signs.

CAD systems rank by zone responsibility, then GPS proximity, then availability (standards reference
§6); the district's rule is the same with its own words: the segment's 路长 and its city managers on
duty first — on duty by the office's roster (``duty.roster``: weekly shifts, leave, swaps, extra
shifts) when the office keeps one, else by the fixed 白班/夜班 of the settings (``day_shift``) —
then the nearest patrollers by live position (stale fixes mean an offline
unit, so they are skipped), then the office's duty officer. Every recommendation carries why it is
offered (``Basis``, a key the pop-up words in the UI's language beside the name), so a one-click
dispatch is also an explained one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from commandcenter.cases.district_index import DistrictIndex, PatrollerHit
from commandcenter.cases.screening import ScreeningResult
from commandcenter.district_time import district_clock
from commandcenter.domain.district import EnforcementVehicle, StaffRecord
from commandcenter.domain.kinds import Shift, StaffRole
from commandcenter.duty.roster import DutyRoster
from commandcenter.geo import haversine_m

DAY_SHIFT_HOURS = (8, 20)  # 白班 08:00–20:00, 夜班 the rest (the district's settings may move it)
DEFAULT_DAY_SHIFT = (time(DAY_SHIFT_HOURS[0]), time(DAY_SHIFT_HOURS[1]))


def shift_at(now: datetime, day_shift: tuple[time, time] = DEFAULT_DAY_SHIFT) -> Shift:
    """白班 from ``day_shift[0]`` (inclusive) to ``day_shift[1]`` (exclusive) on the district's clock."""
    return Shift.DAY if district_clock().within(now, *day_shift) else Shift.NIGHT


class Tier(StrEnum):
    RESPONSIBLE = "责任"
    NEARBY = "就近"
    DUTY = "值班"


class Basis(StrEnum):
    """Why someone is offered: a key, not a sentence (the UI says it in its language)."""

    ROAD_CHIEF = "road_chief"  # the segment's 路长 on the current shift
    SEGMENT_MANAGER = "segment_manager"  # a city manager of the segment on shift (distance if fresh)
    ON_DUTY = "on_duty"  # rostered on the segment now though not its own (a swap's cover, an extra shift)
    ROAD_CHIEF_OFF_SHIFT = "road_chief_off_shift"  # still answers for his segment, last in the tier
    NEARBY = "nearby"  # an on-shift city manager near the case, by live position
    DUTY_OFFICER = "duty_officer"  # the duty officer of the case's office
    CASE_RULE = "case_rule"  # named by a case rule of the office (``cases.case_rules``)
    ENFORCEMENT_VEHICLE = "enforcement_vehicle"  # an enforcement matter: a 联动执法车 nearby, its crew


@dataclass(frozen=True)
class Recommendation:
    staff: StaffRecord
    tier: Tier
    basis: Basis
    distance_m: float | None  # from the case, by live position; None when unknown or stale
    vehicle: EnforcementVehicle | None = None  # ENFORCEMENT_VEHICLE: the vehicle the crew is in


@dataclass(frozen=True)
class RecommendRules:
    max_fix_age: timedelta = timedelta(minutes=5)  # older fixes mean the unit is offline
    nearby_limit: int = 3
    nearby_radius_m: float = 3_000.0
    day_shift: tuple[time, time] = DEFAULT_DAY_SHIFT  # the district's settings (``day_shift``)
    duty: DutyRoster | None = None  # the rosters; an office without one keeps ``day_shift``


DEFAULT_RULES = RecommendRules()


def _on_duty(segment_id: int, office_id: int, now: datetime, rules: RecommendRules) -> frozenset[int] | None:
    """Who the roster puts on the segment now; None when the office keeps no roster (the old rule)."""
    if rules.duty is None or not rules.duty.covers_office(office_id):
        return None
    return rules.duty.on_duty_staff(segment_id, now)


def _distance(
    member: StaffRecord, result: ScreeningResult, index: DistrictIndex, now: datetime, rules: RecommendRules
) -> float | None:
    position = index.position_of(member)
    if position is None or now - position.ts > rules.max_fix_age:
        return None
    return haversine_m(result.lon, result.lat, position.lon, position.lat)


def _by_distance(
    members: list[StaffRecord],
    basis: Basis,
    result: ScreeningResult,
    index: DistrictIndex,
    now: datetime,
    rules: RecommendRules,
) -> list[Recommendation]:
    located = [(_distance(member, result, index, now, rules), member) for member in members]
    located.sort(key=lambda pair: (pair[0] if pair[0] is not None else float("inf"), pair[1].id))
    return [Recommendation(member, Tier.RESPONSIBLE, basis, distance) for distance, member in located]


def _responsible(
    result: ScreeningResult, index: DistrictIndex, now: datetime, shift: Shift, rules: RecommendRules
) -> list[Recommendation]:
    if result.segment is None:
        return []
    segment = result.segment.segment
    chiefs = index.segment_staff(segment.id, StaffRole.ROAD_CHIEF)
    managers = index.segment_staff(segment.id, StaffRole.CITY_MANAGER)
    rostered = _on_duty(segment.id, segment.office_id, now, rules)
    if rostered is None:
        on, on_managers, others = (
            [c for c in chiefs if c.shift == shift],
            [m for m in managers if m.shift == shift],
            [],
        )
    else:
        own = {member.id for member in (*chiefs, *managers)}
        on = [chief for chief in chiefs if chief.id in rostered]
        on_managers = [manager for manager in managers if manager.id in rostered]
        others = [index.staff_member(staff_id) for staff_id in sorted(rostered - own)]
    picks = [Recommendation(chief, Tier.RESPONSIBLE, Basis.ROAD_CHIEF, None) for chief in on]
    picks += _by_distance(on_managers, Basis.SEGMENT_MANAGER, result, index, now, rules)
    picks += _by_distance([m for m in others if m is not None], Basis.ON_DUTY, result, index, now, rules)
    # A 路长 off duty still answers for his segment: last in the tier, not dropped.
    picks += [
        Recommendation(chief, Tier.RESPONSIBLE, Basis.ROAD_CHIEF_OFF_SHIFT, None)
        for chief in chiefs
        if chief not in on
    ]
    return picks


def nearest_on_duty(
    index: DistrictIndex,
    lon: float,
    lat: float,
    now: datetime,
    rules: RecommendRules,
    *,
    limit: int,
    exclude: frozenset[int] = frozenset(),
) -> list[PatrollerHit]:
    """The city managers on duty nearest a point, by live position: on duty by the roster in an office
    that keeps one, by the fixed shift (``rules.day_shift``) elsewhere."""
    roster, shift = rules.duty, shift_at(now, rules.day_shift)
    wide = roster is not None and bool(roster.offices)
    hits = index.nearest_patrollers(
        lon,
        lat,
        now=now,
        max_fix_age=rules.max_fix_age,
        shift=None if wide else shift.value,
        limit=limit * 8 if wide else limit,
        max_radius_m=rules.nearby_radius_m,
        exclude=exclude,
    )
    if roster is None or not wide:
        return hits

    def available(member: StaffRecord) -> bool:
        if roster.covers_office(member.office_id):
            return roster.is_on_duty(member.id, now)
        return member.shift == shift

    return [hit for hit in hits if available(hit.staff)][:limit]


def duty_officer(result: ScreeningResult, index: DistrictIndex, shift: Shift) -> StaffRecord | None:
    """The office's inspector on shift (else any inspector, else a 路长 of the office)."""
    if result.office is None:
        return None
    for role in (StaffRole.INSPECTOR, StaffRole.ROAD_CHIEF):
        members = index.office_staff(result.office.id, role)
        on_shift = [member for member in members if member.shift == shift]
        if on_shift or members:
            return (on_shift or members)[0]
    return None


def recommend(
    result: ScreeningResult, index: DistrictIndex, now: datetime, rules: RecommendRules = DEFAULT_RULES
) -> list[Recommendation]:
    """Ranked assignees for a screened report; empty when there is nothing to dispatch (rejected,
    merged into an open case, or already fixed on the spot)."""
    if not result.accepted or result.merge_into is not None or result.simple_disposal:
        return []
    shift = shift_at(now, rules.day_shift)
    picks = _responsible(result, index, now, shift, rules)
    if result.category is not None and result.category.enforcement:
        # second, after the 路长 who answers for the segment: an enforcement matter needs a crew that
        # can enforce, and the pop-up shows three choices
        picks[1:1] = _enforcement(result, index, now, shift, rules, {pick.staff.id for pick in picks})
    taken = frozenset(pick.staff.id for pick in picks)
    hits = nearest_on_duty(index, result.lon, result.lat, now, rules, limit=rules.nearby_limit, exclude=taken)
    picks += [Recommendation(hit.staff, Tier.NEARBY, Basis.NEARBY, hit.distance_m) for hit in hits]
    officer = duty_officer(result, index, shift)
    if officer is not None and officer.id not in {pick.staff.id for pick in picks}:
        picks.append(Recommendation(officer, Tier.DUTY, Basis.DUTY_OFFICER, None))
    return picks


def _enforcement(
    result: ScreeningResult,
    index: DistrictIndex,
    now: datetime,
    shift: Shift,
    rules: RecommendRules,
    taken: set[int],
) -> list[Recommendation]:
    """An enforcement matter (占道经营 …): the nearest 联动执法车 with a fresh fix, dispatched like a
    person — the crew answers through the duty inspector of the vehicle's office."""
    picks: list[Recommendation] = []
    hits = index.nearest_enforcement(result.lon, result.lat, now=now, max_fix_age=rules.max_fix_age)
    for hit in hits:
        crew = crew_of(hit.vehicle, index, shift)
        if crew is None or crew.id in taken:
            continue
        taken.add(crew.id)
        picks.append(
            Recommendation(crew, Tier.NEARBY, Basis.ENFORCEMENT_VEHICLE, hit.distance_m, hit.vehicle)
        )
    return picks


def crew_of(vehicle: EnforcementVehicle, index: DistrictIndex, shift: Shift) -> StaffRecord | None:
    """Who answers for the vehicle's crew: its office's inspector on shift, else any of its inspectors."""
    if vehicle.office_id is None:
        return None
    members = index.office_staff(vehicle.office_id, StaffRole.INSPECTOR)
    on_shift = [member for member in members if member.shift == shift]
    chosen = on_shift or members
    return chosen[0] if chosen else None
