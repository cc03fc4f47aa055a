"""The gateway process's frame: the JT/T 808 server joins when its module is there (and the gateway
runs without it, saying so, when not); components start in order, stop in reverse, and ``/health``
shows each one's counters."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.config import GatewaySettings
from commandcenter.gateway import service
from commandcenter.gateway.service import Gateway, components
from commandcenter.persistence.store import Store

FAKE_SERVER = """
EVENTS = []


class Jt808Server:
    def __init__(self, store, settings, name):
        self.name = "jt808"
        self.args = (store, settings, name)

    async def start(self):
        EVENTS.append("jt808 started")

    async def stop(self):
        EVENTS.append("jt808 stopped")

    def counters(self):
        return {"frames": 7}
"""


@pytest.fixture
def fake_jt808(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    (tmp_path / "fake_jt808_server.py").write_text(FAKE_SERVER)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(service, "JT808_MODULE", "fake_jt808_server")
    import fake_jt808_server  # type: ignore[import-not-found]

    yield fake_jt808_server
    sys.modules.pop("fake_jt808_server", None)


def settings() -> GatewaySettings:
    return GatewaySettings(name="gw", http_host="127.0.0.1", http_port=0)


def test_without_the_jt808_module_the_gateway_runs_without_it_and_says_so(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(service, "JT808_MODULE", "commandcenter.gateway.no_such_module")
    caplog.set_level("INFO", logger="commandcenter.gateway")
    assert service.optional_jt808(store, settings(), "gw") == []
    assert "event=component_missing component=jt808" in caplog.text
    running = service.components(store, settings(), "gw", CurrentIntake(store))
    assert [component.name for component in running] == ["webhooks", "positions"]


def test_components_start_in_order_stop_in_reverse_and_report_to_health(
    store: Store, fake_jt808: Any
) -> None:
    (jt808,) = service.optional_jt808(store, settings(), "gw")
    assert jt808.args == (store, settings(), "gw")  # type: ignore[attr-defined]
    gateway = Gateway(store, settings(), "gw", [jt808])
    assert [component.name for component in gateway.components] == ["http", "jt808"]

    async def scenario() -> tuple[int, Mapping[str, Any]]:
        stop = asyncio.Event()
        running = asyncio.create_task(gateway.run(stop))
        while "jt808 started" not in fake_jt808.EVENTS:
            await asyncio.sleep(0.01)
        url = f"http://127.0.0.1:{gateway.http.port}/health"
        async with aiohttp.ClientSession() as session, session.get(url) as answer:
            health = (answer.status, await answer.json())
        fake_jt808.EVENTS.append("stop asked")
        stop.set()
        await running
        return health

    status, body = asyncio.run(scenario())
    assert status == 200
    assert body["gateway"] == "gw"
    assert body["database"] == "ok"
    assert body["components"]["jt808"] == {"frames": 7}
    assert body["components"]["http"]["requests"] == 0  # /health counts itself once answered
    assert fake_jt808.EVENTS == ["jt808 started", "stop asked", "jt808 stopped"]


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
