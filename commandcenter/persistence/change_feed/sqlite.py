"""SQLite change feed: a cheap poll, since SQLite has no NOTIFY.

A dedicated connection reads ``PRAGMA data_version`` every ``poll_interval_s``; the number moves only
when ANOTHER connection committed, so an idle database costs one trivial statement per tick. When it
moves, one read snapshot gives the cases and case events above the high-water marks (as in
``change_marker``): new cases, then cases moved by a workflow step, then the steps themselves —
the same ``Change`` records the PostgreSQL triggers send. An UPDATE written without a case event
(raw SQL) is not seen here; every store and workflow write appends one.
"""

from __future__ import annotations

import sqlite3
import threading

from commandcenter.persistence.change_feed.base import Change, ChangeFeed
from commandcenter.persistence.store import Store

HIGH_WATER = "SELECT (SELECT coalesce(max(id), 0) FROM cases), (SELECT coalesce(max(id), 0) FROM case_events)"
NEW_CASES = "SELECT id, status, version FROM cases WHERE id > ? ORDER BY id"
NEW_EVENTS = (
    "SELECT e.id, e.case_id, e.to_status, c.status, c.version FROM case_events e "
    "JOIN cases c ON c.id = e.case_id WHERE e.id > ? ORDER BY e.id"
)


class SqliteChangeFeed(ChangeFeed):
    lost_errors = (sqlite3.Error, OSError)
    poll_interval_s = 0.2

    def __init__(self, store: Store) -> None:
        super().__init__()
        path = store.sqlite_file()
        if path is None:
            raise ValueError("SQLite change feed needs a database file (an in-memory database has no peers)")
        self._uri = f"{path.as_uri()}?mode=rw"
        self._case_mark = 0
        self._event_mark = 0
        self._data_version = 0

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._uri, uri=True, timeout=5, isolation_level=None)
        try:
            # The version before the marks: a commit in between is read again, never skipped.
            self._data_version = connection.execute("PRAGMA data_version").fetchone()[0]
            self._case_mark, self._event_mark = connection.execute(HIGH_WATER).fetchone()
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def _watch(self, connection: sqlite3.Connection, stop: threading.Event) -> None:
        while not stop.wait(self.poll_interval_s):
            version = connection.execute("PRAGMA data_version").fetchone()[0]
            if version != self._data_version:
                self._data_version = version
                for change in self._read_changes(connection):
                    self.events.emit(change)

    def _read_changes(self, connection: sqlite3.Connection) -> list[Change]:
        connection.execute("BEGIN")  # one snapshot for both reads
        try:
            new_cases = connection.execute(NEW_CASES, (self._case_mark,)).fetchall()
            new_events = connection.execute(NEW_EVENTS, (self._event_mark,)).fetchall()
        finally:
            connection.execute("COMMIT")
        changes = [Change("cases", case_id, status, version) for case_id, status, version in new_cases]
        announced = {case_id for case_id, _, _ in new_cases}
        for _, case_id, _, status, version in new_events:
            if case_id not in announced:
                announced.add(case_id)
                changes.append(Change("cases", case_id, status, version))
        changes += [
            Change("case_events", case_id, to_status, None) for _, case_id, to_status, _, _ in new_events
        ]
        if new_cases:
            self._case_mark = new_cases[-1][0]
        if new_events:
            self._event_mark = new_events[-1][0]
        return changes

    def _close(self, connection: sqlite3.Connection) -> None:
        connection.close()
