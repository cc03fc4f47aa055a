"""Dispatch recommendation and escalation on the real seed-scale demo district."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta

import pytest

from commandcenter.cases.escalation import EscalationLevel, escalation_chain, escalation_due
from commandcenter.cases.recommend import Basis, Tier, recommend, shift_at
from commandcenter.cases.screening import ScreeningResult, screen
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import Shift, StaffRole
from commandcenter.domain.settings import LadderLevel
from commandcenter.domain.units import Position
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.units.positions import latest_positions, record_positions
from commandcenter.testing.demo_district import DemoDistrict, middle_of, north_of

RARE = "B0105"
PHOTO = ("before.jpg",)
NIGHT = timedelta(hours=12)  # DISTRICT_NOW is 10:00 local; twelve hours later is 22:00


def screened(district: DemoDistrict, lon: float, lat: float, now: datetime | None = None) -> ScreeningResult:
    report = IncomingReport(RARE, lon, lat, photos=PHOTO)
    return screen(report, district.index, district.categories, district.open_cases_near, now or district.now)


@pytest.mark.parametrize(
    ("local_time", "expected"),
    [("07:59", Shift.NIGHT), ("08:00", Shift.DAY), ("19:59", Shift.DAY), ("20:00", Shift.NIGHT)],
)
def test_shift_boundaries_are_local_time(local_time: str, expected: Shift) -> None:
    moment = datetime.fromisoformat(f"2026-05-12T{local_time}:00+08:00").astimezone(UTC)
    assert shift_at(moment) is expected


def test_responsibility_first_then_nearest_then_duty_officer(district: DemoDistrict) -> None:
    segment = district.segments[60]
    result = screened(district, *middle_of(segment))
    picks = recommend(result, district.index, district.now)
    tiers = [pick.tier for pick in picks]
    assert tiers == sorted(tiers, key=[Tier.RESPONSIBLE, Tier.NEARBY, Tier.DUTY].index)
    assert (picks[0].staff.role, picks[0].staff.segment_id, picks[0].basis) == (
        StaffRole.ROAD_CHIEF,
        segment.id,
        Basis.ROAD_CHIEF,
    )
    responsible = [pick for pick in picks if pick.tier is Tier.RESPONSIBLE][1:]
    day_managers = [
        m for m in district.index.segment_staff(segment.id, StaffRole.CITY_MANAGER) if m.shift == Shift.DAY
    ]
    assert {pick.staff.id for pick in responsible} == {m.id for m in day_managers}
    assert {pick.basis for pick in responsible} == {Basis.SEGMENT_MANAGER}
    nearby = [pick for pick in picks if pick.tier is Tier.NEARBY]
    assert len(nearby) == 3
    assert [pick.distance_m for pick in nearby] == sorted(pick.distance_m or 0.0 for pick in nearby)
    assert {pick.basis for pick in nearby} == {Basis.NEARBY}
    assert (picks[-1].tier, picks[-1].basis) == (Tier.DUTY, Basis.DUTY_OFFICER)
    assert (picks[-1].staff.role, picks[-1].staff.office_id) == (StaffRole.INSPECTOR, segment.office_id)
    assert len({pick.staff.id for pick in picks}) == len(picks)


def test_at_night_the_day_road_chief_comes_last_in_his_tier(district: DemoDistrict) -> None:
    segment = district.segments[61]
    night = district.now + NIGHT
    picks = recommend(screened(district, *middle_of(segment), night), district.index, night)
    responsible = [pick for pick in picks if pick.tier is Tier.RESPONSIBLE]
    assert responsible[-1].staff.role == StaffRole.ROAD_CHIEF
    assert responsible[-1].basis is Basis.ROAD_CHIEF_OFF_SHIFT
    assert all(pick.staff.shift == Shift.NIGHT for pick in responsible[:-1])


def test_nearest_available_patrollers_in_distance_order(district: DemoDistrict) -> None:
    segment = district.segments[70]
    here = north_of(*middle_of(segment), 400.0)  # off the segment: nobody is responsible by road
    others = [
        member
        for other in district.segments[200:]
        for member in district.index.segment_staff(other.id, StaffRole.CITY_MANAGER)
        if member.shift == Shift.DAY
    ]
    near, middle, far, offline = others[:4]
    now = district.now
    placed = [(far, 9.0, now), (near, 3.0, now), (middle, 6.0, now), (offline, 1.0, now - timedelta(hours=2))]
    record_positions(
        district.store,
        [Position(member.unit_id or 0, ts, *north_of(*here, metres)) for member, metres, ts in placed],
    )
    district.index.update_positions(latest_positions(district.store))
    picks = recommend(screened(district, *here), district.index, now)
    nearby = [pick for pick in picks if pick.tier is Tier.NEARBY]
    assert [pick.staff.id for pick in nearby] == [near.id, middle.id, far.id]
    assert [(pick.basis, round(pick.distance_m or 0.0)) for pick in nearby] == [
        (Basis.NEARBY, 3),
        (Basis.NEARBY, 6),
        (Basis.NEARBY, 9),
    ]


def test_nothing_to_dispatch_for_rejected_merged_or_fixed_reports(district: DemoDistrict) -> None:
    here = middle_of(district.segments[80])
    index, now = district.index, district.now
    assert recommend(screened(district, 116.4, 39.9), index, now) == []
    first = screened(district, *here)
    create_case(district.store, first.new_case(), now=now)
    assert recommend(screened(district, *here), index, now) == []
    fixed = IncomingReport("S0201", *here, source="督查员", photos=PHOTO, fixed_on_spot=True)
    result = screen(fixed, index, district.categories, district.open_cases_near, now)
    assert result.simple_disposal
    assert recommend(result, index, now) == []


def test_escalation_goes_road_chief_then_office_then_bureau(district: DemoDistrict) -> None:
    segment = district.segments[90]
    result = screened(district, *middle_of(segment))
    chain = escalation_chain(result, district.index, district.now)
    assert [step.level for step in chain] == [
        EscalationLevel.ROAD_CHIEF,
        EscalationLevel.OFFICE,
        EscalationLevel.BUREAU,
    ]
    assert chain[0].staff == result.road_chief
    assert chain[1].staff is not None
    assert chain[1].staff.office_id == segment.office_id
    assert chain[2].staff is None
    sent = district.now
    timeout = timedelta(minutes=30)
    due = [
        escalation_due(chain, sent, sent + timedelta(minutes=m), timeout).level for m in (0, 29, 31, 61, 600)
    ]
    assert due == [
        EscalationLevel.ROAD_CHIEF,
        EscalationLevel.ROAD_CHIEF,
        EscalationLevel.OFFICE,
        EscalationLevel.BUREAU,
        EscalationLevel.BUREAU,
    ]
    off_road = dataclasses.replace(result, segment=None, road_chief=None)  # 属地管理: no 路长 to ask
    levels = [step.level for step in escalation_chain(off_road, district.index, sent)]
    assert levels == [EscalationLevel.OFFICE, EscalationLevel.BUREAU]


def test_the_settings_ladder_skips_a_level_and_waits_its_own_time(district: DemoDistrict) -> None:
    result = screened(district, *middle_of(district.segments[90]))
    ladder = {
        LadderLevel.ROAD_CHIEF: timedelta(minutes=10),
        LadderLevel.OFFICE: None,  # switched off: the 路长's case goes straight to the bureau
        LadderLevel.BUREAU: timedelta(minutes=30),
    }
    chain = escalation_chain(result, district.index, district.now, ladder)
    assert [step.level for step in chain] == [EscalationLevel.ROAD_CHIEF, EscalationLevel.BUREAU]
    sent = district.now
    due = [
        escalation_due(chain, sent, sent + timedelta(minutes=m), timedelta(minutes=30), ladder).level
        for m in (9, 11)
    ]
    assert due == [EscalationLevel.ROAD_CHIEF, EscalationLevel.BUREAU]


def test_the_day_shift_follows_the_settings() -> None:
    seven = datetime.fromisoformat("2026-05-12T07:00:00+08:00")
    assert shift_at(seven) is Shift.NIGHT
    assert shift_at(seven, (time(6, 30), time(18, 30))) is Shift.DAY
    assert shift_at(seven.replace(hour=19), (time(6, 30), time(18, 30))) is Shift.NIGHT


def test_an_enforcement_matter_offers_the_nearest_enforcement_vehicle_and_its_crew(
    district: DemoDistrict,
) -> None:
    """违法搭建 is handled by the 城管执法中队: the nearest 联动执法车 with a fresh fix is offered after the
    responsible people, dispatched as its office's duty inspector; a street-cleaning matter is not."""
    vehicles = district_queries.enforcement_vehicles(district.store)
    assert len(vehicles) == 7
    vehicle = vehicles[0]
    assert vehicle.last_lon is not None
    assert vehicle.last_lat is not None
    here = north_of(vehicle.last_lon, vehicle.last_lat, 150.0)
    report = IncomingReport("S0101", *here, photos=PHOTO)
    result = screen(report, district.index, district.categories, district.open_cases_near, district.now)
    picks = recommend(result, district.index, district.now)
    [offered] = [pick for pick in picks if pick.basis is Basis.ENFORCEMENT_VEHICLE][:1]
    assert offered.vehicle is not None
    assert offered.distance_m is not None
    assert offered.distance_m <= 8_000
    nearest = district.index.nearest_enforcement(*here, now=district.now, max_fix_age=timedelta(minutes=5))
    assert offered.vehicle == nearest[0].vehicle
    assert offered.staff.role == StaffRole.INSPECTOR
    assert offered.staff.office_id == offered.vehicle.office_id
    assert picks.index(offered) <= 1  # right after the 路长: among the pop-up's three choices
    cleaning = IncomingReport(RARE, *here, photos=PHOTO)  # a component: no enforcement vehicle
    plain = screen(cleaning, district.index, district.categories, district.open_cases_near, district.now)
    assert all(pick.vehicle is None for pick in recommend(plain, district.index, district.now))
