"""Status back to the city platform, the two ways it used to leave the platform waiting: a case our
intake refused outright (told once, as 不予受理 with intake's reason line, across a failed POST and a
restart), and a step whose transaction commits after a higher event id was already told (PostgreSQL:
re-read until it settles, so it still arrives, once)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import insert

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.feeds.sink import PositionSink
from commandcenter.gateway.city_platform.cursor import CursorFile
from commandcenter.gateway.city_platform.json_feed import JsonFeedPlatform
from commandcenter.gateway.city_platform.sync import CityPlatformSync
from commandcenter.persistence.cases.models import CaseEvent
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.store import Store
from commandcenter.testing.city_platform import LoopbackPlatform, platform_district

NOW = datetime.now(UTC)
FILED = {"id": "P-1", "category": "S0501", "lon": 113.604, "lat": 34.704}
SECOND = {"id": "P-2", "category": "S0501", "lon": 113.607, "lat": 34.707}
SWAPPED = {"id": "P-8", "category": "S0501", "lon": 34.704, "lat": 113.604}  # the reporter's own to fix
NOWHERE = {
    "id": "P-9",
    "category": "X9999",
    "lon": 113.6,
    "lat": 34.7,
    "datum": "beijing54",
}  # nor 待甄别 can keep it


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def district(store: Store) -> Store:
    return platform_district(store)


def platform(pages: dict[str, list[list[dict[str, Any]]]], after: dict[str, str]) -> LoopbackPlatform:
    return LoopbackPlatform(pages, after, {"": ([], "")}, NOW)


def adapter(
    store: Store, url: str, session: aiohttp.ClientSession, folder: Path, clock: Clock
) -> CityPlatformSync:
    client = JsonFeedPlatform(url, session)
    intake, sink = CurrentIntake(store), PositionSink(store)
    return CityPlatformSync("city", client, store, intake, sink, CursorFile("city", folder), clock=clock)


def test_a_case_refused_outright_is_told_once_with_the_reason(district: Store, tmp_path: Path) -> None:
    loop = platform({"": [[FILED, SWAPPED], [NOWHERE]], "c1": [[SWAPPED]]}, {"": "c1", "c1": "c1"})

    async def scenario() -> None:
        await loop.up()
        async with aiohttp.ClientSession() as session:
            sync = adapter(district, loop.url, session, tmp_path, Clock())
            loop.fail["status"] = 1  # the first refusal's POST fails: told again next round
            await sync.sync_once()
            await sync.sync_once()  # P-8 repeated after the cursor: linked before, not told again
            (tmp_path / "city-platform-city.json").unlink()  # the bookmark lost …
            await adapter(district, loop.url, session, tmp_path, Clock()).sync_once()  # … and restarted
        await loop.down()

    asyncio.run(scenario())
    refusals = loop.refusals()
    assert [(key, ref) for key, ref, _ in refusals] == [("refused:P-8", "P-8"), ("refused:P-9", "P-9")]
    reasons = {ref: reason for _, ref, reason in refusals}
    assert "经纬度颠倒" in reasons["P-8"] or "swapped" in reasons["P-8"], reasons
    assert " / " in reasons["P-8"]
    assert " / " in reasons["P-9"]
    bodies = [body for _, ref, body in loop.statuses if ref == "P-9"]
    assert bodies[0]["event_id"] is None
    assert bodies[0]["case_number"] == ""
    assert district.execute_raw(
        "SELECT client_ref, status FROM open311_requests WHERE case_id IS NULL ORDER BY client_ref"
    ) == [("P-8", "closed"), ("P-9", "closed")]
    told_p1 = [body["status"] for _, ref, body in loop.statuses if ref == "P-1"]
    assert told_p1 == ["受理", "受理"]  # the lost bookmark re-tells steps (same key: the platform drops it)


@pytest.mark.postgres
def test_a_step_committed_after_a_higher_id_still_reaches_the_platform(pg_url: str, tmp_path: Path) -> None:
    store = platform_district(Store.open(pg_url))
    loop = platform({"": [[FILED, SECOND]]}, {"": ""})
    clock = Clock()

    async def scenario() -> tuple[int, int]:
        await loop.up()
        async with aiohttp.ClientSession() as session:
            sync = adapter(store, loop.url, session, tmp_path, clock)
            await sync.sync_once()  # both filed, 受理 ×2 told
            first, second = (int(row[0]) for row in store.execute_raw("SELECT id FROM cases ORDER BY number"))
            with store.engine.connect() as slow:  # a step that takes its id now and commits last
                transaction = slow.begin()
                values = {"case_id": first, "ts": NOW, "actor": "值班员乙", "action": "立案"}
                values |= {"from_status": "受理", "to_status": "立案", "note": "慢", "payload": {}}
                lower = int(
                    slow.execute(insert(CaseEvent).values(values).returning(CaseEvent.id)).scalar_one()
                )
                apply_transition(store, second, read_case(store, second).version, "立案", "值班员甲", "", NOW)
                higher = int(
                    store.execute_raw(f"SELECT max(id) FROM case_events WHERE case_id = {second}")[0][0]
                )
                assert higher > lower
                clock.now += timedelta(seconds=5)
                await sync.sync_once()  # the higher id is told; the lower one is not visible yet
                transaction.commit()
            clock.now += timedelta(seconds=5)
            await sync.sync_once()  # the lower id, committed late, is read again from the mark
            clock.now += timedelta(minutes=10)
            await sync.sync_once()  # settled: the mark passes both
            await adapter(store, loop.url, session, tmp_path, clock).sync_once()  # a restart repeats nothing
        await loop.down()
        return lower, higher

    try:
        lower, higher = asyncio.run(scenario())
    finally:
        store.close()
    keys = [key for key, _, _ in loop.statuses]
    assert len(keys) == len(set(keys)) == 4, keys  # 受理 ×2, then both 立案, each once
    assert keys[2:] == [str(higher), str(lower)], keys  # the late one arrived, after the higher
    assert CursorFile("city", tmp_path).load().status_event == higher
    assert CursorFile("city", tmp_path).load().status_told == ()
