"""Import of real GIS data (GeoJSON) in WGS-84, GCJ-02 or BD-09 into WGS-84 map layers.

``read_geojson`` checks and converts; ``persistence.gis_layers.save_layer`` stores the result;
``commandcenter import-geojson`` does both from the command line.
"""

from commandcenter.domain.gis import ACCEPTS, FeatureError, ImportedFeature, ImportResult, Layer
from commandcenter.gis_import.geojson import GeoJSONError, parse_geojson, read_geojson

__all__ = [
    "ACCEPTS",
    "FeatureError",
    "GeoJSONError",
    "ImportResult",
    "ImportedFeature",
    "Layer",
    "parse_geojson",
    "read_geojson",
]
