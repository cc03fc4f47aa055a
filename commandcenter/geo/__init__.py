"""Geometry on WGS-84 coordinates, small enough to need no GIS library.

Distances use the haversine formula; anything that walks along or measures against a polyline
works in a local equirectangular frame (metres east/north of a reference point), which is exact to
well under a metre over a district and keeps the maths planar. The map uses Web Mercator metres.
Polylines are ``[[lon, lat], ...]`` lists, the form the store keeps in its JSON columns.
"""

from commandcenter.geo.distance import EARTH_RADIUS_M, BBox, bbox_of, haversine_m, polyline_length_m
from commandcenter.geo.local import LocalProjection
from commandcenter.geo.mercator import (
    lonlat_to_mercator,
    lonlat_to_mercator_arrays,
    mercator_to_lonlat,
    mercator_to_lonlat_arrays,
)
from commandcenter.geo.polygon import clip_to_halfplane, point_in_ring
from commandcenter.geo.polyline import MeasuredLine, distance_to_polyline_m, point_along_polyline

__all__ = [
    "EARTH_RADIUS_M",
    "BBox",
    "LocalProjection",
    "MeasuredLine",
    "bbox_of",
    "clip_to_halfplane",
    "distance_to_polyline_m",
    "haversine_m",
    "lonlat_to_mercator",
    "lonlat_to_mercator_arrays",
    "mercator_to_lonlat",
    "mercator_to_lonlat_arrays",
    "point_along_polyline",
    "point_in_ring",
    "polyline_length_m",
]
