"""Open311 intake throughput and latency (issue 14): ``commandcenter gateway --workers N`` (default 2
processes sharing the port) on a throwaway PostgreSQL cluster with the minimal district, and this
process offering multipart reports to it on loopback at a fixed rate, open loop
(``testing/http_posts``: report *i* goes out at *i*/rate s whatever happened to the others; its
latency counts from then) — each with its own 100 KB JPEG (stored, so every request writes the
photo, the request row, the case or the merge and the audit row) and its own ``client_ref``, at
points spread along the district's segment (so most are merged into a case nearby, as a busy street
is). Requests/s answered and the p99 latency (must be ≥ 200 req/s at 200 offered, and ≤ 100 ms),
and the gateway's own CPU time per request (all its processes, user + system, from ``/proc``:
steadier than the rates on a shared machine, where the client and PostgreSQL take the same cores).
Prints one JSON line last: ``{"intake_rps": …, "intake_p99_ms": …, "gateway_cpu_ms_per_request": …}``."""

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
from pathlib import Path

import aiohttp

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.http_posts import open_loop, post_request
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import make_key
from commandcenter.testing.postgres import ThrowawayPostgres
from commandcenter.testing.process_cpu import cluster_cpu_seconds, cpu_seconds, tree_cpu_seconds

PHOTO_BYTES = 100 * 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _photo(seed: int) -> bytes:
    return b"\xff\xd8\xff\xe0" + random.Random(seed).randbytes(PHOTO_BYTES - 4)


async def _wait_ready(base: str, process: subprocess.Popen[bytes], workers: int = 1) -> None:
    """Until every worker process answers ``/health`` (each its own name: ``bench``, ``bench-1`` …;
    a new connection each time, so the kernel may hand it to any of them)."""
    seen: set[str] = set()
    for _ in range(1200):
        if process.poll() is not None:
            raise RuntimeError("the gateway exited before it answered /health")
        try:
            connector = aiohttp.TCPConnector(force_close=True)
            url = f"{base}/health"
            async with aiohttp.ClientSession(connector=connector) as session, session.get(url) as answer:
                if answer.status == 200:
                    seen.add(str((await answer.json())["gateway"]))
                    if len(seen) >= workers:
                        return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.05)
    raise RuntimeError(f"{workers - len(seen)} gateway process(es) did not answer /health within 60 s")


def _body(key: str, number: int, run: str, along: float) -> tuple[bytes, str]:
    """One report as the multipart body a phone's upload is (encoded before the clock starts: the
    load generator must not be what limits the rate)."""
    boundary = f"----cc-bench-{run}-{number}"
    fields = {
        "api_key": key,
        "service_code": "S0501",
        "lat": f"{34.70 + 0.02 * along:.6f}",
        "long": f"{113.60 + 0.02 * along:.6f}",
        "description": "人行道上摆摊",
        "client_ref": f"bench-{run}-{number}",  # every report new (a repeat is answered from its row)
    }
    chunks = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    chunks.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="media"; filename="site.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
    )
    chunks += [_photo(hash((run, number)) & 0xFFFFFFFF), f"\r\n--{boundary}--\r\n".encode()]
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def _requests(port: int, key: str, total: int, run: str) -> list[bytes]:
    """``total`` reports as the bytes that go on the wire (made before the clock and the CPU count)."""
    jitter = random.Random(7)
    return [
        post_request("127.0.0.1", port, "/requests.json", *_body(key, number, run, jitter.random()))
        for number in range(total)
    ]


async def _post_all(port: int, requests: list[bytes], rate: float) -> tuple[float, list[float], int]:
    """The reports offered at ``rate`` a second (open loop, ``testing/http_posts``): seconds until
    the last answer, latencies in ms, answers other than 200/202."""
    result = await open_loop("127.0.0.1", port, requests, rate)
    failures = sum(count for status, count in result.statuses.items() if status not in (200, 202))
    return result.seconds, result.latencies_ms, failures


def _cpu(gateway: int, cluster: ThrowawayPostgres) -> tuple[float, float, float]:
    """CPU seconds so far of the gateway (with its listener processes), this client, PostgreSQL."""
    return tree_cpu_seconds(gateway), cpu_seconds(os.getpid()), cluster_cpu_seconds(cluster)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--rate", type=float, default=200.0, help="reports offered a second")
    parser.add_argument("--warmup", type=int, default=200, help="reports before the measured run")
    parser.add_argument("--workers", type=int, default=2, help="gateway processes (gateway --workers)")
    args = parser.parse_args()
    cluster = ThrowawayPostgres.start()
    try:
        url = cluster.create_database("bench_gateway")
        store = Store.open(url)
        replace_all(store, minimal_district())
        key = make_key(store, "bench", rate_per_minute=100_000)
        store.close()
        port, jt808_port = _free_port(), _free_port()
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder) / "config.toml"
            config.write_text(
                f'[gateway]\nname = "bench"\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n'
                f'jt808_host = "127.0.0.1"\njt808_port = {jt808_port}\n'
            )
            command = [
                sys.executable,
                "-m",
                "commandcenter",
                "--config",
                str(config),
                "gateway",
                "--url",
                url,
                "--workers",
                str(args.workers),
            ]
            gateway = subprocess.Popen(
                command, stderr=subprocess.DEVNULL, env=os.environ | {"PYTHONUNBUFFERED": "1"}
            )
            try:
                base = f"http://127.0.0.1:{port}"
                asyncio.run(_wait_ready(base, gateway, args.workers))
                asyncio.run(_post_all(port, _requests(port, key, args.warmup, "warmup"), args.rate))
                measured = _requests(port, key, args.requests, "run")
                cpu_before = _cpu(gateway.pid, cluster)
                seconds, latencies, failures = asyncio.run(_post_all(port, measured, args.rate))
                cpu_after = _cpu(gateway.pid, cluster)
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
        f"{len(latencies)} reports with a 100 KB photo, offered at {args.rate:g}/s: {rps:.0f} req/s, "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms, "
        f"{failures} not accepted; CPU a request: gateway {gateway_ms:.1f} ms, "
        f"this client {client_ms:.1f} ms, PostgreSQL {postgres_ms:.1f} ms"
    )
    figures = {"intake_rps": round(rps, 1), "intake_p99_ms": round(p99, 1)}
    print(json.dumps(figures | {"gateway_cpu_ms_per_request": round(gateway_ms, 2)}))


if __name__ == "__main__":
    main()
