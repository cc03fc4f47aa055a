"""The city-platform adapter against a loopback platform (aiohttp) that behaves like a real one —
paging, the same case on two pages and again after the cursor, a 503 in the middle of a paging run,
a refused connection, a restart of the adapter — on SQLite and PostgreSQL: every platform case is
filed once through the intake (source 城市平台), every step of ours reaches the platform once and in
order, positions of known vehicles reach the positions table, and the cursor survives the restart."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.feeds.sink import PositionSink
from commandcenter.gateway.city_platform.cursor import Cursor, CursorFile
from commandcenter.gateway.city_platform.json_feed import JsonFeedPlatform
from commandcenter.gateway.city_platform.sync import CityPlatformSync
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.store import Store
from commandcenter.testing.city_platform import LoopbackPlatform, platform_district

NOW = datetime.now(UTC)


def platform_case(number: int) -> dict[str, Any]:
    """Spread along the segment (≈ 420 m apart), so screening sees no duplicates among them."""
    at = 0.001 + 0.003 * number
    return {"id": f"P-{number}", "category": "S0501", "lon": 113.60 + at, "lat": 34.70 + at}
    # description, address, reporter: optional in the shape


# cursor "" has three pages (P-2 on two of them), "c1" repeats P-4 beside P-5
PAGES: dict[str, list[list[dict[str, Any]]]] = {
    "": [[platform_case(1), platform_case(2)], [platform_case(2), platform_case(3)], [platform_case(4)]],
    "c1": [[platform_case(4), platform_case(5)]],
    "c2": [[]],
}
NEXT_CURSOR = {"": "c1", "c1": "c2", "c2": "c2"}
FIXES: dict[str, tuple[list[dict[str, str]], str]] = {
    "": ([{"vehicle": "豫A12345"}, {"vehicle": "京X00000"}], "p1"),
    "p1": ([{"vehicle": "013800000001"}], "p2"),
    "p2": ([], "p2"),
}


def loopback() -> LoopbackPlatform:
    return LoopbackPlatform(PAGES, NEXT_CURSOR, FIXES, NOW - timedelta(minutes=1))


@pytest.fixture
def district(store: Store) -> Store:
    return platform_district(store)


def platform_cases(store: Store) -> list[tuple[int, str]]:
    """(case id, platform id) of every case filed from the platform."""
    return [
        (int(case_id), str(ref))
        for case_id, ref in store.execute_raw(
            "SELECT c.id, r.client_ref FROM cases c JOIN open311_requests r ON r.case_id = c.id "
            "WHERE c.source = '城市平台' ORDER BY r.client_ref"
        )
    ]


def test_cases_status_and_positions_through_outages_and_a_restart(district: Store, tmp_path: Path) -> None:
    async def scenario() -> tuple[LoopbackPlatform, CityPlatformSync]:
        platform = loopback()
        await platform.up()
        async with aiohttp.ClientSession() as session:

            def adapter() -> CityPlatformSync:
                client = JsonFeedPlatform(f"http://127.0.0.1:{platform.port}", session)
                intake, sink = CurrentIntake(district), PositionSink(district)
                return CityPlatformSync("city", client, district, intake, sink, CursorFile("city", tmp_path))

            sync = adapter()
            platform.fail["cases:2"] = 1  # page 2 of the first run: 503
            await sync.sync_once()
            assert [ref for _, ref in platform_cases(district)] == ["P-1", "P-2"]
            assert json.loads((tmp_path / "city-platform-city.json").read_text())["cases"] == ""
            await sync.sync_once()  # page 1 again (nothing doubled), then pages 2 and 3
            assert [ref for _, ref in platform_cases(district)] == ["P-1", "P-2", "P-3", "P-4"]

            await platform.down()  # the platform goes away: every leg counts its outage
            await sync.sync_once()
            assert sync.counters()["cases_in_outages"] >= 2
            await platform.up()

            restarted = adapter()  # a new process: the cursor file says where it was ("c1")
            case_id = platform_cases(district)[0][0]  # our desk moves P-1 on: the platform is told
            apply_transition(
                district, case_id, read_case(district, case_id).version, "立案", "值班员甲", "", NOW
            )
            platform.fail["status"] = 1  # the first status POST of the round fails
            await restarted.sync_once()
            await restarted.sync_once()
            await platform.down()
            return platform, restarted

    platform, restarted = asyncio.run(scenario())
    cases = platform_cases(district)
    assert [ref for _, ref in cases] == ["P-1", "P-2", "P-3", "P-4", "P-5"]
    assert len({case_id for case_id, _ in cases}) == 5
    keys = [key for key, _, _ in platform.statuses]
    assert len(keys) == len(set(keys)) == 6  # 受理 ×5, 立案 ×1 — each once
    assert keys == sorted(keys, key=int)  # in our order
    told = [(ref, body["status"]) for _, ref, body in platform.statuses]
    assert ("P-1", "立案") in told
    assert {ref for ref, status in told if status == "受理"} == {"P-1", "P-2", "P-3", "P-4", "P-5"}
    assert district.execute_raw("SELECT count(*) FROM positions WHERE unit_id = 2") == [(2,)]
    assert restarted.counters()["cases_repeated"] >= 1  # P-4 again after the cursor
    saved = json.loads((tmp_path / "city-platform-city.json").read_text())
    assert (saved["cases"], saved["positions"]) == ("c2", "p2")


def test_the_cursor_file_is_written_whole_and_a_damaged_one_starts_over(tmp_path: Path) -> None:
    cursors = CursorFile("city", tmp_path)
    assert cursors.load() == Cursor()
    cursors.save(Cursor("c1", "p1", 17))
    assert CursorFile("city", tmp_path).load() == Cursor("c1", "p1", 17)
    assert [p.name for p in tmp_path.iterdir()] == ["city-platform-city.json"]  # no temporary left
    cursors.path.write_text("{not json", encoding="utf-8")
    assert cursors.load() == Cursor()
    assert (tmp_path / "city-platform-city.damaged.json").exists()


def test_a_platform_answering_another_shape_is_an_outage(district: Store, tmp_path: Path) -> None:
    async def other_shape(_request: web.Request) -> web.Response:
        return web.json_response({"items": []})

    async def maintenance_page(_request: web.Request) -> web.Response:
        return web.Response(text="<html>维护中</html>")

    async def scenario() -> Counter[str]:
        app = web.Application()
        app.router.add_get("/cases", other_shape)
        app.router.add_get("/positions", maintenance_page)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        async with aiohttp.ClientSession() as session:
            client = JsonFeedPlatform(f"http://127.0.0.1:{runner.addresses[0][1]}", session)
            sync = CityPlatformSync(
                "odd",
                client,
                district,
                CurrentIntake(district),
                PositionSink(district),
                CursorFile("odd", tmp_path),
            )
            await sync.sync_once()
        await runner.cleanup()
        return Counter({key: int(str(value)) for key, value in sync.counters().items()})

    counters = asyncio.run(scenario())
    assert (counters["cases_in_outages"], counters["positions_in_outages"]) == (1, 1)
    assert not (tmp_path / "city-platform-odd.json").exists()  # no cursor moved
