"""A running tour on the wall: shows a ``Tour``'s pages in some of the wall's cells, pre-connects the
next page in hidden slots and swaps it in when the dwell is over, so every switch shows live video at
once. The whole view or a single tile can be toured; the tour pauses while the pointer rests on it.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QCursor

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.tour import Tour

if TYPE_CHECKING:  # the wall starts tours itself (``QtVideoWall.start_tour``)
    from ui.videowall.qt_wall import QtVideoWall

TICK_MS = 250


class WallTour(QObject):
    page_shown = Signal()
    paused_changed = Signal(bool)

    def __init__(self, wall: QtVideoWall, tour: Tour, targets: list[int] | None = None) -> None:
        super().__init__(wall)
        self.wall = wall
        self.tour = tour
        self.targets = targets if targets is not None else list(range(len(wall.feeds)))
        if tour.page_size != len(self.targets):
            raise ValueError(f"pages of {tour.page_size} cameras for {len(self.targets)} tiles")
        self._warm_slots: list[int] = []
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self) -> None:
        page = self.tour.start(time.monotonic())
        for target, feed in zip(self.targets, self._padded(page), strict=True):
            if feed is not None:
                self.wall.open_feed(feed, target)
        base = max(self.wall.slot_count, len(self.wall.feeds))
        self._warm_slots = [base + i for i in range(len(self.targets))]
        self._warm_next()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        for slot in self._warm_slots:
            self.wall.warm(slot, None)
        self._warm_slots = []

    def advance(self) -> None:
        """Show the pre-connected page now and start connecting the one after it."""
        self.tour.advance(time.monotonic())
        self.wall.swap_many(list(zip(self.targets, self._warm_slots, strict=True)))
        self._warm_next()
        self.page_shown.emit()

    def _warm_next(self) -> None:
        for slot, feed in zip(self._warm_slots, self._padded(self.tour.upcoming()), strict=True):
            self.wall.warm(slot, feed)

    def _padded(self, page: list[CameraFeed]) -> list[CameraFeed | None]:
        return [*page, *[None] * (len(self.targets) - len(page))]

    def _hovered(self) -> bool:
        for target in self.targets:
            tile = self.wall.tile_at(target)
            if (
                tile is not None
                and tile.isVisible()
                and tile.rect().contains(tile.mapFromGlobal(QCursor.pos()))
            ):
                return True
        return False

    def _tick(self) -> None:
        now = time.monotonic()
        hovered = self._hovered()
        if hovered != self.tour.paused:
            self.tour.pause(now) if hovered else self.tour.resume(now)
            self.paused_changed.emit(hovered)
        if self.tour.due(now):
            self.advance()
