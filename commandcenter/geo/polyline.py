"""Walking along and snapping to polylines.

``MeasuredLine`` holds a polyline in local metres with its cumulative lengths, so the simulator can
ask "where is a patroller 137 m along segment EQ-0042, and which way is he facing" thousands of times
a second, and intake can ask "how far is this report from that road". The lon/lat functions below
are one-off conveniences that pick a local frame themselves.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import numpy as np

from commandcenter.geo.local import FloatArray, LocalProjection


class MeasuredLine:
    """A polyline in planar metres (x east, y north) with cumulative vertex distances."""

    def __init__(self, xy: FloatArray | Sequence[Sequence[float]]) -> None:
        points = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        if len(points) < 2:
            raise ValueError("a polyline needs at least two points")
        self.xy = points
        self._deltas = np.diff(points, axis=0)
        self._lengths = np.hypot(self._deltas[:, 0], self._deltas[:, 1])
        cumulative = np.concatenate(([0.0], np.cumsum(self._lengths)))
        self._cumulative = [float(value) for value in cumulative]  # bisect on a list beats numpy per call
        self._points = [(float(x), float(y)) for x, y in points]
        self.length = self._cumulative[-1]

    def point_at(self, distance: float) -> tuple[float, float, float]:
        """``(x, y, heading_deg)`` at ``distance`` metres from the start (clamped to the line);
        the heading is the compass bearing of travel towards the end, 0 = north, 90 = east."""
        distance = min(max(distance, 0.0), self.length)
        index = min(bisect.bisect_right(self._cumulative, distance) - 1, len(self._points) - 2)
        start, end = self._points[index], self._points[index + 1]
        piece = self._cumulative[index + 1] - self._cumulative[index]
        t = (distance - self._cumulative[index]) / piece if piece > 0 else 0.0
        dx, dy = end[0] - start[0], end[1] - start[1]
        heading = math.degrees(math.atan2(dx, dy)) % 360.0
        return start[0] + t * dx, start[1] + t * dy, heading

    def locate(self, x: float, y: float) -> tuple[float, float]:
        """``(distance_to_line, distance_along)`` of the point's nearest position on the line."""
        starts = self.xy[:-1]
        squared = self._lengths**2
        safe = np.where(squared > 0, squared, 1.0)
        t = ((x - starts[:, 0]) * self._deltas[:, 0] + (y - starts[:, 1]) * self._deltas[:, 1]) / safe
        t = np.clip(np.where(squared > 0, t, 0.0), 0.0, 1.0)
        nearest_x = starts[:, 0] + t * self._deltas[:, 0]
        nearest_y = starts[:, 1] + t * self._deltas[:, 1]
        distances = np.hypot(nearest_x - x, nearest_y - y)
        best = int(np.argmin(distances))
        along = self._cumulative[best] + float(t[best]) * float(self._lengths[best])
        return float(distances[best]), along

    def slice(self, start: float, end: float) -> FloatArray:
        """The part of the line between two distances from its start (``start < end``), as vertices."""
        start = min(max(start, 0.0), self.length)
        end = min(max(end, start), self.length)
        first = self.point_at(start)[:2]
        last = self.point_at(end)[:2]
        inner = [self._points[i] for i, d in enumerate(self._cumulative) if start < d < end]
        return np.asarray([first, *inner, last], dtype=np.float64)


def distance_to_polyline_m(lon: float, lat: float, polyline: Sequence[Sequence[float]]) -> float:
    """Metres from a lon/lat point to the nearest position on a lon/lat polyline."""
    frame = LocalProjection(lon, lat)
    return MeasuredLine(frame.array_to_xy(polyline)).locate(0.0, 0.0)[0]


def point_along_polyline(
    polyline: Sequence[Sequence[float]], distance_m: float
) -> tuple[float, float, float]:
    """``(lon, lat, heading_deg)`` at ``distance_m`` metres along a lon/lat polyline (clamped)."""
    frame = LocalProjection.around(polyline)
    x, y, heading = MeasuredLine(frame.array_to_xy(polyline)).point_at(distance_m)
    lon, lat = frame.to_lonlat(x, y)
    return lon, lat, heading
