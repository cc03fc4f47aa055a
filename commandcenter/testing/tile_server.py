"""A real XYZ tile server on loopback for tests: ``/{z}/{x}/{y}.png`` over HTTP on a free port.

The body of each tile comes from a callable (the map tests hand it PNG bytes, the cache tests plain
text), zoom levels listed in ``missing_zooms`` answer 404, everything answers 503 while ``overloaded``
is set, and every request path is recorded so a
test can tell a network fetch from a disk-cache hit.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _path_body(path: str) -> bytes:
    return f"PNG {path}".encode()


class TileServer:
    def __init__(
        self, body: Callable[[str], bytes] = _path_body, missing_zooms: Collection[int] = (9,)
    ) -> None:
        self.requests: list[str] = []
        self.overloaded = False  # answer 503 to everything, as a server in trouble does
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(self.path)
                if server.overloaded:
                    self.send_error(503)
                    return
                if int(self.path.split("/")[1]) in missing_zooms:
                    self.send_error(404)
                    return
                data = body(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Idempotent: a test may stop the server early to prove the cache answers alone."""
        if self._thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()
            self._thread.join()
