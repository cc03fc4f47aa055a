"""Loopback demo streams for tests and benchmarks: a free port and a server that is always stopped."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from commandcenter.config import StreamSettings
from commandcenter.streaming.stream_server import DemoStreamServer
from commandcenter.streaming.vlm_broadcast import free_port


def free_loopback_port() -> int:
    """A port nobody listens on right now on 127.0.0.1."""
    return free_port("127.0.0.1")


@contextmanager
def running_demo_server(
    clips_dir: Path, clip_count: int, port: int | None = None
) -> Iterator[DemoStreamServer]:
    settings = StreamSettings(host="127.0.0.1", port=port or free_loopback_port(), clip_count=clip_count)
    server = DemoStreamServer(settings, clips_dir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
