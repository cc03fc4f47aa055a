"""Open311 tests and the intake benchmark: the gateway's HTTP side on a real loopback port, a key per
client profile, and a JPEG's bytes (only its signature matters to the photo check)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

import aiohttp

from commandcenter.accounts.principal import command_line_principal
from commandcenter.domain.api_keys import ApiKeyProfile
from commandcenter.gateway.http_server import HttpServer
from commandcenter.gateway.open311.app import open311_api
from commandcenter.persistence.store import Store
from commandcenter.services.admin_service import AdminService

T = TypeVar("T")
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2048
POINT = {"lat": "34.71", "long": "113.61"}  # on 大学路第1段 of the minimal district (WGS-84)


def make_key(store: Store, name: str = "wechat", **profile: object) -> str:
    return AdminService(store, command_line_principal()).create_api_key(name, ApiKeyProfile(**profile))  # type: ignore[arg-type]


def serve(store: Store, scenario: Callable[[aiohttp.ClientSession], Awaitable[T]], public_url: str = "") -> T:
    """Run ``scenario`` against the gateway's HTTP side on 127.0.0.1 (a free port), then stop it;
    ``public_url`` as ``[gateway] public_url``."""

    async def run() -> T:
        server = HttpServer(open311_api(store, public_url=public_url), "127.0.0.1", 0)
        await server.start()
        try:
            async with aiohttp.ClientSession(base_url=f"http://127.0.0.1:{server.port}") as session:
                return await scenario(session)
        finally:
            await server.stop()

    return asyncio.run(run())


def count(store: Store, table: str) -> int:
    return int(store.execute_raw(f"SELECT count(*) FROM {table}")[0][0])
