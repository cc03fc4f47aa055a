"""The live map: base tiles, vector layers and every unit, on pyqtgraph in Web Mercator metres.

The widget arranges layers (mouse input: ``map_pointer``) and owns the signals; what to draw is
decided in ``commandcenter.mapping`` on a worker thread (reads through the signed-in user's
``MapService`` — case pins only of the cases they may read —, datum shift, projection,
classification), and the Qt thread only hands finished arrays to the items. The lead connects the
signals to the video wall (cameras), the case view and the "nearest" searches.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QPixmapCache, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from commandcenter.config import MapSettings
from commandcenter.domain.kinds import UnitKind
from commandcenter.mapping.base_map import open_tile_source
from commandcenter.mapping.tile_source import TileSource
from commandcenter.mapping.unit_frame import KINDS, UnitFrame
from commandcenter.mapping.vector_data import LiveOverlay, VectorData
from commandcenter.services.hub import Services
from commandcenter.tracks import Stop, Track
from ui.background import BackgroundPoll, BackgroundRunner
from ui.map.map_legend import MapLegend
from ui.map.map_pointer import MapPointer
from ui.map.map_toolbar import MapToolbar
from ui.map.tile_layer import TileLayer
from ui.map.track_layer import TrackLayer
from ui.map.unit_layer import UnitLayer
from ui.map.vector_items import VectorItems
from ui.theme import PANEL

# Layers keep viewport-sized cache pixmaps (DeviceCoordinateCache), about 8 MB each at 1080p; Qt's
# default 10 MB pixmap cache would evict them every frame and every layer would redraw from scratch.
PIXMAP_CACHE_KB = 160 * 1024


class QtOverviewMap(QWidget):
    unit_clicked = Signal(int)
    unit_video_requested = Signal(str)  # the camera code of a clicked unit that carries one (车载视频)
    camera_clicked = Signal(str)
    case_clicked = Signal(int)
    nearest_cameras_requested = Signal(float, float)
    nearest_patrollers_requested = Signal(float, float)
    # The right-click menu (QMenu) about to open at a WGS-84 point: others may add their actions.
    context_menu_opening = Signal(object, float, float)
    # The same menu opened on a unit: (QMenu, unit id, its label) — e.g. a vehicle's terminal commands.
    unit_menu_opening = Signal(object, int, str)

    def __init__(
        self,
        services: Services,
        runner: BackgroundRunner,
        *,
        refresh_s: float = 2.0,
        overlay_refresh_s: float = 15.0,
        settings: MapSettings | None = None,
        tile_source: TileSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._map, self._cameras = services.map, services.cameras  # the signed-in user's view
        self._runner = runner
        self.settings = settings or MapSettings()
        self.toolbar = MapToolbar(self)
        self.plot = pg.PlotWidget(self, background=PANEL)
        self.plot.setAspectLocked(True)
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setMenuEnabled(False)
        self.view_box = self.plot.getPlotItem().getViewBox()
        source = tile_source if tile_source is not None else open_tile_source(self.settings)
        self.tiles = TileLayer(source) if source is not None else None
        if self.tiles is not None:
            self.plot.addItem(self.tiles, ignoreBounds=True)
        self.vectors = VectorItems(self.plot.getPlotItem())
        self.units = UnitLayer()
        self.units.setZValue(100)
        self.plot.addItem(self.units, ignoreBounds=True)
        self.track_layer = TrackLayer(self.plot.getPlotItem(), self.settings.datum, runner)
        self.unit_cameras: dict[int, str] = {}  # unit id → its vehicle camera's code
        self.legend = MapLegend(self.plot)
        self.unit_counts: dict[UnitKind, int] = dict.fromkeys(KINDS, 0)
        self.segments_shown = 0
        self.following = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.plot)
        self._connect()
        datum, offline_s = self.settings.datum, self.settings.offline_after_s
        self._poll = BackgroundPoll(
            runner,
            refresh_s,
            lambda: self._map.units(datum=datum, offline_after_s=offline_s),
            self.show_units,
            parent=self,
        )
        self._overlay_poll = BackgroundPoll(
            runner,
            overlay_refresh_s,
            lambda: self._map.overlay(self._segment_ids, datum),
            self.show_overlay,
            parent=self,
        )
        self._segment_ids: list[int] = []

    def _connect(self) -> None:
        self.pointer = MapPointer(self)
        self.view_box.sigRangeChanged.connect(self._view_changed)
        self.toolbar.filter_changed.connect(self._apply_filter)
        self.toolbar.search_requested.connect(self.search)
        self.toolbar.follow_toggled.connect(self.set_following)

    # --- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Load the static layers once, then follow the units and the segment status."""
        self.reload_static()
        self._runner.submit(self._cameras.vehicle_cameras, self._set_unit_cameras)
        self._poll.start()

    def reload_static(self) -> None:
        """Read the static layers again (a camera moved, a segment split): they are loaded once."""
        self._runner.submit(lambda: self._map.vectors(self.settings.datum), self.show_vectors)

    def stop(self) -> None:
        self._poll.stop()
        self._overlay_poll.stop()
        if self.tiles is not None:
            self.tiles.shutdown()

    # --- data arriving ---------------------------------------------------------------------------
    def show_vectors(self, data: VectorData) -> None:
        self.vectors.show_static(data)
        self.toolbar.set_offices(data.office_names)
        self._segment_ids = sorted(data.segments)
        self.segments_shown = len(data.segments)
        self.view_box.autoRange(padding=0.04)
        self._overlay_poll.start()

    def show_overlay(self, live: LiveOverlay) -> None:
        self.vectors.show_live(live)

    def _set_unit_cameras(self, cameras: dict[int, str]) -> None:
        self.unit_cameras = cameras

    def show_units(self, frame: UnitFrame) -> None:
        self.units.set_frame(frame, self.toolbar.unit_filter().mask(frame))
        counts = np.bincount(frame.kind, minlength=len(KINDS))
        self.unit_counts = {kind: int(counts[index]) for index, kind in enumerate(KINDS)}
        self.legend.set_counts(self.unit_counts)
        if self.following:
            self._centre_on_selected()

    # --- track playback (轨迹回放) ------------------------------------------------------------------
    def show_track(self, track: Track, stops: Sequence[Stop] | None = None) -> None:
        """Draw one unit's track (a group: one call each) and fit the view to all tracks shown. Without
        ``stops`` the map finds them itself on a worker (≈8 ms a truck-day), so any Track will do."""
        self.track_layer.show_track(track, stops)
        bounds = self.track_layer.bounds()
        if bounds is not None:
            self.view_box.setRange(rect=bounds, padding=0.08)

    def move_playhead(
        self, frame: Sequence[tuple[int, float, float, float]], now: float | None = None
    ) -> None:
        """A playback frame ``[(unit_id, lon, lat, heading), ...]`` at epoch second ``now``."""
        self.track_layer.move(frame, now)

    def clear_tracks(self) -> None:
        self.track_layer.clear()

    # --- operator actions ------------------------------------------------------------------------
    def _apply_filter(self) -> None:
        self.units.set_shown(self.toolbar.unit_filter().mask(self.units.frame))

    def search(self, text: str) -> int | None:
        """Select and centre the best match for a plate or a name; returns its unit id."""
        hits = self.units.frame.search(text)
        if not hits.size:
            self.toolbar.message.setText(self.tr("No match"))
            return None
        unit_id = int(self.units.frame.ids[hits[0]])
        self.toolbar.message.setText(self.tr("%n match(es)", "", int(hits.size)))
        self.select(unit_id)
        self._centre_on_selected()
        return unit_id

    def select(self, unit_id: int | None) -> None:
        self.units.set_selected(unit_id)
        self.toolbar.follow.setEnabled(unit_id is not None)
        if unit_id is None:
            self.toolbar.follow.setChecked(False)

    def set_following(self, on: bool) -> None:
        self.following = on
        if on:
            self._centre_on_selected()

    def _centre_on_selected(self) -> None:
        index = None if self.units.selected is None else self.units.frame.index_of(self.units.selected)
        if index is None:
            return
        (x_min, x_max), (y_min, y_max) = self.view_box.viewRange()
        dx = float(self.units.frame.x[index]) - (x_min + x_max) / 2
        dy = float(self.units.frame.y[index]) - (y_min + y_max) / 2
        self.view_box.translateBy(x=dx, y=dy)

    # --- mouse -----------------------------------------------------------------------------------
    def metres_per_px(self) -> float:
        width = max(1.0, self.view_box.width())
        (x_min, x_max), _ = self.view_box.viewRange()
        return (x_max - x_min) / width

    def _view_changed(self) -> None:
        metres_per_px = self.metres_per_px()
        self.vectors.set_zoom(metres_per_px)
        if self.tiles is not None:
            self.tiles.set_view(self.view_box.viewRect(), metres_per_px)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.legend.move(8, max(0, self.plot.height() - self.legend.height() - 8))
        self.legend.raise_()  # above the graphics viewport, which is also a child of the plot
