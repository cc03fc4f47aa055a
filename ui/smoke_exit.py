"""``--quit-after-playing``: the installed package's smoke test (issue 19) and nothing else.

After the window is usable, wait until one wall tile plays (libVLC found, a stream decoded), print
``PLAYING <seconds>`` and leave the event loop with 0; if none plays within the limit, say so on
stderr and leave with 1. Polls rather than listening, so a tile that was already playing counts.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer

from commandcenter.video.tile_state import TileState
from ui.videowall.qt_wall import QtVideoWall

POLL_MS = 100


def quit_when_a_tile_plays(wall: QtVideoWall, leave: Callable[[int], None], limit_s: float = 30.0) -> None:
    started = time.monotonic()
    timer = QTimer(wall)

    def check() -> None:
        if any(tile.state is TileState.PLAYING for tile in wall.tiles):
            timer.stop()
            print(f"PLAYING {time.monotonic() - started:.3f}", flush=True)
            leave(0)
        elif time.monotonic() - started > limit_s:
            timer.stop()
            print(f"no wall tile played within {limit_s:.0f} s", file=sys.stderr, flush=True)
            leave(1)

    timer.timeout.connect(check)
    timer.start(POLL_MS)
