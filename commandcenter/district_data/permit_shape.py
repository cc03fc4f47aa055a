"""A truck permit's area or route from a GeoJSON file (issue 13): the first feature's geometry — a
Polygon is the permitted area (its outer ring), a LineString the route — read with the GIS
importer's own checks (datum, coordinates inside China), so a bad file is refused with the same
bilingual reason a delivery's would get, as ``EditRefused(BAD_GEOJSON)``."""

from __future__ import annotations

from pathlib import Path

from commandcenter.district_data.read_features import in_china
from commandcenter.domain.district_edits import EditRefused, Problem
from commandcenter.domain.gis import LINE, POLYGON
from commandcenter.geo.datum import Datum
from commandcenter.gis_import.geojson import GeoJSONError, load_geojson
from commandcenter.gis_import.geometry import GeometryError, convert_geometry

Line = list[list[float]]


def read_permit_shape(path: Path, datum: Datum = Datum.WGS84) -> tuple[Line | None, Line | None]:
    """``(area, route)``: exactly one of them set, WGS-84."""
    try:
        document = load_geojson(path)
        geometry = _first_geometry(document)
        kind, parts = convert_geometry(geometry, datum)
    except (GeoJSONError, GeometryError) as error:
        raise EditRefused(Problem.BAD_GEOJSON, "shape", message=str(error)) from None
    points = parts[0][0] if kind == POLYGON else parts[0]
    if kind in (POLYGON, LINE) and not in_china(points):
        raise EditRefused(
            Problem.BAD_GEOJSON, "shape", message=f"坐标不在中国境内 not in China ({datum.value}?)"
        )
    if kind == POLYGON:
        return parts[0][0], None
    if kind == LINE:
        return None, parts[0]
    raise EditRefused(
        Problem.BAD_GEOJSON, "shape", message=f"{kind}: 需要面或线 a Polygon or LineString is needed"
    )


def _first_geometry(document: object) -> object:
    if isinstance(document, dict) and document.get("type") == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list) or not features or not isinstance(features[0], dict):
            raise GeoJSONError("没有要素 no features")
        return features[0].get("geometry")
    if isinstance(document, dict) and document.get("type") == "Feature":
        return document.get("geometry")
    return document
