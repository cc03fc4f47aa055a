"""``commandcenter gateway``: the gateway's components in one asyncio loop, until SIGTERM/SIGINT.

The components start in order (the HTTP listener first, so ``/health`` answers while the others
come up) and stop in reverse: each ``stop`` stops accepting and then finishes what it accepted.
Beside the HTTP listener run the webhook sender, the positions' upkeep, the JT/T 808 server and,
when configured, the city platform's feed (``components``).

``/health`` answers ``{"gateway": name, "database": "ok", "components": {name: counters}}`` —
200 while the database answers, 503 (with the reason) while it does not, so a load balancer stops
sending reports to a gateway that cannot file them. Logs are one ``key=value`` line per event.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import socket
import sys
from collections.abc import Mapping, Sequence

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.config import GatewaySettings, PositionSettings
from commandcenter.gateway.city_platform.component import JsonFeedComponent
from commandcenter.gateway.component import GatewayComponent
from commandcenter.gateway.http_server import HttpServer
from commandcenter.gateway.jt808_server import Jt808Server
from commandcenter.gateway.open311.app import open311_api
from commandcenter.gateway.open311.media import listener_base
from commandcenter.gateway.position_upkeep import PositionUpkeepComponent
from commandcenter.gateway.webhooks import WebhookSender
from commandcenter.gateway.workers import ListenerProcesses
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store

log = logging.getLogger("commandcenter.gateway")
# A worker thread back from the database waits for the GIL while the event loop parses a report;
# CPython lets a running thread keep it up to the switch interval (5 ms by default) — up to 5 ms
# more per round trip, a dozen round trips a report, and the audit chain's lock held that much
# longer while a transaction waits to commit. 1 ms bounds that wait at a small cost in switches.
GIL_SWITCH_INTERVAL_S = 0.001


def gateway_name(settings: GatewaySettings) -> str:
    return settings.name or f"{socket.gethostname()}-{os.getpid()}"


class Gateway:
    def __init__(
        self,
        store: Store,
        settings: GatewaySettings,
        name: str,
        components: Sequence[GatewayComponent] = (),
        intake: CurrentIntake | None = None,
    ) -> None:
        """``components``: what runs beside the HTTP listener (``components``: the webhook sender, the
        JT/T 808 server …), started after it in this order. ``intake``: the process's one intake."""
        self.store, self.settings, self.name = store, settings, name
        self.intake = intake or CurrentIntake(store)
        self.http = HttpServer(
            open311_api(store, self.intake, settings.public_url),
            settings.http_host,
            settings.http_port,
            self.health,
            reuse_port=settings.workers > 1,
        )
        self.components: list[GatewayComponent] = [self.http, *components]

    async def health(self) -> tuple[int, Mapping[str, object]]:
        try:
            await asyncio.to_thread(self.store.ping)
            database, status = "ok", 200
        except DatabaseUnavailable as error:
            database, status = f"unavailable: {error}", 503
        counters = {component.name: dict(component.counters()) for component in self.components}
        return status, {"gateway": self.name, "database": database, "components": counters}

    async def run(self, stop: asyncio.Event) -> None:
        """Start every component, wait for ``stop``, then stop the started ones in reverse."""
        started: list[GatewayComponent] = []
        await self._settle_heap()
        try:
            for component in self.components:
                await component.start()
                started.append(component)
                log.info("event=component_started gateway=%s component=%s", self.name, component.name)
            log.info(
                "event=gateway_ready gateway=%s http=%s:%d",
                self.name,
                self.settings.http_host,
                self.http.port,
            )
            await stop.wait()
            log.info("event=gateway_stopping gateway=%s", self.name)
        finally:
            await stop_all(started, self.name)

    async def _settle_heap(self) -> None:
        """Build the intake's district index before the first report (not inside it), then put
        everything made so far out of the cycle collector's full passes (``gc.freeze``): a full
        pass over the index's objects stalled the process for tens of milliseconds at random
        reports — the intake's p99. A database away or a district not loaded yet is fine here: the
        first report tries again and is answered with what it finds."""
        try:
            await asyncio.to_thread(self.intake.current)
        except Exception as error:  # not fatal at start: the first report meets it and answers it
            log.warning("event=intake_not_built gateway=%s reason=%s", self.name, error)
        gc.collect()
        gc.freeze()


async def stop_all(started: Sequence[GatewayComponent], name: str) -> None:
    for component in reversed(started):
        try:
            await component.stop()
            log.info("event=component_stopped gateway=%s component=%s", name, component.name)
        except Exception:
            log.exception("event=component_stop_failed gateway=%s component=%s", name, component.name)


def components(
    store: Store,
    settings: GatewaySettings,
    name: str,
    intake: CurrentIntake,
    positions: PositionSettings | None = None,
) -> list[GatewayComponent]:
    """What runs beside the HTTP listener, in start order: the webhook sender (answers to the
    Open311 clients), the positions' upkeep (partitions, retention: hourly), the JT/T 808 server, and
    the city platform's feed when ``[gateway] city_platform_url`` names one."""
    platforms: list[GatewayComponent] = []
    if settings.city_platform_url:
        platform = JsonFeedComponent(settings.city_platform_name, settings.city_platform_url, store, intake)
        platforms.append(platform)
    upkeep = PositionUpkeepComponent(store, positions or PositionSettings(), name)
    sender = WebhookSender(store, media_base=listener_base(settings))
    return [sender, upkeep, Jt808Server(store, settings, name), *platforms]


def serve(
    store: Store,
    settings: GatewaySettings,
    positions: PositionSettings | None = None,
    *,
    worker_index: int = 0,
    listener_commands: Sequence[Sequence[str]] = (),
) -> None:
    """Run until SIGTERM or SIGINT (Ctrl+C), then shut down cleanly. ``worker_index`` > 0: a listener
    process of a ``workers`` > 1 gateway (HTTP and JT/T 808 only); ``listener_commands``: the first
    process starts and supervises those (``workers``)."""
    name = gateway_name(settings)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    intake = CurrentIntake(store)  # one for the process: the API's filing and any other source
    if worker_index:
        name = f"{name}-{worker_index}"
        parts: list[GatewayComponent] = [Jt808Server(store, settings, name)]
    else:
        parts = components(store, settings, name, intake, positions)
        if listener_commands:  # last: started once this process listens, stopped (drained) first
            parts.append(ListenerProcesses(listener_commands))
    gateway = Gateway(store, settings, name, parts, intake)
    asyncio.run(_serve(gateway))


async def _serve(gateway: Gateway) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await gateway.run(stop)
