"""The video wall: libVLC tiles in a layout (N×M grids and merged-cell templates), with a toolbar.

Interface used by the rest of the app: ``show_feeds(feeds, layout=None)``, ``set_layout(name)``,
``open_feed(feed, tile_index=None)``, ``show_around(feeds)``, ``swap(a, b)``, ``toggle_maximised(i)``,
``start_tour(feeds, dwell_s, tile_index=None)``, ``snapshot(i)``, ``measure_budget(runner)``,
``stop_all()``; cameras dropped with the ``application/x-commandcenter-cameras`` MIME type land on
the tile under the cursor (``wall_drag``). Which camera sits where is decided by ``WallSlots``
(``commandcenter.wall.slots``); this widget keeps one tile per slot and places it. A tile keeps its
player while its camera stays on the wall, so a layout switch never reconnects a camera that remains
visible; tiles pushed off the layout stay warm a while (``wall_streams.PARK_S``). Run
``python -m ui.videowall.preview 16`` to see it alone with the loopback demo streams.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from commandcenter import paths
from commandcenter.domain.cameras import CameraFeed
from commandcenter.video.vlc_backend import default_backend
from commandcenter.wall.decode_budget import DecodeBudget
from commandcenter.wall.layouts import Layout, layout_by_name
from commandcenter.wall.slots import WallSlots
from commandcenter.wall.tour import DEFAULT_DWELL_S, Tour
from ui.background import BackgroundRunner
from ui.theme import WINDOW
from ui.video.qt_video_tile import QtVideoTile
from ui.videowall import wall_drag
from ui.videowall.wall_streams import WallStreams
from ui.videowall.wall_toolbar import WallToolbar
from ui.videowall.wall_tour import WallTour

__all__ = ["CameraFeed", "QtVideoWall"]

GAP_PX = 2
TIER_CHECK_MS = 1000


class QtVideoWall(QWidget):
    layout_changed = Signal(str)
    tiles_changed = Signal()  # cameras were placed, moved or removed (views and tours listen)
    snapshot_taken = Signal(str, str)  # camera code, PNG path (a case can attach it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoWall")
        self.setStyleSheet(f"#videoWall {{ background: {WINDOW}; }}")
        self.setAutoFillBackground(True)
        default_backend().warm_up()  # libVLC loads its plugins off the Qt thread, before the first view
        self._slots = WallSlots()
        self._tiles: list[QtVideoTile | None] = []  # parallel to the slots
        self._maximised: int | None = None
        self._warm: set[int] = set()  # hidden slots playing ahead of a tour page switch
        self._selected: int | None = None
        self.tour: WallTour | None = None
        self.toolbar = WallToolbar(self)
        self.toolbar.layout_chosen.connect(self.set_layout)
        self.toolbar.snapshot_requested.connect(self.snapshot)
        self._streams = WallStreams(self.toolbar.show_budget)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(GAP_PX, GAP_PX, GAP_PX, GAP_PX)
        self._grid.setSpacing(GAP_PX)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        column.addWidget(self._grid_host, 1)
        self._housekeeping = QTimer(self, interval=TIER_CHECK_MS)
        self._housekeeping.timeout.connect(self._housekeep)
        self._housekeeping.start()
        self._drops = wall_drag.WallDrops(self, lambda: self._tiles, self.swap, self.drop_cameras)
        self._apply()

    # ------------------------------------------------------------------ what is shown
    @property
    def layout_name(self) -> str:
        return self._slots.layout.name

    @property
    def tiles(self) -> list[QtVideoTile]:
        """The tiles of the visible cells, in cell order."""
        return [tile for tile in self._tiles[: len(self._slots.layout)] if tile is not None]

    @property
    def feeds(self) -> list[CameraFeed | None]:
        return self._slots.visible()

    @property
    def maximised(self) -> int | None:
        return self._maximised

    @property
    def selected(self) -> int | None:
        """The tile the operator last clicked (a single-tile tour runs there)."""
        return self._selected

    def show_feeds(self, feeds: Sequence[CameraFeed | None], layout: str | Layout | None = None) -> None:
        """These cameras in this layout (default: the near-square grid that holds them); None: empty cell."""
        chosen = layout_by_name(layout) if isinstance(layout, str) else layout
        self._new_view(lambda: self._slots.show(feeds, chosen))

    def set_layout(self, name: str) -> None:
        self.stop_tour()  # its pages were cut for the old layout
        self._slots.set_layout(layout_by_name(name))
        self._maximised = None
        self._apply()

    @property
    def slot_count(self) -> int:
        """Slots in use, visible or not (a tour warms the slots after these)."""
        return len(self._slots.feeds)

    def open_feed(self, feed: CameraFeed, tile_index: int | None = None) -> int:
        """Put a camera on the wall: in ``tile_index``, else the selected tile, else the first free one."""
        index = self._slots.place(feed, tile_index if tile_index is not None else self._selected)
        self._apply()
        return index

    def show_around(self, feeds: list[CameraFeed]) -> None:
        """A 1+N layout: ``feeds[0]`` big, the others small ("cameras nearest this case")."""
        self._new_view(lambda: self._slots.around(feeds))

    def _new_view(self, place: Callable[[], object]) -> None:
        self.stop_tour()
        place()
        self._maximised = None
        self._warm.clear()
        self._apply()

    def start_tour(
        self, feeds: list[CameraFeed], dwell_s: float = DEFAULT_DWELL_S, tile_index: int | None = None
    ) -> WallTour:
        """轮巡: these cameras page by page over the whole view, or one by one in ``tile_index``; the
        next page is connected ahead, offline cameras are skipped, the pointer on it pauses it."""
        self.stop_tour()
        targets = [tile_index] if tile_index is not None else list(range(len(self._slots.layout)))
        self.tour = WallTour(self, Tour(feeds, len(targets), dwell_s), targets)
        self.tour.start()
        return self.tour

    def stop_tour(self) -> None:
        if self.tour is not None:
            tour, self.tour = self.tour, None
            tour.stop()

    def swap(self, first: int, second: int) -> None:
        self.swap_many([(first, second)])

    def swap_many(self, pairs: list[tuple[int, int]]) -> None:
        """Exchange the cameras (and their tiles, players included) of these slot pairs at once."""
        for first, second in pairs:
            if first == second:
                continue
            self._slots.swap(first, second)
            self._pad_tiles(max(first, second) + 1)
            self._tiles[first], self._tiles[second] = self._tiles[second], self._tiles[first]
        self._apply()

    def warm(self, index: int, feed: CameraFeed | None) -> None:
        """Play ``feed`` in hidden slot ``index`` (beyond the layout) so it can be swapped in instantly;
        None ends the warm-up of that slot."""
        if index < len(self._slots.layout):
            raise ValueError(f"slot {index} is visible in {self.layout_name}")
        if feed is None:
            self._warm.discard(index)
            self._slots.clear(index)
        else:
            self._warm.add(index)
            self._slots.place(feed, index)
        self._apply()

    def snapshot(self, index: int | None = None) -> Path | None:
        """Save the picture of tile ``index`` (default: the selected one) as a PNG in the data folder's
        ``snapshots``; the file, or None when that tile shows no picture."""
        index = self._selected if index is None else index
        tile = self._tiles[index] if index is not None and index < len(self._tiles) else None
        if tile is None:
            return None
        path = paths.snapshot_path(tile.feed.code or "tile")
        if not tile.snapshot(str(path)):
            return None
        self.snapshot_taken.emit(tile.feed.code, str(path))
        return path

    def tile_at(self, index: int) -> QtVideoTile | None:
        return self._tiles[index] if index < len(self._tiles) else None

    def toggle_maximised(self, index: int) -> None:
        """Double-click: this tile fills the wall (on its main stream); again: back to the layout."""
        self._maximised = None if self._maximised == index else index
        self._apply()
        self._retier(force=True)

    def select(self, index: int | None) -> None:
        self._selected = index
        for i, tile in enumerate(self._tiles):
            if tile is not None:
                tile.set_selected(i == index)

    def stop_all(self) -> None:
        """Stop every player, visible or parked; called before the window closes."""
        self.stop_tour()
        tiles = [tile for tile in self._tiles if tile is not None]
        for tile in tiles:
            tile.stop()
        for backend in {id(tile.session.backend): tile.session.backend for tile in tiles}.values():
            backend.settle()  # players stop on a worker thread; they must not outlive their windows
        self._streams.forget_parked()

    # ------------------------------------------------------------------ placing tiles
    def _apply(self) -> None:
        layout = self._slots.layout
        feeds = self._slots.feeds
        self._pad_tiles(len(feeds))
        for tile in self._tiles:
            if tile is not None:
                self._grid.removeWidget(tile)
        for index, feed in enumerate(feeds):
            tile = self._tiles[index] if index < len(self._tiles) else None
            visible = index < len(layout) and self._maximised in (None, index)
            if (index < len(layout) or index in self._warm) and tile is None:
                tile = self._tiles[index] = self._new_tile()
            if tile is None:
                continue
            self._streams.assign(tile, feed)
            if visible:
                cell = layout.cells[index]
                if self._maximised is None:
                    self._grid.addWidget(tile, cell.row, cell.column, cell.row_span, cell.column_span)
                else:
                    self._grid.addWidget(tile, 0, 0, layout.rows, layout.columns)
                self._streams.shown(tile)
                tile.show()
            else:
                tile.hide()
                self._streams.hidden(tile)
        for tile in self._tiles[len(feeds) :]:
            if tile is not None:  # a slot the new view no longer has
                tile.hide()
                tile.stop()
        for row in range(max(self._grid.rowCount(), layout.rows)):
            self._grid.setRowStretch(row, 1 if row < layout.rows else 0)
        for column in range(max(self._grid.columnCount(), layout.columns)):
            self._grid.setColumnStretch(column, 1 if column < layout.columns else 0)
        self.toolbar.show_layout(layout.name)
        self.layout_changed.emit(layout.name)
        self.tiles_changed.emit()

    def _new_tile(self) -> QtVideoTile:
        tile = QtVideoTile(self._grid_host)
        tile.double_clicked.connect(lambda: self.toggle_maximised(self._tiles.index(tile)))
        tile.pressed.connect(lambda: self.select(self._tiles.index(tile)))
        tile.drag_started.connect(lambda: wall_drag.drag_tile(tile))
        return tile

    def _pad_tiles(self, length: int) -> None:
        if len(self._tiles) < length:
            self._tiles.extend([None] * (length - len(self._tiles)))

    # ------------------------------------------------------------------ background work
    def _housekeep(self) -> None:
        """Once a second: stop tiles parked too long, and re-choose stream tiers (hysteresis inside)."""
        self._streams.stop_parked(keep=[self._tiles[i] for i in self._warm if i < len(self._tiles)])
        self._retier()

    def set_budget(self, budget: DecodeBudget | None) -> None:
        """Keep the wall inside this decode budget from now on (None: no limit)."""
        self._streams.budget = budget
        self._retier()

    def measure_budget(self, runner: BackgroundRunner) -> bool:
        """Measure this workstation's decode budget off the Qt thread with the demo clips (when they
        exist, else with the streams of a camera on the wall), then apply it; False when there is
        nothing to measure with."""
        playing = next((tile.feed for tile in self._tiles if tile is not None and tile.feed.has_video), None)
        return self._streams.measure(runner, self.set_budget, playing)

    def _retier(self, force: bool = False) -> None:
        cells = len(self._slots.layout)
        self._streams.apply(self._tiles[:cells], cells, self._maximised, force)

    # ------------------------------------------------------------------ drops
    def drop_cameras(self, feeds: list[CameraFeed], target: int | None) -> None:
        """One camera goes to the tile under the cursor; a group fills the tiles from there on, or gets a
        layout of its own when it does not fit."""
        start = target or 0
        if len(feeds) > len(self._slots.layout) - start:
            self.show_feeds(feeds)
            return
        for offset, feed in enumerate(feeds):
            self._slots.place(feed, start + offset)
        self._apply()
