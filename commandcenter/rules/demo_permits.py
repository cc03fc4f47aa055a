"""A few muck-truck permits for the demo, so the permit rules have something to watch.

Four trucks get permits: two may drive anywhere around the construction and disposal sites all day;
one only at night (22:00—06:00, the usual Zhengzhou 渣土 window), so by day it raises 超时段运输;
one is bound to a straight route between its nearest site and dump with a 300 m buffer, which the
simulator's grid routes leave, so it raises 驶出准运区域. Real permits come from the transport
authority's system (issue 8's gateway or an import).
"""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.domain.alerts import TruckPermit
from commandcenter.domain.kinds import CameraKind, UnitKind
from commandcenter.geo import LocalProjection, haversine_m
from commandcenter.persistence.cameras.queries import camera_points
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions

_MARGIN_M = 500.0


def _area_around(points: Sequence[tuple[float, float]]) -> list[list[float]]:
    """The bounding rectangle of ``points`` grown by ``_MARGIN_M``, as a closed WGS-84 ring."""
    frame = LocalProjection.around(points)
    xy = frame.array_to_xy(points)
    x0, y0 = xy.min(axis=0) - _MARGIN_M
    x1, y1 = xy.max(axis=0) + _MARGIN_M
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return [[round(v, 6) for v in frame.to_lonlat(x, y)] for x, y in corners]


def demo_permits(store: Store) -> list[TruckPermit]:
    """Permits for the first four muck trucks of the store (none when it has no trucks or sites)."""
    trucks = [u.unit_id for u in latest_positions(store) if u.kind == UnitKind.MUCK_TRUCK.value][:4]
    cameras = camera_points(store, CameraKind.CONSTRUCTION.value)
    if len(trucks) < 4 or len(cameras) < 2:
        return []
    sites = [(c.lon, c.lat) for c in cameras]
    area = _area_around(sites)
    dumps = [(c.lon, c.lat) for c in cameras if "消纳场" in c.name] or sites[-1:]
    site = sites[0]
    dump = min(dumps, key=lambda d: haversine_m(site[0], site[1], d[0], d[1]))
    return [
        TruckPermit(trucks[0], "郑渣准字2026-0001", area=area),
        TruckPermit(trucks[1], "郑渣准字2026-0002", area=area),
        TruckPermit(trucks[2], "郑渣准字2026-0003", area=area, start_minute=22 * 60, end_minute=6 * 60),
        TruckPermit(trucks[3], "郑渣准字2026-0004", route=[list(site), list(dump)], buffer_m=300.0),
    ]
