"""Staff (城市管理员, 路长, 督查员), the patrollers' map units, and the login users.

1,600 city managers per district copy are spread over the segments by length ("one per 300 m"),
every segment getting at least one; each segment has exactly one 路长; each office three 督查员.
Every city manager carries a GPS unit, so each gets a ``units`` row with a first fix on his segment.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from commandcenter.demo.names import mobile_number, person_name
from commandcenter.demo.placing import apportion, lonlat, unit_row
from commandcenter.demo.plan import DistrictPlan, Rows
from commandcenter.demo.roads import SegmentPlan
from commandcenter.domain.categories import DEFAULT_CATEGORIES
from commandcenter.domain.kinds import Shift, StaffRole, UnitKind, UserRole
from commandcenter.persistence.accounts.models import User
from commandcenter.persistence.district.models import Department, Staff
from commandcenter.persistence.units.models import Unit

CITY_MANAGERS_PER_DISTRICT = 1_600
INSPECTORS_PER_OFFICE = 3
SEED_DEPARTMENTS = ("爱卫办", "社管办")  # "与城管相关的爱卫办、社管办等部门均可利用平台进行案件办理"
WALKING_KMH = (3.5, 5.5)


@dataclass
class Roster:
    """Who is who, for the case history's actors and assignees."""

    road_chief: dict[int, tuple[int, str]] = field(default_factory=dict)  # segment id → (staff id, name)
    inspectors: dict[int, list[str]] = field(default_factory=dict)  # office id → names
    operators: list[str] = field(default_factory=list)  # command-center users' display names


def _staff(
    rows: Rows,
    prefix: str,
    name: str,
    role: StaffRole,
    office_id: int,
    segment_id: int | None,
    shift: Shift,
    phone: str,
    unit_id: int | None = None,
) -> int:
    staff_id = len(rows[Staff]) + 1
    rows[Staff].append(
        {
            "id": staff_id,
            "code": f"{prefix}{staff_id:06d}",
            "name": name,
            "role": role.value,
            "office_id": office_id,
            "segment_id": segment_id,
            "shift": shift.value,
            "phone": phone,
            "unit_id": unit_id,
        }
    )
    return staff_id


def _patroller_unit(
    rng: random.Random, rows: Rows, district: DistrictPlan, segment: SegmentPlan, name: str, now: datetime
) -> int:
    """The city manager's GPS unit, first seen somewhere on his segment, walking or standing."""
    unit_id = len(rows[Unit]) + 1
    x, y, heading = segment.line.point_at(rng.uniform(0, segment.line.length))
    moving = rng.random() < 0.7
    if rng.random() < 0.5:
        heading = (heading + 180.0) % 360.0
    rows[Unit].append(
        unit_row(
            unit_id,
            UnitKind.PATROLLER.value,
            name,
            segment.office_id,
            lonlat(district.frame, (x, y)),
            now - timedelta(seconds=rng.uniform(0, 30)),
            state="moving" if moving else "stopped",
            speed_kmh=rng.uniform(*WALKING_KMH) if moving else 0.0,
            heading_deg=heading,
        )
    )
    return unit_id


def add_staff(rng: random.Random, districts: list[DistrictPlan], rows: Rows, now: datetime) -> Roster:
    roster = Roster()
    for district in districts:
        lengths = [segment.line.length for segment in district.segments]
        shares = apportion(CITY_MANAGERS_PER_DISTRICT, lengths, minimum=1)
        for segment, managers in zip(district.segments, shares, strict=True):
            for _ in range(managers):
                name = person_name(rng)
                unit_id = _patroller_unit(rng, rows, district, segment, name, now)
                shift = Shift.DAY if rng.random() < 0.75 else Shift.NIGHT
                _staff(
                    rows,
                    "CG",
                    name,
                    StaffRole.CITY_MANAGER,
                    segment.office_id,
                    segment.id,
                    shift,
                    mobile_number(rng),
                    unit_id,
                )
        for segment in district.segments:
            name = person_name(rng)
            staff_id = _staff(
                rows,
                "LZ",
                name,
                StaffRole.ROAD_CHIEF,
                segment.office_id,
                segment.id,
                Shift.DAY,
                mobile_number(rng),
            )
            roster.road_chief[segment.id] = (staff_id, name)
        for office in district.offices:
            for _ in range(INSPECTORS_PER_OFFICE):
                name = person_name(rng)
                _staff(rows, "DC", name, StaffRole.INSPECTOR, office.id, None, Shift.DAY, mobile_number(rng))
                roster.inspectors.setdefault(office.id, []).append(name)
    return roster


def add_users(rng: random.Random, districts: list[DistrictPlan], rows: Rows, roster: Roster) -> None:
    """admin, two operators (值班员), a supervisor, a leader and one user per office; no passwords yet
    (issue 7 sets them), so ``password_hash`` is None."""
    users: list[tuple[str, str, UserRole, int | None]] = [("admin", "系统管理员", UserRole.ADMIN, None)]
    for index in (1, 2):
        name = person_name(rng)
        roster.operators.append(name)
        users.append((f"operator{index}", name, UserRole.OPERATOR, None))
    users.append(("supervisor", person_name(rng), UserRole.SUPERVISOR, None))
    users.append(("leader", person_name(rng), UserRole.LEADER, None))
    for district in districts:
        for office in district.offices:
            users.append((f"office{office.code}", f"{office.name}值班", UserRole.OFFICE, office.id))
    departments = {row["name"]: row["code"] for row in rows[Department]}
    rows[User] += [
        {
            "id": index,
            "username": username,
            "display_name": display,
            "role_code": role.value,
            "office_id": office_id,
            "password_hash": None,
            "active": True,
            "department": None,
        }
        for index, (username, display, role, office_id) in enumerate(users, 1)
    ]
    first = len(rows[User]) + 1
    rows[User] += [
        {
            "id": index,
            "username": f"dept{code}",
            "display_name": f"{name}值班",
            "role_code": UserRole.DEPARTMENT.value,
            "office_id": None,
            "password_hash": None,
            "active": True,
            "department": name,
        }
        for index, (name, code) in enumerate(departments.items(), first)
    ]


def add_departments(rows: Rows) -> None:
    """The departments the category table routes to (市政所, 环卫中心 …) and the two the seed names
    (爱卫办, 社管办), coded D01…: each has a demo user ``dept<code>``."""
    names = sorted({spec.department for spec in DEFAULT_CATEGORIES if spec.routes_to_department})
    names += [name for name in SEED_DEPARTMENTS if name not in names]
    rows[Department] = [
        {"id": index, "code": f"D{index:02d}", "name": name, "phone": "", "active": True}
        for index, name in enumerate(names, 1)
    ]
