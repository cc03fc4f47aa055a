"""Tile maths against the textbook slippy-map formulas, and the MBTiles reader on files laid out the
way the spec and GDAL write them."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

from commandcenter.geo import lonlat_to_mercator
from commandcenter.mapping.mbtiles import MBTiles, MBTilesError, write_mbtiles
from commandcenter.mapping.tiles import (
    TileKey,
    tile_at,
    tile_bounds_m,
    tile_span_m,
    tiles_in_rect,
    tms_row,
    zoom_for_resolution,
)

ERQI_SQUARE = (113.6657, 34.7553)  # 二七广场


def textbook_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The OpenStreetMap wiki's lon/lat → tile numbers, written independently of the code under test."""
    n = 2**z
    x = int((lon + 180.0) / 360.0 * n)
    lat_rad = math.radians(lat)
    y = int((1.0 - math.asinh(math.tan(lat_rad)) / math.pi) / 2.0 * n)
    return x, y


@pytest.mark.parametrize("z", [0, 5, 12, 15, 18])
def test_tile_at_matches_the_slippy_map_formula(z: int) -> None:
    x_m, y_m = lonlat_to_mercator(*ERQI_SQUARE)
    assert tile_at(x_m, y_m, z)[1:] == textbook_tile(*ERQI_SQUARE, z)


def test_a_tile_contains_the_point_it_was_found_for_and_is_square() -> None:
    x_m, y_m = lonlat_to_mercator(*ERQI_SQUARE)
    key = tile_at(x_m, y_m, 15)
    x_min, y_min, x_max, y_max = tile_bounds_m(key)
    assert x_min <= x_m < x_max
    assert y_min < y_m <= y_max
    assert x_max - x_min == pytest.approx(tile_span_m(15)) == pytest.approx(y_max - y_min)
    assert tile_span_m(15) == pytest.approx(1222.99, abs=0.01)  # 40,075 km / 2^15


def test_tiles_in_rect_cover_the_rect_row_by_row_from_the_north_west() -> None:
    x_m, y_m = lonlat_to_mercator(*ERQI_SQUARE)
    span = tile_span_m(14)
    keys = tiles_in_rect(14, x_m, y_m, x_m + 2.5 * span, y_m + 1.5 * span)
    columns = sorted({k.x for k in keys})
    rows = sorted({k.y for k in keys})
    assert len(keys) == len(columns) * len(rows)
    assert len(columns) in (3, 4)
    assert len(rows) in (2, 3)
    assert keys[0] == TileKey(14, columns[0], rows[0])  # the north-west corner first


def test_zoom_follows_the_screen_resolution_within_the_source_range() -> None:
    assert zoom_for_resolution(tile_span_m(15) / 256) == 15
    assert zoom_for_resolution(tile_span_m(15) / 256 * 1.4) == 15  # a little zoomed out: sharper tiles
    assert zoom_for_resolution(tile_span_m(15) / 256 * 2.1) == 14
    assert zoom_for_resolution(0.01, 3, 16) == 16
    assert zoom_for_resolution(1e9, 3, 16) == 3


def test_tms_rows_count_from_the_south() -> None:
    assert tms_row(TileKey(0, 0, 0)) == 0
    assert tms_row(TileKey(3, 5, 0)) == 7
    assert tms_row(TileKey(3, 5, 7)) == 0


def _png(tag: int) -> bytes:
    return b"\x89PNG fake tile " + bytes([tag])


def test_mbtiles_reads_tiles_by_xyz_key_flipping_the_stored_tms_rows(tmp_path: Path) -> None:
    north, south = TileKey(2, 1, 0), TileKey(2, 1, 3)
    path = tmp_path / "base.mbtiles"
    write_mbtiles(
        path, {north: _png(1), south: _png(2)}, {"name": "t", "format": "png", "minzoom": "2", "maxzoom": "2"}
    )
    with sqlite3.connect(path) as raw:  # what is on disk is TMS: the northern tile sits in row 3
        assert raw.execute("SELECT tile_row FROM tiles WHERE tile_data = ?", (_png(1),)).fetchone() == (3,)
    tiles = MBTiles(path)
    assert tiles.tile(north) == _png(1)
    assert tiles.tile(south) == _png(2)
    assert tiles.tile(TileKey(2, 2, 2)) is None
    assert (tiles.min_zoom, tiles.max_zoom, tiles.metadata["format"]) == (2, 2, "png")
    tiles.close()


def test_mbtiles_opens_gdal_layout_with_tiles_as_a_view(tmp_path: Path) -> None:
    """GDAL's MBTiles driver stores ``map`` + ``images`` tables and exposes ``tiles`` as a view; its
    metadata may omit minzoom/maxzoom, which then come from the tiles."""
    path = tmp_path / "gdal.mbtiles"
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE metadata (name text, value text);
            CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
            CREATE TABLE images (tile_data blob, tile_id text);
            CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
                map.tile_row AS tile_row, images.tile_data AS tile_data
                FROM map JOIN images ON images.tile_id = map.tile_id;
            INSERT INTO metadata VALUES ('name', 'gdal'), ('format', 'png');
            """
        )
        db.execute("INSERT INTO map VALUES (5, 26, 19, 'a')")
        db.execute("INSERT INTO map VALUES (6, 52, 38, 'b')")
        db.executemany("INSERT INTO images VALUES (?, ?)", [(_png(7), "a"), (_png(8), "b")])
    db.close()
    tiles = MBTiles(path)
    assert (tiles.min_zoom, tiles.max_zoom) == (5, 6)
    assert tiles.tile(TileKey(5, 26, 31 - 19)) == _png(7)
    assert tiles.tile(TileKey(6, 52, 63 - 38)) == _png(8)
    tiles.close()


def test_mbtiles_refuses_a_missing_file_and_a_non_mbtiles_file_by_name(tmp_path: Path) -> None:
    with pytest.raises(MBTilesError, match=r"missing\.mbtiles"):
        MBTiles(tmp_path / "missing.mbtiles")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (a)")
    db.close()
    with pytest.raises(MBTilesError, match=r"other\.sqlite"):
        MBTiles(other)
