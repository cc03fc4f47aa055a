"""The libVLC calls that can block run on worker threads, in the order they were asked for per window.

``libvlc_media_player_stop`` joins the player's input thread: milliseconds on a quiet workstation,
about a second each on a loaded one. When a tight decode budget stepped 50 tiles of an 8×8 wall down
to keyframes, 50 reconnects stopped 50 players one after another on the Qt thread and the window
froze for most of a minute (clock standing, states stale). So stop, set-media-and-play, pause and
release go to these threads; the Qt thread only queues them and reads clocks and counters.

Lanes: every job names the native window its player draws into, and a window's jobs run on one
thread, first in first out — a player's own calls keep their order, and a surface handed from a
closed player to a new one is released before it is drawn into again (libVLC refuses a window that
another player still holds and opens a top-level window of its own instead). Different windows run
on ``LANES`` threads side by side: with one thread for the whole wall, the 36 starts of a new view
(and the stops of the view before it) ran one after another, so the last tile of a wall waited for
every other tile's calls before its own even began — on a loaded machine, a second for all of them
alike (bench/wall.py: TTFF p50 ≈ p95). ``settle`` waits until everything queued has run; the wall
does so before its windows close.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

LANES = 4  # libVLC's own work runs on its threads; these only wait in stop/play, so a few suffice


class VlcWorker:
    def __init__(self, lanes: int = LANES) -> None:
        self._queues: list[queue.Queue[Callable[[], None]]] = [queue.Queue() for _ in range(lanes)]
        self._lock = threading.Lock()
        self._threads: list[threading.Thread | None] = [None] * lanes

    def submit(self, job: Callable[[], None], window: int = 0) -> None:
        """Run ``job`` after every job submitted earlier for the same ``window``."""
        lane = hash(window) % len(self._queues)
        with self._lock:
            if self._threads[lane] is None:
                thread = threading.Thread(
                    target=self._run, args=(lane,), name=f"vlc-worker-{lane}", daemon=True
                )
                thread.start()
                self._threads[lane] = thread
        self._queues[lane].put(job)

    def settle(self) -> None:
        """Return once every job submitted so far has run."""
        for jobs in self._queues:
            jobs.join()

    def _run(self, lane: int) -> None:
        jobs = self._queues[lane]
        while True:
            job = jobs.get()
            try:
                job()
            except Exception as error:  # one broken player must not stop the others' calls
                log.warning("a libVLC call failed: %s", error)
            finally:
                jobs.task_done()
