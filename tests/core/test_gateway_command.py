"""``commandcenter gateway`` as systemd runs it: a real process on a free loopback port answers
``/health`` with its components' counters and the database state, and stops cleanly on SIGTERM
(exit 0, its components stopped in reverse order). The HTTP side finishes a request in flight
before it stops."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import aiohttp

from commandcenter.gateway.http_server import HttpServer
from commandcenter.gateway.open311.app import open311_api
from commandcenter.persistence.store import Store


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def health(port: int) -> tuple[int, dict[str, Any]] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refusal:
        return refusal.code, json.loads(refusal.read())
    except OSError:
        return None  # not listening yet


def test_gateway_answers_health_and_stops_on_sigterm(store: Store, db_url: str, tmp_path: Path) -> None:
    port = free_port()
    config = tmp_path / "config.toml"
    config.write_text(f'[gateway]\nname = "gw-test"\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n')
    process = subprocess.Popen(
        [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", db_url],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        answered = None
        while answered is None and process.poll() is None and time.monotonic() < deadline:
            answered = health(port)
            time.sleep(0.1)
        assert answered is not None, process.stderr.read() if process.poll() is not None else "no answer"
        status, body = answered
        assert status == 200
        assert body["gateway"] == "gw-test"
        assert body["database"] == "ok"
        assert set(body["components"]) >= {"http", "webhooks"}
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, errors
    assert "event=gateway_stopping" in errors
    assert "event=component_stopped gateway=gw-test component=webhooks" in errors
    assert "event=component_stopped gateway=gw-test component=http" in errors
    assert errors.index("component=webhooks") < errors.rindex(
        "component_stopped gateway=gw-test component=http"
    )
    assert "Traceback" not in errors


def test_a_port_in_use_is_a_message_not_a_traceback(store: Store, db_url: str, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = tmp_path / "config.toml"
        config.write_text(f'[gateway]\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n')
        result = subprocess.run(
            [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", db_url],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 3
    assert "cannot listen" in result.stderr
    assert "Traceback" not in result.stderr


def test_stop_finishes_a_request_in_flight(store: Store) -> None:
    async def scenario() -> tuple[int, dict[str, Any]]:
        entered, release = asyncio.Event(), asyncio.Event()

        async def slow_health() -> tuple[int, dict[str, Any]]:
            entered.set()
            await release.wait()
            return 200, {"finished": True}

        server = HttpServer(open311_api(store), "127.0.0.1", 0, slow_health)
        await server.start()
        async with aiohttp.ClientSession() as session:
            request = asyncio.create_task(session.get(f"http://127.0.0.1:{server.port}/health"))
            await entered.wait()
            stopping = asyncio.create_task(server.stop())
            await asyncio.sleep(0.05)
            assert not stopping.done()  # it waits for the request in flight
            release.set()
            response = await request
            answer = (response.status, await response.json())
            await stopping
        return answer

    assert asyncio.run(scenario()) == (200, {"finished": True})
