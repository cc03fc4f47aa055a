"""The webhook sender against a real loopback receiver (aiohttp) on SQLite and PostgreSQL: it delivers
with the idempotency key, retries through a receiver outage (503 and a closed port), gives up after its
attempts with the error kept, and never delivers one answer twice — across a restart of the sender, or
with two senders (two processes' engines) racing for the same rows."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiohttp import web

from commandcenter.gateway.webhooks import IDEMPOTENCY_HEADER, WebhookSender, backoff
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.gateway.outbox import answers_of_case
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.open311_clients import add_client, add_request

NOW = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)


@dataclass
class Receiver:
    """A client's webhook endpoint: answers ``status`` and keeps every delivery it took."""

    status: int = 200
    taken: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    runner: web.AppRunner | None = None
    port: int = 0

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.json()
        if self.status < 300:
            self.taken.append((request.headers[IDEMPOTENCY_HEADER], body))
            self.arrived.set()
        return web.Response(status=self.status)

    async def up(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self.handle)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", self.port)
        await site.start()
        self.port = self.runner.addresses[0][1]

    async def down(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def closed_cases(store: Store, url: str, count: int) -> list[int]:
    """``count`` Open311 cases returned (不予立案): one answer each waits in the outbox."""
    client = add_client(store, "12345热线", url)
    case_ids = []
    for number in range(count):
        case_id = create_case(store, minimal_report(), NOW - timedelta(hours=1))
        add_request(store, client, case_id, f"R-{number}", NOW)
        version = read_case(store, case_id).version
        apply_transition(store, case_id, version, "不予立案", "值班员甲", "重复上报", NOW)
        case_ids.append(case_id)
    return case_ids


def answers(store: Store, case_ids: list[int]) -> list[Any]:
    return [answer for case_id in case_ids for answer in answers_of_case(store, case_id)]


def test_backoff_doubles_up_to_the_cap() -> None:
    assert [backoff(n, 10, 3600).total_seconds() for n in (1, 2, 3, 9, 30)] == [10, 20, 40, 2560, 3600]


def test_delivers_once_with_the_idempotency_key_and_survives_a_restart(district: Store) -> None:
    async def scenario() -> tuple[Receiver, int]:
        receiver = Receiver()
        await receiver.up()
        (case_id,) = closed_cases(district, receiver.url, 1)
        sender = WebhookSender(district, interval=0.05)
        await sender.start()
        await asyncio.wait_for(receiver.arrived.wait(), 10)
        await sender.stop()
        assert sender.counters()["delivered"] == 1
        restarted = WebhookSender(district, interval=0.05)  # a new process: nothing is due any more
        assert await restarted.send_due() == 0
        (answer,) = answers_of_case(district, case_id)
        assert answer.delivered_at is not None
        assert answer.attempts == 1
        await receiver.down()
        return receiver, case_id

    receiver, case_id = asyncio.run(scenario())
    ((key, body),) = receiver.taken
    assert body["status"] == "closed"
    assert body["event"] == "returned"
    assert body["status_notes"] == "重复上报"
    assert key == str(answers_of_case(district, case_id)[0].id)


def test_retries_through_an_outage_then_gives_up_after_its_attempts(district: Store) -> None:
    clock = Clock()

    async def scenario() -> None:
        receiver = Receiver(status=503)
        await receiver.up()
        case_ids = closed_cases(district, receiver.url, 2)
        sender = WebhookSender(district, base_backoff=10, max_attempts=4, clock=clock)
        assert await sender.send_due() == 0  # 503
        assert {(a.attempts, a.last_error) for a in answers(district, case_ids)} == {(1, "HTTP 503")}
        assert await sender.send_due() == 0  # not due again before its backoff
        await receiver.down()  # connection refused
        clock.now += timedelta(seconds=10)
        assert await sender.send_due() == 0
        assert all("ClientConnectorError" in a.last_error for a in answers(district, case_ids))
        receiver.status = 200
        await receiver.up()  # back, on the same port
        clock.now += timedelta(seconds=20)
        assert await sender.send_due() == 2
        assert [len(receiver.taken), *{a.attempts for a in answers(district, case_ids)}] == [2, 3]
        await receiver.down()

        receiver = Receiver(status=500)
        await receiver.up()
        late = closed_cases_for_second_client(district, receiver.url)
        for _ in range(4):
            await sender.send_due()
            clock.now += timedelta(hours=1)
        assert await sender.send_due() == 0
        (answer,) = answers_of_case(district, late)
        assert (answer.gave_up, answer.attempts, answer.last_error, answer.delivered_at) == (
            True,
            4,
            "gave up: HTTP 500",
            None,
        )
        await receiver.down()

    asyncio.run(scenario())


def closed_cases_for_second_client(store: Store, url: str) -> int:
    client = add_client(store, "便民APP", url)
    case_id = create_case(store, minimal_report(), NOW - timedelta(hours=1))
    add_request(store, client, case_id, "late", NOW)
    apply_transition(store, case_id, read_case(store, case_id).version, "不予立案", "值班员甲", "重复", NOW)
    return case_id


@pytest.fixture
def second_store(db_url: str, district: Store) -> Iterator[Store]:
    """The same database through another engine: a second gateway process."""
    other = Store.open(db_url)
    try:
        yield other
    finally:
        other.close()


def test_two_senders_racing_deliver_each_answer_once(district: Store, second_store: Store) -> None:
    async def scenario() -> Receiver:
        receiver = Receiver()
        await receiver.up()
        case_ids = closed_cases(district, receiver.url, 12)
        first, second = WebhookSender(district), WebhookSender(second_store)
        for _ in range(3):
            await asyncio.gather(first.send_due(), second.send_due(), first.send_due(), second.send_due())
        assert all(a.delivered_at is not None and a.attempts == 1 for a in answers(district, case_ids))
        await receiver.down()
        return receiver

    receiver = asyncio.run(scenario())
    keys = [key for key, _ in receiver.taken]
    assert len(keys) == 12
    assert len(set(keys)) == 12
