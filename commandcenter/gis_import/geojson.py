"""Reading a customer's GeoJSON (FeatureCollection) into one map layer, feature by feature.

A bad feature does not sink the file: it is reported with its index and reason and the good
features are kept, because real files (hand-digitised boundaries, exported road networks) nearly
always hold a few broken ones and the operator needs to know which. File-level problems (not JSON,
not a FeatureCollection) raise ``GeoJSONError``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commandcenter.domain.gis import (
    ACCEPTS,
    FeatureError,
    ImportedFeature,
    ImportResult,
    Layer,
)
from commandcenter.geo.datum import Datum
from commandcenter.gis_import.geometry import GeometryError, convert_geometry
from commandcenter.textfiles import TextEncodingError, read_utf8

_NAME_KEYS = ("name", "NAME", "road_name", "名称", "名字", "number", "id")


class GeoJSONError(ValueError):
    """The file as a whole cannot be read."""


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


def load_geojson(path: Path | str) -> Any:
    """The parsed JSON document of a GeoJSON file; ``GeoJSONError`` when it cannot be read as a
    whole (a file that is not UTF-8 — RFC 7946 requires it — is told so, naming what it seems to be)."""
    try:
        return json.loads(read_utf8(Path(path), "GeoJSON"))
    except TextEncodingError as error:
        raise GeoJSONError(str(error)) from error
    except (OSError, json.JSONDecodeError) as error:
        raise GeoJSONError(f"无法读取 cannot read {path}: {error}") from error


def read_geojson(path: Path | str, datum: Datum | str, layer: Layer | str) -> ImportResult:
    """Read and convert a GeoJSON file (``load_geojson``, then ``parse_geojson``)."""
    return parse_geojson(load_geojson(path), datum, layer)
