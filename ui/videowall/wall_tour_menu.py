"""「轮巡」 on the wall's toolbar: start a tour over the whole view or in one tile, choose the dwell,
stop it; the button shows whether a tour runs and whether the pointer has paused it.

Which cameras: those selected in the camera tree (a group means all of its cameras, the way a drag
onto the wall works), else — nothing selected — the cameras of the current view. Cameras the
catalog reports offline are left out here; the core tour also skips any without a stream
(``commandcenter.wall.tour``). The button follows ``wall.tiles_changed``, so a tour the wall ends
itself (a new layout, a loaded view) un-checks it too.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.tour import DEFAULT_DWELL_S
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_tour import WallTour

DWELL_CHOICES_S = (5, 10, 15, 30, 60)


def tree_selection(tree: QtCameraTree | None) -> list[CameraFeed]:
    """The online cameras under the tree's selection, each once, in tree order."""
    if tree is None or tree.view.selectionModel() is None:
        return []
    indexes = tree.view.selectionModel().selectedIndexes()
    return [camera.feed() for camera in tree.model.cameras_at(indexes) if camera.online]


class WallTourMenu(QToolButton):
    def __init__(
        self, wall: QtVideoWall, camera_tree: QtCameraTree | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent or wall.toolbar)
        self.setObjectName("wallTour")
        self.setCheckable(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self._fill)
        self.menu().aboutToHide.connect(self._show_state)  # a click must not leave the check wrong
        self._wall, self._tree = wall, camera_tree
        self._watched: WallTour | None = None
        self.dwell_s = float(DEFAULT_DWELL_S)
        self._dwells = QActionGroup(self)
        wall.tiles_changed.connect(self._sync)
        wall.toolbar.add_tool(self)
        self._fill()
        self._show_state()

    # ------------------------------------------------------------------ what to tour
    def cameras(self) -> tuple[list[CameraFeed], bool]:
        """The cameras a tour would show, and whether they come from the tree's selection."""
        selected = tree_selection(self._tree)
        if selected:
            return selected, True
        return [feed for feed in self._wall.feeds if feed is not None and feed.has_video], False

    def tour_view(self) -> WallTour | None:
        """Tour the cameras page by page over every tile of the current layout."""
        feeds, _from_tree = self.cameras()
        return self._wall.start_tour(feeds, self.dwell_s) if feeds else None

    def tour_tile(self, tile_index: int | None = None) -> WallTour | None:
        """Tour the cameras one by one in ``tile_index`` (default: the selected tile)."""
        index = self._wall.selected if tile_index is None else tile_index
        feeds, _from_tree = self.cameras()
        if not feeds or index is None or index >= len(self._wall.feeds):
            return None
        return self._wall.start_tour(feeds, self.dwell_s, tile_index=index)

    def stop(self) -> None:
        self._wall.stop_tour()

    def set_dwell(self, seconds: float) -> None:
        """The dwell of the next tour, and of the running one from its next page on."""
        self.dwell_s = float(seconds)
        if self._wall.tour is not None:
            self._wall.tour.tour.set_dwell(self.dwell_s)
        self._show_state()

    # ------------------------------------------------------------------ the menu
    def _fill(self) -> None:
        menu = self.menu()
        menu.clear()
        feeds, from_tree = self.cameras()
        source = self.tr("Selected in the camera tree") if from_tree else self.tr("Cameras of this view")
        menu.addSection(f"{source} ({len(feeds)})")
        whole = menu.addAction(self.tr("Tour over the whole view"), self.tour_view)
        whole.setEnabled(bool(feeds))
        tile = menu.addAction(self.tr("Tour in the selected tile"), self.tour_tile)
        selected = self._wall.selected
        tile.setEnabled(bool(feeds) and selected is not None and selected < len(self._wall.feeds))
        if selected is None:
            tile.setToolTip(self.tr("Click a tile first"))
        dwell = menu.addMenu(self.tr("Dwell"))
        self._dwells = QActionGroup(dwell)
        for seconds in DWELL_CHOICES_S:
            action = QAction(self.tr("%1 s").replace("%1", str(seconds)), dwell, checkable=True)
            action.setChecked(seconds == self.dwell_s)
            action.triggered.connect(lambda _checked=False, s=seconds: self.set_dwell(s))
            self._dwells.addAction(action)
            dwell.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Stop tour"), self.stop).setEnabled(self._wall.tour is not None)
        menu.setToolTipsVisible(True)

    # ------------------------------------------------------------------ the button's state
    def _sync(self) -> None:
        """Follow the wall's tour: a new one is watched for pauses, an ended one un-checks the button."""
        tour = self._wall.tour
        if tour is not self._watched:
            if self._watched is not None:
                self._watched.paused_changed.disconnect(self._show_state)
            self._watched = tour
            if tour is not None:
                tour.paused_changed.connect(self._show_state)
            self._show_state()

    def _show_state(self) -> None:
        tour = self._wall.tour
        self.setChecked(tour is not None)
        if tour is None:
            self.setText(self.tr("Tour"))
            self.setToolTip(self.tr("Tour cameras page by page"))
            return
        paused = tour.tour.paused
        self.setText(self.tr("Tour paused") if paused else self.tr("Touring"))
        tip = self.tr("%1 cameras, %2 pages, %3 s each").replace("%1", str(len(tour.tour.feeds)))
        tip = tip.replace("%2", str(tour.tour.page_count)).replace("%3", f"{tour.tour.dwell_s:g}")
        if paused:
            tip += "\n" + self.tr("Paused while the pointer rests on the toured tiles")
        self.setToolTip(tip)
