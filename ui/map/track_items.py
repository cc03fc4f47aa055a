"""The two graphics items of track playback, split by how often they change.

``TrackLines`` holds what a load fixes — the whole polylines, faint — and keeps a device-pixmap cache
like the map's other vector lines, so a playback frame does not redraw 8,640-point paths.
``TrackHeads`` holds what a frame moves — the travelled part, strong, and one heading arrow per unit
— with no cache: it changes ten times a second while playing. The "停" stop markers go in between
(over the travelled line, under the arrow that waits on them), blitted from one pre-rendered pixmap
per colour. Markers are drawn in device pixels (same size at every zoom), paths with cosmetic pens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap, QPolygonF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

if TYPE_CHECKING:
    from ui.map.track_layer import TrackLayer

UNTRAVELLED_ALPHA = 140  # the road still ahead: visible, but clearly not yet driven
STOP_RADIUS_PX = 8.0
ARROW = QPolygonF([QPointF(0, -11), QPointF(7, 8), QPointF(0, 4), QPointF(-7, 8)])  # nose up = north
MARKER_FILL = "#0f172a"


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)  # screen pixels at any zoom
    return pen


class _TrackItem(pg.GraphicsObject):
    def __init__(self, layer: TrackLayer) -> None:
        super().__init__()
        self.layer = layer
        self._bounds = QRectF()

    def set_bounds(self, bounds: QRectF) -> None:
        self.prepareGeometryChange()
        self._bounds = bounds
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds


def stop_marker(colour: QColor) -> QPixmap:
    """A "停" disc ringed in the track's colour; painted once per colour, then only blitted."""
    size = int(2 * STOP_RADIUS_PX + 2)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.5))
    painter.setBrush(QBrush(QColor(MARKER_FILL)))
    painter.drawEllipse(QPointF(size / 2, size / 2), STOP_RADIUS_PX, STOP_RADIUS_PX)
    font = QFont()
    font.setPixelSize(11)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    glyph = QCoreApplication.translate("TrackLayer", "P")  # 停: a stop, as on Chinese map apps
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


class TrackLines(_TrackItem):
    def __init__(self, layer: TrackLayer) -> None:
        super().__init__(layer)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for drawn in self.layer.tracks.values():
            faint = QColor(drawn.colour)
            faint.setAlpha(UNTRAVELLED_ALPHA)
            painter.setPen(_pen(faint, 2.0))
            painter.drawPath(drawn.path)


class TrackHeads(_TrackItem):
    def __init__(self, layer: TrackLayer) -> None:
        super().__init__(layer)
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.drawn = 0  # playheads drawn by the last paint (for tests)
        self._markers: dict[str, QPixmap] = {}

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        playing = [drawn for drawn in self.layer.tracks.values() if drawn.head is not None]
        for drawn in playing:
            assert drawn.head is not None
            painter.setPen(_pen(drawn.colour, 3.5))
            painter.drawPath(drawn.travelled)
            if drawn.passed >= 0:  # from the last fix passed to where the unit is now
                last = QPointF(drawn.x[drawn.passed], drawn.y[drawn.passed])
                painter.drawLine(last, QPointF(drawn.head[0], drawn.head[1]))
        transform = painter.transform()
        painter.resetTransform()
        self._paint_stops(painter, transform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QPen(QColor("#ffffff"), 1.5)
        for drawn in playing:
            assert drawn.head is not None
            x, y, heading = drawn.head
            painter.save()
            painter.translate(transform.map(QPointF(x, y)))
            painter.rotate(heading)  # compass degrees turn clockwise, as Qt's do with y pointing down
            painter.setPen(outline)
            painter.setBrush(QBrush(drawn.colour))
            painter.drawPolygon(ARROW)
            painter.restore()
        self.drawn = len(playing)

    def _paint_stops(self, painter: QPainter, transform: QTransform) -> None:
        corner = STOP_RADIUS_PX + 1
        for drawn in self.layer.tracks.values():
            if not drawn.stops:
                continue
            marker = self._markers.get(drawn.colour.name())
            if marker is None:
                marker = self._markers[drawn.colour.name()] = stop_marker(drawn.colour)
            px = transform.m11() * drawn.stop_x + transform.m21() * drawn.stop_y + transform.dx() - corner
            py = transform.m12() * drawn.stop_x + transform.m22() * drawn.stop_y + transform.dy() - corner
            for x, y in zip(px.tolist(), py.tolist(), strict=True):
                painter.drawPixmap(QPointF(x, y), marker)
