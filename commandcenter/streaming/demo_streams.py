"""Addresses of the demo's live streams: the contract between the demo data (which writes camera
URLs into the store) and the loopback stream server (which serves exactly these paths)."""

from __future__ import annotations

from commandcenter.domain.cameras import StreamTier


def demo_stream_path(clip_index: int, tier: StreamTier) -> str:
    """Path on the server, e.g. ``demo/3/sub.ts`` (HTTP MPEG-TS)."""
    return f"demo/{clip_index}/{tier.value}.ts"


def demo_stream_url(host: str, port: int, clip_index: int, tier: StreamTier) -> str:
    return f"http://{host}:{port}/{demo_stream_path(clip_index, tier)}"


def demo_stream_id(clip_index: int) -> str:
    """The media-server stream id stored on a demo camera (``cameras.media_stream_id``)."""
    return f"demo/{clip_index}"
