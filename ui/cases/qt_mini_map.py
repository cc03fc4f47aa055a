"""The pop-up's mini-map: the case, its road segment and the recommended people, in 600 m around it.

Painted with QPainter in a local metric projection centred on the case: a pop-up must appear in
milliseconds, and a full map widget (tiles, layers) per pop-up would cost far more than it shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from commandcenter.geo.local import LocalProjection
from ui.theme import ACCENT, BORDER, PANEL, ROAD, TEXT

CASE_COLOR = "#f87171"
PERSON_COLOR = "#34d399"
RADIUS_M = 300.0  # half the width shown


@dataclass(frozen=True)
class MiniMapScene:
    lon: float
    lat: float
    segment: list[list[float]]  # the responsible segment's polyline (may be empty)
    people: list[tuple[str, float, float]]  # (label, lon, lat) of recommended staff with a live fix


class QtMiniMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("miniMap")
        self.setMinimumSize(200, 150)
        self.scene: MiniMapScene | None = None

    def show_scene(self, scene: MiniMapScene | None) -> None:
        self.scene = scene
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.setPen(QPen(QColor(BORDER), 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        if self.scene is None:
            return
        scene = self.scene
        projection = LocalProjection(scene.lon, scene.lat)
        scale = min(self.width(), self.height()) / (2 * RADIUS_M)
        centre = QPointF(self.width() / 2, self.height() / 2)

        def to_screen(lon: float, lat: float) -> QPointF:
            x, y = projection.to_xy(lon, lat)
            return QPointF(centre.x() + x * scale, centre.y() - y * scale)

        if len(scene.segment) >= 2:
            painter.setPen(QPen(QColor(ROAD), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawPolyline(QPolygonF([to_screen(lon, lat) for lon, lat in scene.segment]))
        painter.setPen(QPen(QColor(TEXT), 1))
        for label, lon, lat in scene.people:
            point = to_screen(lon, lat)
            painter.setBrush(QColor(PERSON_COLOR))
            painter.drawEllipse(point, 5, 5)
            painter.drawText(point + QPointF(8, 4), label)
        painter.setPen(QPen(QColor(ACCENT), 2))
        painter.setBrush(QColor(CASE_COLOR))
        painter.drawEllipse(centre, 7, 7)
        painter.setPen(QPen(QColor(TEXT), 1))
        painter.drawText(QPointF(6, self.height() - 6), f"{int(2 * RADIUS_M)} m")
        painter.end()
