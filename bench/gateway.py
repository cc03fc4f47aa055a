"""Gateway benchmark (issue 14): JT/T 808 terminals at five times the seed's fleet, and the intake API.

Positions: a throwaway PostgreSQL cluster gets a district with ``--terminals`` trucks (default 5,000),
each a vehicle with a terminal id and a map unit. The real gateway runs as its own process
(``commandcenter gateway``, JT/T 808 listener on loopback); ``--client-processes`` processes (default 2)
open the terminals' sockets (``commandcenter.testing.jt808_fleet``: register, authenticate, then one
0x0200 a second on each terminal's own timer, at its offset in the second, answered or not; a tenth of
them also send a 0x0704 backfill batch of five ten-minute-old fixes every 10 s: 5,250 fixes/s offered),
and count what the platform acknowledged (0x8001). Both raise their own open-file limit. Measured over
``--seconds`` (default 30) after every terminal is in: ``positions_per_s`` = rows added to
``positions`` per second within that window (sustained: the tail still in flight is not counted);
``positions_lost`` = acknowledged fixes that are not in ``positions`` after the run (acknowledged means
stored); ``visible_p99_s`` = p99 over every unit's every new latest fix of (the moment ``units``
first shows it − its send time: the whole second it carries plus the terminal's offset), sampled
every 0.1 s. Also printed: fixes sent/acknowledged/stored, and CPU µs per stored fix of the gateway,
the terminals and PostgreSQL — comparable between runs on a busy machine where the rates are not.
Intake: ``bench/gateway_intake.py`` run as it is (its own cluster and gateway).
Must hold: ≥ 5,000 positions/s, 0 lost, visible p99 ≤ 2 s; intake ≥ 200 req/s, p99 ≤ 100 ms.
Last line: one JSON object with the issue's keys.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.postgres import ThrowawayPostgres
from commandcenter.testing.process_cpu import cluster_cpu_seconds, cpu_seconds

TERMINAL_BASE = 13_900_000_000
BACKFILL_EVERY_S = 10


def raise_open_files() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def terminal_id(number: int) -> str:
    return f"{TERMINAL_BASE + number:012d}"


def fleet(count: int) -> dict[type, list[dict[str, object]]]:
    tables = minimal_district()
    tables[Staff] = []
    tables[Unit] = [
        {"id": n, "kind": "muck_truck", "label": f"豫A·B{n:05d}", "office_id": 1} for n in range(1, count + 1)
    ]
    tables[Vehicle] = [
        {"id": n, "kind": "渣土车", "plate": f"豫A·B{n:05d}", "company": "基准运输", "office_id": None}
        | {"terminal_id": terminal_id(n), "unit_id": n}
        for n in range(1, count + 1)
    ]
    return tables  # type: ignore[return-value]


async def run_terminals(port: int, first: int, last: int, seconds: float, ready: Path) -> dict[str, int]:
    """One client process: terminals ``first``..``last`` connect, then report for ``seconds``
    (``testing/jt808_fleet``: each on its own timer at ``send_offset`` past the second)."""
    from commandcenter.testing.jt808_fleet import FleetCounts, FleetTerminal, connect_fleet, run_fleet

    raise_open_files()
    counts = FleetCounts()
    numbers = range(first, last + 1)
    terminals = [FleetTerminal(terminal_id(n), counts, lon=113.6 + n * 1e-6) for n in numbers]
    await connect_fleet(terminals, "127.0.0.1", port)
    ready.write_text(str(len(terminals)))
    while not ready.with_suffix(".go").exists():
        await asyncio.sleep(0.05)
    await run_fleet(terminals, [send_offset(n) for n in numbers], seconds, backfill_every_s=BACKFILL_EVERY_S)
    return {"acknowledged": counts.acknowledged_fixes, "sent": counts.sent_fixes, "terminals": len(terminals)}


def send_offset(number: int) -> float:
    """Where in each second terminal ``number`` reports (spread over the second, as real fleets are):
    its fix carries the whole second, so the sampler adds this back to know the true send time."""
    return (number % 100) / 100


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def measure_positions(count: int, seconds: float, clients: int) -> dict[str, float | int]:
    cluster = ThrowawayPostgres.start()
    processes: list[subprocess.Popen[str]] = []
    try:
        url = cluster.create_database("bench_gateway_positions")
        store = Store.open(url)
        replace_all(store, fleet(count))
        port = free_port()
        folder = Path(tempfile.mkdtemp())
        config = folder / "config.toml"
        config.write_text(
            f'[gateway]\nname = "bench"\njt808_host = "127.0.0.1"\njt808_port = {port}\n'
            f'http_host = "127.0.0.1"\nhttp_port = {free_port()}\n'
        )
        gateway = subprocess.Popen(
            [sys.executable, "-m", "commandcenter", "--config", str(config), "gateway", "--url", url],
            stderr=subprocess.DEVNULL,
            env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        processes.append(gateway)  # type: ignore[arg-type]
        _wait_port(port)
        share = -(-count // clients)
        readies = []
        for index in range(clients):
            first, last = index * share + 1, min(count, (index + 1) * share)
            ready = folder / f"client{index}.ready"
            readies.append(ready)
            processes.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        __file__,
                        "client",
                        str(port),
                        str(first),
                        str(last),
                        str(seconds),
                        str(ready),
                    ],
                    stdout=subprocess.PIPE,
                    text=True,
                )
            )
        while not all(ready.exists() for ready in readies):
            time.sleep(0.1)
        before = _positions(store)
        for ready in readies:
            ready.with_suffix(".go").write_text("go")
        started = time.monotonic()
        cpu_before = _cpu(gateway.pid, processes[1:], cluster)
        delays = _sample_visibility(store, seconds)
        elapsed = time.monotonic() - started
        cpu_used = [
            after - before
            for after, before in zip(_cpu(gateway.pid, processes[1:], cluster), cpu_before, strict=True)
        ]
        stored_in_run = _positions(store) - before
        acknowledged = sent = 0
        for process in processes[1:]:
            output = process.communicate(timeout=seconds + 120)[0]
            client = json.loads(output.strip().splitlines()[-1])
            acknowledged += client["acknowledged"]
            sent += client["sent"]
        time.sleep(2.0)
        stored = _positions(store) - before
        gateway.send_signal(signal.SIGTERM)
        gateway.wait(timeout=60)
        store.close()
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
        cluster.stop()
    delays.sort()
    return {
        "positions_per_s": round(stored_in_run / elapsed, 1),
        "positions_lost": max(0, acknowledged - stored),
        "visible_p99_s": round(delays[min(len(delays) - 1, int(0.99 * len(delays)))], 3) if delays else None,
        "positions_sent": sent,
        "positions_acknowledged": acknowledged,
        "positions_stored": stored,
        # CPU per stored fix, µs, over the measured seconds: comparable between runs on a busy machine
        "cpu_us_per_fix": {
            name: round(1e6 * used / max(stored_in_run, 1), 1)
            for name, used in zip(("gateway", "terminals", "postgresql"), cpu_used, strict=True)
        },
    }


def _cpu(gateway: int, clients: list[subprocess.Popen[str]], cluster: ThrowawayPostgres) -> list[float]:
    return [
        cpu_seconds(gateway),
        sum(cpu_seconds(client.pid) for client in clients),
        cluster_cpu_seconds(cluster),
    ]


def _positions(store: Store) -> int:
    return int(store.execute_raw("SELECT COUNT(*) FROM positions")[0][0])


def _sample_visibility(store: Store, seconds: float) -> list[float]:
    """Every 0.1 s: each unit whose latest fix changed — now minus the fix's send time (its whole
    second, which the fix carries, plus the terminal's offset in the second)."""
    seen: dict[int, str] = {}
    delays: list[float] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        now = datetime.now(UTC)
        for unit_id, ts in store.execute_raw("SELECT id, last_ts FROM units WHERE last_ts IS NOT NULL"):
            stamp = str(ts)
            if seen.get(unit_id) != stamp:
                if unit_id in seen:
                    moment = ts if isinstance(ts, datetime) else datetime.fromisoformat(stamp)
                    sent = moment.astimezone(UTC) + timedelta(seconds=send_offset(unit_id))
                    delays.append((now - sent).total_seconds())
                seen[unit_id] = stamp
        time.sleep(0.1)
    return delays


def _wait_port(port: int, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("the gateway's JT/T 808 listener did not open")


def measure_intake() -> dict[str, float]:
    script = Path(__file__).with_name("gateway_intake.py")
    output = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True).stdout
    print(output.strip().splitlines()[0])
    figures: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("role", nargs="?", choices=("measure", "client"), default="measure")
    parser.add_argument("args", nargs="*")
    parser.add_argument("--terminals", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--client-processes", type=int, default=2)
    parser.add_argument("--no-intake", action="store_true")
    arguments = parser.parse_args()
    if arguments.role == "client":
        port, first, last, seconds, ready = arguments.args
        counts = asyncio.run(run_terminals(int(port), int(first), int(last), float(seconds), Path(ready)))
        print(json.dumps(counts), flush=True)
        return
    positions = measure_positions(arguments.terminals, arguments.seconds, arguments.client_processes)
    print(positions)
    intake = {"intake_rps": None, "intake_p99_ms": None} if arguments.no_intake else measure_intake()
    keys = ("positions_per_s", "positions_lost", "visible_p99_s")
    print(json.dumps({key: positions[key] for key in keys} | intake))


if __name__ == "__main__":
    main()
