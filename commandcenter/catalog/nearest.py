"""Case-linked video: the cameras nearest a point, for "show the N cameras around this case".

Fixed cameras come first, nearest first — they look at the place. Vehicle cameras move with their
unit, so they count only when the unit's latest fix is within ``vehicle_within_m`` (a patrol car
300 m away may be driven there; one 3 km away is just noise), and they follow the fixed ones.
The case desk and the map call this per click, so the cameras sit in an in-memory grid (the
``PointGrid`` the dispatcher uses) and a query touches a handful of cells, not 5,685 rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from commandcenter.domain.cameras import CameraEntry
from commandcenter.geo.local import LocalProjection
from commandcenter.geo.spatial_grid import PointGrid
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.store import Store
from commandcenter.persistence.units import positions

CELL_M = 250.0
FIXED_WITHIN_M = 5_000.0  # beyond this a fixed camera does not show the place


class NearestCameraIndex:
    """Fixed cameras in a grid; vehicle cameras placed by their units' latest fixes.

    Vehicle positions change every few seconds: ``move_units`` updates them without a rebuild.
    """

    def __init__(
        self, cameras: Sequence[CameraEntry], unit_positions: Mapping[int, tuple[float, float]] | None = None
    ) -> None:
        self.cameras = list(cameras)
        placed = [(c.lon, c.lat) for c in self.cameras if c.lon is not None and c.lat is not None]
        placed += list((unit_positions or {}).values())
        self._frame = LocalProjection.around(placed) if placed else LocalProjection(0.0, 0.0)
        self._fixed = PointGrid(CELL_M)
        self._vehicles = PointGrid(CELL_M)
        self._vehicle_cameras: dict[int, list[int]] = {}  # unit id → camera indexes
        for index, camera in enumerate(self.cameras):
            if camera.vehicle_unit_id is not None:
                self._vehicle_cameras.setdefault(camera.vehicle_unit_id, []).append(index)
            elif camera.lon is not None and camera.lat is not None:
                self._fixed.move(index, *self._frame.to_xy(camera.lon, camera.lat))
        self.move_units(unit_positions or {})

    @classmethod
    def from_store(cls, store: Store) -> NearestCameraIndex:
        return cls(camera_queries.all_cameras(store), positions.unit_positions(store))

    def move_units(self, positions: Mapping[int, tuple[float, float]]) -> None:
        """Take the latest fixes of vehicle units (units without cameras are ignored)."""
        for unit_id, (lon, lat) in positions.items():
            if unit_id in self._vehicle_cameras:
                self._vehicles.move(unit_id, *self._frame.to_xy(lon, lat))

    def refresh_units(self, store: Store) -> None:
        """Re-read the latest fixes of the units that carry cameras (one small query): what a
        long-lived index calls before a query when vehicles have moved since it was built."""
        if self._vehicle_cameras:
            self.move_units(positions.unit_positions(store, list(self._vehicle_cameras)))

    def nearest(
        self,
        lon: float,
        lat: float,
        count: int,
        *,
        vehicle_within_m: float = 300.0,
        fixed_within_m: float = FIXED_WITHIN_M,
    ) -> list[CameraEntry]:
        if count <= 0:
            return []
        x, y = self._frame.to_xy(lon, lat)
        fixed = self._fixed.nearest(x, y, count, fixed_within_m, lambda _index: True)
        result = [self.cameras[index] for _distance, index in fixed]
        if len(result) < count and vehicle_within_m > 0:
            units = self._vehicles.nearest(x, y, count, vehicle_within_m, lambda _unit: True)
            for _distance, unit_id in units:
                result.extend(self.cameras[index] for index in self._vehicle_cameras[unit_id])
        return result[:count]


def nearest_cameras(
    store_or_index: Store | NearestCameraIndex,
    lon: float,
    lat: float,
    count: int,
    *,
    vehicle_within_m: float = 300.0,
) -> list[CameraEntry]:
    """The ``count`` cameras to show around ``(lon, lat)`` (WGS-84): fixed ones by distance, then
    vehicle cameras whose unit is within ``vehicle_within_m``. Pass an index for repeated calls; a
    ``Store`` builds a fresh one (two queries), which is right for a one-off."""
    index = store_or_index if isinstance(store_or_index, NearestCameraIndex) else None
    if index is None:
        index = NearestCameraIndex.from_store(store_or_index)  # type: ignore[arg-type]
    return index.nearest(lon, lat, count, vehicle_within_m=vehicle_within_m)
