"""What the gateway process runs: components (the JT/T 808 server, the HTTP side, the webhook sender,
a city-platform adapter …), each started and stopped by ``commandcenter gateway`` in one asyncio loop.

``stop`` is the clean shutdown: stop accepting, then flush everything already accepted (positions
acknowledged to a terminal, reports answered to a client) before returning — nothing acknowledged is
lost. ``counters`` is what ``/health`` shows for the component (frames, errors, sessions …)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol


class GatewayComponent(Protocol):
    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def counters(self) -> Mapping[str, object]: ...
