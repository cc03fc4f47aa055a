"""Checking and converting one GeoJSON geometry: every position must be two finite numbers inside
lon/lat range, lines need two distinct points, rings three (and are closed if the file left them
open); the result is converted from the declared datum to WGS-84.

Geometries are normalised to three shapes the map draws without caring where they came from:
``Polygon`` — parts are polygons, each ``[outer ring, *holes]``; ``LineString`` — parts are lines;
``Point`` — parts are ``[lon, lat]`` positions. Multi-geometries simply have several parts.
"""

from __future__ import annotations

import math
from typing import Any

from commandcenter.domain.gis import LINE, POINT, POLYGON
from commandcenter.geo.datum import Datum, to_wgs84

_KINDS = {
    "Polygon": (POLYGON, False),
    "MultiPolygon": (POLYGON, True),
    "LineString": (LINE, False),
    "MultiLineString": (LINE, True),
    "Point": (POINT, False),
    "MultiPoint": (POINT, True),
}
_DIGITS = 7  # ≈ 1 cm


class GeometryError(ValueError):
    """Why one feature's geometry was refused (the reader adds the feature index)."""


def _position(value: Any, datum: Datum) -> list[float]:
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise GeometryError(f"坐标不是 [经度, 纬度] position is not [lon, lat]: {value!r:.60}")
    lon, lat = value[0], value[1]
    if any(isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) for v in (lon, lat)):
        raise GeometryError(f"坐标不是有限数值 position is not two finite numbers: {value!r:.60}")
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise GeometryError(f"坐标超出经纬度范围 position out of lon/lat range: [{lon}, {lat}]")
    converted = to_wgs84(float(lon), float(lat), datum)
    return [round(converted[0], _DIGITS), round(converted[1], _DIGITS)]


def _line(value: Any, datum: Datum) -> list[list[float]]:
    if not isinstance(value, list):
        raise GeometryError("线坐标不是数组 line coordinates are not an array")
    points = [_position(p, datum) for p in value]
    if len({tuple(p) for p in points}) < 2:
        raise GeometryError(f"线至少需要两个不同的点 a line needs two distinct points (has {len(points)})")
    return points


def _ring(value: Any, datum: Datum) -> list[list[float]]:
    if not isinstance(value, list):
        raise GeometryError("环坐标不是数组 ring coordinates are not an array")
    points = [_position(p, datum) for p in value]
    if len({tuple(p) for p in points}) < 3:
        raise GeometryError(
            f"面环至少需要三个不同的点 a ring needs three distinct points (has {len(points)})"
        )
    return points if points[0] == points[-1] else [*points, points[0]]


def _polygon(value: Any, datum: Datum) -> list[list[list[float]]]:
    if not isinstance(value, list) or not value:
        raise GeometryError("面没有环 polygon has no rings")
    return [_ring(ring, datum) for ring in value]


def convert_geometry(geometry: Any, datum: Datum) -> tuple[str, list[Any]]:
    """``(normalised type, parts)`` in WGS-84; raises GeometryError with a reason."""
    if not isinstance(geometry, dict):
        raise GeometryError("要素没有几何 feature has no geometry")
    kind = geometry.get("type")
    if kind not in _KINDS:
        raise GeometryError(f"不支持的几何类型 unsupported geometry type: {kind!r}")
    coordinates = geometry.get("coordinates")
    if coordinates is None:
        raise GeometryError("几何没有坐标 geometry has no coordinates")
    normal, multi = _KINDS[kind]
    convert = {POLYGON: _polygon, LINE: _line, POINT: _position}[normal]
    if not multi:
        return normal, [convert(coordinates, datum)]
    if not isinstance(coordinates, list) or not coordinates:
        raise GeometryError(f"{kind} 没有组成部分 has no parts")
    return normal, [convert(part, datum) for part in coordinates]
