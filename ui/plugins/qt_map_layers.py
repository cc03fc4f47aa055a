"""Draws plugins' map layers (plain WGS-84 data) onto the overview map's plot, in Web Mercator metres
like the map's own items. Each layer is fetched through the plugin host on a worker thread, so a
raising provider disables its plugin and the map keeps its other layers. A layer the database could
not answer for keeps what it last drew and is named in a notice in the map's top-left corner until
it is fetched again."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel

from commandcenter.geo.mercator import lonlat_to_mercator_arrays
from commandcenter.plugins_api.contributions import LayerData
from ui.theme import RAISED, TEXT


class QtPluginLayer:
    """The pyqtgraph items of one plugin layer: one scatter for points, one item per polyline."""

    def __init__(self, plot: pg.PlotWidget, title: str) -> None:
        self.title = title
        self._plot = plot
        self.points = pg.ScatterPlotItem(
            size=10, pen=pg.mkPen("#ffffff", width=1.2), hoverable=True, tip="{data}".format
        )
        self.points.setZValue(150)  # above the map's units (100): few markers, meant to be seen
        self.lines: list[pg.PlotDataItem] = []
        self._brushes: dict[str, QBrush] = {}  # one per colour: pyqtgraph renders a symbol per brush object
        plot.addItem(self.points, ignoreBounds=True)
        self.shown_points = 0
        self.unavailable = False

    def show(self, data: LayerData) -> None:
        self.unavailable = False
        self.clear_lines()
        for line in data.polylines:
            lon = np.array([p[0] for p in line.coordinates])
            lat = np.array([p[1] for p in line.coordinates])
            x, y = lonlat_to_mercator_arrays(lon, lat)
            item = pg.PlotDataItem(x, y, pen=pg.mkPen(line.color, width=line.width))
            item.setZValue(60)  # above roads and cases (50)
            self._plot.addItem(item, ignoreBounds=True)
            self.lines.append(item)
        if data.points:
            x, y = lonlat_to_mercator_arrays(
                np.array([p.lon for p in data.points]), np.array([p.lat for p in data.points])
            )
            self.points.setData(
                x=x,
                y=y,
                brush=[self._brush(p.color) for p in data.points],
                size=[p.size for p in data.points],
                symbol=[p.symbol for p in data.points],
                data=[p.label for p in data.points],
            )
        else:
            self.points.clear()
        self.shown_points = len(data.points)

    def _brush(self, color: str) -> QBrush:
        if color not in self._brushes:
            self._brushes[color] = pg.mkBrush(color)
        return self._brushes[color]

    def clear_lines(self) -> None:
        for item in self.lines:
            self._plot.removeItem(item)
        self.lines.clear()

    def remove(self) -> None:
        self.clear_lines()
        self._plot.removeItem(self.points)


class LayerNotice(QLabel):
    """ "<layer>: database unavailable …", one line per layer waiting for the database."""

    def __init__(self, plot: pg.PlotWidget) -> None:
        super().__init__(plot)
        self.setObjectName("pluginLayerNotice")
        self.setStyleSheet(f"background: {RAISED}; color: {TEXT}; padding: 4px 6px; border-radius: 4px;")
        self.move(8, 8)
        self.hide()

    def show_for(self, layers: Iterable[QtPluginLayer], text: str) -> None:
        lines = [f"{layer.title}：{text}" for layer in layers if layer.unavailable]
        self.setText("\n".join(lines))
        self.adjustSize()
        self.setVisible(bool(lines))
        self.raise_()
