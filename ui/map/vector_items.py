"""The vector layers as pyqtgraph items: office boundaries, roads, segments coloured by status, case
pins by urgency and camera icons (shown only when zoomed in, where 5,685 of them stop being noise).

Every layer is one item fed whole arrays (NaN-broken lines, one scatter per layer): a handful of items
for the whole district.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem

from commandcenter.mapping.segment_status import SegmentStatus
from commandcenter.mapping.vector_data import LiveOverlay, VectorData, lines_by_status
from ui.map.lines_layer import LinesLayer
from ui.theme import MUTED, ROAD

SEGMENT_COLORS = {
    SegmentStatus.NORMAL: ROAD,
    SegmentStatus.OPEN_CASES: "#fbbf24",
    SegmentStatus.UNWATCHED: "#a78bfa",
    SegmentStatus.OVERDUE: "#ef4444",
}
URGENCY_COLORS = {1: "#ef4444", 2: "#f59e0b", 3: "#38bdf8"}
CAMERA_COLOR = "#94a3b8"
CAMERAS_BELOW_M_PER_PX = 4.0  # about street level on a 1600-pixel map


class VectorItems:
    def __init__(self, plot: pg.PlotItem) -> None:
        self.lines = LinesLayer()
        self.cases = pg.ScatterPlotItem(size=11, symbol="t", pen=pg.mkPen("#0a1120", width=1))
        self.cameras = pg.ScatterPlotItem(size=7, symbol="s", pen=None, brush=pg.mkBrush(CAMERA_COLOR))
        self.cameras.setVisible(False)
        # One brush per urgency, made once: pyqtgraph's symbol atlas keys a rendered symbol by the
        # brush object, so a new brush per pin per refresh rendered every pin again every 2 s and
        # grew the atlas until its rebuild (memory churn on a screen that runs for hours).
        self._urgency_brushes = {urgency: pg.mkBrush(color) for urgency, color in URGENCY_COLORS.items()}
        self.data: VectorData | None = None
        self.live: LiveOverlay | None = None
        for z, item in enumerate((self.lines, self.cameras)):
            item.setZValue(z)
            plot.addItem(item)
        # Pins change every few seconds at most, the units every second: Qt repaints them from a
        # viewport-sized pixmap until their data or the view changes (measured: half the frame time).
        self.cases.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.cases.setZValue(50)
        plot.addItem(self.cases)

    def show_static(self, data: VectorData) -> None:
        self.data = data
        self.lines.set_line(
            "offices", *data.offices, pg.mkPen(MUTED, width=1.2, style=Qt.PenStyle.DashLine), 0
        )
        self.lines.set_line("roads", *data.roads, pg.mkPen("#1e3a5f", width=1.0), 1)
        self.cameras.setData(x=data.camera_x, y=data.camera_y)
        self._show_segments()

    def show_live(self, live: LiveOverlay) -> None:
        self.live = live
        fallback = self._urgency_brushes[3]
        brushes = [self._urgency_brushes.get(int(u), fallback) for u in live.case_urgency]
        self.cases.setData(x=live.case_x, y=live.case_y, brush=brushes)
        self._show_segments()

    def _show_segments(self) -> None:
        if self.data is None:
            return
        statuses = self.live.statuses if self.live is not None else {}
        for status, (x, y) in lines_by_status(self.data.segments, statuses).items():
            self.lines.set_line(
                f"segments-{status.name}", x, y, pg.mkPen(SEGMENT_COLORS[status], width=2.2), 2 + status
            )

    def status_counts(self) -> dict[SegmentStatus, int]:
        statuses = self.live.statuses.values() if self.live is not None else ()
        counts = np.bincount([int(s) for s in statuses], minlength=len(SegmentStatus))
        return {status: int(counts[status]) for status in SegmentStatus}

    def set_zoom(self, metres_per_px: float) -> None:
        self.cameras.setVisible(metres_per_px < CAMERAS_BELOW_M_PER_PX)

    def pick_case(self, x: float, y: float, radius: float) -> int | None:
        if self.live is None or not self.live.case_ids.size:
            return None
        distance = np.hypot(self.live.case_x - x, self.live.case_y - y)
        nearest = int(np.argmin(distance))
        return int(self.live.case_ids[nearest]) if distance[nearest] <= radius else None

    def pick_camera(self, x: float, y: float, radius: float) -> str | None:
        if self.data is None or not self.cameras.isVisible() or not self.data.camera_x.size:
            return None
        distance = np.hypot(self.data.camera_x - x, self.data.camera_y - y)
        nearest = int(np.argmin(distance))
        return str(self.data.camera_codes[nearest]) if distance[nearest] <= radius else None
