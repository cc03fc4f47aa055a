"""A first live map: the road segments and every unit's latest position, on pyqtgraph.

Draws in Web Mercator metres with a locked aspect, so distances look right and tiles can be added
under it later. All 291 segments are ONE line item (NaN gaps between polylines) and all units ONE
scatter item coloured by kind: two items to update, not thousands. The store reads and the
projection run in the background; the Qt thread only hands finished arrays to pyqtgraph.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from commandcenter.domain.kinds import UnitKind
from commandcenter.geo import lonlat_to_mercator_arrays
from commandcenter.persistence.store import SegmentShape, Store, UnitPosition
from ui.background import BackgroundPoll, BackgroundRunner
from ui.theme import MUTED, PANEL, RAISED, ROAD, TEXT, UNIT_COLORS

FloatArray = npt.NDArray[np.float64]
UNIT_KINDS = tuple(UnitKind)


@dataclass(frozen=True)
class UnitArrays:
    x: FloatArray
    y: FloatArray
    kind_index: npt.NDArray[np.int64]  # index into UNIT_KINDS; -1 for an unknown kind


def segment_arrays(shapes: list[SegmentShape]) -> tuple[FloatArray, FloatArray]:
    """All polylines in one pair of arrays, a NaN after each one so ``connect="finite"`` breaks there."""
    lons: list[float] = []
    lats: list[float] = []
    for shape in shapes:
        for lon, lat in shape.geometry:
            lons.append(lon)
            lats.append(lat)
        lons.append(np.nan)
        lats.append(np.nan)
    return lonlat_to_mercator_arrays(lons, lats)


def unit_arrays(positions: list[UnitPosition]) -> UnitArrays:
    """Units that have reported, projected; a unit without a fix yet is not drawn."""
    placed = [p for p in positions if p.lon is not None and p.lat is not None]
    lonlat = np.array([(p.lon, p.lat) for p in placed], dtype=np.float64).reshape(-1, 2)
    x, y = lonlat_to_mercator_arrays(lonlat[:, 0], lonlat[:, 1])
    lookup = {kind.value: index for index, kind in enumerate(UNIT_KINDS)}
    kinds = np.array([lookup.get(p.kind, -1) for p in placed], dtype=np.int64)
    return UnitArrays(x, y, kinds)


class QtOverviewMap(QWidget):
    def __init__(
        self, store: Store, runner: BackgroundRunner, *, refresh_s: float = 2.0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self.plot = pg.PlotWidget(self, background=PANEL)
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.roads = pg.PlotDataItem(pen=pg.mkPen(ROAD, width=1.6), connect="finite", antialias=True)
        self.units = pg.ScatterPlotItem(size=6, pen=None)
        self.plot.addItem(self.roads)
        self.plot.addItem(self.units)
        self._brushes = [pg.mkBrush(UNIT_COLORS[kind]) for kind in UNIT_KINDS] + [pg.mkBrush(MUTED)]
        self._legend_labels = {
            UnitKind.PATROLLER: self.tr("City managers"),
            UnitKind.MUCK_TRUCK: self.tr("Muck trucks"),
            UnitKind.ENFORCEMENT: self.tr("Enforcement vehicles"),
        }
        self.legend = self._make_legend()
        self.unit_counts: dict[UnitKind, int] = dict.fromkeys(UNIT_KINDS, 0)
        self.segments_shown = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self._poll = BackgroundPoll(
            runner, refresh_s, lambda: unit_arrays(store.latest_positions()), self.show_units, parent=self
        )

    def _make_legend(self) -> pg.LegendItem:
        legend = pg.LegendItem(
            offset=(10, 10), brush=pg.mkBrush(RAISED), pen=pg.mkPen(ROAD), labelTextColor=TEXT
        )
        legend.setParentItem(self.plot.getPlotItem().vb)
        legend.addItem(pg.PlotDataItem(pen=pg.mkPen(ROAD, width=2)), self.tr("Road segments"))
        for kind in UNIT_KINDS:
            sample = pg.ScatterPlotItem(symbol="o", size=9, pen=None, brush=pg.mkBrush(UNIT_COLORS[kind]))
            legend.addItem(sample, self._legend_labels[kind])
        return legend

    def start(self) -> None:
        """Load the segments once, then follow the units."""
        self._runner.submit(lambda: segment_arrays(self._store.segment_shapes()), self.show_segments)
        self._poll.start()

    def stop(self) -> None:
        """Stop following units and take the legend off the view box: during teardown pyqtgraph's
        anchor would otherwise ask the already deleted view box for its geometry."""
        self._poll.stop()
        scene = self.legend.scene()
        if scene is not None:
            scene.removeItem(self.legend)

    def show_segments(self, arrays: tuple[FloatArray, FloatArray]) -> None:
        x, y = arrays
        self.roads.setData(x, y, connect="finite")
        self.segments_shown = int(np.count_nonzero(np.isnan(x)))
        self.plot.getPlotItem().vb.autoRange(padding=0.04)

    def show_units(self, arrays: UnitArrays) -> None:
        brushes = [self._brushes[index] for index in arrays.kind_index]
        self.units.setData(x=arrays.x, y=arrays.y, brush=brushes)
        counts = np.bincount(arrays.kind_index[arrays.kind_index >= 0], minlength=len(UNIT_KINDS))
        self.unit_counts = {kind: int(counts[index]) for index, kind in enumerate(UNIT_KINDS)}
        for (_sample, label), kind in zip(self.legend.items[1:], UNIT_KINDS, strict=True):
            label.setText(f"{self._legend_labels[kind]}  {self.unit_counts[kind]:,}")
