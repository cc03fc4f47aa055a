"""The gateway process's frame: its components (webhooks, positions' upkeep, JT/T 808, a configured
city platform) start in order, stop in reverse, and ``/health`` shows each one's counters."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import aiohttp

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.config import GatewaySettings
from commandcenter.gateway import service
from commandcenter.gateway.service import Gateway, components
from commandcenter.persistence.store import Store


class FakeJt808:
    """Stands for a component: records when it starts and stops, reports its counters."""

    def __init__(self, events: list[str]) -> None:
        self.name = "jt808"
        self.events = events

    async def start(self) -> None:
        self.events.append("jt808 started")

    async def stop(self) -> None:
        self.events.append("jt808 stopped")

    def counters(self) -> Mapping[str, Any]:
        return {"frames": 7}


def settings() -> GatewaySettings:
    return GatewaySettings(name="gw", http_host="127.0.0.1", http_port=0)


def test_the_gateway_runs_its_components_in_order(store: Store) -> None:
    running = service.components(store, settings(), "gw", CurrentIntake(store))
    assert [component.name for component in running] == ["webhooks", "positions", "jt808"]


def test_components_start_in_order_stop_in_reverse_and_report_to_health(store: Store) -> None:
    events: list[str] = []
    gateway = Gateway(store, settings(), "gw", [FakeJt808(events)])
    assert [component.name for component in gateway.components] == ["http", "jt808"]

    async def scenario() -> tuple[int, Mapping[str, Any]]:
        stop = asyncio.Event()
        running = asyncio.create_task(gateway.run(stop))
        while "jt808 started" not in events:
            await asyncio.sleep(0.01)
        url = f"http://127.0.0.1:{gateway.http.port}/health"
        async with aiohttp.ClientSession() as session, session.get(url) as answer:
            health = (answer.status, await answer.json())
        events.append("stop asked")
        stop.set()
        await running
        return health

    status, body = asyncio.run(scenario())
    assert status == 200
    assert body["gateway"] == "gw"
    assert body["database"] == "ok"
    assert body["components"]["jt808"] == {"frames": 7}
    assert body["components"]["http"]["requests"] == 0  # /health counts itself once answered
    assert events == ["jt808 started", "stop asked", "jt808 stopped"]


def test_a_configured_city_platform_joins_the_gateways_components(tmp_path: Path) -> None:
    """``[gateway] city_platform_url`` starts the platform's feed beside the others; none without it."""
    store = Store.open(f"sqlite:///{tmp_path / 'gw.sqlite'}")
    try:
        intake = CurrentIntake(store)
        plain = [component.name for component in components(store, GatewaySettings(), "gw", intake)]
        assert not any(name.startswith("city-platform") for name in plain)
        configured = GatewaySettings(city_platform_url="http://127.0.0.1:9/feed", city_platform_name="szcg")
        names = [component.name for component in components(store, configured, "gw", intake)]
        assert names[-1] == "city-platform:szcg"
    finally:
        store.close()
