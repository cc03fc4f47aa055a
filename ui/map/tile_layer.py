"""The raster base map: tiles for the current view, loaded and decoded off the Qt thread.

On every view change the layer works out the zoom and the tiles covering the view, asks its own
``BackgroundRunner`` for the missing ones (a source may be a slow disk or a remote server, and the
map's store polls must not wait behind tile fetches), and paints what it has. A missing tile is
stood in for by a cached ancestor, stretched, so panning never shows holes — just blur for a moment.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commandcenter.geo.mercator import HALF_WORLD_M
from commandcenter.mapping.tile_source import TileSource
from commandcenter.mapping.tiles import TILE_PX, TileKey, tile_bounds_m, tiles_in_rect, zoom_for_resolution
from ui.background import BackgroundRunner

log = logging.getLogger(__name__)
MAX_ANCESTOR_LEVELS = 4
RETRY_AFTER_S = 30.0  # a tile that failed to load (server down) is asked for again after this


def decode_tile(source: TileSource, key: TileKey) -> QImage | None:
    """Worker thread: fetch and decode one tile (QImage, unlike QPixmap, may be built off the GUI thread)."""
    data = source.tile(key)
    if data is None:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class TileLayer(pg.GraphicsObject):
    def __init__(self, source: TileSource, *, max_cached: int = 600, max_in_flight: int = 8) -> None:
        super().__init__()
        self.source = source
        self.runner = BackgroundRunner(max_workers=2)
        self.images: OrderedDict[TileKey, QImage] = OrderedDict()
        self.missing: set[TileKey] = set()  # the source has no such tile: do not ask again
        self.wanted: list[TileKey] = []
        self.zoom = source.min_zoom
        self._pending: set[TileKey] = set()
        self.failed_at: dict[TileKey, float] = {}  # monotonic time of the last failed fetch
        self._max_cached = max_cached
        self._max_in_flight = max_in_flight
        self.setZValue(-100)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # unit updates reuse the tiles

    def shutdown(self) -> None:
        self.runner.shutdown()

    def set_view(self, rect: QRectF, metres_per_px: float) -> None:
        """Called on every pan/zoom: remember the tiles to draw, request those not cached yet."""
        self.zoom = zoom_for_resolution(metres_per_px, self.source.min_zoom, self.source.max_zoom)
        self.wanted = tiles_in_rect(self.zoom, rect.left(), rect.top(), rect.right(), rect.bottom())
        self._request()
        self.update()

    def _request(self) -> None:
        """Ask for wanted tiles not cached yet; where the source lacks one, ask for its nearest ancestor
        instead, so a file with fewer levels than it claims still shows something."""
        for wanted in self.wanted:
            if len(self._pending) >= self._max_in_flight:
                return
            key: TileKey | None = wanted
            for _level in range(MAX_ANCESTOR_LEVELS + 1):
                if key is None or key.z < self.source.min_zoom:
                    key = None
                    break
                if key not in self.missing:
                    break
                key = key.parent() if key.z > 0 else None
            if key is None or key in self.images or key in self._pending or key in self.missing:
                continue
            if time.monotonic() - self.failed_at.get(key, -RETRY_AFTER_S) < RETRY_AFTER_S:
                continue
            self._pending.add(key)
            self.runner.submit(
                partial(decode_tile, self.source, key),
                partial(self._arrived, key),
                partial(self._failed, key),
            )

    def _failed(self, key: TileKey, error: Exception) -> None:
        """Not "missing": the source could not answer now (TileUnavailable or a broken file)."""
        log.debug("tile %s failed: %s", key, error)
        self._pending.discard(key)
        self.failed_at[key] = time.monotonic()
        self._request()

    def _arrived(self, key: TileKey, image: QImage | None) -> None:
        self._pending.discard(key)
        self.failed_at.pop(key, None)
        if image is None:
            self.missing.add(key)
        else:
            self.images[key] = image
            while len(self.images) > self._max_cached:
                self.images.popitem(last=False)
        self._request()
        self.update()

    @property
    def loading(self) -> int:
        return len(self._pending)

    def boundingRect(self) -> QRectF:
        return QRectF(-HALF_WORLD_M, -HALF_WORLD_M, 2 * HALF_WORLD_M, 2 * HALF_WORLD_M)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for key in self.wanted:
            found = self._image_for(key)
            if found is None:
                continue
            image, source_rect = found
            x_min, _y_min, x_max, y_max = tile_bounds_m(key)
            scale = (x_max - x_min) / TILE_PX
            painter.save()
            painter.translate(x_min, y_max)
            painter.scale(scale, -scale)  # the view's y grows northwards, the image's downwards
            painter.drawImage(QRectF(0, 0, TILE_PX, TILE_PX), image, source_rect)
            painter.restore()

    def _image_for(self, key: TileKey) -> tuple[QImage, QRectF] | None:
        """The tile itself, or the part of its nearest cached ancestor that covers it."""
        image = self.images.get(key)
        if image is not None:
            self.images.move_to_end(key)
            return image, QRectF(0, 0, image.width(), image.height())
        ancestor = key
        for levels in range(1, MAX_ANCESTOR_LEVELS + 1):
            if ancestor.z == 0:
                return None
            ancestor = ancestor.parent()
            image = self.images.get(ancestor)
            if image is not None:
                size = image.width() / (1 << levels)
                column = key.x - (ancestor.x << levels)
                row = key.y - (ancestor.y << levels)
                return image, QRectF(column * size, row * size, size, size)
        return None
