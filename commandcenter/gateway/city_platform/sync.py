"""``CityPlatformSync``: the ``GatewayComponent`` that keeps one city platform and this centre in step,
every ``interval``: cases in, status back, positions in (see the package docstring for where each goes
and why nothing is lost or doubled). Each leg stops at the first ``PlatformUnavailable`` or
``DatabaseUnavailable`` and keeps its cursor, so the next round resumes where this one stopped;
blocking database work runs on threads, off the event loop."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.units import Position
from commandcenter.feeds.sink import PositionSink
from commandcenter.gateway.city_platform.cursor import Cursor, CursorFile
from commandcenter.gateway.city_platform.platform import PlatformCase, PlatformClient, PlatformUnavailable
from commandcenter.gateway.city_platform.status_back import SETTLE, StatusBack
from commandcenter.gateway.open311.words import rejection_line
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.gateway import platform_links as links
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)


class CityPlatformSync:
    def __init__(
        self,
        name: str,
        client: PlatformClient,
        store: Store,
        intake: CurrentIntake,
        sink: PositionSink,
        cursor_file: CursorFile,
        *,
        interval: float = 5.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        settle: timedelta = SETTLE,
    ) -> None:
        """``settle``: how long a told step is re-read before the status cursor passes it
        (``status_back``)."""
        self.name = f"city-platform:{name}"
        self._platform, self._client, self._store = name, client, store
        self._intake, self._sink, self._cursor_file = intake, sink, cursor_file
        self._interval, self._clock = interval, clock
        self._counts: Counter[str] = Counter()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._client_id: int | None = None
        self._cursor: Cursor | None = None  # read from the file once, then kept and written through
        self._status = StatusBack(client, store, self._load, self._save, self._counts, clock, settle)

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        """The round in flight finishes (what it filed is linked, its cursor saved) first."""
        self._stopping.set()
        if self._task is not None:
            await self._task
            self._task = None

    def counters(self) -> Mapping[str, object]:
        return dict(self._counts)

    async def sync_once(self) -> None:
        """One round: each leg on its own, an outage in one does not hold back the others."""
        for leg in (self._cases_in, self._status_back, self._positions_in):
            try:
                await leg()
            except (PlatformUnavailable, DatabaseUnavailable) as error:
                self._counts[f"{leg.__name__.strip('_')}_outages"] += 1
                log.warning("%s: %s", self.name, error)

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.sync_once()
            except Exception:  # one bad round must not end the adapter
                self._counts["errors"] += 1
                log.exception("%s: round failed", self.name)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)

    async def _cases_in(self) -> None:
        """Every page of the cursor, then the new cursor: an outage mid-way re-reads the pages (the
        links file each case once)."""
        since = (await self._load()).cases
        client_id = await self._platform_client()
        page: int | None = 1
        while page is not None:
            answer = await self._client.cases(since, page)
            for case in answer.cases:
                await asyncio.to_thread(self._receive, client_id, case)
            page = answer.next_page
        await self._save(cases=answer.cursor)

    def _receive(self, client_id: int, case: PlatformCase) -> None:
        """Worker thread: file one platform case unless it was linked before, then link it."""
        if links.linked_case(self._store, client_id, case.platform_id) is not None:
            self._counts["cases_repeated"] += 1
            return
        intake = self._intake.current()
        if intake is None:
            raise DatabaseUnavailable(self._store.url, "no district to screen by")
        report = IncomingReport(
            case.category_code,
            case.lon,
            case.lat,
            source=links.PLATFORM_SOURCE,
            reporter=case.reporter or f"{links.PLATFORM_SOURCE}:{self._platform}",
            description=case.description,
            address=case.address,
            datum=case.datum,
        )
        now = self._clock()
        outcome = intake.receive(report, now)
        became = (outcome.case_id, outcome.review_id)
        reason = "" if outcome.case_id or outcome.review_id else rejection_line(outcome.result.rejections)
        where = (case.lon, case.lat)
        links.link_case(
            self._store, client_id, case.platform_id, case.category_code, where, became, now, reason
        )
        self._counts[
            "cases_merged" if outcome.merged else "cases_filed" if outcome.case_id else "cases_refused"
        ] += 1

    async def _status_back(self) -> None:
        await self._status.run(await self._platform_client())

    async def _positions_in(self) -> None:
        batch = await self._client.positions((await self._load()).positions)
        units = await asyncio.to_thread(links.units_by_vehicle, self._store)
        positions = [
            Position(units[fix.vehicle], fix.ts, fix.lon, fix.lat, fix.speed_kmh, fix.heading_deg)
            for fix in batch.fixes
            if fix.vehicle in units
        ]
        self._counts["positions_unknown_vehicle"] += len(batch.fixes) - len(positions)
        if positions:
            report = await asyncio.to_thread(self._sink.write, positions, self._clock())
            self._counts["positions_written"] += report.written
            self._counts["positions_refused"] += report.refused
        await self._save(positions=batch.cursor)

    async def _platform_client(self) -> int:
        if self._client_id is None:
            self._client_id = await asyncio.to_thread(
                links.platform_client, self._store, self._platform, self._clock()
            )
        return self._client_id

    async def _load(self) -> Cursor:
        if self._cursor is None:
            self._cursor = await asyncio.to_thread(self._cursor_file.load)
        return self._cursor

    async def _save(self, **changes: object) -> None:
        cursor = dataclasses.replace(await self._load(), **changes)  # type: ignore[arg-type]
        await asyncio.to_thread(self._cursor_file.save, cursor)
        self._cursor = cursor
