"""The libVLC calls that can block run on one worker thread, in the order they were asked for.

``libvlc_media_player_stop`` joins the player's input thread: milliseconds on a quiet workstation,
about a second each on a loaded one. When a tight decode budget stepped 50 tiles of an 8×8 wall down
to keyframes, 50 reconnects stopped 50 players one after another on the Qt thread and the window
froze for most of a minute (clock standing, states stale). So stop, set-media-and-play, pause and
release go to this thread; the Qt thread only queues them and reads clocks and counters.

One thread, first in first out: a player's own calls keep their order, and a surface handed from a
closed player to a new one is released before it is drawn into again (libVLC refuses a window that
another player still holds and opens a top-level window of its own instead). ``settle`` waits until
everything queued has run; the wall does so before its windows close.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


class VlcWorker:
    def __init__(self) -> None:
        self._jobs: queue.Queue[Callable[[], None]] = queue.Queue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def submit(self, job: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="vlc-worker", daemon=True)
                self._thread.start()
        self._jobs.put(job)

    def settle(self) -> None:
        """Return once every job submitted so far has run."""
        self._jobs.join()

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            except Exception as error:  # one broken player must not stop the others' calls
                log.warning("a libVLC call failed: %s", error)
            finally:
                self._jobs.task_done()
