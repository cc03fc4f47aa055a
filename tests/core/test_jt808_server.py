"""The JT/T 808 server on a real loopback socket over real SQLite and PostgreSQL: a truck registers,
authenticates and reports, and its unit moves on the map; an unknown terminal is answered "no such
vehicle" and listed; malformed frames and bad checksums are counted and the session goes on; a
0x0704 backfill is stored; ``stop`` flushes what was accepted and marks the sessions offline."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Row, select

from commandcenter.feeds.jt808 import location
from commandcenter.feeds.jt808.framing import checksum, escape, unescape
from commandcenter.feeds.jt808.platform_response import PlatformResult
from commandcenter.feeds.jt808.register_answer import RegisterResult
from commandcenter.persistence.access import read_one
from commandcenter.persistence.gateway.models import TerminalSession, UnknownTerminal
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary, latest_positions
from commandcenter.testing.jt808_serving import (
    GATEWAY,
    TERMINAL,
    eventually,
    load_truck,
    serving,
    terminal_of,
)
from commandcenter.testing.jt808_terminal import backfill_reports


def truck_position(store: Store) -> tuple[float | None, float | None, str | None]:
    (truck,) = [u for u in latest_positions(store) if u.unit_id == 2]
    return truck.lon, truck.lat, truck.state


def session_row(store: Store) -> Row[Any]:
    row = read_one(store, select(TerminalSession.__table__).where(TerminalSession.terminal_id == TERMINAL))
    assert row is not None
    return row


@pytest.mark.parametrize("version", ["2013", "2019", "2011"])
def test_register_auth_and_report_move_the_truck(store: Store, version: str) -> None:
    load_truck(store)
    phone = TERMINAL if version != "2019" else "00000000" + TERMINAL

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server, phone, version=version) as truck:
            answer = await truck.register()
            assert (answer.result, answer.auth_code) == (RegisterResult.OK, f"CC{TERMINAL}")
            assert await truck.authenticate() == PlatformResult.OK
            assert await truck.heartbeat() == PlatformResult.OK
            assert await truck.report() == PlatformResult.OK  # answered once stored:
            assert truck_position(store) == (113.64, 34.725, "loaded")
            await server.poll_commands()  # flushes the session rows too
            row = session_row(store)
            assert (row.gateway, row.protocol, row.frames, row.errors, row.unit_id) == (
                GATEWAY,
                version,
                4,
                0,
                2,
            )
            assert server.counters()["positions_written"] == 1
            assert server.counters()["sessions"] == 1
        assert session_row(store).gateway is None  # stop: offline

    asyncio.run(scenario())


@pytest.mark.parametrize("phone", [TERMINAL, "00000000" + TERMINAL])
def test_a_table_holding_the_11_digit_phone_matches_the_padded_header(store: Store, phone: str) -> None:
    load_truck(store, "13800138000")  # as a district import may spell it
    version = "2019" if len(phone) == 20 else "2013"

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server, phone, version=version) as truck:
            answer = await truck.register()
            assert (answer.result, answer.auth_code) == (RegisterResult.OK, "CC13800138000")
            assert await truck.authenticate() == PlatformResult.OK
            assert await truck.report() == PlatformResult.OK
            assert set(server.services.sessions) == {"13800138000"}

    asyncio.run(scenario())
    assert truck_position(store)[0] == 113.64


def test_an_unknown_terminal_is_answered_and_listed(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with (
            serving(store) as server,
            terminal_of(server, "013999999999", plate="豫Z99999") as stranger,
        ):
            assert (await stranger.register()).result == RegisterResult.NO_SUCH_VEHICLE
            assert await stranger.report() == PlatformResult.FAILED
            assert server.counters()["unknown_terminal_frames"] == 2
            assert server.counters()["unknown_terminals"] == 1

    asyncio.run(scenario())
    row = read_one(
        store, select(UnknownTerminal.__table__).where(UnknownTerminal.terminal_id == "013999999999")
    )
    assert row is not None
    assert (row.plate, row.frames) == ("豫Z99999", 2)
    assert row.last_remote.startswith("127.0.0.1:")
    assert truck_position(store) == (None, None, None)


def test_malformed_frames_are_counted_and_the_session_goes_on(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            assert await truck.heartbeat() == PlatformResult.OK
            truck.send_raw(b"\x7e\x00\x02\x00\x7e")  # too short for a header
            truck.send_raw(b"\x7e\x02\x00\x7d\x09\x7e")  # bad escape
            _, short_body = truck.frame(location.MSG_ID, b"\x00" * 10)  # a 0x0200 body of 10 bytes
            truck.send_raw(short_body)
            assert await truck.report() == PlatformResult.OK
            await server.poll_commands()
            row = session_row(store)
            assert row.errors == 3
            assert "0x0200" in row.last_error
            assert server.counters()["errors"] == 3
            assert truck_position(store)[0] == 113.64

    asyncio.run(scenario())


def bad_checksum(good: bytes) -> bytes:
    """The frame with a wrong checksum (escaped like any byte: it may become 0x7E or 0x7D)."""
    payload = unescape(good[1:-1])[:-1]
    return b"\x7e" + escape(payload + bytes([checksum(payload) ^ 0x01])) + b"\x7e"


@pytest.mark.parametrize(("policy", "stored"), [("drop", False), ("accept", True)])
def test_a_bad_checksum_follows_the_policy(store: Store, policy: str, stored: bool) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with serving(store, checksum_policy=policy) as server, terminal_of(server) as truck:
            _, report = truck.frame(location.MSG_ID, location.encode_location(truck.report_now()))
            truck.send_raw(bad_checksum(report))
            assert await truck.heartbeat() == PlatformResult.OK
        assert server.counters()["errors"] == (0 if stored else 1)

    asyncio.run(scenario())  # stop flushed whatever was accepted
    assert (truck_position(store)[0] == 113.64) is stored


def test_a_backfill_batch_is_stored(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            start = datetime.now(UTC) - timedelta(minutes=10)
            assert await truck.report_batch(backfill_reports(truck, 3, start)) == PlatformResult.OK
            assert feed_summary(store).position_high_water == 3
            assert server.counters()["positions_written"] == 3

    asyncio.run(scenario())
    assert truck_position(store)[1] == pytest.approx(34.725 + 0.0002)


def test_stop_flushes_the_accepted_positions(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with (
            serving(store, position_batch_ms=600_000) as server,
            terminal_of(server) as truck,
            terminal_of(server, "013700000000"),  # connected, silent: stop must not wait for it
        ):
            _, report = truck.frame(location.MSG_ID, location.encode_location(truck.report_now()))
            truck.send_raw(report)

            async def received() -> bool:
                return server.counters()["frames"] == 1

            await eventually(received)
            assert feed_summary(store).position_high_water == 0  # still in the batch
            await server.stop()
            assert feed_summary(store).position_high_water == 1
            assert session_row(store).gateway is None

    asyncio.run(scenario())


def test_a_terminal_that_hangs_up_is_offline_while_the_gateway_runs(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with serving(store) as server:
            async with terminal_of(server) as truck:
                assert await truck.heartbeat() == PlatformResult.OK
                await server.poll_commands()
                assert session_row(store).gateway == GATEWAY

            async def hung_up() -> bool:
                return server.counters()["sessions"] == 0

            await eventually(hung_up)
            await server.poll_commands()
            row = session_row(store)
            assert (row.gateway, row.frames) == (None, 1)

    asyncio.run(scenario())
