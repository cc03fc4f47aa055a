"""A reservation a filing left ``pending`` when it died with the database (its drop failed too): a
repeat of its ``client_ref`` answers 409 while it may still be filing, and after
``STALE_RESERVATION`` takes the row over and files it — one request, one case; of two repeats
racing for it, exactly one takes it; a filing that was only slow, not dead, can then neither settle
nor drop the row, and its case is rolled back with its settle. Real rows on SQLite and PostgreSQL,
over real HTTP."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import pytest
from sqlalchemy import Connection

from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.open311 import RequestStatus
from commandcenter.gateway.open311.filing import STALE_RESERVATION
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.along import Written
from commandcenter.persistence.gateway.open311 import (
    Reservation,
    ReservationLost,
    drop_request,
    reserve_request,
    settle_in,
    take_over_stale,
)
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import POINT, count, make_key, serve


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def left_pending(store: Store, client_ref: str, age: timedelta) -> int:
    """The row a filing that died ``age`` ago left behind (reserved, never settled nor dropped)."""
    (key_id,) = store.execute_raw("SELECT id FROM api_keys")[0]
    received = datetime.now(UTC) - age
    request_id = reserve_request(store, Reservation(key_id, client_ref, received, "S0501", 113.61, 34.71))
    assert request_id is not None
    return request_id


def post(key: str, client_ref: str) -> Any:
    fields = {"api_key": key, "service_code": "S0501", "media_url": "https://x.cn/1.jpg", **POINT}

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        async with session.post("/requests.json", data=fields | {"client_ref": client_ref}) as answer:
            return answer.status, await answer.json()

    return scenario


def test_a_stale_reservation_is_taken_over_and_filed_once(district: Store) -> None:
    key = make_key(district)
    stale = left_pending(district, "wx-died", STALE_RESERVATION + timedelta(seconds=5))

    status, (body,) = serve(district, post(key, "wx-died"))
    again = serve(district, post(key, "wx-died"))

    assert status == 200
    assert body["service_request_id"] == str(stale)  # the same request, now filed
    assert body["case_number"]
    assert again == (200, [body])  # a further repeat answers it
    assert count(district, "open311_requests") == 1
    assert count(district, "cases") == 1
    assert district.execute_raw("SELECT status FROM open311_requests") == [("open",)]


def test_a_recent_reservation_still_answers_409(district: Store) -> None:
    key = make_key(district)
    left_pending(district, "wx-busy", STALE_RESERVATION - timedelta(seconds=20))

    status, (error,) = serve(district, post(key, "wx-busy"))

    assert status == 409
    assert "retry" in error["description"]
    assert district.execute_raw("SELECT status FROM open311_requests") == [("pending",)]
    assert count(district, "cases") == 0


def test_of_two_repeats_racing_for_a_stale_reservation_one_takes_it(district: Store) -> None:
    make_key(district)
    stale = left_pending(district, "wx-race", timedelta(minutes=5))
    (key_id,) = district.execute_raw("SELECT id FROM api_keys")[0]
    now = datetime.now(UTC)
    gate = threading.Barrier(4)
    results: list[bool] = []

    def repeat(offset: int) -> None:
        received = now + timedelta(microseconds=offset)
        reservation = Reservation(key_id, "wx-race", received, "S0501", 113.61, 34.71)
        gate.wait()
        results.append(take_over_stale(district, stale, now - STALE_RESERVATION, reservation, None))

    threads = [threading.Thread(target=repeat, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(results) == [False, False, False, True]
    assert count(district, "open311_requests") == 1


def test_a_slow_filing_whose_reservation_was_taken_over_files_nothing(district: Store) -> None:
    """Filing A reserved 5 minutes ago and is still alive; repeat B took the row over. A's case is
    written in the same transaction as its settle, which finds the row no longer A's: nothing of A's
    stays, and A's drop leaves B's reservation alone."""
    make_key(district)
    (key_id,) = district.execute_raw("SELECT id FROM api_keys")[0]
    now = datetime.now(UTC)
    reserved_a = now - timedelta(minutes=5)
    stale = reserve_request(district, Reservation(key_id, "wx-slow", reserved_a, "S0501", 113.61, 34.71))
    assert stale is not None
    repeat = Reservation(key_id, "wx-slow", now, "S0501", 113.61, 34.71)
    assert take_over_stale(district, stale, now - STALE_RESERVATION, repeat, None)

    def settle_as_a(connection: Connection, written: Written) -> None:
        settle_in(connection, stale, reserved_a, RequestStatus.OPEN, "", case_id=written.case_id)

    report = IncomingReport("S0501", 113.61, 34.71, photos=("https://x.cn/1.jpg",))
    with pytest.raises(ReservationLost):
        CaseIntake.from_store(district).receive(report, reserved_a, along=settle_as_a)
    drop_request(district, stale, reserved_a)

    assert count(district, "cases") == 0
    assert count(district, "case_reporters") == 0
    assert district.execute_raw("SELECT status FROM open311_requests") == [("pending",)]  # B's to file
