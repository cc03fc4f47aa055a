"""An open-loop HTTP/1.1 load generator for the intake benchmark: requests written as prepared bytes
on keep-alive connections, answers read by status line and ``Content-Length`` only.

aiohttp's client spent about 1 ms of CPU a report building and sending a 100 KB multipart body —
a fifth of what it measured, on the same two cores as the gateway and PostgreSQL. Here each
request is encoded before the clock starts and costs a write and a small read, so the machine's
CPU goes to what is measured. Request *i* is due at ``i / rate`` s whether or not earlier ones were
answered (as citizens' phones are); it takes an idle connection or opens one; its latency runs from
when it was due, so a gateway that falls behind is charged for the queue too."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    seconds: float  # from the first request's due time to the last answer
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)  # answers by status code


def post_request(host: str, port: int, path: str, body: bytes, content_type: str) -> bytes:
    """One POST as the bytes that go on the wire (keep-alive)."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    )
    return head.encode("latin-1") + body


async def _answer(reader: asyncio.StreamReader) -> int:
    """The status of one answer, its body read and dropped (``ConnectionError`` if it breaks off)."""
    head = await reader.readuntil(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    length = 0
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    await reader.readexactly(length)
    return int(status_line.split(" ", 2)[1])


async def open_loop(host: str, port: int, requests: Sequence[bytes], rate: float) -> LoadResult:
    """Send every prepared request at ``rate`` a second; each answer's latency and status."""
    idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]] = []
    result = LoadResult(0.0)
    started = time.perf_counter() + 0.2

    async def one(due: float, request: bytes) -> None:
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        connection = idle.pop() if idle else await asyncio.open_connection(host, port)
        reader, writer = connection
        try:
            writer.write(request)
            status = await _answer(reader)
        except (ConnectionError, asyncio.IncompleteReadError):
            writer.close()
            status = 0  # no answer: counted, the connection dropped
        else:
            idle.append(connection)
        result.latencies_ms.append((time.perf_counter() - due) * 1000)
        result.statuses[status] = result.statuses.get(status, 0) + 1

    await asyncio.gather(*(one(started + number / rate, request) for number, request in enumerate(requests)))
    result.seconds = time.perf_counter() - started
    for _, writer in idle:
        writer.close()
    return result
