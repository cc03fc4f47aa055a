"""A customer's GIS layers as records: what an imported GeoJSON file yields (features converted to
WGS-84, per-feature errors with their index) and what the map reads back from the stored layers.

Geometry is plain lists: a point ``[lon, lat]``, a line ``[[lon, lat], ...]``, a polygon a list of
rings; multi-geometries are lists of those (``ImportedFeature.parts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from commandcenter.geo.datum import Datum

POLYGON, LINE, POINT = "Polygon", "LineString", "Point"  # the normal forms every geometry converts to


class Layer(StrEnum):
    BOUNDARY = "boundary"  # district / office boundaries
    ROADS = "roads"
    SEGMENTS = "segments"  # 路段 lines
    POINTS = "points"  # anchors, stops, sites


ACCEPTS: dict[Layer, str] = {
    Layer.BOUNDARY: POLYGON,
    Layer.ROADS: LINE,
    Layer.SEGMENTS: LINE,
    Layer.POINTS: POINT,
}


@dataclass(frozen=True)
class FeatureError:
    index: int  # position in the file's "features" array, from 0
    reason: str

    def __str__(self) -> str:
        return f"要素 feature #{self.index}: {self.reason}"


@dataclass(frozen=True)
class ImportedFeature:
    index: int
    geometry_type: str  # Polygon / LineString / Point (see gis_import.geometry)
    name: str
    parts: list[Any]
    properties: dict[str, Any]

    def positions(self) -> list[list[float]]:
        """Every vertex, for bounding boxes and checks."""
        if self.geometry_type == POINT:
            return list(self.parts)
        if self.geometry_type == LINE:
            return [p for line in self.parts for p in line]
        return [p for polygon in self.parts for ring in polygon for p in ring]


@dataclass
class ImportResult:
    layer: Layer
    datum: Datum
    features: list[ImportedFeature] = field(default_factory=list)
    errors: list[FeatureError] = field(default_factory=list)


@dataclass(frozen=True)
class LayerInfo:
    id: int
    layer: str
    name: str
    source_datum: str
    imported_at: datetime
    features: int


@dataclass(frozen=True)
class StoredFeature:
    id: int
    layer_id: int
    geometry_type: str
    name: str
    parts: list[Any]
    properties: dict[str, Any]
