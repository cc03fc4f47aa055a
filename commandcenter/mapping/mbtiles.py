"""Offline base maps: raster tiles in an MBTiles file (SQLite), as GDAL, QGIS or tippecanoe write them.

The spec (MBTiles 1.3) only promises a ``tiles`` table *or view* with ``zoom_level, tile_column,
tile_row, tile_data`` and a ``metadata`` name/value table; GDAL for example writes ``map`` + ``images``
tables behind a ``tiles`` view, so we only ever query ``tiles``. Rows are TMS (south first) and are
flipped here, so the rest of the map speaks XYZ. The file is opened read-only: a map never changes it.
The stdlib ``sqlite3`` is used on purpose — this is a file format, not the application database.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path

from commandcenter.mapping.tiles import TileKey, tms_row


class MBTilesError(OSError):
    """The file is missing or is not an MBTiles database; the message names the file."""


class MBTiles:
    """A read-only MBTiles file; ``tile()`` may be called from any thread (one lock, one connection)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise MBTilesError(f"MBTiles 文件不存在 (file not found): {self.path}")
        try:
            self._db = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self.metadata = dict(self._db.execute("SELECT name, value FROM metadata").fetchall())
            zooms = self._db.execute("SELECT min(zoom_level), max(zoom_level) FROM tiles").fetchone()
        except sqlite3.DatabaseError as error:
            raise MBTilesError(
                f"不是有效的 MBTiles 文件 (not an MBTiles file): {self.path}: {error}"
            ) from error
        self._lock = threading.Lock()
        self.min_zoom = int(self.metadata.get("minzoom", zooms[0] if zooms[0] is not None else 0))
        self.max_zoom = int(self.metadata.get("maxzoom", zooms[1] if zooms[1] is not None else 0))

    def tile(self, key: TileKey) -> bytes | None:
        """The encoded image (PNG/JPEG/WebP as stored) of one XYZ tile, or None where the file has none."""
        with self._lock:
            row = self._db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (key.z, key.x, tms_row(key)),
            ).fetchone()
        return bytes(row[0]) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()


def write_mbtiles(path: Path, tiles: Mapping[TileKey, bytes], metadata: Mapping[str, str]) -> None:
    """Write a spec-conforming MBTiles file (plain ``tiles`` table): for tests, benchmarks and exports."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute(
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)"
        )
        db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", sorted(metadata.items()))
        db.executemany(
            "INSERT INTO tiles VALUES (?, ?, ?, ?)",
            [(key.z, key.x, tms_row(key), data) for key, data in tiles.items()],
        )
    db.close()
