"""Killing the gateway mid-load loses nothing it acknowledged (real PostgreSQL, the real process):
terminals report over JT/T 808 and a client files Open311 reports while ``commandcenter gateway`` runs;
it is SIGKILLed in the middle and started again. Every fix a terminal got a 0x8001 for is in
``positions``, every report answered 200 has its case — acknowledged means stored."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.jt808_terminal import Jt808Terminal
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import JPEG, make_key

TRUCKS = 8
START = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=30)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fleet() -> dict[type, list[dict[str, object]]]:
    tables = minimal_district()
    tables[Unit] += [
        {"id": 10 + n, "kind": "muck_truck", "label": f"豫A·K{n:04d}", "office_id": None}
        for n in range(TRUCKS)
    ]
    tables[Vehicle] = [
        {"id": n + 1, "kind": "渣土车", "plate": f"豫A·K{n:04d}", "company": "运输公司", "office_id": None}
        | {"terminal_id": f"0139000000{n:02d}", "unit_id": 10 + n}
        for n in range(TRUCKS)
    ]
    return tables  # type: ignore[return-value]


def _gateway(url: str, config: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", url]
    return subprocess.Popen(command, stderr=subprocess.DEVNULL, env=os.environ | {"PYTHONUNBUFFERED": "1"})


def _wait_port(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("the gateway did not listen")


async def _report_until_gone(port: int, acknowledged: list[tuple[int, datetime]], second: list[int]) -> None:
    """Each truck reports one fix per (synthetic) second until the connection dies."""

    async def truck(n: int) -> None:
        terminal = Jt808Terminal(f"0139000000{n:02d}", "127.0.0.1", port)
        with contextlib.suppress(OSError, asyncio.TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            await terminal.connect()
            await terminal.register()
            await terminal.authenticate()
            while True:
                second[0] += 1
                moment = START + timedelta(seconds=second[0])
                if await terminal.report(terminal.report_now(moment)) == 0:
                    acknowledged.append((10 + n, moment))
        with contextlib.suppress(Exception):
            await terminal.close()

    await asyncio.gather(*(truck(n) for n in range(TRUCKS)))


async def _file_until_gone(base: str, key: str, answered: list[str]) -> None:
    async with aiohttp.ClientSession() as session:
        for number in range(10_000):
            form = aiohttp.FormData()
            fields = {
                "api_key": key,
                "service_code": "S0501",
                "lat": "34.71",
                "long": f"{113.6 + number * 1e-3}",
            }
            for name, value in (
                fields | {"description": f"来电 {number}", "client_ref": f"k{number}"}
            ).items():
                form.add_field(name, value)
            form.add_field("media", JPEG, filename="现场.jpg", content_type="image/jpeg")
            try:
                async with session.post(f"{base}/requests.json", data=form) as answer:
                    if answer.status == 200:
                        answered.append(f"k{number}")
            except (aiohttp.ClientError, OSError):
                return
            await asyncio.sleep(0.05)


def test_a_killed_gateway_loses_nothing_it_acknowledged(pg_url: str, tmp_path: Path) -> None:
    store = Store.open(pg_url)
    replace_all(store, _fleet())
    key = make_key(store, "hotline", source="12345热线", rate_per_minute=100_000)
    jt808, http = _free_port(), _free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[gateway]\nname = "gw-kill"\njt808_host = "127.0.0.1"\njt808_port = {jt808}\n'
        f'http_host = "127.0.0.1"\nhttp_port = {http}\n'
    )
    acknowledged: list[tuple[int, datetime]] = []
    answered: list[str] = []
    second = [0]
    gateway = _gateway(pg_url, config)
    try:
        _wait_port(jt808)
        _wait_port(http)

        async def load_then_kill() -> None:
            work = asyncio.gather(
                _report_until_gone(jt808, acknowledged, second),
                _file_until_gone(f"http://127.0.0.1:{http}", key, answered),
            )
            await asyncio.sleep(2.5)
            gateway.send_signal(signal.SIGKILL)  # no clean shutdown: the worst case
            await work

        asyncio.run(load_then_kill())
        gateway.wait(timeout=30)
        assert acknowledged, "the terminals reported before the kill"
        assert answered, "reports were filed before the kill"
        gateway = _gateway(pg_url, config)  # started again: the terminals come back
        _wait_port(jt808)
        after: list[tuple[int, datetime]] = []

        async def once_more() -> None:
            terminal = Jt808Terminal("013900000000", "127.0.0.1", jt808)
            await terminal.connect()
            await terminal.register()
            await terminal.authenticate()
            moment = START + timedelta(seconds=second[0] + 5)
            assert await terminal.report(terminal.report_now(moment)) == 0
            after.append((10, moment))
            await terminal.close()

        asyncio.run(once_more())
    finally:
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(timeout=30)
    stored = {
        (int(unit), ts.astimezone(UTC)) for unit, ts in store.execute_raw("SELECT unit_id, ts FROM positions")
    }
    missing = [fix for fix in acknowledged + after if fix not in stored]
    assert not missing, f"{len(missing)} acknowledged fixes lost of {len(acknowledged)}"
    filed = {
        ref
        for (ref,) in store.execute_raw("SELECT client_ref FROM open311_requests WHERE case_id IS NOT NULL")
    }
    assert set(answered) <= filed
    store.close()
