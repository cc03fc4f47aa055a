"""Run a redraw at once, then at most once per interval while pokes keep coming (leading + trailing
edge): a lone new case shows within milliseconds, a burst of 1,000 costs a few redraws a second."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Throttle(QObject):
    def __init__(self, interval_ms: int, action: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_s = interval_ms / 1000.0
        self._action = action
        self._last = -1e9
        self._trailing = QTimer(self)
        self._trailing.setSingleShot(True)
        self._trailing.timeout.connect(self._run)

    def poke(self) -> None:
        if self._trailing.isActive():
            return
        wait_s = self._last + self._interval_s - time.monotonic()
        if wait_s <= 0:
            self._run()
        else:
            self._trailing.start(max(1, round(wait_s * 1000)))

    def _run(self) -> None:
        self._last = time.monotonic()
        self._action()
