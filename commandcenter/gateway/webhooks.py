"""The webhook sender: delivers the ``webhook_outbox`` (answers to citizens' clients) to each API key's
``webhook_url``, exactly once as far as a receiver can tell, surviving restarts.

Every ``interval`` it claims the due rows (``persistence.gateway.outbox.claim_due``: a conditional
UPDATE, so two gateway processes never send one row at the same time), POSTs each payload as JSON
with an ``Idempotency-Key`` header (the outbox id, so a receiver drops a repeat after a crash between
its 2xx and our commit), marks a 2xx delivered and anything else failed, due again after
``base_backoff × 2^attempts`` capped at ``max_backoff``. The outbox keeps photos as stored
(``photo:<sha256>``, written in the workflow's transaction, which knows no address); the payload a
receiver gets names them by their absolute URL under ``media_base`` (``gateway.open311.media``).
After ``max_attempts`` the row stays listed with its last error (the case detail shows it); nothing
is deleted. Database work runs on a thread (``asyncio.to_thread``) so the event loop keeps serving
terminals and the API.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from commandcenter.domain.client_answers import MAX_ATTEMPTS, DueAnswer
from commandcenter.gateway.open311.media import media_urls
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.gateway import outbox
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)
IDEMPOTENCY_HEADER = "Idempotency-Key"


def backoff(attempts: int, base: float, cap: float) -> timedelta:
    """The wait after the ``attempts``-th failure (1, 2, …): base, 2×base, 4×base … at most ``cap``."""
    return timedelta(seconds=min(cap, base * 2 ** max(0, attempts - 1)))


def outward(payload: Mapping[str, Any], media_base: str) -> dict[str, Any]:
    """The payload as a receiver gets it: its ``media_urls`` fetchable URLs under ``media_base``."""
    sent = dict(payload)
    photos = sent.get("media_urls")
    if media_base and isinstance(photos, list):
        sent["media_urls"] = media_urls([str(photo) for photo in photos], media_base)
    return sent


class WebhookSender:
    """A ``GatewayComponent``; ``send_due`` is one round (the loop's body, and what tests drive)."""

    name = "webhooks"

    def __init__(
        self,
        store: Store,
        *,
        interval: float = 1.0,
        base_backoff: float = 10.0,
        max_backoff: float = 3600.0,
        max_attempts: int = MAX_ATTEMPTS,
        timeout: float = 10.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        media_base: str = "",
    ) -> None:
        """``media_base``: where clients fetch photos (``media.listener_base``); "" keeps ``photo:``."""
        self._store = store
        self._media_base = media_base
        self._interval = interval
        self._base, self._cap, self._max_attempts = base_backoff, max_backoff, max_attempts
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._lease = timedelta(seconds=timeout * 3)  # longer than one attempt can take
        self._clock = clock
        self._session: aiohttp.ClientSession | None = None
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._counts: Counter[str] = Counter()

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=self._timeout)
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name="webhook-sender")

    async def stop(self) -> None:
        """Stop claiming; the round in flight finishes (its rows are marked) before this returns."""
        self._stopping.set()
        if self._task is not None:
            await self._task
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    def counters(self) -> Mapping[str, object]:
        return dict(self._counts)

    async def send_due(self) -> int:
        """Claim and deliver what is due now; returns how many were delivered."""
        session = self._session
        owned = session is None
        if session is None:
            session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            now = self._clock()
            due = await asyncio.to_thread(
                outbox.claim_due, self._store, now, self._lease, 50, self._max_attempts
            )
            results = await asyncio.gather(*(self._deliver(session, row) for row in due))
            return sum(results)
        finally:
            if owned:
                await session.close()

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.send_due()
            except DatabaseUnavailable as error:
                self._counts["database_unavailable"] += 1
                log.warning("webhook outbox unreachable: %s", error)
            except Exception:  # one bad round must not end the sender
                self._counts["errors"] += 1
                log.exception("webhook round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)

    async def _deliver(self, session: aiohttp.ClientSession, row: DueAnswer) -> int:
        error = await self._post(session, row)
        now = self._clock()
        if error is None:
            await asyncio.to_thread(outbox.mark_delivered, self._store, row.id, now)
            self._counts["delivered"] += 1
            return 1
        attempts = row.attempts + 1
        retry_at = now + backoff(attempts, self._base, self._cap)
        last = attempts >= self._max_attempts
        await asyncio.to_thread(outbox.mark_failed, self._store, row.id, error, retry_at, last=last)
        self._counts["failed_attempts"] += 1
        self._counts["gave_up"] += last
        return 0

    async def _post(self, session: aiohttp.ClientSession, row: DueAnswer) -> str | None:
        """None when the receiver took it (2xx), else why not."""
        if not row.url:
            return "no webhook_url for this API key"
        event = str(row.payload.get("event", ""))
        headers = {IDEMPOTENCY_HEADER: str(row.id), "X-CommandCenter-Event": event}
        payload = outward(row.payload, self._media_base)
        try:
            async with session.post(row.url, json=payload, headers=headers) as response:
                if 200 <= response.status < 300:
                    return None
                return f"HTTP {response.status}"
        except (aiohttp.ClientError, TimeoutError) as error:
            return f"{type(error).__name__}: {error}"
