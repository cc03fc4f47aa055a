"""Draws plugins' map layers (plain WGS-84 data) onto the overview map's plot, in Web Mercator metres
like the map's own items. Each layer is fetched through the plugin host on a worker thread, so a
raising provider disables its plugin and the map keeps its other layers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from commandcenter.geo.mercator import lonlat_to_mercator_arrays
from commandcenter.plugins_api.contributions import LayerData


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
        plot.addItem(self.points, ignoreBounds=True)
        self.shown_points = 0

    def show(self, data: LayerData) -> None:
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
                brush=[pg.mkBrush(p.color) for p in data.points],
                size=[p.size for p in data.points],
                symbol=[p.symbol for p in data.points],
                data=[p.label for p in data.points],
            )
        else:
            self.points.clear()
        self.shown_points = len(data.points)

    def clear_lines(self) -> None:
        for item in self.lines:
            self._plot.removeItem(item)
        self.lines.clear()

    def remove(self) -> None:
        self.clear_lines()
        self._plot.removeItem(self.points)
