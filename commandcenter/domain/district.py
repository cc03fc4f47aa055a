"""The district's records: offices (镇办), road segments (路段) with their 路长 and staff, the seed counts,
outlines for the map and imported GIS layers — plain data, no SQL.

Every layer above (screening, recommendation, the map, plugins) names these instead of a table row, so
persistence can change its schema without touching them. Coordinates are WGS-84 ``[lon, lat]`` lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
class SegmentShape:
    id: int
    number: str
    name: str
    office_id: int
    geometry: list[list[float]]


@dataclass(frozen=True)
class SeedCounts:
    """What the district has, as the status line and the briefing screen show it."""

    offices: int
    roads: int
    segments: int
    city_managers: int
    road_chiefs: int
    inspectors: int
    street_cameras: int
    construction_cameras: int
    public_unit_cameras: int
    vehicle_cameras: int
    tdm_terminals: int
    muck_trucks: int
    enforcement_vehicles: int
    units: int
    open_cases: int

    @property
    def fixed_cameras(self) -> int:
        return self.street_cameras + self.construction_cameras + self.public_unit_cameras


@dataclass(frozen=True)
class SegmentSummary:
    id: int
    number: str
    name: str
    office_id: int
    length_m: float


@dataclass(frozen=True)
class StaffSummary:
    id: int
    name: str
    role: str
    office_id: int
    segment_id: int | None
    phone: str


@dataclass(frozen=True)
class Outline:
    """A named polyline or ring: an office boundary or a road centre line."""

    id: int
    name: str
    points: list[list[float]]


@dataclass(frozen=True)
class EnforcementVehicle:
    """One of the 联动执法车 with its map unit and last fix: recommended for enforcement categories and
    dispatched like a person — its crew answers through the office's duty inspector."""

    unit_id: int
    plate: str
    office_id: int | None
    last_ts: datetime | None
    last_lon: float | None
    last_lat: float | None
