"""The briefing's pyqtgraph charts, in the theme's colours and large type: the month's 受理/结案
trend (two lines) and each office's day (bars). Each keeps its items and only replaces their data on
a refresh, so hours of refreshes allocate nothing that stays. (Never name an attribute ``closed``:
pyqtgraph's view reads it as "this view was closed" and stops following its size.)"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from commandcenter.health import Level
from ui.theme import ACCENT, LEVEL_COLORS, MUTED, PANEL, TEXT

FONT_PX = 20


def _style(plot: pg.PlotWidget) -> None:
    plot.setBackground(PANEL)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    plot.showGrid(x=False, y=True, alpha=0.2)
    font = QFont()
    font.setPixelSize(FONT_PX)
    for side in ("left", "bottom"):
        axis = plot.getAxis(side)
        axis.setTextPen(pg.mkPen(TEXT))
        axis.setPen(pg.mkPen(MUTED))
        axis.setStyle(tickFont=font)
    legend = plot.addLegend(offset=(10, 10), labelTextColor=TEXT, labelTextSize=f"{FONT_PX}px")
    legend.setBrush(pg.mkBrush(PANEL))


class QtTrendChart(pg.PlotWidget):
    """受理 and 结案 per day of the month."""

    def __init__(self, received: str, closed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        _style(self)
        self.received_series = self.plot(pen=pg.mkPen(ACCENT, width=3), name=received)
        self.closed_series = self.plot(pen=pg.mkPen(LEVEL_COLORS[Level.OK], width=3), name=closed)
        self.labels: tuple[str, ...] = ()

    def show_trend(self, labels: Sequence[str], received: Sequence[int], closed: Sequence[int]) -> None:
        x = np.arange(len(labels), dtype=float)
        self.received_series.setData(x, np.asarray(received, dtype=float))
        self.closed_series.setData(x, np.asarray(closed, dtype=float))
        if tuple(labels) != self.labels:
            self.labels = tuple(labels)
            step = max(1, len(labels) // 8)
            ticks = [(float(i), label) for i, label in enumerate(labels) if i % step == 0]
            self.getAxis("bottom").setTicks([ticks])


class QtOfficeBars(pg.PlotWidget):
    """Each office's 受理 and 结案 of the day, side by side as horizontal bars: 18 names read on the
    left axis, the first office on top."""

    def __init__(self, received: str, closed: str, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        _style(self)
        self.showGrid(x=True, y=False, alpha=0.2)
        legend = self.getPlotItem().legend
        if legend is not None:
            legend.setOffset((-10, -10))  # bottom right, clear of the first offices' bars
        self.getPlotItem().invertY(True)
        self.received_series = pg.BarGraphItem(x0=[], y=[], width=[], height=0.4, brush=ACCENT, name=received)
        self.closed_series = pg.BarGraphItem(
            x0=[], y=[], width=[], height=0.4, brush=LEVEL_COLORS[Level.OK], name=closed
        )
        self.addItem(self.received_series)
        self.addItem(self.closed_series)
        self.names: tuple[str, ...] = ()

    def show_offices(self, names: Sequence[str], received: Sequence[int], closed: Sequence[int]) -> None:
        y = np.arange(len(names), dtype=float)
        zeros = np.zeros(len(names))
        self.received_series.setOpts(x0=zeros, y=y - 0.2, width=np.asarray(received, dtype=float))
        self.closed_series.setOpts(x0=zeros, y=y + 0.2, width=np.asarray(closed, dtype=float))
        self.setXRange(0, max([1, *received, *closed]) * 1.1, padding=0)
        if tuple(names) != self.names:
            self.names = tuple(names)
            self.getAxis("left").setTicks([[(float(i), name) for i, name in enumerate(names)]])
            self.setYRange(-0.6, len(names) - 0.4, padding=0)
