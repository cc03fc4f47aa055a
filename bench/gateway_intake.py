"""Open311 intake throughput and latency (issue 14): ``commandcenter gateway`` as its own process on
a throwaway PostgreSQL cluster with the minimal district, and this process posting multipart
reports to it on loopback — each with its own 100 KB JPEG (stored, so every request writes the
photo, the request row, the case or the merge and the audit row) and its own ``client_ref``, at
points spread along the district's segment (so most are merged into a case nearby, as a busy street
is). ``--concurrency`` clients keep a request each in flight. Requests/s over the whole run and the
p99 of each request's latency (must be ≥ 200 req/s and ≤ 100 ms), and the gateway process's own CPU
time per request (user + system, from ``/proc``: steadier than the rates on a shared machine, where
the client and PostgreSQL take the same cores). Prints one JSON line last:
``{"intake_rps": …, "intake_p99_ms": …, "gateway_cpu_ms_per_request": …}``."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import make_key
from commandcenter.testing.postgres import ThrowawayPostgres
from commandcenter.testing.process_cpu import cluster_cpu_seconds, cpu_seconds

PHOTO_BYTES = 100 * 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _photo(seed: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + random.Random(seed).randbytes(PHOTO_BYTES - 4)


async def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            if process.poll() is not None:
                raise RuntimeError("the gateway exited before it answered /health")
            try:
                async with session.get(f"{base}/health") as answer:
                    if answer.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the gateway did not answer /health within 60 s")


async def _post_all(base: str, key: str, total: int, concurrency: int) -> tuple[float, list[float], int]:
    """(seconds, latencies in ms, answers other than 200/202)."""
    photos = [_photo(seed) for seed in range(total)]  # made before the clock starts
    numbers = iter(range(total))
    latencies: list[float] = []
    failures = 0
    jitter = random.Random(7)

    async def client(session: aiohttp.ClientSession) -> None:
        nonlocal failures
        for number in numbers:
            along = jitter.random()
            form = aiohttp.FormData(
                {
                    "api_key": key,
                    "service_code": "S0501",
                    "lat": f"{34.70 + 0.02 * along:.6f}",
                    "long": f"{113.60 + 0.02 * along:.6f}",
                    "description": "人行道上摆摊",
                    "client_ref": f"bench-{number}",
                }
            )
            form.add_field("media", photos[number], filename="site.jpg", content_type="image/jpeg")
            started = time.perf_counter()
            async with session.post(f"{base}/requests.json", data=form) as answer:
                await answer.read()
                if answer.status not in (200, 202):
                    failures += 1
            latencies.append((time.perf_counter() - started) * 1000)

    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        started = time.perf_counter()
        await asyncio.gather(*(client(session) for _ in range(concurrency)))
        return time.perf_counter() - started, latencies, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=100, help="requests before the measured run")
    args = parser.parse_args()
    cluster = ThrowawayPostgres.start()
    try:
        url = cluster.create_database("bench_gateway")
        store = Store.open(url)
        replace_all(store, minimal_district())
        key = make_key(store, "bench", rate_per_minute=100_000)
        store.close()
        port = _free_port()
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "config.toml"
            config.write_text(f'[gateway]\nname = "bench"\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n')
            command = [
                sys.executable,
                "-m",
                "commandcenter",
                "--config",
                str(config),
                "gateway",
                "--url",
                url,
            ]
            gateway = subprocess.Popen(
                command, stderr=subprocess.DEVNULL, env=os.environ | {"PYTHONUNBUFFERED": "1"}
            )
            try:
                base = f"http://127.0.0.1:{port}"
                asyncio.run(_wait_ready(base, gateway))
                asyncio.run(_post_all(base, key, args.warmup, args.concurrency))
                cpu_before = cpu_seconds(gateway.pid), cpu_seconds(os.getpid()), cluster_cpu_seconds(cluster)
                seconds, latencies, failures = asyncio.run(
                    _post_all(base, key, args.requests, args.concurrency)
                )
                cpu_after = cpu_seconds(gateway.pid), cpu_seconds(os.getpid()), cluster_cpu_seconds(cluster)
                gateway_ms, client_ms, postgres_ms = (
                    (after - before) * 1000 / len(latencies)
                    for after, before in zip(cpu_after, cpu_before, strict=True)
                )
            finally:
                gateway.send_signal(signal.SIGTERM)
                gateway.wait(timeout=60)
    finally:
        cluster.stop()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    rps = len(latencies) / seconds
    print(
        f"{len(latencies)} reports with a 100 KB photo, {args.concurrency} in flight: {rps:.0f} req/s, "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms, "
        f"{failures} not accepted; CPU a request: gateway {gateway_ms:.1f} ms, "
        f"this client {client_ms:.1f} ms, PostgreSQL {postgres_ms:.1f} ms"
    )
    figures = {"intake_rps": round(rps, 1), "intake_p99_ms": round(p99, 1)}
    print(json.dumps(figures | {"gateway_cpu_ms_per_request": round(gateway_ms, 2)}))


if __name__ == "__main__":
    main()
