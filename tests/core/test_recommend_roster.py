"""Recommendations follow the roster (issue 16): on the demo district, whose roster puts each 路长 and
city manager on the shift ``staff.shift`` names, the picks equal the fixed-shift rule's; a day's leave
moves the 路长 to the end of his tier, a swap brings the cover in as "on duty"; an office without a
roster keeps the fixed 白班/夜班 of the settings."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from commandcenter.cases.recommend import (
    DEFAULT_RULES,
    Basis,
    Recommendation,
    Tier,
    nearest_on_duty,
    recommend,
)
from commandcenter.cases.screening import ScreeningResult, screen
from commandcenter.district_time import district_clock
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.duty import DutyException, ExceptionKind
from commandcenter.domain.kinds import StaffRole
from commandcenter.duty.roster import DutyRoster
from commandcenter.duty.store_roster import roster_between
from commandcenter.testing.demo_district import DemoDistrict, middle_of

NIGHT = timedelta(hours=12)  # the demo's now is 10:00 local; twelve hours later is 22:00


def screened(district: DemoDistrict, lon: float, lat: float, now: datetime) -> ScreeningResult:
    report = IncomingReport("B0105", lon, lat, photos=("before.jpg",))
    return screen(report, district.index, district.categories, district.open_cases_near, now)


def stored_roster(district: DemoDistrict) -> DutyRoster:
    return roster_between(district.store, district_clock().local(district.now).date(), None)


def picks_at(
    district: DemoDistrict, segment_index: int, now: datetime, duty: DutyRoster | None
) -> list[Recommendation]:
    segment = district.segments[segment_index]
    rules = dataclasses.replace(DEFAULT_RULES, duty=duty)
    return recommend(screened(district, *middle_of(segment), now), district.index, now, rules)


def summary(picks: list[Recommendation]) -> list[tuple[int, Tier, Basis]]:
    return [(pick.staff.id, pick.tier, pick.basis) for pick in picks]


@pytest.mark.parametrize("later", [timedelta(0), NIGHT])
def test_the_demo_roster_offers_whom_the_fixed_shifts_did(district: DemoDistrict, later: timedelta) -> None:
    roster = stored_roster(district)
    assert roster.entries  # the demo has a roster
    now = district.now + later
    for index in (3, 60, 61, 200):
        assert summary(picks_at(district, index, now, roster)) == summary(
            picks_at(district, index, now, None)
        )


def _chief(district: DemoDistrict, segment_index: int) -> tuple[int, int]:
    segment = district.segments[segment_index]
    [chief] = district.index.segment_staff(segment.id, StaffRole.ROAD_CHIEF)
    return chief.id, segment.office_id


def _shift_of(roster: DutyRoster, staff_id: int) -> int:
    return next(entry.shift_id for entry in roster.entries if entry.staff_id == staff_id)


def test_a_road_chief_on_leave_comes_last_in_his_tier(district: DemoDistrict) -> None:
    roster = stored_roster(district)
    chief, office = _chief(district, 60)
    day = district_clock().local(district.now).date()
    shift = _shift_of(roster, chief)
    now = district.now if roster.shifts[shift].start.hour == 8 else district.now + NIGHT
    assert picks_at(district, 60, now, roster)[0].staff.id == chief
    leave = DutyException(1, day, ExceptionKind.LEAVE, chief, shift, None, office)
    on_leave = DutyRoster(roster.shifts.values(), roster.entries, [leave])
    picks = picks_at(district, 60, now, on_leave)
    responsible = [pick for pick in picks if pick.tier is Tier.RESPONSIBLE]
    assert (responsible[-1].staff.id, responsible[-1].basis) == (chief, Basis.ROAD_CHIEF_OFF_SHIFT)
    assert chief not in {pick.staff.id for pick in responsible[:-1]}


def test_a_swap_brings_the_cover_in_before_the_road_chief(district: DemoDistrict) -> None:
    roster = stored_roster(district)
    chief, office = _chief(district, 60)
    cover, _ = _chief(district, 200)  # a 路长 of another segment takes the shift over
    day = district_clock().local(district.now).date()
    shift = _shift_of(roster, chief)
    now = district.now if roster.shifts[shift].start.hour == 8 else district.now + NIGHT
    swap = DutyException(1, day, ExceptionKind.SWAP, chief, shift, None, office, cover)
    picks = picks_at(district, 60, now, DutyRoster(roster.shifts.values(), roster.entries, [swap]))
    bases = {pick.staff.id: pick.basis for pick in picks if pick.tier is Tier.RESPONSIBLE}
    assert bases[cover] is Basis.ON_DUTY
    assert bases[chief] is Basis.ROAD_CHIEF_OFF_SHIFT
    ids = [pick.staff.id for pick in picks]
    assert ids.index(cover) < ids.index(chief)


def test_an_office_without_a_roster_keeps_the_fixed_shifts(district: DemoDistrict) -> None:
    roster = stored_roster(district)
    office = district.segments[60].office_id
    others = [entry for entry in roster.entries if entry.office_id != office]
    partial = DutyRoster(roster.shifts.values(), others)
    assert not partial.covers_office(office)

    def responsible(duty: DutyRoster | None) -> list[tuple[int, Tier, Basis]]:
        return [
            item
            for item in summary(picks_at(district, 60, district.now, duty))
            if item[1] is Tier.RESPONSIBLE
        ]

    assert responsible(partial) == responsible(None)


def test_the_nearest_patrollers_leave_out_one_on_leave(district: DemoDistrict) -> None:
    """The map's "nearest patrollers" and the pop-up's nearby tier: someone on leave today is not
    offered though his unit is near and his staff record says 白班."""
    roster = stored_roster(district)
    here = middle_of(district.segments[60])
    rules = dataclasses.replace(DEFAULT_RULES, duty=roster)
    hits = nearest_on_duty(district.index, *here, district.now, rules, limit=3)
    assert len(hits) == 3
    nearest = hits[0].staff
    day = district_clock().local(district.now).date()
    leave = DutyException(
        1, day, ExceptionKind.LEAVE, nearest.id, _shift_of(roster, nearest.id), None, nearest.office_id
    )
    on_leave = dataclasses.replace(rules, duty=DutyRoster(roster.shifts.values(), roster.entries, [leave]))
    after = nearest_on_duty(district.index, *here, district.now, on_leave, limit=3)
    assert nearest.id not in {hit.staff.id for hit in after}
    assert [hit.staff.id for hit in after][:2] == [hit.staff.id for hit in hits][1:3]
