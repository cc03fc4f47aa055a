"""All live units as ONE graphics item: numpy arrays in, one ``drawPixmapFragments`` call out.

A ``ScatterPlotItem`` with per-point brushes and symbols rebuilds Python objects for every point on
every update; here an update only stores arrays, and painting maps the visible units to device pixels
with numpy and blits their pre-rendered icons (``unit_icons``) in one call. Labels appear only when
few enough units are on screen to read them. Picking (hover, click) is a vectorised nearest search.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from pyqtgraph.Qt import internals
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from commandcenter.mapping.unit_frame import MotionState, UnitFrame, unit_frame
from ui.map.unit_icons import COMPACT_ICON_PX, HEADING_SECTORS, ICON_PX, build_atlas
from ui.theme import ACCENT, TEXT

LABEL_MAX = 120  # more labels than this on screen is clutter, not information
COMPACT_ABOVE_M_PER_PX = 6.0  # zoomed out beyond this, icons shrink so streets stay readable
_MARGIN_PX = ICON_PX


class UnitLayer(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.frame: UnitFrame = unit_frame([])
        self.shown = np.zeros(0, dtype=bool)
        self.selected: int | None = None  # unit id
        self.drawn = 0  # icons blitted by the last paint (for tests and the legend)
        self.icon_px = ICON_PX  # the icon size of the last paint
        self.labelled = 0  # labels drawn by the last paint
        self._atlases = {ICON_PX: build_atlas(ICON_PX), COMPACT_ICON_PX: build_atlas(COMPACT_ICON_PX)}
        self._fragments = internals.PrimitiveArray(QPainter.PixmapFragment, 10)
        self._bounds = QRectF()
        self._styles = self.frame.styles()
        self._sectors = np.zeros(0, dtype=np.int64)
        self._all_shown = True
        self._every = np.zeros(0, dtype=np.int64)
        self._label_font = QFont()
        self._label_font.setPixelSize(12)
        # No item cache, unlike the other layers: this one changes every update, and blitting the
        # icons (measured 0.5 ms for 2,658) is cheaper than refilling and blending a viewport-sized
        # cache pixmap on every paint (bench/map.py: 4.5 → 3.4 ms per update).
        self.setCacheMode(QGraphicsItem.CacheMode.NoCache)

    def set_frame(self, frame: UnitFrame, shown: npt.NDArray[np.bool_] | None = None) -> None:
        """Replace every unit at once (the map's once-a-second update)."""
        self.frame = frame
        self.shown = np.ones(len(frame), dtype=bool) if shown is None else shown
        self._all_shown = shown is None or bool(shown.all())
        self._styles = frame.styles()
        # The atlas cell of each unit (heading sector, style) is fixed for the frame: work it out once
        # here, so a paint (pans, zooms, every repaint) only transforms and filters positions.
        self._sectors = np.where(
            frame.state == MotionState.MOVING,
            np.round(frame.heading * HEADING_SECTORS / 360.0).astype(np.int64) % HEADING_SECTORS,
            0,
        )
        if len(frame):
            x_min, x_max = float(frame.x.min()), float(frame.x.max())
            y_min, y_max = float(frame.y.min()), float(frame.y.max())
            if not self._bounds.contains(QRectF(x_min, y_min, x_max - x_min, y_max - y_min)):
                # grow with room to spare: a changing bounding rect costs Qt a re-index every frame
                pad = max(500.0, 0.2 * max(x_max - x_min, y_max - y_min))
                self.prepareGeometryChange()
                self._bounds = QRectF(
                    x_min - pad, y_min - pad, x_max - x_min + 2 * pad, y_max - y_min + 2 * pad
                )
        self.update()

    def set_shown(self, shown: npt.NDArray[np.bool_]) -> None:
        self.shown = shown
        self._all_shown = bool(shown.all())
        self.update()

    def set_selected(self, unit_id: int | None) -> None:
        self.selected = unit_id
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        frame = self.frame
        transform = painter.transform()
        device = painter.device()  # the viewport, or the cache pixmap: map into whichever it is
        width, height = device.width(), device.height()
        if self._all_shown:
            index, x, y = self._every, frame.x, frame.y
            if index.size != len(frame):
                index = self._every = np.arange(len(frame))
        else:
            index = np.flatnonzero(self.shown)
            x, y = frame.x[index], frame.y[index]
        px = transform.m11() * x + transform.m21() * y + transform.dx()
        py = transform.m12() * x + transform.m22() * y + transform.dy()
        visible = (
            (px > -_MARGIN_PX) & (px < width + _MARGIN_PX) & (py > -_MARGIN_PX) & (py < height + _MARGIN_PX)
        )
        index, px, py = index[visible], px[visible], py[visible]
        painter.resetTransform()
        self.drawn = int(index.size)
        metres_per_px = 1.0 / max(abs(transform.m11()), 1e-12)
        self.icon_px = COMPACT_ICON_PX if metres_per_px > COMPACT_ABOVE_M_PER_PX else ICON_PX
        icon = self.icon_px
        if index.size:
            sector = self._sectors[index]
            self._fragments.resize(index.size)
            fragments = self._fragments.ndarray()
            fragments[:, 0] = np.round(px)
            fragments[:, 1] = np.round(py)
            fragments[:, 2] = sector * icon
            fragments[:, 3] = self._styles[index] * icon
            fragments[:, 4:6] = icon
            fragments[:, 6:10] = (1.0, 1.0, 0.0, 1.0)  # scale x/y, rotation, opacity: the fast blit path
            painter.drawPixmapFragments(*self._fragments.drawargs(), self._atlases[icon])  # type: ignore[call-arg]
        self._paint_selection(painter, transform)
        self.labelled = int(index.size) if index.size <= LABEL_MAX else 0
        if 0 < index.size <= LABEL_MAX:
            painter.setFont(self._label_font)
            painter.setPen(QPen(QColor(TEXT)))
            for i, lx, ly in zip(index.tolist(), px.tolist(), py.tolist(), strict=True):
                painter.drawText(QPointF(lx + ICON_PX / 2, ly + 4), str(frame.labels[i]))

    def _paint_selection(self, painter: QPainter, transform: Any) -> None:
        if self.selected is None:
            return
        index = self.frame.index_of(self.selected)
        if index is None:
            return
        centre = transform.map(QPointF(self.frame.x[index], self.frame.y[index]))
        painter.setPen(QPen(QColor(ACCENT), 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawEllipse(centre, ICON_PX * 0.75, ICON_PX * 0.75)

    def pick(self, x: float, y: float, radius: float) -> int | None:
        """The index of the shown unit nearest to ``(x, y)`` within ``radius`` (view units), or None."""
        index = np.flatnonzero(self.shown)
        if not index.size:
            return None
        distance = np.hypot(self.frame.x[index] - x, self.frame.y[index] - y)
        nearest = int(np.argmin(distance))
        return int(index[nearest]) if distance[nearest] <= radius else None
