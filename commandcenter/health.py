"""Is the command center healthy? Database, position feeds and video streams, checked in one call.

Qt-free so the status bar, the CLI and a future headless watchdog share one definition of "healthy".
``check`` blocks (it queries the database and probes streams): the UI calls it off the Qt thread.
The snapshot holds facts and levels, not sentences, so each front end words it in its own language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from commandcenter.domain.units import FeedSummary
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILED = "failed"
    UNKNOWN = "unknown"  # not checked (no probe, nothing configured, database down)


@dataclass(frozen=True)
class DatabaseHealth:
    url: str  # redacted: safe to show
    error: str | None  # the reason it failed, naming the URL; None when it answered

    @property
    def level(self) -> Level:
        return Level.OK if self.error is None else Level.FAILED


@dataclass(frozen=True)
class FeedHealth:
    newest_fix_age_s: float | None  # None: no unit has ever reported (or the database is down)
    reporting_units: int
    fixes_seen: int  # fixes stored since the monitor started
    stale_after_s: float

    @property
    def level(self) -> Level:
        if self.newest_fix_age_s is None:
            return Level.UNKNOWN
        return Level.OK if self.newest_fix_age_s <= self.stale_after_s else Level.WARNING


@dataclass(frozen=True)
class StreamHealth:
    total: int
    probed: int  # URLs with a result so far (a check probes only a few)
    up: int
    checking: bool  # False when no probe was given

    @property
    def level(self) -> Level:
        if not self.checking or self.total == 0 or self.probed == 0:
            return Level.UNKNOWN
        if self.up == self.probed:
            return Level.OK
        return Level.FAILED if self.up == 0 else Level.WARNING


@dataclass(frozen=True)
class HealthSnapshot:
    checked_at: datetime
    database: DatabaseHealth
    feeds: FeedHealth
    streams: StreamHealth


class HealthMonitor:
    """Keeps the little state a check needs: the fixes high-water at start and the last result of
    every stream URL, so each check probes only ``probes_per_check`` URLs (round robin) and a wall
    of hundreds of streams never makes one check slow."""

    def __init__(
        self,
        store: Store,
        stream_urls: Sequence[str],
        probe: Callable[[str], bool] | None,
        *,
        probes_per_check: int = 3,
        stale_after_s: float = 30.0,
    ) -> None:
        self._store = store
        self._urls = list(dict.fromkeys(stream_urls))
        self._probe = probe
        self._probes_per_check = probes_per_check
        self._stale_after_s = stale_after_s
        self._next_url = 0
        self._stream_up: dict[str, bool] = {}
        self._first_high_water: int | None = None
        self._database_was_ok = True

    def check(self) -> HealthSnapshot:
        now = datetime.now(UTC)
        summary: FeedSummary | None = None
        error: str | None = None
        try:
            self._store.verify()
            if not self._database_was_ok:
                # Back after a failure: pooled connections may still point at a file that was
                # replaced (or hold pages read while it was corrupt), so every reader reconnects —
                # before the first pooled read. Only once ``verify`` saw a good file: not at the
                # failure itself, when a new connection could meet a missing file.
                self._store.reset_connections()
            summary = feed_summary(self._store)
        except DatabaseUnavailable as failure:
            error = str(failure)
        self._database_was_ok = error is None
        return HealthSnapshot(
            checked_at=now,
            database=DatabaseHealth(self._store.url, error),
            feeds=self._feeds(summary, now),
            streams=self._streams(),
        )

    def _feeds(self, summary: FeedSummary | None, now: datetime) -> FeedHealth:
        if summary is None:
            return FeedHealth(None, 0, 0, self._stale_after_s)
        if self._first_high_water is None:
            self._first_high_water = summary.position_high_water
        age = None
        if summary.newest_fix is not None:
            newest = summary.newest_fix
            newest = newest if newest.tzinfo else newest.replace(tzinfo=UTC)
            age = max(0.0, (now - newest).total_seconds())
        seen = max(0, summary.position_high_water - self._first_high_water)
        return FeedHealth(age, summary.reporting_units, seen, self._stale_after_s)

    def _streams(self) -> StreamHealth:
        if self._probe is not None and self._urls:
            for _ in range(min(self._probes_per_check, len(self._urls))):
                url = self._urls[self._next_url]
                self._next_url = (self._next_url + 1) % len(self._urls)
                self._stream_up[url] = self._probe_safely(url)
        up = sum(self._stream_up.values())
        return StreamHealth(len(self._urls), len(self._stream_up), up, self._probe is not None)

    def _probe_safely(self, url: str) -> bool:
        """A probe that raises counts as "down": one bad URL must not fail the whole check."""
        assert self._probe is not None
        try:
            return bool(self._probe(url))
        except Exception:
            return False
