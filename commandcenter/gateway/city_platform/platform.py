"""What a city platform's adapter implements: three calls in the platform's own words, mapped to plain
records here. Any failure to reach the platform (refused, 5xx, garbage) is ``PlatformUnavailable``:
the sync stops that leg for this round and keeps its cursor, so nothing is skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from commandcenter.persistence.gateway.platform_links import StatusEvent


class PlatformUnavailable(Exception):
    """The platform did not answer usefully; retry next round."""


@dataclass(frozen=True)
class PlatformCase:
    platform_id: str
    category_code: str
    lon: float
    lat: float
    datum: str = "wgs84"  # domain.cases Datum: wgs84 / gcj02 / bd09
    description: str = ""
    address: str = ""
    reporter: str = ""


@dataclass(frozen=True)
class CasePage:
    cases: list[PlatformCase]
    next_page: int | None  # None: the last page of this cursor
    cursor: str  # where the next poll starts once every page was taken


@dataclass(frozen=True)
class PlatformFix:
    vehicle: str  # plate or terminal id
    ts: datetime
    lon: float
    lat: float
    speed_kmh: float = 0.0
    heading_deg: float = 0.0


@dataclass(frozen=True)
class FixBatch:
    fixes: list[PlatformFix] = field(default_factory=list)
    cursor: str = ""


class PlatformClient(Protocol):
    async def cases(self, since: str, page: int) -> CasePage: ...

    async def send_status(self, event: StatusEvent) -> None: ...

    async def positions(self, since: str) -> FixBatch: ...
