"""Reading a customer's GeoJSON (FeatureCollection) into one map layer, feature by feature.

A bad feature does not sink the file: it is reported with its index and reason and the good
features are kept, because real files (hand-digitised boundaries, exported road networks) nearly
always hold a few broken ones and the operator needs to know which. File-level problems (not JSON,
not a FeatureCollection) raise ``GeoJSONError``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from commandcenter.geo.datum import Datum
from commandcenter.gis_import.geometry import LINE, POINT, POLYGON, GeometryError, convert_geometry
from commandcenter.textfiles import TextEncodingError, read_utf8

_NAME_KEYS = ("name", "NAME", "road_name", "名称", "名字", "number", "id")


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


class GeoJSONError(ValueError):
    """The file as a whole cannot be read."""


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


def _name(properties: dict[str, Any], layer: Layer, index: int) -> str:
    for key in _NAME_KEYS:
        value = properties.get(key)
        if value not in (None, ""):
            return str(value)[:120]
    return f"{layer.value}-{index}"


def parse_geojson(document: Any, datum: Datum | str, layer: Layer | str) -> ImportResult:
    """Convert a parsed GeoJSON document (a FeatureCollection, a Feature or a bare geometry)."""
    result = ImportResult(Layer(layer), Datum(datum))
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise GeoJSONError("FeatureCollection 没有 features 数组 has no features array")
    elif isinstance(document, dict) and document.get("type") == "Feature":
        features = [document]
    elif isinstance(document, dict) and "coordinates" in document:
        features = [{"type": "Feature", "properties": {}, "geometry": document}]
    else:
        raise GeoJSONError("不是 GeoJSON 要素集合 not a GeoJSON FeatureCollection")
    wanted = ACCEPTS[result.layer]
    for index, feature in enumerate(features):
        try:
            if not isinstance(feature, dict) or feature.get("type") != "Feature":
                raise GeometryError("不是 Feature 对象 not a Feature object")
            kind, parts = convert_geometry(feature.get("geometry"), result.datum)
            if kind != wanted:
                raise GeometryError(
                    f"图层 {result.layer.value} 需要 {wanted}，而要素是 {kind} (layer wants {wanted})"
                )
        except GeometryError as error:
            result.errors.append(FeatureError(index, str(error)))
            continue
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            properties = {}
        result.features.append(
            ImportedFeature(index, kind, _name(properties, result.layer, index), parts, properties)
        )
    return result


def read_geojson(path: Path | str, datum: Datum | str, layer: Layer | str) -> ImportResult:
    """Read and convert a GeoJSON file; raises GeoJSONError when it is unreadable as a whole (a
    file that is not UTF-8 — RFC 7946 requires it — is told so, naming what it seems to be)."""
    try:
        document = json.loads(read_utf8(Path(path), "GeoJSON"))
    except TextEncodingError as error:
        raise GeoJSONError(str(error)) from error
    except (OSError, json.JSONDecodeError) as error:
        raise GeoJSONError(f"无法读取 cannot read {path}: {error}") from error
    return parse_geojson(document, datum, layer)
