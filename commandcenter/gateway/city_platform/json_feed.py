"""A city platform speaking a plain JSON/HTTP feed — the one concrete ``PlatformClient``.

The shape (UTF-8 JSON; times ISO 8601 with offset; coordinates in ``datum``, wgs84 (default), gcj02 or bd09)::

    GET  {base}/cases?since=<cursor>&page=<n>      (n from 1; since "" = from the beginning)
      → {"cases": [{"id": "P-1", "category": "S0501", "lon": 113.61, "lat": 34.71,
                    "datum": "wgs84", "description": "…", "address": "…", "reporter": "…"}],
         "next_page": 2 | null, "cursor": "<opaque: where the next poll starts>"}
    POST {base}/cases/{id}/status                  (header Idempotency-Key: <our event id>)
      ← {"status": "派遣", "action": "派遣", "case_number": "20260310-00001", "note": "…",
         "updated_datetime": "2026-03-10T03:00:00+00:00", "event_id": 17}
      → any 2xx
      (a case our intake refused outright: status and action "不予受理", case_number "", note the
      reason line "不在辖区内：… / outside the district", event_id null, Idempotency-Key
      "refused:<id>")
    GET  {base}/positions?since=<cursor>
      → {"positions": [{"vehicle": "豫A12345" (plate or terminal id), "ts": "…", "lon": …,
                        "lat": …, "speed_kmh": 12.0, "heading_deg": 90.0}], "cursor": "…"}

Anything else — a refused connection, a timeout, a non-2xx, JSON of another shape — is
``PlatformUnavailable``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import aiohttp

from commandcenter.gateway.city_platform.platform import (
    CasePage,
    FixBatch,
    PlatformCase,
    PlatformFix,
    PlatformUnavailable,
)
from commandcenter.persistence.gateway.platform_links import StatusEvent


class JsonFeedPlatform:
    def __init__(self, base_url: str, session: aiohttp.ClientSession) -> None:
        self.base_url, self.session = base_url.rstrip("/"), session

    async def cases(self, since: str, page: int) -> CasePage:
        body = await self._get("/cases", {"since": since, "page": str(page)})
        try:
            cases = [_case(item) for item in body["cases"]]
            next_page = body.get("next_page")
            return CasePage(cases, int(next_page) if next_page else None, str(body["cursor"]))
        except (KeyError, TypeError, ValueError) as error:
            raise PlatformUnavailable(f"unexpected /cases answer: {error!r}") from error

    async def send_status(self, event: StatusEvent) -> None:
        body = {
            "status": event.status,
            "action": event.action,
            "case_number": event.case_number,
            "note": event.note,
            "updated_datetime": event.ts.isoformat(),
            "event_id": event.event_id or None,
        }
        url = f"{self.base_url}/cases/{event.platform_id}/status"
        headers = {"Idempotency-Key": event.key}
        try:
            async with self.session.post(url, json=body, headers=headers) as r:
                if not 200 <= r.status < 300:
                    raise PlatformUnavailable(f"POST status: HTTP {r.status}")
        except (aiohttp.ClientError, TimeoutError) as error:
            raise PlatformUnavailable(f"POST status: {error!r}") from error

    async def positions(self, since: str) -> FixBatch:
        body = await self._get("/positions", {"since": since})
        try:
            return FixBatch([_fix(item) for item in body["positions"]], str(body["cursor"]))
        except (KeyError, TypeError, ValueError) as error:
            raise PlatformUnavailable(f"unexpected /positions answer: {error!r}") from error

    async def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        try:
            async with self.session.get(self.base_url + path, params=params) as response:
                if response.status != 200:
                    raise PlatformUnavailable(f"GET {path}: HTTP {response.status}")
                body = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise PlatformUnavailable(f"GET {path}: {error!r}") from error
        if not isinstance(body, dict):
            raise PlatformUnavailable(f"GET {path}: not a JSON object")
        return body


def _case(item: dict[str, Any]) -> PlatformCase:
    return PlatformCase(
        str(item["id"]),
        str(item["category"]),
        float(item["lon"]),
        float(item["lat"]),
        str(item.get("datum") or "wgs84").lower(),
        str(item.get("description", "")),
        str(item.get("address", "")),
        str(item.get("reporter", "")),
    )


def _fix(item: dict[str, Any]) -> PlatformFix:
    return PlatformFix(
        str(item["vehicle"]),
        _aware(datetime.fromisoformat(str(item["ts"]))),
        float(item["lon"]),
        float(item["lat"]),
        float(item.get("speed_kmh", 0.0)),
        float(item.get("heading_deg", 0.0)),
    )


def _aware(moment: datetime) -> datetime:
    """A time without an offset is read as UTC (the shape asks for one)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
