"""Run blocking work (store queries, stream probes) off the Qt thread; get the answer back on it.

Every database call from the UI goes through a ``BackgroundRunner``: a frozen window in front of an
operator (or a leader) is worse than stale data. Results and exceptions cross back to the Qt thread,
so callbacks may touch widgets. ``BackgroundPoll`` repeats one job on a timer and never overlaps
itself, so a slow database builds no queue of identical queries.

Results cross threads through ``ui/thread_bridge.py`` (a queue plus an argument-less queued
``invokeMethod``), the one bridge of the app, which explains why not a signal emitted by the worker.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ui.thread_bridge import ThreadBridge

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[Exception], None]


def log_error(error: Exception) -> None:
    """The default error callback: a failed background job is logged, never raised into Qt. The
    traceback goes to DEBUG: a database outage fails every poll, and the status bar already says so."""
    log.warning("background job failed: %s", error)
    log.debug("background job failure", exc_info=error)


class BackgroundRunner(QObject):
    """A small thread pool whose results are delivered on the thread that owns the runner."""

    def __init__(self, parent: QObject | None = None, *, max_workers: int = 3) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="cc-background")
        self._callbacks: dict[int, tuple[ResultCallback, ErrorCallback]] = {}
        self._bridge = ThreadBridge(self)
        self._ids = itertools.count(1)
        self._closed = False

    def submit(
        self, job: Callable[[], Any], on_result: ResultCallback, on_error: ErrorCallback = log_error
    ) -> bool:
        """Run ``job()`` on a worker thread, then ``on_result(value)`` or ``on_error(exception)`` here.
        Returns False (and runs nothing) once the runner is shut down."""
        if self._closed:
            return False
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_result, on_error)
        self._executor.submit(self._run, job_id, job)
        return True

    def _run(self, job_id: int, job: Callable[[], Any]) -> None:
        """Worker thread: run, then hand the outcome to the owner's thread."""
        try:
            result, error = job(), None
        except Exception as failure:
            result, error = None, failure
        if not self._closed:
            self._bridge.post(partial(self._deliver, job_id, result, error))

    def _deliver(self, job_id: int, result: object, error: Exception | None) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        if self._closed or callbacks is None:
            return
        on_result, on_error = callbacks
        try:
            if error is not None:
                on_error(error)
            else:
                on_result(result)
        except Exception as failure:  # a broken view must not take the event loop down
            log.exception("callback of background job %d failed: %s", job_id, failure)

    def shutdown(self) -> None:
        """Drop pending jobs, wait for running ones and deliver nothing more. Idempotent."""
        self._closed = True
        self._bridge.close()
        self._callbacks.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)


class BackgroundPoll(QObject):
    """Runs ``job`` every ``interval_s`` through ``runner``; skips a tick while the last run is busy."""

    def __init__(
        self,
        runner: BackgroundRunner,
        interval_s: float,
        job: Callable[[], Any],
        on_result: ResultCallback,
        on_error: ErrorCallback = log_error,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._job = job
        self._on_result = on_result
        self._on_error = on_error
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(interval_s * 1000)))
        self._timer.timeout.connect(self.poll_now)

    def start(self) -> None:
        """Poll at once, then on every interval."""
        self._timer.start()
        self.poll_now()

    def stop(self) -> None:
        self._timer.stop()

    def poll_now(self) -> None:
        if self._busy:
            return
        self._busy = self._runner.submit(self._job, self._finished, self._failed)

    def _finished(self, result: object) -> None:
        self._busy = False
        self._on_result(result)

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self._on_error(error)
