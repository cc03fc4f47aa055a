"""Case- and map-linked video: "show the cameras nearest this point" builds a 1+N layout on the wall.

The nearest-camera index (fixed cameras by place, vehicle cameras by their unit's latest fix) is built
once in the background and its vehicle positions refreshed on each request, also in the background;
the wall gets the finished feeds on the Qt thread. Fixed cameras come first; a vehicle camera only
when its vehicle is close (``commandcenter.catalog.nearest``).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from commandcenter.catalog.nearest import NearestCameraIndex
from commandcenter.domain.cameras import CameraFeed
from commandcenter.persistence.store import Store
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall

AROUND_COUNT = 6  # 1 + 5: the nearest camera big, five around it


class LinkedVideo(QObject):
    shown = Signal(int)  # how many cameras were put on the wall (0: none near the point)

    def __init__(
        self, store: Store, runner: BackgroundRunner, wall: QtVideoWall, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._store, self._runner, self._wall = store, runner, wall
        self._index: NearestCameraIndex | None = None
        self._lock = threading.Lock()  # the runner has several workers; the index is one

    def show_around(self, lon: float, lat: float, count: int = AROUND_COUNT) -> None:
        self._runner.submit(lambda: self._nearest_feeds(lon, lat, count), self._show)

    def _nearest_feeds(self, lon: float, lat: float, count: int) -> list[CameraFeed]:
        """Worker thread: build the index the first time, move the vehicle cameras, pick."""
        with self._lock:
            if self._index is None:
                self._index = NearestCameraIndex.from_store(self._store)
            else:
                self._index.refresh_units(self._store)
            return [camera.feed() for camera in self._index.nearest(lon, lat, count) if camera.online]

    def _show(self, feeds: list[CameraFeed]) -> None:
        if feeds:
            self._wall.show_around(feeds)
        self.shown.emit(len(feeds))
