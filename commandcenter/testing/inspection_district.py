"""The minimal district with four offices, two staff members in each and a department: enough people
for 督查 draws (tests of the service, the command and the window). Offices 2–4 lie east of office 1
(a finding at (113.61, 34.71) lands in office 1 on segment EQ-0001, the one category S0501 wants a
photo from a citizen but not from an inspection group)."""

from __future__ import annotations

from datetime import UTC, datetime

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.base import Base
from commandcenter.persistence.district.models import Department, Office, Staff
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import services_for
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


NOW = datetime(2026, 12, 2, 3, tzinfo=UTC)  # the inspection tests' fixed clock


def inspection_supervisor(store: Store) -> Services:
    """A supervisor's services whose inspection clock stands at ``NOW``."""
    services = services_for(store, UserRole.SUPERVISOR, username="duchake")
    services.inspections.clock = services.inspection_findings.clock = lambda: NOW
    return services


def filled_pool(services: Services) -> None:
    """Every 督查员 of the district in the pool, and four department members (of office 1)."""
    staff, _departments = services.inspections.candidates()
    for member in staff:
        if member.role == "督查员":
            services.inspections.add_staff(member.id)
    for n in range(4):
        services.inspections.add_department_member(f"执法局{n}", 1)
