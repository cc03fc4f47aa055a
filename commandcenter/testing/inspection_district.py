"""The minimal district with four offices, two staff members in each and a department: enough people
for 督查 draws (tests of the service, the command and the window). Offices 2–4 lie east of office 1
(a finding at (113.61, 34.71) lands in office 1 on segment EQ-0001, the one category S0501 wants a
photo from a citizen but not from an inspection group)."""

from __future__ import annotations

from commandcenter.persistence.base import Base
from commandcenter.persistence.district.models import Department, Office, Staff
from commandcenter.testing.minimal_district import minimal_district

OFFICE_NAMES = {1: "建中街街道", 2: "淮河路街道", 3: "嵩山路街道", 4: "绿东村街道"}


def _office(office_id: int) -> dict[str, object]:
    west = 113.60 + 0.1 * (office_id - 1)
    ring = [[west, 34.7], [west + 0.02, 34.7], [west + 0.02, 34.72], [west, 34.72], [west, 34.7]]
    return {
        "id": office_id,
        "code": f"41010300{office_id}",
        "name": OFFICE_NAMES[office_id],
        "kind": "街道",
        "center_lon": west + 0.01,
        "center_lat": 34.71,
        "boundary": ring,
        "min_lon": west,
        "min_lat": 34.7,
        "max_lon": west + 0.02,
        "max_lat": 34.72,
    }


def inspection_district() -> dict[type[Base], list[dict[str, object]]]:
    data = minimal_district()
    data[Office] += [_office(office_id) for office_id in (2, 3, 4)]
    data[Staff] += [
        {
            "id": 10 * office + n,
            "code": f"DC{office}{n}",
            "name": f"督查{office}{n}",
            "role": "督查员",
            "office_id": office,
            "segment_id": None,
            "shift": "白班",
            "phone": "13900000000",
            "unit_id": None,
        }
        for office in OFFICE_NAMES
        for n in (1, 2)
    ]
    data[Department] = [{"id": 1, "code": "ZF", "name": "区城管执法局", "phone": "", "active": True}]
    return data
