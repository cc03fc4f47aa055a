"""Platform cameras that reach the wall without a stream: dragged from the camera tree, reopened from
a saved view, shown by a tour. A platform channel has no URL until its platform starts the stream, so
whenever the wall's cameras change, each visible cell holding a platform camera without video gets
its stream started (on a worker) and is then played in place.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QObject

from commandcenter.domain.cameras import StreamUrls
from commandcenter.services.platform_service import PlatformService
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall

log = logging.getLogger(__name__)


class PlatformFeeds(QObject):
    def __init__(self, service: PlatformService, runner: BackgroundRunner, wall: QtVideoWall) -> None:
        super().__init__(wall)
        self._service = service
        self._runner = runner
        self._wall = wall
        self._pending: set[str] = set()  # codes whose stream is being started
        wall.tiles_changed.connect(self.resolve)

    def resolve(self) -> None:
        for feed in self._wall.feeds:
            if feed is None or feed.has_video or feed.code in self._pending:
                continue
            if not self._service.catalog.is_platform(feed.code):
                continue
            code = feed.code
            self._pending.add(code)
            self._runner.submit(
                partial(self._service.stream_urls, code),
                partial(self._started, code),
                partial(self._failed, code),
            )

    def _started(self, code: str, urls: StreamUrls) -> None:
        self._pending.discard(code)
        for index, feed in enumerate(self._wall.feeds):
            if feed is not None and feed.code == code and not feed.has_video:
                self._wall.open_feed(replace(feed, main_url=urls.main, sub_url=urls.sub), index)

    def _failed(self, code: str, error: Exception) -> None:
        self._pending.discard(code)
        log.warning("platform stream %s not started: %s", code, error)
