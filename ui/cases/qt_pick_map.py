"""The mini-map as a place picker: a click moves the point there (the map re-centres on it), so an
operator fixes a report's place by a few metres to a few hundred without typing coordinates."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from commandcenter.geo.local import LocalProjection
from ui.cases.qt_mini_map import RADIUS_M, MiniMapScene, QtMiniMap


class QtPickMap(QtMiniMap):
    picked = Signal(float, float)  # lon, lat (the scene's datum: WGS-84)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pickMap")
        self.setCursor(Qt.CursorShape.CrossCursor)

    def place_at(self, x: float, y: float) -> tuple[float, float] | None:
        """The lon/lat under widget pixel (x, y), or None without a scene."""
        if self.scene is None:
            return None
        scale = min(self.width(), self.height()) / (2 * RADIUS_M)
        projection = LocalProjection(self.scene.lon, self.scene.lat)
        return projection.to_lonlat((x - self.width() / 2) / scale, (self.height() / 2 - y) / scale)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        place = self.place_at(event.position().x(), event.position().y())
        if place is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        lon, lat = round(place[0], 6), round(place[1], 6)
        self.show_scene(MiniMapScene(lon, lat, [], []))
        self.picked.emit(lon, lat)
