"""An HTTP fan-out for live MPEG-TS streams with a GOP cache, in front of the demo's libVLC broadcasts.

libVLC's HTTP output starts a new client wherever the stream happens to be, so a tile waited for the
next PAT, PMT and keyframe (0.5–0.9 s on the demo clips) before its first picture. This relay reads
each upstream stream once, keeps its ``GopCache`` and sends a joining client PAT + PMT + the current GOP
at once, then the live bytes — what production media servers do for "秒开" (instant start).

One reader thread per upstream stream; one thread per client, which writes whatever has queued up
since its last write (a slow client gets larger writes, not more wake-ups). A client that falls more
than ``CLIENT_BACKLOG_BYTES`` behind is cut off rather than buffered without end: a live stream that
far behind is useless, and its player reconnects.
"""

from __future__ import annotations

import collections
import contextlib
import http.client
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from commandcenter.streaming.ts_gop_cache import GopCache

log = logging.getLogger(__name__)

READ_SIZE = 64 * 1024
CLIENT_BACKLOG_BYTES = 4 * 1024 * 1024
UPSTREAM_RETRY_S = 0.5
_WAKE_S = 1.0  # a client thread re-checks for shutdown at least this often


class _Client:
    def __init__(self, first: bytes) -> None:
        self.chunks: collections.deque[bytes] = collections.deque([first])
        self.queued = len(first)
        self.cut_off = False


class RelayedStream:
    """One upstream stream, its GOP cache and its clients."""

    def __init__(
        self, upstream_host: str, upstream_port: int, path: str, backlog_bytes: int = CLIENT_BACKLOG_BYTES
    ) -> None:
        self.path = path
        self.backlog_bytes = backlog_bytes
        self.upstream_connects = 0
        self._upstream = (upstream_host, upstream_port)
        self._cache = GopCache()
        self._clients: list[_Client] = []
        self._changed = threading.Condition()
        self._stopped = threading.Event()
        self._reader = threading.Thread(target=self._read_upstream, name=f"relay {path}", daemon=True)

    @property
    def ready(self) -> bool:
        """True once a joining client would get a keyframe at once."""
        with self._changed:
            return self._cache.ready

    def start(self) -> None:
        self._reader.start()

    def stop(self) -> None:
        self._stopped.set()
        with self._changed:
            self._changed.notify_all()
        self._reader.join(timeout=5)

    def _read_upstream(self) -> None:
        while not self._stopped.is_set():
            connection = http.client.HTTPConnection(*self._upstream, timeout=5)
            try:
                connection.request("GET", f"/{self.path}")
                self.upstream_connects += 1
                response = connection.getresponse()
                if response.status != 200:
                    raise http.client.HTTPException(f"upstream answered {response.status}")
                while not self._stopped.is_set():
                    data = response.read1(READ_SIZE)
                    if not data:
                        break
                    self._publish(data)
            except (OSError, http.client.HTTPException) as error:
                log.debug("relay %s: upstream %s", self.path, error)
            finally:
                connection.close()
            with self._changed:
                self._cache = GopCache()  # what comes after a reconnect does not continue the old GOP
            self._stopped.wait(UPSTREAM_RETRY_S)

    def _publish(self, data: bytes) -> None:
        with self._changed:
            self._cache.feed(data)
            for client in list(self._clients):
                client.chunks.append(data)
                client.queued += len(data)
                if client.queued > self.backlog_bytes:
                    client.cut_off = True
                    client.chunks.clear()
                    client.queued = 0
                    self._clients.remove(client)
            self._changed.notify_all()

    def join(self) -> _Client | None:
        """A new client, its queue starting with the cached GOP; None until the cache has one."""
        with self._changed:
            first = self._cache.start_bytes()
            if first is None:
                return None
            client = _Client(first)
            self._clients.append(client)
            return client

    def leave(self, client: _Client) -> None:
        with self._changed, contextlib.suppress(ValueError):
            self._clients.remove(client)

    def take(self, client: _Client) -> bytes | None:
        """Everything queued for ``client`` (waits for some); None when it must end."""
        with self._changed:
            while not client.chunks and not client.cut_off and not self._stopped.is_set():
                self._changed.wait(_WAKE_S)
            if client.cut_off or self._stopped.is_set():
                return None
            data = b"".join(client.chunks)
            client.chunks.clear()
            client.queued = 0
            return data


class _Handler(BaseHTTPRequestHandler):
    server: TsRelayServer
    protocol_version = "HTTP/1.0"  # live stream of unknown length: the end is the connection's end

    def do_HEAD(self) -> None:
        stream = self.server.streams.get(self.path.lstrip("/"))
        self._headers(200 if stream is not None and stream.ready else 404)

    def do_GET(self) -> None:
        stream = self.server.streams.get(self.path.lstrip("/"))
        client = stream.join() if stream is not None else None
        if stream is None or client is None:
            self._headers(404 if stream is None else 503)
            return
        self._headers(200)
        try:
            while (data := stream.take(client)) is not None:
                self.wfile.write(data)
        except OSError:
            pass  # the player went away
        finally:
            stream.leave(client)

    def _headers(self, status: int) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "video/mp2t")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        log.debug("relay: " + format, *args)


class TsRelayServer(ThreadingHTTPServer):
    """Serves ``/<path>`` for each relayed stream; ``wait_ready`` until every one has a GOP cached."""

    daemon_threads = True
    allow_reuse_address = True  # a killed server's TIME_WAIT sockets must not block its restart

    def __init__(self, host: str, port: int, upstream_port: int, paths: list[str]) -> None:
        super().__init__((host, port), _Handler)
        self.streams = {path: RelayedStream(host, upstream_port, path) for path in paths}
        self._serving = threading.Thread(target=self.serve_forever, name="relay http", daemon=True)

    def start(self) -> None:
        for stream in self.streams.values():
            stream.start()
        self._serving.start()

    def wait_ready(self, timeout_s: float) -> bool:
        deadline = time.monotonic() + timeout_s
        while not all(stream.ready for stream in self.streams.values()):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return True

    def stop(self) -> None:
        for stream in self.streams.values():
            stream.stop()
        self.shutdown()
        self.server_close()
