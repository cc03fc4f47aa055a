"""The one way from another thread onto the Qt thread: ``ThreadBridge.post(call)`` runs ``call()``
later on the thread that owns the bridge (the Qt thread for every bridge in the app), in posting order.

Who posts: ``ui/background.py`` (a worker's result), the case desk (the change feed's thread and the
dispatch outbox), the plugin UI (the host's changes, from any thread) and the video tiles (libVLC's
event threads, through ``commandcenter.video.session``). Nothing else crosses threads into Qt.

Why a queue plus an argument-less queued ``QMetaObject.invokeMethod`` and not a signal emitted by
the other thread: in PySide6 6.12 every ``Signal.emit`` from a thread Qt did not start drops one
reference to ``True`` (measured: -1 per emit, whatever the signal's arguments), so a poller emitting
twice a second aborts the process with ``bool_dealloc`` within the hour. A queued ``invokeMethod`` with
no arguments leaks nothing. A burst of posts wakes the Qt thread once: the first post schedules the
drain, the others only queue until it runs.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, Slot

log = logging.getLogger(__name__)

Call = Callable[[], object]


class ThreadBridge(QObject):
    """Runs posted calls on its own thread. A call that raises is logged and the next one still runs;
    after ``close()``, or once Qt deleted the bridge (its parent went), posts are dropped."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: queue.SimpleQueue[Call] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._woken = False  # a drain is scheduled and has not started yet
        self._closed = False

    def post(self, call: Call) -> None:
        """Any thread: run ``call()`` on the bridge's thread soon. Never blocks, never raises."""
        if self._closed:
            return
        self._calls.put(call)
        with self._lock:
            if self._woken:
                return
            self._woken = True
        try:
            QMetaObject.invokeMethod(self, "_drain", Qt.ConnectionType.QueuedConnection)
        except RuntimeError:  # the C++ object is gone: nobody is left to run it
            log.debug("call posted to a deleted thread bridge dropped")

    def close(self) -> None:
        """Drop what is queued and everything posted from now on."""
        self._closed = True

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            self._woken = False  # a post from now on schedules the next drain
        for _ in range(self._calls.qsize()):  # only what is here now: the event loop gets a turn
            if self._closed:
                return
            call = self._calls.get_nowait()
            try:
                call()
            except Exception as error:  # a broken receiver must not take the event loop down
                log.exception("call from another thread failed: %s", error)
