"""A database that goes away under the JT/T 808 server (real PostgreSQL, shut to connections): a
report that cannot be stored is not acknowledged — the terminal sends it again — and the session
stays open; once the database is back the report is stored and acknowledged."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from commandcenter.feeds.jt808 import location
from commandcenter.feeds.jt808.platform_response import PlatformResult, decode_platform_response
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary
from commandcenter.testing.jt808_serving import eventually, load_truck, serving, terminal_of


@pytest.mark.postgres
def test_an_unstored_report_is_not_acknowledged(pg_url: str, pg_gate: Callable[[bool], None]) -> None:
    store = Store.open(pg_url)
    load_truck(store)

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            await truck.register()
            assert await truck.authenticate() == PlatformResult.OK
            await asyncio.to_thread(pg_gate, False)
            serial, report = truck.frame(location.MSG_ID, location.encode_location(truck.report_now()))
            truck.send_raw(report)

            async def refused() -> bool:
                return server.counters()["errors"] == 1

            await eventually(refused)
            assert await truck.heartbeat() == PlatformResult.OK  # the session lives on
            acks = [decode_platform_response(f.body) for f in truck.received if f.header.msg_id == 0x8001]
            assert serial not in [a.ack_serial for a in acks]
            await asyncio.to_thread(pg_gate, True)
            assert await truck.report() == PlatformResult.OK  # sent again, stored, acknowledged
            assert feed_summary(store).position_high_water == 1

    try:
        asyncio.run(scenario())
    finally:
        store.close()
