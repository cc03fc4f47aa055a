"""Great-circle distances and bounding boxes of WGS-84 lon/lat data."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

# The mean Earth radius (IUGG); the one most haversine references and test values use.
EARTH_RADIUS_M = 6_371_008.8


def haversine_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle distance in metres; accurate to ~0.5 % anywhere, far better at city scale."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def polyline_length_m(points: Sequence[Sequence[float]]) -> float:
    """Sum of the haversine lengths of consecutive vertices; 0 for fewer than two points."""
    return sum(haversine_m(a[0], a[1], b[0], b[1]) for a, b in itertools.pairwise(points))


@dataclass(frozen=True)
class BBox:
    """An axis-aligned lon/lat box, as the ``BBoxMixin`` columns store it."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.min_lon <= lon <= self.max_lon and self.min_lat <= lat <= self.max_lat

    def columns(self) -> dict[str, float]:
        """The four ``BBoxMixin`` column values, ready to merge into a row."""
        return {
            "min_lon": self.min_lon,
            "min_lat": self.min_lat,
            "max_lon": self.max_lon,
            "max_lat": self.max_lat,
        }

    @property
    def center(self) -> tuple[float, float]:
        return (self.min_lon + self.max_lon) / 2, (self.min_lat + self.max_lat) / 2


def bbox_of(points: Sequence[Sequence[float]]) -> BBox:
    """The bounding box of a polyline or ring; raises ValueError when it has no points."""
    if not points:
        raise ValueError("bbox_of() needs at least one point")
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    return BBox(min(lons), min(lats), max(lons), max(lats))
