"""GET requests.json (GeoReport v2's list) on a real loopback port, SQLite and PostgreSQL: the calling
key's own requests only, in the shape of GET requests/{id}.json, by every filter the spec names, the
last 90 days and at most 1000 by default; a bad filter is a 400 naming it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import aiohttp
import pytest
from sqlalchemy import insert

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.access import writing
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import POINT, make_key, serve

PHOTO_URL = "https://wx.example.cn/media/1.jpg"
BEIJING = timezone(timedelta(hours=8))


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def report(key: str, **fields: str) -> dict[str, str]:
    return {"api_key": key, "service_code": "S0501", "media_url": PHOTO_URL, **POINT, **fields}


async def post(session: aiohttp.ClientSession, fields: dict[str, str]) -> str:
    async with session.post("/requests.json", data=fields) as answer:
        assert answer.status in (200, 202), await answer.text()
        return str((await answer.json())[0]["service_request_id"])


async def get(session: aiohttp.ClientSession, path: str, **params: str) -> tuple[int, Any]:
    async with session.get(path, params=params) as answer:
        return answer.status, await answer.json()


def key_id(store: Store, name: str) -> int:
    return int(store.execute_raw(f"SELECT id FROM api_keys WHERE name = '{name}'")[0][0])


def test_a_key_lists_its_own_requests_newest_first_as_each_reads(district: Store) -> None:
    mine, theirs = make_key(district, "wechat"), make_key(district, "hotline", source="12345热线")

    async def scenario(session: aiohttp.ClientSession) -> tuple[list[str], str, Any, list[Any]]:
        ids = [
            await post(session, report(mine, client_ref="a")),
            await post(session, report(mine, client_ref="b", lat="34.7102", long="113.6102")),  # merged
            await post(session, report(mine, client_ref="c", lat="34.80", long="113.70")),  # 待甄别
        ]
        other = await post(session, report(theirs, client_ref="a"))
        status, listed = await get(session, "/requests.json", api_key=mine)
        assert status == 200
        singles = [(await get(session, f"/requests/{i}.json", api_key=mine))[1][0] for i in ids]
        return ids, other, listed, singles

    ids, other, listed, singles = serve(district, scenario)
    assert [item["service_request_id"] for item in listed] == ids[::-1]  # newest first, none of theirs
    assert other not in {item["service_request_id"] for item in listed}
    assert listed == singles[::-1]  # the same record shape as GET requests/{id}.json
    assert [item["status"] for item in listed] == ["in_review", "open", "open"]
    assert listed[1]["media_url"] == PHOTO_URL


def test_filters_ids_service_code_status_and_window(district: Store) -> None:
    mine, theirs = make_key(district, "wechat"), make_key(district, "hotline", source="12345热线")
    now = datetime.now(UTC)
    half_an_hour_ago = (now - timedelta(minutes=30)).astimezone(BEIJING).isoformat()  # …+08:00

    async def scenario(session: aiohttp.ClientSession) -> dict[str, list[str]]:
        first = await post(session, report(mine, client_ref="a"))
        review = await post(session, report(mine, client_ref="r", lat="34.80", long="113.70"))
        other = await post(session, report(theirs, client_ref="a"))

        async def listed(**params: str) -> list[str]:
            status, body = await get(session, "/requests.json", api_key=mine, **params)
            assert status == 200, body
            return [item["service_request_id"] for item in body]

        return {
            "ids": await listed(service_request_id=f"{first}, {other},{first}", status="in_review"),
            "open": await listed(status="open"),
            "both": await listed(status="open,in_review"),
            "code": await listed(service_code="S0501"),
            "no_code": await listed(service_code="S9999"),
            "later": await listed(start_date=(now + timedelta(hours=1)).isoformat()),
            "before_beijing": await listed(end_date=half_an_hour_ago),
            "since_beijing": await listed(start_date=half_an_hour_ago),
            "closed": await listed(status="closed"),
            "window": await listed(
                start_date=(now - timedelta(hours=1)).isoformat(),
                end_date=(now + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            ),
            "expect": [first, review],
        }

    found = serve(district, scenario)
    first, review = found["expect"]
    assert found["ids"] == [first]  # ids override the other filters; another key's id is not there
    assert found["open"] == [first]
    assert found["both"] == [review, first]
    assert found["code"] == [review, first]
    assert found["no_code"] == []
    assert found["later"] == []
    assert found["before_beijing"] == []  # +08:00 is the same instant on both databases
    assert found["since_beijing"] == [review, first]
    assert found["closed"] == []
    assert found["window"] == [review, first]


def add_rows(store: Store, api_key_id: int, times: list[datetime]) -> None:
    """Settled requests without a case (as old rows of a client), received at ``times``."""
    rows = [
        {
            "api_key_id": api_key_id,
            "client_ref": f"old-{number}",
            "received_at": moment,
            "service_code": "S0501",
            "lon": 113.61,
            "lat": 34.71,
            "status": "open",
            "status_notes": "",
        }
        for number, moment in enumerate(times)
    ]
    with writing(store) as connection:
        connection.execute(insert(Open311Request), rows)


def test_the_last_90_days_by_default_and_at_most_1000(district: Store) -> None:
    key = make_key(district, "wechat")
    now = datetime.now(UTC)
    old = now - timedelta(days=100)
    add_rows(district, key_id(district, "wechat"), [old] + [now - timedelta(minutes=n) for n in range(1005)])

    async def scenario(session: aiohttp.ClientSession) -> tuple[Any, Any]:
        default = await get(session, "/requests.json", api_key=key)
        back_then = await get(
            session,
            "/requests.json",
            api_key=key,
            start_date=(old - timedelta(days=1)).isoformat(),
            end_date=(old + timedelta(days=1)).isoformat(),
        )
        return default, back_then

    (status, default), (_, back_then) = serve(district, scenario)
    assert status == 200
    assert len(default) == 1000
    assert default[0]["service_request_id"] == "2"  # the newest (received now)
    assert "1" not in {item["service_request_id"] for item in default}  # 100 days old
    assert [item["service_request_id"] for item in back_then] == ["1"]  # 100 days ago: asked for


BAD = [
    pytest.param({"status": "pending"}, "status", id="unknown-status"),
    pytest.param({"start_date": "2026-12-01T08:00:00"}, "start_date", id="no-time-zone"),
    pytest.param({"end_date": "yesterday"}, "end_date", id="not-a-datetime"),
    pytest.param(
        {"start_date": "2026-12-02T00:00:00Z", "end_date": "2026-12-01T00:00:00Z"}, "end_date", id="end-first"
    ),
    pytest.param(
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-12-01T00:00:00Z"}, "90", id="over-90-days"
    ),
    pytest.param({"service_request_id": "1,abc"}, "service_request_id", id="id-not-a-number"),
    pytest.param({"service_code": "S0501S0501"}, "service_code", id="code-too-long"),
]


@pytest.mark.parametrize(("params", "word"), BAD)
def test_a_bad_filter_is_a_400_naming_it(district: Store, params: dict[str, str], word: str) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        return await get(session, "/requests.json", api_key=key, **params)

    status, (error,) = serve(district, scenario)
    assert status == 400
    assert error["code"] == 400
    assert word in error["description"]
    assert " / " in error["description"]


def test_the_list_needs_a_key(district: Store) -> None:
    async def scenario(session: aiohttp.ClientSession) -> list[int]:
        return [
            (await get(session, "/requests.json"))[0],
            (await get(session, "/requests.json", api_key="cc_not-a-key"))[0],
        ]

    assert serve(district, scenario) == [401, 403]


def test_a_review_item_an_operator_rejected_is_listed_as_closed(district: Store) -> None:
    key = make_key(district)
    review = services_for(district, UserRole.OPERATOR).review

    async def scenario(session: aiohttp.ClientSession) -> tuple[list[Any], list[Any], str]:
        request_id = await post(session, report(key, client_ref="r", lat="34.80", long="113.70"))
        (review_id,) = district.execute_raw("SELECT review_id FROM open311_requests")[0]
        await asyncio.to_thread(review.reject, review_id, "重复上报")
        closed = (await get(session, "/requests.json", api_key=key, status="closed"))[1]
        waiting = (await get(session, "/requests.json", api_key=key, status="in_review"))[1]
        return closed, waiting, request_id

    closed, waiting, request_id = serve(district, scenario)
    assert [item["service_request_id"] for item in closed] == [request_id]
    assert "重复上报" in closed[0]["status_notes"]
    assert waiting == []
