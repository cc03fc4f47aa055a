"""The live change feed (see ``base``): ``open_change_feed(store)`` picks the implementation for the
store's database — LISTEN/NOTIFY on PostgreSQL, a ``PRAGMA data_version`` poll on SQLite."""

from __future__ import annotations

from commandcenter.persistence.change_feed.base import RESYNC, Change, ChangeFeed
from commandcenter.persistence.change_feed.postgres import PostgresChangeFeed
from commandcenter.persistence.change_feed.sqlite import SqliteChangeFeed
from commandcenter.persistence.store import Store

__all__ = ["RESYNC", "Change", "ChangeFeed", "open_change_feed"]


def open_change_feed(store: Store) -> ChangeFeed:
    """A feed for ``store``'s database, not yet started (``start()``)."""
    if store.dialect == "postgresql":
        return PostgresChangeFeed(store)
    return SqliteChangeFeed(store)
