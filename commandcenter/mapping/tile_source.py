"""Where base-map tiles come from: an MBTiles file or an XYZ/WMTS URL template with a disk cache.

A source answers ``tile(key) -> bytes | None`` and blocks while doing so (disk or network): callers run
it on a worker thread. The XYZ source keeps every fetched tile under the cache dir, so a command centre
that lost its internet link keeps the areas it has already looked at.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Protocol

from commandcenter import paths
from commandcenter.mapping.tiles import TileKey, tms_row

log = logging.getLogger(__name__)
USER_AGENT = "CommandCenter/1.0"  # ASCII: HTTP headers are latin-1


class TileUnavailable(OSError):
    """The tile could not be fetched *now* (server down, timeout): ask again later, unlike a tile the
    source simply does not have (None)."""


class TileSource(Protocol):
    min_zoom: int
    max_zoom: int

    def tile(self, key: TileKey) -> bytes | None: ...


def tile_cache_dir() -> Path:
    path = paths.data_dir() / "tile-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def format_tile_url(template: str, key: TileKey) -> str:
    """Fill ``{z} {x} {y}``, ``{-y}`` (TMS row) and ``{s}`` (a subdomain 1–4 spread over tiles, as
    Tianditu's t0–t7 / AMap's webrd01–04 style servers expect)."""
    return (
        template.replace("{z}", str(key.z))
        .replace("{x}", str(key.x))
        .replace("{-y}", str(tms_row(key)))
        .replace("{y}", str(key.y))
        .replace("{s}", str(1 + (key.x + key.y) % 4))
    )


class XyzTileSource:
    """Tiles from a URL template, cached on disk per template (a changed URL never shows stale tiles)."""

    def __init__(
        self,
        template: str,
        *,
        cache_dir: Path | None = None,
        timeout_s: float = 5.0,
        min_zoom: int = 0,
        max_zoom: int = 18,
    ) -> None:
        self.template = template
        digest = hashlib.sha1(template.encode("utf-8")).hexdigest()[:16]
        self.cache_dir = (cache_dir or tile_cache_dir()) / digest
        self.timeout_s = timeout_s
        self.min_zoom = min_zoom
        self.max_zoom = max_zoom
        self.fetched = 0  # network requests that returned a tile (the cache's misses)

    def cached_path(self, key: TileKey) -> Path:
        return self.cache_dir / str(key.z) / str(key.x) / f"{key.y}.tile"

    def tile(self, key: TileKey) -> bytes | None:
        """Disk cache first; then the network. None when the server has no such tile (404); raises
        ``TileUnavailable`` when it could not be asked, so the map retries once the link is back."""
        path = self.cached_path(key)
        if path.is_file():
            return path.read_bytes()
        request = urllib.request.Request(
            format_tile_url(self.template, key), headers={"User-Agent": USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                data = bytes(response.read())
        except urllib.error.HTTPError as error:
            error.close()  # it holds the response and its socket
            if error.code in (204, 404):
                return None
            raise TileUnavailable(f"tile {key} from {request.full_url}: HTTP {error.code}") from error
        except (urllib.error.URLError, OSError, ValueError) as error:
            log.debug("tile %s not fetched: %s", key, error)
            raise TileUnavailable(f"tile {key} from {request.full_url}: {error}") from error
        self.fetched += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.part")
        partial.write_bytes(data)
        partial.replace(path)  # atomic: a reader never sees half a tile
        return data
