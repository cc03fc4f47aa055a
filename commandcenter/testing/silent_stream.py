"""A stream address that never connects, by construction: for wall tests that want tiles which stay
cheap and never show a picture, on every libVLC build.

The wall tests used ``rtsp://127.0.0.1:1/…`` and counted on the platform's libVLC lacking RTSP (no
live555 on Debian/Ubuntu) to keep the tiles idle — on a libVLC with live555 those tests were skipped,
silently. An HTTP address on a loopback socket that listens and never answers does not depend on the
build: the TCP handshake completes (the kernel's listen queue does it, no ``accept`` needed), libVLC
sends its request and waits, and the tile stays CONNECTING until it is stopped — no error, no retry
loop, no picture.
"""

from __future__ import annotations

import functools
import socket

_OPEN: list[socket.socket] = []  # the listening sockets live as long as the test process


@functools.cache
def silent_stream_base() -> str:
    """``http://127.0.0.1:PORT`` of a process-wide socket that accepts connections and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(socket.SOMAXCONN)
    _OPEN.append(listener)
    return f"http://127.0.0.1:{listener.getsockname()[1]}"


def silent_stream_url(name: str) -> str:
    """A distinct never-answering stream address per camera (``/name.ts``)."""
    return f"{silent_stream_base()}/{name}.ts"
