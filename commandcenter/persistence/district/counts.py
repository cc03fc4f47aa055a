"""The district's counts as the KPI strip and the briefing screen show them: offices, roads, segments,
staff by role, cameras by kind, vehicles by kind, units and open cases — district-wide, or one
office's share for an office user (``office_id``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from commandcenter.domain.district import SeedCounts
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CameraKind, StaffRole, VehicleKind
from commandcenter.persistence.access import reading
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit


def district_counts(store: Store, office_id: int | None = None) -> SeedCounts:
    """Everything at once on one connection (15 indexed COUNTs)."""
    with reading(store) as connection:
        return _counts(connection, office_id)


def _counts(connection: Connection, office_id: int | None) -> SeedCounts:
    def count(model: Any, *where: Any) -> int:
        if office_id is not None and hasattr(model, "office_id"):
            where = (*where, model.office_id == office_id)
        elif office_id is not None and model is Office:
            where = (*where, Office.id == office_id)
        statement = select(func.count()).select_from(model).where(*where)
        return int(connection.execute(statement).scalar_one())

    open_statuses = [status.value for status in OPEN_CASE_STATUSES]
    return SeedCounts(
        offices=count(Office),
        roads=count(Road) if office_id is None else _roads_of(connection, office_id),
        segments=count(Segment),
        city_managers=count(Staff, Staff.role == StaffRole.CITY_MANAGER),
        road_chiefs=count(Staff, Staff.role == StaffRole.ROAD_CHIEF),
        inspectors=count(Staff, Staff.role == StaffRole.INSPECTOR),
        street_cameras=count(Camera, Camera.kind == CameraKind.STREET),
        construction_cameras=count(Camera, Camera.kind == CameraKind.CONSTRUCTION),
        public_unit_cameras=count(Camera, Camera.kind == CameraKind.PUBLIC_UNIT),
        vehicle_cameras=count(Camera, Camera.kind == CameraKind.VEHICLE),
        tdm_terminals=count(Camera, Camera.kind == CameraKind.TDM),
        muck_trucks=count(Vehicle, Vehicle.kind == VehicleKind.MUCK_TRUCK),
        enforcement_vehicles=count(Vehicle, Vehicle.kind == VehicleKind.ENFORCEMENT),
        units=count(Unit),
        open_cases=count(Case, Case.status.in_(open_statuses)),
    )


def _roads_of(connection: Connection, office_id: int) -> int:
    """Roads with at least one segment in the office (a road crosses several offices)."""
    statement = select(func.count(func.distinct(Segment.road_id))).where(Segment.office_id == office_id)
    return int(connection.execute(statement).scalar_one())
