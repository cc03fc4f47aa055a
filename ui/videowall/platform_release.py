"""Releases the GB/T 28181 platform streams nobody watches any more.

A platform keeps a stream open at the device and the media server until it is told to stop, so once
a second this looks at every video tile of the application — the main wall, detached wall windows,
parked tiles still warm — and tells the platform service which cameras are still played; the
service stops the rest (``PlatformCatalog.release_unwatched``) on a worker. A wall closed, a tile
given another camera, a layout change past the warm period: each leaves a tile without a player, and
the stream goes within about a second. ``release_all`` on exit.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from commandcenter.services.errors import PlatformError
from commandcenter.services.platform_service import PlatformService
from ui.background import BackgroundRunner
from ui.video.qt_video_tile import QtVideoTile

log = logging.getLogger(__name__)
CHECK_MS = 1000
EXIT_WAIT_S = 3.0


def watched_codes() -> set[str]:
    """The cameras some tile of this application plays (or keeps warm)."""
    return {
        widget.feed.code
        for widget in QApplication.allWidgets()
        if isinstance(widget, QtVideoTile) and widget.player is not None and widget.feed.code
    }


class PlatformRelease(QObject):
    def __init__(
        self, service: PlatformService, runner: BackgroundRunner, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._busy = False
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Tell the service which cameras are watched (no call at all while no stream is open)."""
        if self._busy or not self._service.catalog.open_streams():
            return
        watched = watched_codes()
        self._busy = True
        self._runner.submit(lambda: self._service.release_unwatched(watched), self._done, self._failed)

    def _done(self, _released: object) -> None:
        self._busy = False

    def _failed(self, error: Exception) -> None:
        self._busy = False
        log.warning("platform streams not released: %s", error)

    def release_all(self) -> None:
        """On exit: stop every open stream, waiting a little (a worker; the Qt thread only joins it)."""
        self._timer.stop()
        if not self._service.catalog.open_streams():
            return

        def stop_all() -> None:
            try:
                self._service.release_all()
            except PlatformError as error:
                log.warning("platform streams not released on exit: %s", error)

        worker = threading.Thread(target=stop_all, name="platform-release", daemon=True)
        worker.start()
        worker.join(EXIT_WAIT_S)
