"""A one-office, one-road, one-segment district with one category (S0501 占道经营) and one patroller:
enough for store, workflow and change-feed tests and the notification benchmark, loaded in milliseconds
with ``replace_all(store, minimal_district())``, plus a matching report for ``create_case``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from commandcenter.domain.cases import NewCase
from commandcenter.domain.kinds import UnitKind, VehicleKind
from commandcenter.persistence.base import Base
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.units.models import Unit


def minimal_district() -> dict[type[Base], list[dict[str, object]]]:
    box = {"min_lon": 113.60, "min_lat": 34.70, "max_lon": 113.62, "max_lat": 34.72}
    line = [[113.60, 34.70], [113.62, 34.72]]
    return {
        Office: [
            {
                "id": 1,
                "code": "410103008",
                "name": "建中街街道",
                "kind": "街道",
                "center_lon": 113.61,
                "center_lat": 34.71,
                "boundary": [[113.6, 34.7], [113.62, 34.7], [113.62, 34.72], [113.6, 34.72], [113.6, 34.7]],
                **box,
            }
        ],
        Road: [{"id": 1, "name": "大学路", "grade": "主干道", "geometry": line, "length_m": 2900.0, **box}],
        Segment: [
            {
                "id": 1,
                "number": "EQ-0001",
                "road_id": 1,
                "office_id": 1,
                "name": "大学路第1段",
                "geometry": line,
                "length_m": 2900.0,
                "difficulty": 2,
                **box,
            }
        ],
        Unit: [{"id": 1, "kind": UnitKind.PATROLLER.value, "label": "张伟", "office_id": 1}],
        Staff: [
            {
                "id": 1,
                "code": "CM0001",
                "name": "张伟",
                "role": "城市管理员",
                "office_id": 1,
                "segment_id": 1,
                "shift": "白班",
                "phone": "13800000000",
                "unit_id": 1,
            }
        ],
        CaseCategory: [
            {
                "id": 1,
                "kind": "事件",
                "major_code": "05",
                "major_name": "街面秩序",
                "code": "S0501",
                "name": "占道经营",
                "filing_condition": "占道经营影响通行",
                "dispatch_hours": 0.5,
                "dispose_hours": 4.0,
                "department": "属地镇办",
                "photo_required": True,
                "active": True,
            }
        ],
    }


def minimal_district_with_truck(
    terminal_id: str = "013800138000",
) -> dict[type[Base], list[dict[str, object]]]:
    """The minimal district plus one muck truck (unit 2, vehicle 1) whose JT/T 808 terminal is
    ``terminal_id``: what the gateway tests need."""
    data = minimal_district()
    data[Unit].append({"id": 2, "kind": UnitKind.MUCK_TRUCK.value, "label": "豫A12345", "office_id": None})
    data[Vehicle] = [
        {
            "id": 1,
            "kind": VehicleKind.MUCK_TRUCK.value,
            "plate": "豫A12345",
            "company": "二七区渣土运输公司",
            "office_id": None,
            "terminal_id": terminal_id,
            "unit_id": 2,
        }
    ]
    return data


def minimal_report(**overrides: Any) -> NewCase:
    """A street-vending report inside the minimal district; ``overrides`` replace single fields."""
    report = NewCase(
        category_code="S0501",
        source="市民上报",
        description="人行道上摆摊",
        address="大学路与陇海路交叉口",
        lon=113.61,
        lat=34.71,
        reporter="市民",
        office_id=1,
        segment_id=1,
    )
    return replace(report, **overrides)


def minimal_district_with_fleet(
    terminal_id: str = "013800138000",
) -> dict[type[Base], list[dict[str, object]]]:
    """``minimal_district_with_truck`` plus two enforcement vehicles of office 1 that have no terminal
    yet (vehicle 2 豫A·Z0002 as unit 3, vehicle 3 豫A·Z0003 as unit 4): where an unknown terminal is
    registered."""
    data = minimal_district_with_truck(terminal_id)
    for vehicle_id, unit_id in ((2, 3), (3, 4)):
        plate = f"豫A·Z000{vehicle_id}"
        data[Unit].append({"id": unit_id, "kind": UnitKind.ENFORCEMENT.value, "label": plate, "office_id": 1})
        data[Vehicle].append(
            {"id": vehicle_id, "kind": VehicleKind.ENFORCEMENT.value, "plate": plate, "company": None}
            | {"office_id": 1, "terminal_id": None, "unit_id": unit_id}
        )
    return data
