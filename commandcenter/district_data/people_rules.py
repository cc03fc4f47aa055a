"""The rules about who answers for what: every segment has exactly one 路长, a 路长 answers for one
segment, every city manager patrols one, every vehicle terminal has reported, every office has
segments. Plain dictionary work over the records, no geometry.

A person is a name with a phone number, not a staff row: an import can list the same 路长 twice for
two segments (two rows, two codes), which is exactly the inconsistency to find.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from commandcenter.domain.district_check import (
    CheckStaff,
    DistrictCheckData,
    Finding,
    Rule,
    Severity,
)
from commandcenter.domain.kinds import StaffRole

_E, _W = Severity.ERROR, Severity.WARNING
_ROAD_CHIEF, _CITY_MANAGER = StaffRole.ROAD_CHIEF.value, StaffRole.CITY_MANAGER.value  # looked up once


def _label(person: CheckStaff) -> str:
    return f"{person.name} ({person.code})"


def road_chief_findings(data: DistrictCheckData) -> Iterator[Finding]:
    numbers = {segment.id: segment.number for segment in data.segments}
    chiefs = [person for person in data.staff if person.role == _ROAD_CHIEF]
    by_segment: dict[int, list[CheckStaff]] = defaultdict(list)
    by_person: dict[tuple[str, str], list[CheckStaff]] = defaultdict(list)
    for chief in chiefs:
        if chief.segment_id is None:
            yield Finding(
                _W,
                Rule.ROAD_CHIEF_WITHOUT_SEGMENT,
                "staff",
                chief.id,
                _label(chief),
                f"路长 {chief.name} 没有路段",
            )
            continue
        by_segment[chief.segment_id].append(chief)
        by_person[(chief.name, chief.phone)].append(chief)
    for segment in data.segments:
        holders = by_segment.get(segment.id, [])
        if not holders:
            detail = f"路段 {segment.number} 没有路长"
            yield Finding(_E, Rule.SEGMENT_WITHOUT_ROAD_CHIEF, "segment", segment.id, segment.number, detail)
        elif len({(chief.name, chief.phone) for chief in holders}) > 1:
            names = "、".join(chief.name for chief in holders)
            detail = f"路段 {segment.number} 有 {len(holders)} 名路长：{names}"
            yield Finding(
                _E, Rule.SEGMENT_WITH_SEVERAL_ROAD_CHIEFS, "segment", segment.id, segment.number, detail
            )
    for rows in by_person.values():
        segments = sorted(
            {numbers.get(row.segment_id, str(row.segment_id)) for row in rows if row.segment_id}
        )
        if len(segments) > 1:
            first = rows[0]
            detail = f"路长 {first.name} 负责 {len(segments)} 个路段：{'、'.join(segments)}"
            yield Finding(_E, Rule.ROAD_CHIEF_ON_SEVERAL_SEGMENTS, "staff", first.id, _label(first), detail)


def staff_findings(data: DistrictCheckData) -> Iterator[Finding]:
    for person in data.staff:
        if person.role == _CITY_MANAGER and person.segment_id is None:
            detail = f"城市管理员 {person.name} 没有路段"
            yield Finding(_W, Rule.CITY_MANAGER_WITHOUT_SEGMENT, "staff", person.id, _label(person), detail)


def vehicle_findings(data: DistrictCheckData) -> Iterator[Finding]:
    for vehicle in data.vehicles:
        if vehicle.terminal_id is None or vehicle.unit_last_ts is not None:
            continue
        never = "没有定位单元" if vehicle.unit_id is None else "从未上报位置"
        detail = f"车辆 {vehicle.plate} 的终端 {vehicle.terminal_id} {never}"
        yield Finding(_W, Rule.TERMINAL_NEVER_REPORTED, "vehicle", vehicle.id, vehicle.plate, detail)


def office_findings(data: DistrictCheckData) -> Iterator[Finding]:
    with_segments = {segment.office_id for segment in data.segments}
    for office in data.offices:
        if office.id not in with_segments:
            detail = f"镇办 {office.name} 没有路段"
            yield Finding(_W, Rule.OFFICE_WITHOUT_SEGMENTS, "office", office.id, office.name, detail)
