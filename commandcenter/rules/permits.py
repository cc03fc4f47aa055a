"""Muck-truck permits (准运证): where and when a truck may drive.

A permit gives either an area (a ring) or a route (a polyline with a buffer in metres), and a daily
time window in the district's local time (Asia/Shanghai); windows may cross midnight, since muck
transport in Zhengzhou mostly runs at night. Geometry is WGS-84; ``PreparedPermit`` holds it in the
rule engine's metric frame so the check per fix is plane geometry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from commandcenter.geo import LocalProjection, MeasuredLine, point_in_ring

DISTRICT_TIMEZONE = ZoneInfo("Asia/Shanghai")
ALL_DAY = (0, 24 * 60)


@dataclass(frozen=True)
class TruckPermit:
    unit_id: int
    number: str
    area: list[list[float]] | None = None  # ring, WGS-84
    route: list[list[float]] | None = None  # polyline, WGS-84
    buffer_m: float = 0.0
    start_minute: int = ALL_DAY[0]  # minutes after local midnight
    end_minute: int = ALL_DAY[1]

    def __post_init__(self) -> None:
        if (self.area is None) == (self.route is None):
            raise ValueError(f"permit {self.number}: give exactly one of area or route")

    def in_window(self, moment: datetime) -> bool:
        local = moment.astimezone(DISTRICT_TIMEZONE)
        minute = local.hour * 60 + local.minute
        if self.start_minute <= self.end_minute:
            return self.start_minute <= minute < self.end_minute
        return minute >= self.start_minute or minute < self.end_minute  # crosses midnight

    def window_text(self) -> str:
        def clock(minute: int) -> str:
            return f"{minute // 60:02d}:{minute % 60:02d}"

        return f"{clock(self.start_minute)}—{clock(self.end_minute)}"


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
