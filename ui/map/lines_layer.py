"""All static vector lines — office boundaries, roads, segments by status — as ONE cached item.

Each pyqtgraph line item would keep its own viewport-sized cache pixmap, and every frame Qt blends
every one of them into the window: six transparent full-screen blends per frame for lines that
change every few seconds. One item with one cache costs one blend; its paths are rebuilt only when
a line's data changes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commandcenter.mapping.projection import FloatArray


class LinesLayer(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self._paths: dict[str, tuple[QPainterPath, QPen, int]] = {}
        self._bounds = QRectF()
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_line(self, name: str, x: FloatArray, y: FloatArray, pen: QPen, z: int = 0) -> None:
        """Replace one named set of NaN-broken polylines; ``z`` orders the sets (higher on top)."""
        path = pg.arrayToQPath(x, y, connect="finite") if np.isfinite(x).any() else QPainterPath()
        pen.setCosmetic(True)  # widths in screen pixels, whatever the zoom
        self._paths[name] = (path, pen, z)
        bounds = QRectF()
        for other, _pen, _z in self._paths.values():
            bounds = bounds.united(other.boundingRect())
        self.prepareGeometryChange()
        self._bounds = bounds.adjusted(-50, -50, 50, 50)  # metres: room for the pen at any zoom
        self.update()

    def path_count(self, name: str) -> int:
        """How many polylines a named set holds (for tests): one ``moveTo`` each."""
        path = self._paths[name][0] if name in self._paths else QPainterPath()
        return sum(1 for i in range(path.elementCount()) if path.elementAt(i).isMoveTo())

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for path, pen, _z in sorted(self._paths.values(), key=lambda entry: entry[2]):
            painter.setPen(pen)
            painter.drawPath(path)
