"""Checks across the files of one import: duplicate codes and names, and references that lead nowhere.

A segment names its road and office, a member of staff his office and segment, a vehicle perhaps its
office; each must exist in the files being imported or already in the database (an import may add to
a district). A member of staff on a segment of another office is refused: the case would be routed
to the wrong office. Every problem points at the row that has to change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from commandcenter.domain.district_import import DistrictImportPlan, ImportProblem, KnownDistrict, Origin

T = TypeVar("T")


def _duplicates(
    plan: DistrictImportPlan, items: Iterable[T], key: Callable[[T], str | None], what: str
) -> None:
    first: dict[str, Origin] = {}
    for item in items:
        value = key(item)
        origin: Origin = item.origin  # type: ignore[attr-defined]
        if not value:
            continue
        if value in first:
            plan.problems.append(
                ImportProblem(origin, f"{what} {value!r} 重复 duplicate (first at {first[value]})")
            )
        else:
            first[value] = origin


def check_references(plan: DistrictImportPlan, known: KnownDistrict) -> None:
    """Add a problem to ``plan`` for every duplicate and every dangling reference."""
    _duplicates(plan, plan.offices, lambda o: o.name, "镇办名称 office name")
    _duplicates(plan, plan.offices, lambda o: o.code, "镇办编码 office code")
    _duplicates(plan, plan.roads, lambda r: r.name, "道路名称 road name")
    _duplicates(plan, plan.segments, lambda s: s.code, "路段编号 segment code")
    _duplicates(plan, plan.staff, lambda s: s.code, "工号 staff code")
    _duplicates(plan, plan.vehicles, lambda v: v.plate, "车牌 plate")
    _duplicates(plan, plan.vehicles, lambda v: v.terminal_id, "终端号 terminal id")
    offices = known.offices | {office.name for office in plan.offices}
    roads = known.roads | {road.name for road in plan.roads}
    segment_office = {**known.segments, **{segment.code: segment.office for segment in plan.segments}}
    for segment in plan.segments:
        if segment.road not in roads:
            plan.problems.append(ImportProblem(segment.origin, f"未知道路 unknown road {segment.road!r}"))
        if segment.office not in offices:
            plan.problems.append(ImportProblem(segment.origin, f"未知镇办 unknown office {segment.office!r}"))
    for person in plan.staff:
        if person.office not in offices:
            plan.problems.append(ImportProblem(person.origin, f"未知镇办 unknown office {person.office!r}"))
        if person.segment is None:
            continue
        owner = segment_office.get(person.segment)
        if owner is None:
            plan.problems.append(ImportProblem(person.origin, f"未知路段 unknown segment {person.segment!r}"))
        elif owner != person.office:
            plan.problems.append(
                ImportProblem(
                    person.origin,
                    f"路段 {person.segment} 属于 {owner}, 不属于 {person.office} "
                    f"segment belongs to another office",
                )
            )
    segment_names = known.segment_names | {segment.name for segment in plan.segments}
    for camera, origin in zip(plan.cameras, plan.camera_origins, strict=True):
        if camera.office and camera.office not in offices:
            plan.problems.append(ImportProblem(origin, f"未知镇办 unknown office {camera.office!r}"))
        if camera.segment and camera.segment not in segment_names:
            plan.problems.append(ImportProblem(origin, f"未知路段 unknown segment {camera.segment!r}"))
    for vehicle in plan.vehicles:
        if vehicle.office and vehicle.office not in offices:
            plan.problems.append(ImportProblem(vehicle.origin, f"未知镇办 unknown office {vehicle.office!r}"))
