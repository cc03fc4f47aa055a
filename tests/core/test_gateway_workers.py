"""``gateway --workers N``: one gateway as N processes sharing its ports (``SO_REUSEPORT``). The
first starts the listener processes, each answers under its own name, the kernel spreads new
connections over them, a listener that dies is started again, and SIGTERM to the first stops them
all cleanly. A bad count is one clear line."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from commandcenter.persistence.store import Store

pytestmark = pytest.mark.postgres


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _names_answering(port: int, tries: int) -> list[str]:
    """Which process answered each of ``tries`` fresh connections to ``/health``."""
    names = []
    for _ in range(tries):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
                names.append(json.loads(answer.read())["gateway"])
        except OSError:
            time.sleep(0.1)
    return names


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_for(port: int, wanted: set[str], process: subprocess.Popen[str], seconds: float = 60) -> dict:
    """The first process's /health once every name in ``wanted`` has answered."""
    deadline, seen, first = time.monotonic() + seconds, set(), {}
    while time.monotonic() < deadline and process.poll() is None:
        for name in _names_answering(port, 4):
            seen.add(name)
        if wanted <= seen:
            while True:  # the first process's own answer (its counters name the listeners)
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as answer:
                    first = json.loads(answer.read())
                if first["gateway"] == "gw-w":
                    return first
        time.sleep(0.1)
    raise AssertionError(f"answered {seen}, wanted {wanted}; exit code {process.poll()}")


def test_two_workers_share_the_port_restart_a_dead_listener_and_stop_together(
    pg_url: str, tmp_path: Path
) -> None:
    Store.open(pg_url).close()  # migrated
    http_port, jt808_port = free_port(), free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[gateway]\nname = "gw-w"\nhttp_host = "127.0.0.1"\nhttp_port = {http_port}\n'
        f'jt808_host = "127.0.0.1"\njt808_port = {jt808_port}\n'
    )
    command = [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", pg_url]
    process = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.PIPE, text=True)
    try:
        first = _wait_for(http_port, {"gw-w", "gw-w-1"}, process)
        workers = first["components"]["workers"]
        assert workers["listeners"] == 1
        assert workers["running"] == 1
        assert "jt808" in first["components"]
        (listener,) = workers["pids"]
        os.kill(listener, signal.SIGKILL)  # a listener dies: the first process starts it again
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            again = _wait_for(http_port, {"gw-w", "gw-w-1"}, process)["components"]["workers"]
            if again["restarts"] == 1 and again["running"] == 1 and again["pids"] != [listener]:
                break
            time.sleep(0.2)
        else:
            raise AssertionError("the dead listener was not started again")
        replacement = again["pids"][0]
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=90)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, errors
    assert (
        not Path(f"/proc/{replacement}").exists()
        or "zombie" in Path(f"/proc/{replacement}/status").read_text()
    )
    assert "event=worker_exited worker=1" in errors
    assert "event=component_stopped gateway=gw-w component=workers" in errors
    assert "event=component_stopped gateway=gw-w-1 component=http" in errors  # the listener drained
    assert "Traceback" not in errors


@pytest.mark.parametrize("count", ["0", "33"])
def test_a_worker_count_out_of_range_is_one_clear_line(count: str, pg_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "commandcenter", "gateway", "--url", pg_url, "--workers", count],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "--workers" in done.stderr
    assert "1–32" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_listener_stops_when_its_first_process_is_killed_outright(pg_url: str, tmp_path: Path) -> None:
    """SIGKILL leaves the first process no chance to stop its listeners: they stop themselves
    (``die_with_parent``) instead of holding the ports as orphans."""
    Store.open(pg_url).close()
    http_port, jt808_port = free_port(), free_port()
    config = tmp_path / "config.toml"
    config.write_text(
        f'[gateway]\nname = "gw-w"\nhttp_host = "127.0.0.1"\nhttp_port = {http_port}\n'
        f'jt808_host = "127.0.0.1"\njt808_port = {jt808_port}\n'
    )
    command = [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", pg_url]
    process = subprocess.Popen([*command, "--workers", "2"], stderr=subprocess.DEVNULL, text=True)
    try:
        (listener,) = _wait_for(http_port, {"gw-w", "gw-w-1"}, process)["components"]["workers"]["pids"]
        process.kill()
        process.wait(timeout=30)
        deadline = time.monotonic() + 40
        while _running(listener) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _running(listener), "the orphaned listener kept running"
        assert _names_answering(http_port, 3) == []  # nobody holds the port any more
    finally:
        if process.poll() is None:
            process.kill()
