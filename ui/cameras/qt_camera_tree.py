"""The camera tree dock: search box, tree of all cameras, favourites, drag onto the wall.

Loading (the camera list, the search index with its pinyin initials, the operator's favourites)
runs on a ``BackgroundRunner`` worker; the tree says "Loading cameras…" meanwhile and a failure is
shown, not raised. Search runs on the Qt thread: the index answers in a few milliseconds even at
56,850 cameras, so every keystroke re-filters at once.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from commandcenter.catalog.grouping import build_tree
from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.snapshot import CatalogSnapshot, refreshed
from commandcenter.catalog.source import CameraCatalog, CatalogError
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.catalog.wvp_playback import PlaybackCamera, WvpPlayback
from commandcenter.district_time import district_clock
from commandcenter.domain.cameras import CameraEntry, CameraFeed, StreamUrls
from commandcenter.services.camera_service import CameraService
from commandcenter.services.case_video_evidence import CaseVideoEvidence
from commandcenter.services.errors import DatabaseUnavailable
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cameras.camera_tree_model import CameraTreeModel
from ui.cameras.tree_expansion import expand_paths, expanded_paths
from ui.playback.playback_window import PlaybackWindow

log = logging.getLogger(__name__)
SEARCH_LIMIT = 500
REFRESH_S = 60.0  # online states and new cameras: a camera list is not a live feed


MAX_PLAYBACK_CAMERAS = 9  # played in step in one window (3×3)


def _ignore(_result: object) -> None:
    """A background write that has nothing to report when it succeeds."""


class QtCameraTree(QWidget):
    camera_activated = Signal(str)  # a camera's code, on double-click
    loaded = Signal(int)  # how many cameras the tree holds
    feed_ready = Signal(object)  # CameraFeed with playable URLs, answering request_feed()

    def __init__(
        self,
        cameras: CameraService,
        runner: BackgroundRunner,
        *,
        catalog: CameraCatalog | None = None,
        refresh_s: float = REFRESH_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cameraTree")
        self._cameras = cameras  # the signed-in user's: their favourites, the database's cameras
        self._runner = runner
        self._catalog: CameraCatalog = catalog or cameras
        self._state: CatalogSnapshot | None = None
        self._hits: list[CameraEntry] = []  # the current search's results, best first

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("cameraSearch")
        self.search_box.setPlaceholderText(self.tr("Search name, id or pinyin initials"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.search_box.returnPressed.connect(self._activate_best_hit)
        self.model = CameraTreeModel(self.tr("Favourites"), self)
        self.view = QTreeView(self)
        self.view.setObjectName("cameraTreeView")
        self.view.setHeaderHidden(True)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setUniformRowHeights(True)  # 56,850 rows: lets the view skip measuring each one
        self.view.doubleClicked.connect(self._activated)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self._poll = BackgroundPoll(runner, refresh_s, self._read, self._loaded, self._failed, self)
        self.status = QLabel(self.tr("Loading cameras…"), self)
        self.status.setObjectName("cameraTreeStatus")

        column = QVBoxLayout(self)
        column.setContentsMargins(4, 4, 4, 4)
        column.addWidget(self.search_box)
        column.addWidget(self.view, 1)
        column.addWidget(self.status)

    # ------------------------------------------------------------------ loading
    def start(self) -> None:
        """Load now, then re-read every ``refresh_s`` (only a change rebuilds anything)."""
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def reload(self) -> None:
        self._poll.poll_now()

    def _read(self) -> CatalogSnapshot | None:
        """Worker thread. The first read also fetches the favourites; later ones keep the dock's."""
        previous = self._state  # one reference read; snapshots are never mutated off the Qt thread
        if previous is not None:
            return refreshed(self._catalog, previous)
        cameras = self._catalog.list_cameras()
        try:
            favourites = self._cameras.favourites()
        except DatabaseUnavailable as error:  # no stars is better than no cameras
            log.warning("camera favourites unavailable: %s", error)
            favourites = set()
        return CatalogSnapshot.build(cameras, favourites)

    def _loaded(self, state: CatalogSnapshot | None) -> None:
        if state is None:
            return
        if self._state is not None:
            state = replace(state, favourites=self._state.favourites)  # stars made meanwhile count
        self._state = state
        self._filter(self.search_box.text())
        self.loaded.emit(len(state.cameras))

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Cameras could not be loaded: %1").replace("%1", str(error)))

    # ------------------------------------------------------------------ behaviour
    @property
    def cameras(self) -> list[CameraEntry]:
        return self._state.cameras if self._state else []

    def request_feed(self, code: str) -> None:
        """Emit ``feed_ready`` with ``code``'s feed: at once when the catalog listed its URLs (the
        database does), else after asking the source to start the stream (a GB/T 28181 platform's
        play call) on a worker. A failed play call is shown in the status line."""
        camera = self._state.by_code.get(code) if self._state else None
        if camera is None:
            return
        if camera.main_url or camera.sub_url:
            self.feed_ready.emit(camera.feed())
            return
        catalog = self._catalog

        def started(urls: StreamUrls) -> None:
            self.feed_ready.emit(replace(camera, main_url=urls.main, sub_url=urls.sub).feed())

        def failed(error: Exception) -> None:
            self.status.setText(self.tr("Stream could not be started: %1").replace("%1", str(error)))

        self._runner.submit(lambda: catalog.stream_urls(code), started, failed)

    def feed(self, code: str) -> CameraFeed | None:
        """What the wall plays for ``code`` (None before loading or for an unknown code)."""
        camera = self._state.by_code.get(code) if self._state else None
        return camera.feed() if camera else None

    def _filter(self, text: str) -> None:
        state = self._state
        if state is None:
            return
        query = text.strip()
        self._hits = []
        if not query:
            expanded = expanded_paths(self.view)
            self.model.show_tree(state.tree, state.starred(), state.favourites)
            expand_paths(self.view, expanded)
            online = sum(camera.online for camera in state.cameras)
            self.status.setText(
                self.tr("%1 cameras, %2 online")
                .replace("%1", str(len(state.cameras)))
                .replace("%2", str(online))
            )
            return
        found = self._hits = state.search.search(query, SEARCH_LIMIT)
        hits = {camera.code for camera in found}
        self.model.show_tree(
            build_tree(found), [c for c in state.starred() if c.code in hits], state.favourites
        )
        self.view.expandAll()  # at most SEARCH_LIMIT cameras: every hit visible at once
        shown = self.tr("%1 matches") if len(found) < SEARCH_LIMIT else self.tr("first %1 matches")
        self.status.setText(shown.replace("%1", str(len(found))))

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if isinstance(item, CameraEntry):
            self.camera_activated.emit(item.code)

    def _activate_best_hit(self) -> None:
        """Enter in the search box: the best hit goes on the wall (typing a code + Enter is the
        fastest way an operator who knows the camera has)."""
        if self._hits:
            self.camera_activated.emit(self._hits[0].code)

    def set_favourite(self, code: str, starred: bool) -> None:
        """Star or unstar ``code`` for this operator: shown at once, stored in the background, and
        taken back (with the reason in the status line) if the database refuses."""
        if self._state is None:
            return
        self._show_star(code, starred)
        cameras = self._cameras

        def undo(error: Exception) -> None:
            self._show_star(code, not starred)
            self.status.setText(self.tr("Favourite could not be saved: %1").replace("%1", str(error)))

        self._runner.submit(lambda: cameras.set_favourite(code, starred), _ignore, undo)

    def _show_star(self, code: str, starred: bool) -> None:
        if self._state is None:
            return
        if starred:
            self._state.favourites.add(code)
        else:
            self._state.favourites.discard(code)
        self._filter(self.search_box.text())

    def open_playback(
        self,
        cameras: list[CameraEntry],
        hours: float = 1.0,
        *,
        period: tuple[datetime, datetime] | None = None,
        evidence: tuple[CaseVideoEvidence, int] | None = None,
    ) -> None:
        """The platform's recordings of ``cameras`` (played in step) over ``period`` (default: the
        last ``hours``), in a window of its own — the cameras of the first one's platform (one
        platform plays in step); ``evidence``: the case its clips may be saved to."""
        if not cameras or not self.keeps_recordings(cameras[0].code):
            return
        first = self._platform_of(cameras[0].code)
        chosen = [c for c in cameras if self._platform_of(c.code) is first][:MAX_PLAYBACK_CAMERAS]

        def resolve() -> tuple[WvpCatalog, list[str]]:  # worker: may sign in to the platform
            client = self._recordings_client(chosen[0].code)
            return client, [client.device_for(c.code) for c in chosen]

        def opened(found: tuple[WvpCatalog, list[str]]) -> None:
            client, devices = found
            end = district_clock().now().replace(microsecond=0)
            start, end = period or (end - timedelta(hours=hours), end)
            played = [PlaybackCamera(d, c.code, c.name) for d, c in zip(devices, chosen, strict=True)]
            window = PlaybackWindow(
                WvpPlayback(client), played, start, end, self._runner, self, evidence=evidence
            )
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.resize(960, 640)
            window.show()

        def failed(error: Exception) -> None:
            self.status.setText(self.tr("Recorded video could not be opened: %1").replace("%1", str(error)))

        self._runner.submit(resolve, opened, failed)

    def keeps_recordings(self, code: str) -> bool:
        """Whether ``code`` is a GB/T 28181 platform's channel (a platform keeps recordings: 回放);
        no I/O."""
        return isinstance(self._catalog, WvpCatalog) or self._platform_of(code) is not None

    def _platform_of(self, code: str) -> object | None:
        catalog = self._catalog
        if isinstance(catalog, WvpCatalog):
            return catalog
        return catalog.source_of(code) if isinstance(catalog, PlatformCatalog) else None

    def _recordings_client(self, code: str) -> WvpCatalog:
        """Worker thread: the API client of the platform that holds ``code``."""
        catalog = self._catalog
        if isinstance(catalog, WvpCatalog):
            return catalog
        source = catalog.source_of(code) if isinstance(catalog, PlatformCatalog) else None
        if source is None:
            raise CatalogError(f"{code}: not a platform camera")
        return source.client()

    def _selected_cameras(self, clicked: CameraEntry) -> list[CameraEntry]:
        """The selected cameras when ``clicked`` is one of them, else ``clicked`` alone."""
        selected = [self.model.item(index) for index in self.view.selectionModel().selectedIndexes()]
        cameras = [item for item in selected if isinstance(item, CameraEntry)]
        return cameras if clicked in cameras else [clicked]

    def _context_menu(self, position: QPoint) -> None:
        item = self.model.item(self.view.indexAt(position))
        if not isinstance(item, CameraEntry):
            return
        menu = QMenu(self)
        starred = self.model.is_favourite(item.code)
        text = self.tr("Remove from favourites") if starred else self.tr("Add to favourites")
        menu.addAction(text, lambda: self.set_favourite(item.code, not starred))
        menu.addAction(self.tr("Show on wall"), lambda: self.camera_activated.emit(item.code))
        if self.keeps_recordings(item.code):  # a GB/T 28181 platform keeps recordings (回放)
            menu.addAction(
                self.tr("Recorded video…"), lambda: self.open_playback(self._selected_cameras(item))
            )
        menu.exec(self.view.viewport().mapToGlobal(position))
