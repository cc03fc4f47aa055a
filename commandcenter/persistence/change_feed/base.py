"""The live change feed: every workstation hears of new and changed cases at once.

``open_change_feed(store)`` gives a PostgreSQL feed (LISTEN on the channel the database's own
triggers NOTIFY, so any writer is heard) or a SQLite feed (a cheap ``PRAGMA data_version`` poll).
Both run in one daemon thread, keep a dedicated connection of their own, and share this class's
supervision: when the connection is lost they report ``connected=False`` on ``status``, reconnect
with capped backoff, and then emit ``RESYNC`` — whatever changed while deaf is unknown, so listeners
reload. Subscribers run on the feed thread (the UI bridges to Qt); one that raises is isolated by
``EventEmitter`` and the feed goes on.

Only committed work is announced: PostgreSQL sends a NOTIFY at its transaction's commit and drops it
on rollback, and SQLite's ``data_version`` moves only when another connection commits (both proved
in ``tests/core/test_change_feed_faults.py``, with a 2,000-case burst heard whole).
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from commandcenter.events import EventEmitter

log = logging.getLogger(__name__)

RESYNC_TABLE = "resync"


@dataclass(frozen=True)
class Change:
    """One committed change: ``table`` is ``cases`` (insert/update) or ``case_events`` (a workflow
    step; ``status`` is its to-status, ``version`` None), or ``resync`` (reload everything)."""

    table: str
    case_id: int | None
    status: str | None
    version: int | None

    @property
    def is_resync(self) -> bool:
        return self.table == RESYNC_TABLE


RESYNC = Change(RESYNC_TABLE, None, None, None)


class ChangeFeed(ABC):
    """Supervises one watcher thread; subclasses say how to open, watch and close a connection."""

    initial_backoff_s = 0.1
    max_backoff_s = 5.0
    # Exceptions that mean "the connection is gone, reconnect" (anything else is a bug and is logged).
    lost_errors: tuple[type[BaseException], ...] = (OSError,)

    def __init__(self) -> None:
        self.events: EventEmitter[Change] = EventEmitter("change_feed.events")
        self.status: EventEmitter[bool] = EventEmitter("change_feed.status")
        self.connected = False
        self._stop = threading.Event()
        self._first_attempt = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 10.0) -> bool:
        """Start watching; returns once the first connection is up (or failed), so every change
        committed after ``start`` returns True is delivered. Returns ``connected``."""
        if self._thread is not None:
            raise RuntimeError("change feed already started")
        self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
        self._thread.start()
        self._first_attempt.wait(timeout)
        return self.connected

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # ------------------------------------------------------------------ for subclasses
    @abstractmethod
    def _open(self) -> Any:
        """A fresh connection, already watching (raises one of ``lost_errors`` if unreachable)."""

    @abstractmethod
    def _watch(self, connection: Any, stop: threading.Event) -> None:
        """Emit changes until ``stop`` is set; raise one of ``lost_errors`` when the link breaks."""

    @abstractmethod
    def _close(self, connection: Any) -> None:
        """Close without raising."""

    # ------------------------------------------------------------------ supervision
    def _run(self) -> None:
        backoff = self.initial_backoff_s
        first_attempt = True  # every later connect may have missed changes
        while not self._stop.is_set():
            try:
                connection = self._open()
            except self.lost_errors as error:
                log.warning("change feed cannot connect (retry in %.1f s): %s", backoff, error)
                self._set_connected(False)
                self._first_attempt.set()
                first_attempt = False
                self._stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff_s)
                continue
            backoff = self.initial_backoff_s
            self._set_connected(True)
            self._first_attempt.set()
            if not first_attempt:
                self.events.emit(RESYNC)  # what was sent while we were away is lost: reload
            first_attempt = False
            try:
                self._watch(connection, self._stop)
            except self.lost_errors as error:
                log.warning("change feed lost its connection: %s", error)
                self._set_connected(False)
            finally:
                self._close(connection)

    def _set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.status.emit(connected)
