"""The reads intake screening and dispatch recommendation need, as plain dataclasses.

Screening runs per report and must stay in single milliseconds, so the static parts (segments,
offices, the staff roster with their latest positions) are read once here and indexed in memory by
``commandcenter.cases.district_index``; only the duplicate check (``open_cases_near``) goes to the
database per report, because another workstation may have created the case a second ago.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import exc, select

from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CategoryKind, StaffRole
from commandcenter.geo import EARTH_RADIUS_M, haversine_m
from commandcenter.persistence import models
from commandcenter.persistence.reads import read_rows, unavailable
from commandcenter.persistence.store import SegmentShape, Store


@dataclass(frozen=True)
class OfficeRecord:
    id: int
    code: str
    name: str
    center_lon: float
    center_lat: float
    boundary: list[list[float]]


@dataclass(frozen=True)
class StaffRecord:
    """One member of staff with the live position of the unit he carries (None if he has none)."""

    id: int
    name: str
    role: str  # StaffRole
    office_id: int
    segment_id: int | None
    shift: str  # Shift
    phone: str
    unit_id: int | None
    last_ts: datetime | None
    last_lon: float | None
    last_lat: float | None


@dataclass(frozen=True)
class NearbyCase:
    id: int
    number: str
    category_code: str
    status: str
    lon: float
    lat: float
    created_at: datetime
    distance_m: float


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; the store writes UTC, so say so (aware values pass)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def segments(store: Store) -> list[SegmentShape]:
    """Every segment with its geometry (the store already has this read; kept here so the index
    builds from one module)."""
    return store.segment_shapes()


def offices(store: Store) -> list[OfficeRecord]:
    office = models.Office
    statement = select(
        office.id, office.code, office.name, office.center_lon, office.center_lat, office.boundary
    ).order_by(office.id)
    try:
        with store.engine.connect() as connection:
            return [OfficeRecord(*row) for row in connection.execute(statement)]
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def staff_roster(store: Store) -> list[StaffRecord]:
    """Every city manager, 路长 and 督查员 with segment, shift, unit and that unit's latest fix."""
    staff, unit = models.Staff, models.Unit
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


def categories(store: Store) -> dict[str, CategorySpec]:
    """The active 小类 by code, as an office has edited them (not the built-in defaults)."""
    category = models.CaseCategory
    statement = select(
        category.kind,
        category.major_code,
        category.major_name,
        category.code,
        category.name,
        category.filing_condition,
        category.dispatch_hours,
        category.dispose_hours,
        category.department,
        category.photo_required,
    ).where(category.active.is_(True))
    rows = read_rows(store, statement)
    return {row[3]: CategorySpec(CategoryKind(row[0]), *row[1:]) for row in rows}


def open_cases_near(
    store: Store, category_code: str, lon: float, lat: float, radius_m: float, since: datetime
) -> list[NearbyCase]:
    """Open cases of one 小类 created at or after ``since`` within ``radius_m`` of a point, nearest
    first. SQL filters by a lon/lat box around the circle; the exact distance is haversine."""
    case, category = models.Case, models.CaseCategory
    dlat = math.degrees(radius_m / EARTH_RADIUS_M) * 1.01  # a hair wider: the box must hold the circle
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    statement = (
        select(case.id, case.number, category.code, case.status, case.lon, case.lat, case.created_at)
        .join(category, category.id == case.category_id)
        .where(
            category.code == category_code,
            case.status.in_([status.value for status in OPEN_CASE_STATUSES]),
            case.created_at >= since.astimezone(UTC),  # SQLite compares UTC text
            case.lon.between(lon - dlon, lon + dlon),
            case.lat.between(lat - dlat, lat + dlat),
        )
    )
    rows = read_rows(store, statement)
    found = [
        NearbyCase(id_, number, code, status, case_lon, case_lat, as_utc(created_at), distance)
        for id_, number, code, status, case_lon, case_lat, created_at in rows
        if (distance := haversine_m(lon, lat, case_lon, case_lat)) <= radius_m
    ]
    return sorted(found, key=lambda nearby: (nearby.distance_m, nearby.id))
