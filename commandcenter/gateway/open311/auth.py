"""Who sent a request: its ``api_key`` (the query string or the body) checked against the stored
digests (``persistence.accounts.api_keys``), with the key's client profile.

A verified key is remembered for ``ttl`` seconds (by its digest, never the key) so a busy client
costs no database read per request; a revoked key is therefore refused within ``ttl`` at the
latest. An unknown key is never remembered (a typo fixed works at once)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from commandcenter.domain.api_keys import ApiKeyRecord
from commandcenter.gateway.open311.words import missing_key, unknown_key
from commandcenter.persistence.accounts.api_keys import digest_of, find_api_key
from commandcenter.persistence.store import Store

DEFAULT_TTL_S = 30.0


class ApiKeys:
    def __init__(self, store: Store, ttl: float = DEFAULT_TTL_S, clock: Callable[[], float] = time.monotonic):
        self.store, self.ttl, self._clock = store, ttl, clock
        self._known: dict[str, tuple[float, ApiKeyRecord]] = {}
        self._lock = threading.Lock()

    def remembered(self, key: str | None) -> ApiKeyRecord | None:
        """The key's record if it was verified within ``ttl`` (no I/O: the event loop asks this
        first and sends only a miss to a worker thread — a thread hop per report cost more CPU than
        the check)."""
        if not key:
            return None
        with self._lock:
            known = self._known.get(digest_of(key))
        return known[1] if known is not None and known[0] > self._clock() else None

    def client(self, key: str | None) -> ApiKeyRecord:
        """Worker thread: the key's record, or ``Open311Error`` 401 (none given) / 403 (unknown,
        revoked); ``DatabaseUnavailable`` passes through."""
        if not key:
            raise missing_key()
        remembered = self.remembered(key)
        if remembered is not None:
            return remembered
        digest, now = digest_of(key), self._clock()
        record = find_api_key(self.store, key)
        if record is None:
            raise unknown_key()
        with self._lock:
            self._known[digest] = (now + self.ttl, record)
        return record
