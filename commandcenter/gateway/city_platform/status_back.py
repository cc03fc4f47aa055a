"""Status back: what the platform hears of its cases — each refusal intake gave outright, then every
workflow step of a linked case — each once, with an idempotency key (``StatusEvent.key``).

Why the event cursor re-reads a trailing window: on PostgreSQL an event id is taken at INSERT and
seen at COMMIT, so a step whose transaction commits after a higher id was already read would be
passed over forever by a plain "after the last id" cursor. The cursor is therefore two parts
(``Cursor.status_event``, ``Cursor.status_told``): a settled mark, below which everything was told,
and the ids told above it, each with when this adapter first saw it. Every round re-reads from the
mark, sends only what is not in the told set, and moves the mark up past a told id only once it was
seen ``settle`` ago — by then any transaction that took a lower id had been open that long, which no
desk step is (the lower id's step arrives in the next round, late but once). Steps of one case cannot
commit out of order (the case's version serialises them), so each case's steps still reach the
platform in order. On SQLite writers are serialised and ids commit in order; the same code serves both.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from commandcenter.gateway.city_platform.cursor import Cursor
from commandcenter.gateway.city_platform.platform import PlatformClient
from commandcenter.persistence.gateway import platform_links as links
from commandcenter.persistence.store import Store

SETTLE = timedelta(minutes=5)  # longer than any desk step's transaction is open
PAGE = 200


class StatusBack:
    """One platform's status leg; the sync owns the cursor (``load``/``save``) and the counters."""

    def __init__(
        self,
        client: PlatformClient,
        store: Store,
        load: Callable[[], Awaitable[Cursor]],
        save: Callable[..., Awaitable[None]],
        counts: Counter[str],
        clock: Callable[[], datetime],
        settle: timedelta = SETTLE,
    ) -> None:
        self._client, self._store, self._load, self._save = client, store, load, save
        self._counts, self._clock, self._settle = counts, clock, settle

    async def run(self, client_id: int) -> None:
        await self._refusals(client_id)
        await self._steps(client_id)

    async def _refusals(self, client_id: int) -> None:
        """Each told, then marked on its link row, so a restart does not tell it again."""
        refusals = await asyncio.to_thread(links.untold_refusals, self._store, client_id)
        for refusal in refusals:
            await self._client.send_status(refusal)
            await asyncio.to_thread(links.refusal_told, self._store, client_id, refusal.platform_id)
            self._counts["refusals_sent"] += 1

    async def _steps(self, client_id: int) -> None:
        cursor = await self._load()
        told = dict(cursor.status_told)
        after = cursor.status_event
        while True:
            events = await asyncio.to_thread(links.status_events, self._store, client_id, after, PAGE)
            for event in events:  # in event order; each one the platform took is kept as told
                if event.event_id in told:
                    continue
                await self._client.send_status(event)
                told[event.event_id] = self._clock().timestamp()
                await self._save(status_told=tuple(sorted(told.items())))
                self._counts["status_sent"] += 1
            if len(events) < PAGE:
                break
            after = events[-1].event_id
        mark = self._settled(cursor.status_event, told)
        if (mark, tuple(sorted(told.items()))) != (cursor.status_event, cursor.status_told):
            await self._save(status_event=mark, status_told=tuple(sorted(told.items())))

    def _settled(self, mark: int, told: dict[int, float]) -> int:
        """The mark moved past the lowest told ids seen ``settle`` ago (up to the first younger one),
        which leave ``told``."""
        horizon = (self._clock() - self._settle).timestamp()
        for event_id in sorted(told):
            if told[event_id] > horizon:
                break
            mark = event_id
            del told[event_id]
        return mark
