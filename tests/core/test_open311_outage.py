"""The database gone away (PostgreSQL refusing connections, for real): the gateway answers 503 with
Open311's error shape and ``/health`` says why; once it is back, the same report is filed once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest

from commandcenter.config import GatewaySettings
from commandcenter.gateway.http_server import HttpServer
from commandcenter.gateway.service import Gateway
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import JPEG, POINT, count, make_key, serve

pytestmark = pytest.mark.postgres


def test_an_outage_is_a_503_and_nothing_is_half_stored(pg_url: str, pg_gate: Callable[[bool], None]) -> None:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    key = make_key(store)
    fields = {
        "api_key": key,
        "service_code": "S0501",
        "media_url": "https://x.cn/1.jpg",
        "client_ref": "c1",
        **POINT,
    }
    gateway = Gateway(store, GatewaySettings(name="gw", http_host="127.0.0.1", http_port=0), "gw")

    async def scenario() -> list[tuple[int, Any]]:
        server: HttpServer = gateway.http
        await server.start()
        answers = []
        try:
            async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{server.port}") as session:
                async with session.post("/requests.json", data=fields) as warm:  # the key and intake cached
                    answers.append((warm.status, await warm.json()))
                await asyncio.to_thread(pg_gate, False)
                for method, path, data in (
                    ("POST", "/requests.json", fields | {"client_ref": "c2"}),
                    ("GET", "/health", None),
                ):
                    async with session.request(method, path, data=data) as answer:
                        answers.append((answer.status, await answer.json()))
                await asyncio.to_thread(pg_gate, True)
                for _ in range(2):
                    async with session.post("/requests.json", data=fields | {"client_ref": "c2"}) as again:
                        answers.append((again.status, await again.json()))
        finally:
            await server.stop()
        return answers

    try:
        warm, down, health, after, repeat = asyncio.run(scenario())
        assert warm[0] == 200
        assert down[0] == 503
        assert down[1][0]["code"] == 503
        assert "unavailable" in down[1][0]["description"]
        assert health[0] == 503
        assert health[1]["database"].startswith("unavailable")
        assert "http" in health[1]["components"]
        assert after[0] == 200
        assert repeat == after
        assert count(store, "open311_requests") == 2
        assert count(store, "cases") == 1  # c2 merged into c1's case: one case, two requests
    finally:
        store.close()


@pytest.mark.parametrize("photo", [False, True], ids=["media_url", "photo"])
def test_without_pre_ping_a_dropped_connection_is_one_503_then_recovers(
    pg_url: str, pg_gate: Callable[[bool], None], photo: bool
) -> None:
    """The gateway's engine skips the checkout ping (``commandcenter gateway``): PostgreSQL ending
    every connection (pg_terminate_backend) costs the next request a 503 and stores nothing; the
    pools are renewed together, so the request after it — the same report repeated — is filed,
    once. With a photo, the report's first statement runs on the binary pool (``Store.binary``),
    which must renew the other two: otherwise the repeat fails again on their dead connections."""
    store = Store.open(pg_url, pre_ping=False)
    replace_all(store, minimal_district())
    key = make_key(store)
    fields = {"api_key": key, "service_code": "S0501", **POINT}

    def body(client_ref: str) -> aiohttp.FormData:
        form = aiohttp.FormData(fields | {"client_ref": client_ref})
        if photo:
            form.add_field("media", JPEG, filename="现场.jpg", content_type="image/jpeg")
        else:
            form.add_field("media_url", "https://x.cn/1.jpg")
        return form

    async def scenario(session: aiohttp.ClientSession) -> list[int]:
        statuses = []
        async with session.post("/requests.json", data=body("w")) as warm:
            statuses.append(warm.status)
        await asyncio.to_thread(pg_gate, False)  # every open connection ended …
        await asyncio.to_thread(pg_gate, True)  # … and the database back at once
        for _ in range(2):
            async with session.post("/requests.json", data=body("d")) as sent:
                statuses.append(sent.status)
        return statuses

    try:
        assert serve(store, scenario) == [200, 503, 200]
        assert store.execute_raw("SELECT client_ref, status FROM open311_requests ORDER BY id") == [
            ("w", "open"),
            ("d", "open"),
        ]
        assert count(store, "stored_photos") == (1 if photo else 0)  # the same bytes twice: one row
    finally:
        store.close()
