"""PostgreSQL change feed: LISTEN on ``cc_changes``, which the triggers of migration 0003 NOTIFY.

A dedicated autocommit psycopg2 connection (not from the pool: a pooled connection would be handed
to other work and its LISTEN lost) waits in ``select()`` on its socket, so a notification is read
the moment it arrives; the short timeout only bounds how fast ``stop`` is noticed. A heartbeat query
every few seconds of silence notices a link that died without the server saying so; it repeats the
(idempotent) LISTEN, so ``pg_stat_activity`` always shows what this connection is for.
"""

from __future__ import annotations

import json
import logging
import select
import threading
import time
from typing import Any

import psycopg2
import psycopg2.extensions

from commandcenter.persistence.change_feed.base import Change, ChangeFeed
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)

CHANNEL = "cc_changes"


class PostgresChangeFeed(ChangeFeed):
    lost_errors = (psycopg2.Error, OSError)
    wake_interval_s = 0.2
    heartbeat_interval_s = 5.0

    def __init__(self, store: Store) -> None:
        super().__init__()
        # The engine's own translation of its URL (handles ``?host=/socket/dir`` and passwords).
        self._connect_args, self._connect_kwargs = store.engine.dialect.create_connect_args(store.engine.url)
        self._connect_kwargs.setdefault("connect_timeout", 5)
        self._connect_kwargs.setdefault("application_name", "commandcenter change feed")

    def _open(self) -> psycopg2.extensions.connection:
        connection = psycopg2.connect(*self._connect_args, **self._connect_kwargs)
        connection.set_session(autocommit=True)
        with connection.cursor() as cursor:
            cursor.execute(f"LISTEN {CHANNEL}")
        return connection

    def _watch(self, connection: psycopg2.extensions.connection, stop: threading.Event) -> None:
        quiet_since = time.monotonic()
        while not stop.is_set():
            readable, _, _ = select.select([connection], [], [], self.wake_interval_s)
            if readable:
                connection.poll()  # raises OperationalError when the server closed the link
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > self.heartbeat_interval_s:
                with connection.cursor() as cursor:
                    cursor.execute(f"LISTEN {CHANNEL}")
                quiet_since = time.monotonic()
            while connection.notifies:
                self._deliver(connection.notifies.pop(0).payload)

    def _deliver(self, payload: str) -> None:
        try:
            fields: dict[str, Any] = json.loads(payload)
            change = Change(
                table=str(fields["table"]),
                case_id=_optional_int(fields.get("case_id")),
                status=fields.get("status"),
                version=_optional_int(fields.get("version")),
            )
        except (ValueError, KeyError, TypeError) as error:  # e.g. someone's manual NOTIFY from psql
            log.warning("ignoring malformed %s payload %r: %s", CHANNEL, payload, error)
            return
        self.events.emit(change)

    def _close(self, connection: psycopg2.extensions.connection) -> None:
        connection.close()  # never raises, also not on a dead link


def _optional_int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]
