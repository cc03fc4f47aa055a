"""Drags onto the wall: a tile dragged within a wall swaps two cells; cameras dragged from the tree,
the map, a case or another wall window arrive as ``CAMERAS_MIME`` (``camera_drag``) and land on the
tile under the cursor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint
from PySide6.QtGui import QDrag, QDropEvent
from PySide6.QtWidgets import QWidget

from commandcenter.domain.cameras import CameraFeed
from commandcenter.video.camera_drag import CAMERAS_MIME, decode_cameras, encode_cameras
from ui.video.qt_video_tile import QtVideoTile

TILE_MIME = "application/x-commandcenter-wall-tile"


def drag_tile(tile: QtVideoTile) -> None:
    """Runs the drag (a nested event loop until the drop); the camera goes along for other windows."""
    mime = QMimeData()
    mime.setData(TILE_MIME, tile.feed.code.encode())
    if tile.feed.has_video:
        mime.setData(CAMERAS_MIME, encode_cameras([tile.feed]))
    drag = QDrag(tile)
    drag.setMimeData(mime)
    drag.exec()


def accepts(mime: QMimeData) -> bool:
    return mime.hasFormat(TILE_MIME) or mime.hasFormat(CAMERAS_MIME)


def is_tile_drag(mime: QMimeData) -> bool:
    return mime.hasFormat(TILE_MIME)


def cameras(mime: QMimeData) -> list[CameraFeed]:
    return decode_cameras(bytes(mime.data(CAMERAS_MIME).data())) if mime.hasFormat(CAMERAS_MIME) else []


class WallDrops(QObject):
    """The wall's drop target, as an event filter on it: ``swap(source, target)`` for a tile dropped
    on another, ``drop(cameras, target)`` for cameras (target: the slot under the cursor, or None)."""

    def __init__(
        self,
        wall: QWidget,
        tiles: Callable[[], list[QtVideoTile | None]],
        swap: Callable[[int, int], None],
        drop: Callable[[list[CameraFeed], int | None], None],
    ) -> None:
        super().__init__(wall)
        self._wall, self._tiles, self._swap, self._drop = wall, tiles, swap, drop
        wall.setAcceptDrops(True)
        wall.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QDropEvent) or watched is not self._wall:
            return False
        if event.type() == QEvent.Type.DragEnter:
            if accepts(event.mimeData()):
                event.acceptProposedAction()
            return True
        if event.type() != QEvent.Type.Drop:
            return False
        tiles = self._tiles()
        target = self._slot_at(event.position().toPoint(), tiles)
        source = event.source()
        if is_tile_drag(event.mimeData()) and source in tiles and target is not None:
            self._swap(tiles.index(source), target)
        else:
            self._drop(cameras(event.mimeData()), target)
        event.acceptProposedAction()
        return True

    def _slot_at(self, point: QPoint, tiles: list[QtVideoTile | None]) -> int | None:
        widget = self._wall.childAt(point)
        while widget is not None and not isinstance(widget, QtVideoTile):
            widget = widget.parentWidget()
        return tiles.index(widget) if widget is not None and widget in tiles else None
