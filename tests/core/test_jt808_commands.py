"""Desk commands to a JT/T 808 terminal over a real socket and store: a pending row goes out as its
frame (0x8201, 0x8202, 0x8300 in GBK, 0x8103), is marked ``sent`` with the frame's serial, and the
terminal's answer marks it ``answered`` (with the position for 立即定位); bad params fail the command,
and a command for a terminal that stays offline expires."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Row, select

from commandcenter.persistence.access import read_one
from commandcenter.persistence.gateway.commands import queue_command
from commandcenter.persistence.gateway.models import TerminalCommand
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary
from commandcenter.testing.jt808_serving import (
    GATEWAY,
    TERMINAL,
    eventually,
    load_truck,
    serving,
    terminal_of,
)


def command_row(store: Store, command_id: int) -> Row[Any]:
    row = read_one(store, select(TerminalCommand.__table__).where(TerminalCommand.id == command_id))
    assert row is not None
    return row


def queue(
    store: Store,
    kind: str,
    params: dict[str, Any],
    *,
    age: timedelta = timedelta(0),
    terminal: str = TERMINAL,
) -> int:
    return queue_command(store, terminal, kind, params, "dispatcher", datetime.now(UTC) - age, unit_id=2)


async def answered(store: Store, command_id: int) -> None:
    async def done() -> bool:
        row = await asyncio.to_thread(command_row, store, command_id)
        return row.status != "sent"

    await eventually(done)


def test_locate_now_is_answered_with_the_position(store: Store) -> None:
    load_truck(store)
    command_id = queue(store, "locate", {})

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            await truck.heartbeat()  # the session exists
            await server.poll_commands()
            sent = command_row(store, command_id)
            assert (sent.status, sent.gateway) == ("sent", GATEWAY)
            await answered(store, command_id)
            (command,) = truck.commands
            assert (command.header.msg_id, command.header.serial) == (0x8201, sent.serial)

    asyncio.run(scenario())
    row = command_row(store, command_id)
    assert row.status == "answered"
    assert (row.answer["result"], row.answer["lon"], row.answer["lat"]) == (0, 113.64, 34.725)
    assert datetime.fromisoformat(row.answer["ts"]) <= datetime.now(UTC)
    assert feed_summary(store).position_high_water == 1  # the answer's fix is a position too


@pytest.mark.parametrize(
    ("kind", "params", "msg_id", "body"),
    [
        ("text", {"text": "请立即返回消纳场"}, 0x8300, b"\x0c" + "请立即返回消纳场".encode("gbk")),
        ("track", {"interval_s": 10, "duration_s": 600}, 0x8202, bytes.fromhex("000a00000258")),
        ("parameters", {"heartbeat_s": 30}, 0x8103, bytes.fromhex("01000000010400000 01e".replace(" ", ""))),
    ],
)
def test_a_command_goes_out_and_its_answer_comes_back(
    store: Store, kind: str, params: dict[str, Any], msg_id: int, body: bytes
) -> None:
    load_truck(store)
    command_id = queue(store, kind, params)

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            await truck.heartbeat()
            await server.poll_commands()
            await answered(store, command_id)
            (command,) = truck.commands
            assert (command.header.msg_id, command.body) == (msg_id, body)
            assert server.counters()["command_answers"] == 1

    asyncio.run(scenario())
    row = command_row(store, command_id)
    assert (row.status, row.answer) == ("answered", {"result": 0})


def test_bad_params_fail_the_command(store: Store) -> None:
    load_truck(store)
    command_id = queue(store, "track", {"interval_s": "soon"})

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            await truck.heartbeat()
            await server.poll_commands()
            assert truck.commands == []

    asyncio.run(scenario())
    row = command_row(store, command_id)
    assert row.status == "failed"
    assert "bad params" in row.error


def test_a_command_for_an_offline_terminal_expires_after_five_minutes(store: Store) -> None:
    load_truck(store)
    old = queue(store, "locate", {}, age=timedelta(minutes=6))
    recent = queue(store, "locate", {}, age=timedelta(minutes=1))
    held_old = queue(store, "text", {"text": "收到请回复"}, age=timedelta(minutes=6), terminal="013700000000")

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server, "013700000000") as other:
            await other.heartbeat()  # online here: its old command is sent, not expired
            await server.poll_commands()

    asyncio.run(scenario())
    assert command_row(store, old).status == "expired"
    assert command_row(store, recent).status == "pending"
    assert command_row(store, held_old).status in ("sent", "answered")
