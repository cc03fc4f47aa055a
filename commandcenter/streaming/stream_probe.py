"""Is a stream up? A cheap check for the status bar ("streams N/M up"): open the HTTP stream, read the
first few packets and look for MPEG-TS framing (a 0x47 sync byte every 188 bytes).

A plain socket rather than libVLC: a probe must be fast, bounded by a timeout, and runnable on a
worker thread without a player. It blocks, so callers run it off the Qt thread.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

TS_PACKET = 188
TS_SYNC = 0x47
_PACKETS_CHECKED = 7  # a little over 1 KiB: enough to tell TS from an HTML error page


@dataclass(frozen=True)
class StreamHealth:
    """The result of probing one URL; ``reason`` is a short English phrase when not ``ok``."""

    url: str
    ok: bool
    reason: str = ""
    bytes_read: int = 0


def find_ts_sync(data: bytes, packets: int = _PACKETS_CHECKED) -> int | None:
    """Offset where ``packets`` consecutive TS packets start, or None (streams may start mid-packet)."""
    for offset in range(min(TS_PACKET, len(data))):
        if all(
            offset + i * TS_PACKET < len(data) and data[offset + i * TS_PACKET] == TS_SYNC
            for i in range(packets)
        ):
            return offset
    return None


def probe_stream(url: str, timeout: float = 2.0) -> StreamHealth:
    """Connect, GET, and read until enough bytes arrived to see TS framing; never longer than ``timeout``."""
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        return StreamHealth(url, False, f"unsupported URL (only http:// is probed): {url}")
    deadline = time.monotonic() + timeout
    target = f"{parts.path or '/'}?{parts.query}" if parts.query else parts.path or "/"
    request = f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\nUser-Agent: commandcenter-probe\r\n\r\n"
    try:
        with socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout) as sock:
            sock.sendall(request.encode("ascii"))
            head, body = _read_head(sock, deadline)
            status = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            if len(status) < 2 or status[1] != "200":
                return StreamHealth(url, False, f"HTTP {' '.join(status[1:]) or 'no status line'}")
            body += _read_at_least(sock, deadline, TS_PACKET * (_PACKETS_CHECKED + 1) - len(body))
    except ConnectionRefusedError:
        return StreamHealth(url, False, "connection refused (server down)")
    except TimeoutError:
        return StreamHealth(url, False, f"timed out after {timeout:g} s")
    except _Closed as closed:
        return StreamHealth(url, False, f"stream closed after {closed.received} bytes", closed.received)
    except OSError as error:
        return StreamHealth(url, False, f"{type(error).__name__}: {error}")
    if find_ts_sync(body) is None:
        return StreamHealth(url, False, "not MPEG-TS (no 0x47 sync every 188 bytes)", len(body))
    return StreamHealth(url, True, "", len(body))


class _Closed(Exception):
    def __init__(self, received: int) -> None:
        super().__init__(received)
        self.received = received


def _recv(sock: socket.socket, deadline: float, size: int) -> bytes:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError
    sock.settimeout(remaining)
    return sock.recv(size)


def _read_head(sock: socket.socket, deadline: float) -> tuple[bytes, bytes]:
    """The response head and whatever body bytes came with it."""
    data = b""
    while b"\r\n\r\n" not in data:
        if len(data) > 16_384:
            raise OSError("response head too long")
        chunk = _recv(sock, deadline, 4096)
        if not chunk:
            raise _Closed(0)
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return head, body


def _read_at_least(sock: socket.socket, deadline: float, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = _recv(sock, deadline, size - len(data))
        if not chunk:
            raise _Closed(len(data))
        data += chunk
    return data
