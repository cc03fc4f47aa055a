"""Reads of the district: offices, segments (with geometry, or as a list), staff (with the live fix of
the unit each carries) and patrol assignments — each optionally limited to one office, so an office
user's query never even fetches another office's rows.

Screening and recommendation read these once into ``commandcenter.cases.district_index``; the
services read them scoped to the signed-in principal.
"""

from __future__ import annotations

from sqlalchemy import select

from commandcenter.domain.district import (
    EnforcementVehicle,
    OfficeRecord,
    SegmentShape,
    SegmentSummary,
    StaffRecord,
    StaffSummary,
)
from commandcenter.domain.kinds import StaffRole, VehicleKind
from commandcenter.persistence.access import as_utc, read_rows, reading
from commandcenter.persistence.district.models import Office, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit


def segments_of(store: Store, office_id: int | None) -> list[SegmentSummary]:
    segment = Segment
    statement = select(segment.id, segment.number, segment.name, segment.office_id, segment.length_m)
    if office_id is not None:
        statement = statement.where(segment.office_id == office_id)
    with reading(store) as connection:
        return [SegmentSummary(*row) for row in connection.execute(statement.order_by(segment.id))]


def staff_of(store: Store, office_id: int | None) -> list[StaffSummary]:
    staff = Staff
    statement = select(staff.id, staff.name, staff.role, staff.office_id, staff.segment_id, staff.phone)
    if office_id is not None:
        statement = statement.where(staff.office_id == office_id)
    with reading(store) as connection:
        return [StaffSummary(*row) for row in connection.execute(statement.order_by(staff.id))]


def segment_shapes(store: Store, office_id: int | None = None) -> list[SegmentShape]:
    """Every segment with its geometry (or one office's), in id order."""
    statement = select(Segment.id, Segment.number, Segment.name, Segment.office_id, Segment.geometry)
    if office_id is not None:
        statement = statement.where(Segment.office_id == office_id)
    return [SegmentShape(*row) for row in read_rows(store, statement.order_by(Segment.id))]


def offices(store: Store) -> list[OfficeRecord]:
    office = Office
    statement = select(
        office.id, office.code, office.name, office.center_lon, office.center_lat, office.boundary
    ).order_by(office.id)
    with reading(store) as connection:
        return [OfficeRecord(*row) for row in connection.execute(statement)]


def enforcement_vehicles(store: Store) -> list[EnforcementVehicle]:
    """The enforcement vehicles (执法车) that have a map unit, with its latest fix."""
    statement = (
        select(Unit.id, Vehicle.plate, Vehicle.office_id, Unit.last_ts, Unit.last_lon, Unit.last_lat)
        .join(Unit, Unit.id == Vehicle.unit_id)
        .where(Vehicle.kind == VehicleKind.ENFORCEMENT.value)
        .order_by(Vehicle.id)
    )
    return [
        EnforcementVehicle(unit_id, plate, office, None if ts is None else as_utc(ts), lon, lat)
        for unit_id, plate, office, ts, lon, lat in read_rows(store, statement)
    ]


def staff_roster(store: Store) -> list[StaffRecord]:
    """Every city manager, 路长 and 督查员 with segment, shift, unit and that unit's latest fix."""
    staff, unit = Staff, Unit
    statement = (
        select(
            staff.id,
            staff.name,
            staff.role,
            staff.office_id,
            staff.segment_id,
            staff.shift,
            staff.phone,
            staff.unit_id,
            unit.last_ts,
            unit.last_lon,
            unit.last_lat,
        )
        .outerjoin(unit, unit.id == staff.unit_id)
        .where(staff.role.in_([role.value for role in StaffRole]))
        .order_by(staff.id)
    )
    rows = read_rows(store, statement)
    return [
        StaffRecord(*row[:8], None if row[8] is None else as_utc(row[8]), row[9], row[10]) for row in rows
    ]


def patrol_assignments(store: Store) -> dict[int, int]:
    """unit id → segment id for every city manager who carries a unit: where each patroller walks."""
    statement = select(Staff.unit_id, Staff.segment_id).where(
        Staff.role == StaffRole.CITY_MANAGER.value,
        Staff.unit_id.is_not(None),
        Staff.segment_id.is_not(None),
    )
    rows = read_rows(store, statement)
    return {unit: segment for unit, segment in rows if unit is not None and segment is not None}
