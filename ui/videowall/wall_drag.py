"""Drag payloads of the wall: a tile dragged within a wall swaps two cells; cameras dragged from the
tree, the map, a case or another wall window arrive as ``CAMERAS_MIME`` (``camera_drag``)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QDrag

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
