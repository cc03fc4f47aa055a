"""The gateway runs the upkeep of ``positions`` at start, off the event loop, and shows it on
``/health``; two gateways on one PostgreSQL make each coming day's partition once between them."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp

from commandcenter.config import GatewaySettings, PositionSettings
from commandcenter.gateway.position_upkeep import PositionUpkeepComponent
from commandcenter.gateway.service import Gateway
from commandcenter.persistence.store import Store
from commandcenter.testing.position_days import fleet, partitions

AHEAD = 9


def test_two_gateways_run_the_upkeep_at_start_and_report_it(store: Store) -> None:
    fleet(store)
    upkeeps = [PositionUpkeepComponent(store, PositionSettings(30, AHEAD), f"gw{n}") for n in (1, 2)]
    settings = GatewaySettings(name="gw1", http_host="127.0.0.1", http_port=0)
    gateway = Gateway(store, settings, "gw1", [upkeeps[0]])

    async def scenario() -> Mapping[str, Any]:
        stop = asyncio.Event()
        running = asyncio.create_task(gateway.run(stop))
        await upkeeps[1].start()
        while not all(upkeep.counters().get("rounds") for upkeep in upkeeps):
            await asyncio.sleep(0.02)
        url = f"http://127.0.0.1:{gateway.http.port}/health"
        async with aiohttp.ClientSession() as session, session.get(url) as answer:
            health: Mapping[str, Any] = await answer.json()
        await upkeeps[1].stop()
        stop.set()
        await running
        return health

    health = asyncio.run(scenario())
    counters = health["components"]["positions"]
    assert counters["rounds"] == 1
    created = sum(upkeep.counters().get("partitions_created", 0) for upkeep in upkeeps)
    if store.dialect == "postgresql":
        today = datetime.now(UTC).date()
        days = {f"positions_{today + timedelta(days=n):%Y%m%d}" for n in range(AHEAD + 1)}
        assert days <= partitions(store)
        assert created == AHEAD - 3  # today … today+3 came with the migration; each other day once
    else:
        assert created == 0
    assert "errors" not in counters
