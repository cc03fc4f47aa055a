"""Case- and map-linked video: "show the cameras nearest this point" builds a 1+N layout on the wall.

The nearest-camera index (fixed cameras by place, vehicle cameras by their unit's latest fix) is built
once in the background and its vehicle positions refreshed on each request, also in the background;
the wall gets the finished feeds on the Qt thread. Fixed cameras come first; a vehicle camera only
when its vehicle is close (``commandcenter.catalog.nearest``).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from commandcenter.domain.cameras import CameraFeed
from commandcenter.services.camera_service import CameraService
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall

AROUND_COUNT = 6  # 1 + 5: the nearest camera big, five around it


class LinkedVideo(QObject):
    shown = Signal(int)  # how many cameras were put on the wall (0: none near the point)

    def __init__(
        self,
        cameras: CameraService,
        runner: BackgroundRunner,
        wall: QtVideoWall,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._cameras, self._runner, self._wall = cameras, runner, wall

    def show_around(self, lon: float, lat: float, count: int = AROUND_COUNT) -> None:
        """Worker thread: the service's index (built on first use, vehicles moved per query) picks."""
        self._runner.submit(lambda: self._cameras.nearest_feeds(lon, lat, count), self._show)

    def _show(self, feeds: list[CameraFeed]) -> None:
        if feeds:
            self._wall.show_around(feeds)
        self.shown.emit(len(feeds))
