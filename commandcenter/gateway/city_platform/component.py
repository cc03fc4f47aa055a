"""The city platform's JSON/HTTP feed as a gateway component: ``[gateway] city_platform_url`` names the
platform's base URL (``city_platform_name`` its name, for the cursor file and the links); the HTTP
session lives as long as the component, made in the gateway's own event loop at ``start``."""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.feeds.sink import PositionSink
from commandcenter.gateway.city_platform.cursor import CursorFile
from commandcenter.gateway.city_platform.json_feed import JsonFeedPlatform
from commandcenter.gateway.city_platform.sync import CityPlatformSync
from commandcenter.persistence.store import Store


class JsonFeedComponent:
    def __init__(
        self, name: str, base_url: str, store: Store, intake: CurrentIntake, interval: float = 5.0
    ) -> None:
        self.name = f"city-platform:{name}"
        self._platform, self._base_url, self._store, self._intake = name, base_url, store, intake
        self._interval = interval
        self._session: aiohttp.ClientSession | None = None
        self._sync: CityPlatformSync | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        client = JsonFeedPlatform(self._base_url, self._session)
        self._sync = CityPlatformSync(
            self._platform,
            client,
            self._store,
            self._intake,
            PositionSink(self._store),
            CursorFile(self._platform),
            interval=self._interval,
        )
        await self._sync.start()

    async def stop(self) -> None:
        if self._sync is not None:
            await self._sync.stop()
        if self._session is not None:
            await self._session.close()

    def counters(self) -> Mapping[str, object]:
        return {} if self._sync is None else self._sync.counters()
