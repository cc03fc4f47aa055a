"""Choose the base map from the settings: an MBTiles file, an XYZ URL, or none (vector layers only).

A base map that cannot be opened must not stop the command centre: the map falls back to the vector
layers and says why in the log.
"""

from __future__ import annotations

import logging
from pathlib import Path

from commandcenter.config import MapSettings
from commandcenter.mapping.mbtiles import MBTiles, MBTilesError
from commandcenter.mapping.tile_source import TileSource, XyzTileSource

log = logging.getLogger(__name__)


def open_tile_source(settings: MapSettings) -> TileSource | None:
    if settings.base == "mbtiles":
        try:
            return MBTiles(Path(settings.mbtiles_path).expanduser())
        except MBTilesError as error:
            log.warning("base map unavailable, showing vector layers only: %s", error)
            return None
    if settings.base == "xyz":
        if not settings.xyz_url:
            log.warning("map.base is xyz but map.xyz_url is empty: showing vector layers only")
            return None
        return XyzTileSource(settings.xyz_url)
    return None
