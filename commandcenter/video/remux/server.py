"""A loopback HTTP server that plays an HTTP-FLV URL to libVLC as MPEG-TS (``flv_to_ts``).

A tile given ``http://media/rtp/34020000001320000001_34020000001320000001.live.flv`` opens
``http://127.0.0.1:<port>/<secret>/remux?src=<that URL>`` instead (``remux_url``); the handler reads
the FLV upstream and writes TS as the tags arrive. When the stream's video is a codec the remux does
not carry, nothing has been written yet and the player is redirected (302) to the FLV itself. An
upstream that cannot be reached or is not FLV answers 502 with the reason, which libVLC reports as a
failed stream — the tile's reconnect policy takes over as for any dead stream.

One thread per player (``ThreadingHTTPServer``): reading, remuxing and writing are sequential, so a
player that stops reading stops its upstream read too, and closing the tile closes both sockets.
The server listens on 127.0.0.1 only and answers only paths with its per-process secret, so it is no
open proxy for other users of the machine.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import secrets
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import IO, cast

from commandcenter.video.remux.flv_tags import read_header, read_tag
from commandcenter.video.remux.flv_to_ts import FlvToTs, UnsupportedVideo

log = logging.getLogger(__name__)

UPSTREAM_TIMEOUT_S = 10.0  # a live FLV sends tags many times a second; this much silence is a dead stream
_PATH = "remux"


def is_http_flv(url: str) -> bool:
    """An ``http(s)://…/….flv`` URL (ZLMediaKit's ``.live.flv``, SRS's and MediaMTX's ``.flv``)."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and parts.path.lower().endswith(".flv")


class _Listener(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # a 64-tile view opens its streams at once (the default 5 makes some wait 1 s)

    def handle_error(self, request: object, client_address: object) -> None:
        """One log line, not socketserver's traceback on stderr; the player sees its stream end."""
        error = sys.exc_info()[1]
        log.warning("event=flv_remux_failed client=%s error=%r", client_address, error)
        log.debug("flv remux failure", exc_info=True)


class FlvRemuxServer:
    """Started once per process (``shared_remux_server``); ``url_for`` gives a player's URL."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.secret = secrets.token_urlsafe(12)
        self.players = 0  # remuxed streams served so far (for the tests and the log)
        self._server = _Listener((host, port), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, name="flv-remux", daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url_for(self, flv_url: str) -> str:
        query = urllib.parse.urlencode({"src": flv_url})
        return f"http://127.0.0.1:{self.port}/{self.secret}/{_PATH}?{query}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler_for(server: FlvRemuxServer) -> type[BaseHTTPRequestHandler]:
    class RemuxHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # the TS runs until either side closes

        def do_GET(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            source = urllib.parse.parse_qs(parts.query).get("src", [""])[0]
            if parts.path != f"/{server.secret}/{_PATH}" or not is_http_flv(source):
                self.send_error(404)
                return
            server.players += 1
            _serve(self, source)

        def log_message(self, format: str, *args: object) -> None:
            log.debug("flv remux: " + format, *args)

    return RemuxHandler


def _serve(handler: BaseHTTPRequestHandler, source: str) -> None:
    try:
        upstream = urllib.request.urlopen(source, timeout=UPSTREAM_TIMEOUT_S)
    except (OSError, ValueError, http.client.HTTPException) as error:
        log.info("event=flv_remux_upstream_failed url=%s error=%s", source, error)
        handler.send_error(502, f"FLV source unreachable: {error}")
        return
    with contextlib.closing(upstream):
        _remux(handler, cast(IO[bytes], upstream), source)


def _remux(handler: BaseHTTPRequestHandler, upstream: IO[bytes], source: str) -> None:
    """Header first; then tags until the first TS bytes decide between remuxing and redirecting."""
    converter = FlvToTs()
    try:
        read_header(upstream)
        first = b""
        while not first:
            tag = read_tag(upstream)
            if tag is None:
                handler.send_error(502, "FLV source ended before its first keyframe")
                return
            first = converter.add(tag)
    except UnsupportedVideo as error:
        log.info("event=flv_remux_passthrough url=%s reason=%s", source, error)
        handler.send_response(302)
        handler.send_header("Location", source)
        handler.end_headers()
        return
    except (OSError, ValueError, http.client.HTTPException) as error:  # HTTPException: a cut chunk
        handler.send_error(502, f"FLV source failed: {error}")
        return
    handler.send_response(200)
    handler.send_header("Content-Type", "video/mp2t")
    handler.send_header("Cache-Control", "no-cache")
    handler.end_headers()
    try:
        handler.wfile.write(first)
        while (tag := read_tag(upstream)) is not None:
            chunk = converter.add(tag)
            if chunk:
                handler.wfile.write(chunk)
    except (OSError, ValueError, http.client.HTTPException) as error:  # the player or the source went away
        log.debug("flv remux of %s ended: %s", source, error)
    if converter.skipped:
        log.info("event=flv_remux_skipped url=%s frames=%d", source, converter.skipped)


_shared: FlvRemuxServer | None = None
_shared_lock = threading.Lock()


def shared_remux_server() -> FlvRemuxServer:
    """The process's server, started on first use (binding a loopback port: no wait)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = FlvRemuxServer()
        return _shared
