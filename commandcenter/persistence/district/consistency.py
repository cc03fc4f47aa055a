"""What the district consistency check reads (issue 13): offices, segments, road chiefs and city
managers, vehicles with terminals, fixed cameras and truck permits — six bulk SELECTs on one
connection, no per-record queries, so a whole city (56,850 cameras, 2,910 segments) reads in well
under a second on PostgreSQL. The rules themselves live in ``district_data.check``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.sql import Executable

from commandcenter.domain.district_check import (
    CheckCameras,
    CheckOffice,
    CheckPermit,
    CheckSegment,
    CheckStaff,
    CheckVehicle,
    DistrictCheckData,
)
from commandcenter.domain.kinds import StaffRole
from commandcenter.persistence.access import maybe_utc, reading
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Segment, Staff, Vehicle
from commandcenter.persistence.map.models import TruckPermitRow
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit

# Inspectors (督查员) are bound to an office, not a segment: no rule reads them.
_CHECKED_ROLES = (StaffRole.ROAD_CHIEF.value, StaffRole.CITY_MANAGER.value)


def district_check_data(store: Store) -> DistrictCheckData:
    with _collector_paused(), reading(store) as connection:
        return _read(connection)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused for the bulk read: a city's ~90,000 new rows and records set
    off collections that walk every object again and again (a third of the read's time at city
    scale); they hold no reference cycles, so there is nothing for it to find meanwhile."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _all(connection: Connection, statement: Executable) -> Sequence[Any]:
    return connection.execute(statement).all()


def _read(connection: Connection) -> DistrictCheckData:
    offices = _all(connection, select(Office.id, Office.name, Office.boundary).order_by(Office.id))
    segments = _all(
        connection,
        select(Segment.id, Segment.number, Segment.office_id, Segment.geometry).order_by(Segment.id),
    )
    staff = _all(
        connection,
        select(Staff.id, Staff.code, Staff.name, Staff.role, Staff.phone, Staff.segment_id)
        .where(Staff.role.in_(_CHECKED_ROLES))
        .order_by(Staff.id),
    )
    vehicles = _all(
        connection,
        select(Vehicle.id, Vehicle.plate, Vehicle.terminal_id, Vehicle.unit_id, Unit.last_ts)
        .outerjoin(Unit, Unit.id == Vehicle.unit_id)
        .where(Vehicle.terminal_id.is_not(None))
        .order_by(Vehicle.id),
    )
    cameras = _all(
        connection,
        select(Camera.id, Camera.code, Camera.lon, Camera.lat)
        .where(Camera.lon.is_not(None), Camera.lat.is_not(None))
        .order_by(Camera.id),
    )
    permits = _all(
        connection,
        select(TruckPermitRow.id, TruckPermitRow.number, TruckPermitRow.area, TruckPermitRow.route).order_by(
            TruckPermitRow.id
        ),
    )
    return DistrictCheckData(
        offices=[CheckOffice(*row) for row in offices],
        segments=[CheckSegment(*row) for row in segments],
        staff=[CheckStaff(*row) for row in staff],
        vehicles=[CheckVehicle(row[0], row[1], row[2], row[3], maybe_utc(row[4])) for row in vehicles],
        cameras=_camera_columns(cameras),
        permits=[CheckPermit(*row) for row in permits],
    )


def _camera_columns(rows: Sequence[Any]) -> CheckCameras:
    """(id, code, lon, lat) rows as the check's four columns."""
    return CheckCameras(*([row[column] for row in rows] for column in range(4)))
