"""Where a recorded playback stands, read by the playback window several times a second.

The platform steers the stream (seek, speed, pause) but reports no position; the player's own clock
restarts with every reconnect. So the window keeps the recorded moment itself: the moment it last
set (start, seek, resume, speed change) plus the wall time since, times the speed. Several cameras
played together share one clock — that is what keeps them in step: every seek, speed and pause goes
to all of their streams at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta


class PlaybackClock:
    def __init__(self, moment: datetime, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._moment = moment
        self._since = now()
        self.speed = 1.0
        self.paused = False

    def position(self) -> datetime:
        if self.paused:
            return self._moment
        return self._moment + timedelta(seconds=(self._now() - self._since) * self.speed)

    def seek(self, moment: datetime) -> None:
        self._moment, self._since = moment, self._now()

    def set_speed(self, speed: float) -> None:
        self.seek(self.position())
        self.speed = speed

    def pause(self) -> None:
        self.seek(self.position())
        self.paused = True

    def resume(self) -> None:
        self.paused = False
        self.seek(self._moment)
