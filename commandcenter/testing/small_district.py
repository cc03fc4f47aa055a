"""A hand-made, consistent district of a few rows for the ``district check`` tests: one office (a
1 km square), one road cut into two segments each with its 路长 and a city manager, one muck truck
whose terminal has reported, one street camera. Small enough that a test breaking one thing knows
exactly which line the check must print."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from commandcenter.domain.kinds import CameraKind, Shift, StaffRole, UnitKind, VehicleKind
from commandcenter.geo import bbox_of, polyline_length_m
from commandcenter.persistence.base import Base
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit

_LON, _LAT, _D = 113.60, 34.70, 0.01  # about 900 m × 1,100 m
_REPORTED = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)


def _line(points: list[list[float]]) -> dict[str, Any]:
    return {"geometry": points, "length_m": polyline_length_m(points), **bbox_of(points).columns()}


def _staff(staff_id: int, role: StaffRole, segment_id: int, unit_id: int | None) -> dict[str, Any]:
    return {
        "id": staff_id,
        "code": f"S{staff_id:03d}",
        "name": f"职员{staff_id}",
        "role": role.value,
        "office_id": 1,
        "segment_id": segment_id,
        "shift": Shift.DAY.value,
        "phone": f"1380000{staff_id:04d}",
        "unit_id": unit_id,
    }


def _unit(unit_id: int, kind: UnitKind, label: str) -> dict[str, Any]:
    return {"id": unit_id, "kind": kind.value, "label": label, "office_id": 1, "last_ts": _REPORTED}


def clean_district_rows(store: Store) -> None:
    """Replace the district's tables with the small consistent district."""
    ring = [[_LON, _LAT], [_LON + _D, _LAT], [_LON + _D, _LAT + _D], [_LON, _LAT + _D], [_LON, _LAT]]
    middle = _LAT + _D / 2
    west = [[_LON + 0.001, middle], [_LON + 0.005, middle]]
    east = [[_LON + 0.005, middle], [_LON + 0.009, middle]]
    office = {"id": 1, "code": "410103001", "name": "测试街道", "kind": "街道", "boundary": ring}
    office |= {"center_lon": _LON + _D / 2, "center_lat": middle, **bbox_of(ring).columns()}
    road = {"id": 1, "name": "测试路", "grade": "支路", **_line([west[0], east[1]])}
    segments = [
        {
            "id": n,
            "number": f"EQ-{n:04d}",
            "road_id": 1,
            "office_id": 1,
            "name": f"测试路第{n}段",
            **_line(points),
        }
        for n, points in ((1, west), (2, east))
    ]
    rows: dict[type[Base], list[dict[str, Any]]] = {
        Office: [office],
        Road: [road],
        Segment: segments,
        Unit: [_unit(1, UnitKind.PATROLLER, "职员3"), _unit(2, UnitKind.MUCK_TRUCK, "豫A12345")],
        Staff: [
            _staff(1, StaffRole.ROAD_CHIEF, 1, None),
            _staff(2, StaffRole.ROAD_CHIEF, 2, None),
            _staff(3, StaffRole.CITY_MANAGER, 1, 1),
        ],
        Vehicle: [
            {"id": 1, "kind": VehicleKind.MUCK_TRUCK.value, "plate": "豫A12345", "company": "测试运输"}
            | {"office_id": None, "terminal_id": "013800000001", "unit_id": 2}
        ],
        Camera: [
            {"id": 1, "code": "CAM-ST-00001", "name": "测试路口", "kind": CameraKind.STREET.value}
            | {"lon": _LON + 0.005, "lat": middle + 0.0002, "online": True}
        ],
    }
    replace_all(store, rows)
