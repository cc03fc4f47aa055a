"""Muck-truck permits (准运证): where and when a truck may drive.

A permit gives either an area (a ring) or a route (a polyline with a buffer in metres), and a daily
time window in the district's local time (Asia/Shanghai); windows may cross midnight, since muck
transport in Zhengzhou mostly runs at night. Geometry is WGS-84; ``PreparedPermit`` holds it in the
rule engine's metric frame so the check per fix is plane geometry.
"""

from __future__ import annotations

from commandcenter.domain.alerts import TruckPermit
from commandcenter.geo import LocalProjection, MeasuredLine, point_in_ring


class PreparedPermit:
    """A permit with its geometry in metres of ``frame``."""

    def __init__(self, permit: TruckPermit, frame: LocalProjection) -> None:
        self.permit = permit
        self._ring = [frame.to_xy(lon, lat) for lon, lat in permit.area] if permit.area else None
        self._route = MeasuredLine(frame.array_to_xy(permit.route)) if permit.route else None

    def inside(self, x: float, y: float) -> bool:
        if self._ring is not None:
            return point_in_ring(x, y, self._ring)
        assert self._route is not None
        return self._route.locate(x, y)[0] <= self.permit.buffer_m
