"""XYZ tile maths in Web Mercator metres: which tiles cover a view, and where one tile sits.

Tiles are addressed the XYZ way (row 0 at the top, the north); MBTiles files store rows the TMS way
(row 0 at the bottom) and flip on read (``tms_row``). All maths is in EPSG:3857 metres because that is
the plane the map draws in: a tile is a square of ``tile_span_m(z)`` metres.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from commandcenter.geo.mercator import HALF_WORLD_M

TILE_PX = 256
MAX_ZOOM = 22


class TileKey(NamedTuple):
    z: int
    x: int
    y: int  # XYZ row: 0 is the northernmost row

    def parent(self) -> TileKey:
        return TileKey(self.z - 1, self.x // 2, self.y // 2)


def tile_span_m(z: int) -> float:
    """The side of one tile at zoom ``z`` in metres (the whole world is one tile at zoom 0)."""
    return 2 * HALF_WORLD_M / (1 << z)


def tile_bounds_m(key: TileKey) -> tuple[float, float, float, float]:
    """``(x_min, y_min, x_max, y_max)`` of a tile in Mercator metres (y grows to the north)."""
    span = tile_span_m(key.z)
    x_min = -HALF_WORLD_M + key.x * span
    y_max = HALF_WORLD_M - key.y * span
    return x_min, y_max - span, x_min + span, y_max


def tile_at(x_m: float, y_m: float, z: int) -> TileKey:
    """The tile containing a point, clamped to the world's edge."""
    span = tile_span_m(z)
    last = (1 << z) - 1
    column = min(last, max(0, int((x_m + HALF_WORLD_M) // span)))
    row = min(last, max(0, int((HALF_WORLD_M - y_m) // span)))
    return TileKey(z, column, row)


def tiles_in_rect(z: int, x_min: float, y_min: float, x_max: float, y_max: float) -> list[TileKey]:
    """Every tile touching the rectangle, row by row from the north-west corner."""
    top_left = tile_at(x_min, y_max, z)
    bottom_right = tile_at(x_max, y_min, z)
    return [
        TileKey(z, column, row)
        for row in range(top_left.y, bottom_right.y + 1)
        for column in range(top_left.x, bottom_right.x + 1)
    ]


def zoom_for_resolution(metres_per_px: float, min_zoom: int = 0, max_zoom: int = MAX_ZOOM) -> int:
    """The zoom whose tiles are drawn at about one tile pixel per screen pixel (never blurrier than 2:1),
    clamped to what the source has: beyond its maximum the last level is stretched."""
    if metres_per_px <= 0 or not math.isfinite(metres_per_px):
        return max_zoom
    exact = math.log2(2 * HALF_WORLD_M / (TILE_PX * metres_per_px))
    return max(min_zoom, min(max_zoom, math.ceil(exact - 0.25)))


def tms_row(key: TileKey) -> int:
    """The MBTiles (TMS) row of an XYZ tile: rows count from the south there."""
    return (1 << key.z) - 1 - key.y
