"""The settings a workstation runs on, kept current without a restart.

``LiveSettings`` holds the newest document it has read; consumers (intake, the board, the advice,
the pop-up) hold ``live.current`` — a ``SettingsSource`` — and ask it at the moment they decide, so
a saved change applies to the next report, the next counter, the next pop-up. ``refresh`` asks the
database for one integer (the revision) and reads the document only when that moved: cheap enough
to run every few seconds, and it runs where I/O may block — a worker of the UI
(``ui/background.py``), the simulator's own thread — never on the Qt thread. ``current`` never does
I/O: before the first refresh it answers the defaults (today's behaviour).
"""

from __future__ import annotations

import threading
import time

from commandcenter.domain.settings import DEFAULT_SETTINGS, DistrictSettings, StoredSettings
from commandcenter.events import EventEmitter
from commandcenter.persistence.settings.queries import read_settings, settings_revision
from commandcenter.persistence.store import Store

POLL_S = 5.0  # how stale a workstation's settings may be at most (plus one worker's round trip)
UNREAD = -1


class LiveSettings:
    def __init__(self, store: Store, *, poll_s: float = POLL_S) -> None:
        self._store = store
        self.poll_s = poll_s
        self._stored = StoredSettings(DEFAULT_SETTINGS, UNREAD)
        self._lock = threading.Lock()  # refreshes from two threads read once, not twice
        self._checked_at = -float("inf")
        self.changed: EventEmitter[DistrictSettings] = EventEmitter("settings_changed")

    def current(self) -> DistrictSettings:
        """The newest settings read (no I/O: safe on any thread, the Qt thread included)."""
        return self._stored.settings

    @property
    def revision(self) -> int:
        """The revision held; -1 before the first refresh."""
        return self._stored.revision

    def refresh(self) -> bool:
        """Blocking: read the revision, and the document if it moved. True when the settings held
        changed (``changed`` was emitted, on this thread). Raises ``DatabaseUnavailable``."""
        with self._lock:
            self._checked_at = time.monotonic()
            if settings_revision(self._store) == self._stored.revision:
                return False
            fresh = read_settings(self._store)
            if fresh.revision == self._stored.revision:
                return False
            self._stored = fresh
        self.changed.emit(fresh.settings)
        return True

    def refresh_if_due(self) -> bool:
        """``refresh`` at most once per ``poll_s`` (for loops that run more often, the simulator's)."""
        if time.monotonic() - self._checked_at < self.poll_s:
            return False
        return self.refresh()

    def adopt(self, stored: StoredSettings) -> None:
        """Take a document this workstation just saved (no need to read it back)."""
        with self._lock:
            if stored.revision <= self._stored.revision:
                return
            self._stored = stored
        self.changed.emit(stored.settings)
