"""The district in memory: segments, offices, staff and live patroller positions, indexed for the
per-report questions of screening and dispatch ("which segment is this on", "whose office is it",
"who is nearest right now").

Built once from ``commandcenter.persistence.case_queries`` (a few hundred milliseconds at whole-city
scale) and refreshed when the district changes; positions are refreshed separately and cheaply from
``latest_positions(Store)``. Everything is in one local metre frame around the district, whose
equirectangular scale error (< 0.4 % even across a 10-district city) is far below the 50 m and
100 m thresholds screening uses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandcenter.domain.district import EnforcementVehicle, OfficeRecord, SegmentShape, StaffRecord
from commandcenter.domain.kinds import StaffRole
from commandcenter.domain.units import UnitPosition
from commandcenter.geo import BBox, LocalProjection, bbox_of, point_in_ring
from commandcenter.geo.spatial_grid import PointGrid, SegmentGrid
from commandcenter.persistence.access import as_utc
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store

SEGMENT_CELL_M = 100.0  # about a report's snapping distance: a query reads 3×3 cells
VEHICLE_CELL_M = 2_000.0  # a handful of enforcement vehicles over the district
PATROLLER_CELL_M = 400.0  # a few dozen patrollers per cell in the dense core


@dataclass(frozen=True)
class SegmentHit:
    segment: SegmentShape
    distance_m: float


@dataclass(frozen=True)
class LivePosition:
    lon: float
    lat: float
    ts: datetime


@dataclass(frozen=True)
class PatrollerHit:
    staff: StaffRecord
    distance_m: float
    position: LivePosition


@dataclass(frozen=True)
class VehicleHit:
    vehicle: EnforcementVehicle
    distance_m: float
    position: LivePosition


class DistrictIndex:
    """Point → segment / office, and live position → nearest patrollers."""

    def __init__(
        self,
        segments: Sequence[SegmentShape],
        offices: Sequence[OfficeRecord],
        roster: Sequence[StaffRecord],
        vehicles: Sequence[EnforcementVehicle] = (),
    ) -> None:
        if not offices:
            raise ValueError("a district index needs at least one office")
        self.projection = LocalProjection.around([point for office in offices for point in office.boundary])
        self._offices = {office.id: office for office in offices}
        self._office_boxes: list[tuple[BBox, OfficeRecord]] = [
            (bbox_of(office.boundary), office) for office in offices
        ]
        self._segments = {segment.id: segment for segment in segments}
        self._segment_grid = SegmentGrid(SEGMENT_CELL_M)
        for segment in segments:
            xy = self.projection.array_to_xy(segment.geometry)
            self._segment_grid.add(segment.id, [(float(x), float(y)) for x, y in xy])
        self._staff = {member.id: member for member in roster}
        self._by_segment: dict[int, list[StaffRecord]] = defaultdict(list)
        self._by_office_role: dict[tuple[int, str], list[StaffRecord]] = defaultdict(list)
        self._staff_by_unit: dict[int, StaffRecord] = {}
        for member in roster:
            if member.segment_id is not None:
                self._by_segment[member.segment_id].append(member)
            self._by_office_role[(member.office_id, member.role)].append(member)
            if member.unit_id is not None and member.role == StaffRole.CITY_MANAGER:
                self._staff_by_unit[member.unit_id] = member
        self._positions: dict[int, LivePosition] = {}
        self._patrollers = PointGrid(PATROLLER_CELL_M)
        for member in self._staff_by_unit.values():
            if member.unit_id is None or member.last_ts is None:
                continue
            if member.last_lon is not None and member.last_lat is not None:
                self._move(member.unit_id, LivePosition(member.last_lon, member.last_lat, member.last_ts))
        self._vehicles = {vehicle.unit_id: vehicle for vehicle in vehicles}
        self._vehicle_grid = PointGrid(VEHICLE_CELL_M)
        for vehicle in vehicles:
            if vehicle.last_ts is not None and vehicle.last_lon is not None and vehicle.last_lat is not None:
                self._move_vehicle(
                    vehicle.unit_id, LivePosition(vehicle.last_lon, vehicle.last_lat, vehicle.last_ts)
                )

    @classmethod
    def from_store(cls, store: Store) -> DistrictIndex:
        """Read the district (raises ``DatabaseUnavailable``); call again to pick up edits."""
        roster = district_queries.staff_roster(store)
        vehicles = district_queries.enforcement_vehicles(store)
        return cls(district_queries.segment_shapes(store), district_queries.offices(store), roster, vehicles)

    # ------------------------------------------------------------------ live positions
    def _move(self, unit_id: int, position: LivePosition) -> None:
        self._positions[unit_id] = position
        self._patrollers.move(unit_id, *self.projection.to_xy(position.lon, position.lat))

    def _move_vehicle(self, unit_id: int, position: LivePosition) -> None:
        self._positions[unit_id] = position
        self._vehicle_grid.move(unit_id, *self.projection.to_xy(position.lon, position.lat))

    def update_positions(self, positions: Iterable[UnitPosition]) -> int:
        """Take the latest fixes (``latest_positions(Store)``) of the patrollers' units and of the
        enforcement vehicles; returns how many moved. Other vehicles and unknown units are ignored."""
        moved = 0
        for unit in positions:
            if unit.ts is None or unit.lon is None or unit.lat is None:
                continue
            position = LivePosition(unit.lon, unit.lat, as_utc(unit.ts))
            if unit.unit_id in self._staff_by_unit:
                self._move(unit.unit_id, position)
            elif unit.unit_id in self._vehicles:
                self._move_vehicle(unit.unit_id, position)
            else:
                continue
            moved += 1
        return moved

    def nearest_enforcement(
        self,
        lon: float,
        lat: float,
        *,
        now: datetime,
        max_fix_age: timedelta,
        limit: int = 2,
        max_radius_m: float = 8_000.0,
    ) -> list[VehicleHit]:
        """The nearest enforcement vehicles (执法车) with a fresh fix: a district has a handful, so the
        radius is a few kilometres, not a patroller's walk."""
        oldest = now - max_fix_age
        x, y = self.projection.to_xy(lon, lat)
        hits = self._vehicle_grid.nearest(
            x, y, limit, max_radius_m, lambda unit_id: self._positions[unit_id].ts >= oldest
        )
        return [
            VehicleHit(self._vehicles[unit_id], distance, self._positions[unit_id])
            for distance, unit_id in hits
        ]

    def vehicle_position(self, unit_id: int) -> LivePosition | None:
        return self._positions.get(unit_id) if unit_id in self._vehicles else None

    def position_of(self, staff: StaffRecord) -> LivePosition | None:
        return None if staff.unit_id is None else self._positions.get(staff.unit_id)

    def nearest_patrollers(
        self,
        lon: float,
        lat: float,
        *,
        now: datetime,
        max_fix_age: timedelta,
        shift: str | None = None,
        limit: int = 3,
        max_radius_m: float = 3_000.0,
        exclude: frozenset[int] = frozenset(),
    ) -> list[PatrollerHit]:
        """The nearest city managers by live position, skipping stale fixes (offline units), staff
        off ``shift`` and the staff ids in ``exclude``."""
        oldest = now - max_fix_age

        def available(unit_id: int) -> bool:
            member = self._staff_by_unit[unit_id]
            if member.id in exclude or (shift is not None and member.shift != shift):
                return False
            return self._positions[unit_id].ts >= oldest

        x, y = self.projection.to_xy(lon, lat)
        hits = self._patrollers.nearest(x, y, limit, max_radius_m, available)
        return [
            PatrollerHit(self._staff_by_unit[unit_id], distance, self._positions[unit_id])
            for distance, unit_id in hits
        ]

    # ------------------------------------------------------------------ places
    def nearest_segment(self, lon: float, lat: float, within_m: float = 100.0) -> SegmentHit | None:
        hit = self._segment_grid.nearest(*self.projection.to_xy(lon, lat), within_m)
        return None if hit is None else SegmentHit(self._segments[hit[0]], hit[1])

    def office_at(self, lon: float, lat: float) -> OfficeRecord | None:
        """The office whose boundary contains the point; None outside the district."""
        for box, office in self._office_boxes:
            if box.contains(lon, lat) and point_in_ring(lon, lat, office.boundary):
                return office
        return None

    def office_for(self, lon: float, lat: float) -> OfficeRecord:
        """The containing office, else the one with the nearest centre (points on the rim)."""
        inside = self.office_at(lon, lat)
        if inside is not None:
            return inside
        x, y = self.projection.to_xy(lon, lat)

        def squared(office: OfficeRecord) -> float:
            cx, cy = self.projection.to_xy(office.center_lon, office.center_lat)
            return (cx - x) ** 2 + (cy - y) ** 2

        return min(self._offices.values(), key=squared)

    def contains(self, lon: float, lat: float) -> bool:
        return self.office_at(lon, lat) is not None

    def office_named(self, name: str) -> OfficeRecord | None:
        return next((office for office in self._offices.values() if office.name == name), None)

    def staff_member(self, staff_id: int) -> StaffRecord | None:
        return self._staff.get(staff_id)

    def office(self, office_id: int) -> OfficeRecord:
        return self._offices[office_id]

    def segment(self, segment_id: int) -> SegmentShape:
        return self._segments[segment_id]

    # ------------------------------------------------------------------ people
    def segment_staff(self, segment_id: int, role: StaffRole) -> list[StaffRecord]:
        """The segment's 路长 (exactly one in the demo) or its city managers, in id order."""
        return [member for member in self._by_segment.get(segment_id, ()) if member.role == role]

    def office_staff(self, office_id: int, role: StaffRole) -> list[StaffRecord]:
        return list(self._by_office_role.get((office_id, role.value), ()))
