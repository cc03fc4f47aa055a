"""The minimal district plus what the map rules need: a muck truck (unit 2), one construction site
camera and the categories alerts file under (积存垃圾渣土 S0103, 渣土撒漏 S0303)."""

from __future__ import annotations

from commandcenter.domain.categories import category_by_code
from commandcenter.domain.kinds import CameraKind, UnitKind
from commandcenter.persistence.base import Base
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.minimal_district import minimal_district

SITE = (113.615, 34.705)
TRUCK = 2


def _category_row(code: str, row_id: int) -> dict[str, object]:
    spec = category_by_code(code)
    assert spec is not None
    return {
        "id": row_id,
        "kind": spec.kind.value,
        "major_code": spec.major_code,
        "major_name": spec.major_name,
        "code": spec.code,
        "name": spec.name,
        "filing_condition": spec.filing_condition,
        "dispatch_hours": spec.dispatch_hours,
        "dispose_hours": spec.dispose_hours,
        "department": spec.department,
        "photo_required": spec.photo_required,
        "active": True,
    }


def rule_district() -> dict[type[Base], list[dict[str, object]]]:
    rows = minimal_district()
    rows[Unit].append(
        {"id": TRUCK, "kind": UnitKind.MUCK_TRUCK.value, "label": "豫A·B0002", "office_id": None}
    )
    rows[CaseCategory] += [_category_row("S0103", 2), _category_row("S0303", 3)]
    rows[Camera] = [
        {
            "id": 1,
            "code": "CAM-GD-1",
            "name": "某工地出入口",
            "kind": CameraKind.CONSTRUCTION.value,
            "lon": SITE[0],
            "lat": SITE[1],
        }
    ]
    return rows
