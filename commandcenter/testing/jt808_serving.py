"""Shared by the JT/T 808 server tests: a server on a loopback port over a store holding the minimal
district and its one muck truck, terminals connected to it, and a wait for a condition the server
reaches asynchronously."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace

from commandcenter.config import GatewaySettings
from commandcenter.gateway.jt808_server import Jt808Server
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.jt808_terminal import Jt808Terminal
from commandcenter.testing.minimal_district import minimal_district_with_truck

TERMINAL = "013800138000"
GATEWAY = "gw-test"
SETTINGS = GatewaySettings(jt808_host="127.0.0.1", jt808_port=0, position_batch_ms=20, command_poll_s=3600)


def load_truck(store: Store, terminal_id: str = TERMINAL) -> None:
    replace_all(store, minimal_district_with_truck(terminal_id))


@asynccontextmanager
async def serving(store: Store, **settings: object) -> AsyncIterator[Jt808Server]:
    server = Jt808Server(store, replace(SETTINGS, **settings), GATEWAY)  # type: ignore[arg-type]
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@asynccontextmanager
async def terminal_of(
    server: Jt808Server, phone: str = TERMINAL, **options: object
) -> AsyncIterator[Jt808Terminal]:
    terminal = Jt808Terminal(phone, "127.0.0.1", server.port, **options)  # type: ignore[arg-type]
    await terminal.connect()
    try:
        yield terminal
    finally:
        await terminal.close()


async def eventually(condition: Callable[[], Awaitable[bool]], timeout_s: float = 10.0) -> None:
    """Wait until ``condition`` holds (checked off the loop's back, every 20 ms) or fail."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached"
        await asyncio.sleep(0.02)
