"""The gateway's HTTP listener as a ``GatewayComponent``: the Open311 API and ``/health`` on
``settings.gateway.http_host``/``http_port``.

``stop`` is aiohttp's graceful shutdown: the listening socket closes first (no new connections),
requests already being handled run to their answer (up to ``shutdown_timeout``), then idle
keep-alive connections close — a report a client was answered for is filed, one it was not
answered for was not (a repeat with its ``client_ref`` settles which)."""

from __future__ import annotations

from collections.abc import Mapping

from aiohttp import web

from commandcenter.gateway.open311.app import Health, build_app
from commandcenter.gateway.open311.handlers import Open311Api

SHUTDOWN_TIMEOUT_S = 20.0  # within systemd's TimeoutStopSec


class HttpServer:
    name = "http"

    def __init__(
        self, api: Open311Api, host: str, port: int, health: Health | None = None, *, reuse_port: bool = False
    ) -> None:
        """``reuse_port``: several worker processes listen on the port (``gateway.workers``)."""
        self.api, self.host, self.port = api, host, port
        self.reuse_port = reuse_port
        self._health = health
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        runner = web.AppRunner(
            build_app(self.api, self._health),
            handle_signals=False,
            access_log=None,
            shutdown_timeout=SHUTDOWN_TIMEOUT_S,
        )
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port, reuse_port=self.reuse_port or None)
        await site.start()
        self._runner = runner
        self.port = _bound_port(runner, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def counters(self) -> Mapping[str, object]:
        return self.api.counters()


def _bound_port(runner: web.AppRunner, wanted: int) -> int:
    """The port actually listened on (``0`` asks the system for a free one: tests)."""
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return wanted
