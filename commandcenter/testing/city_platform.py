"""A loopback city platform (aiohttp on 127.0.0.1) that behaves like a real one for the adapter's
tests: it pages its cases by cursor, fails on request (503), and records every status it is told —
steps and refusals alike — with the idempotency key it came with, as a platform keeps them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiohttp import web

from commandcenter.domain.kinds import UnitKind
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.gateway.platform_links import REFUSED_STATUS
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.minimal_district import minimal_district

Pages = dict[str, list[list[dict[str, Any]]]]  # cursor → its pages of cases
Fixes = dict[str, tuple[list[dict[str, str]], str]]  # cursor → (fixes without ts/lon/lat, next cursor)


@dataclass
class LoopbackPlatform:
    pages: Pages
    next_cursor: dict[str, str]
    fixes: Fixes
    fix_time: datetime  # the ts of every fix it hands out
    fail: Counter[str] = field(default_factory=Counter)  # "cases:<page>" / "status" → how many 503s first
    statuses: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # key, id, body
    runner: web.AppRunner | None = None
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def refusals(self) -> list[tuple[str, str, str]]:
        """(key, platform case id, reason) of each refusal received, in order (repeats included)."""
        return [
            (key, ref, body["note"]) for key, ref, body in self.statuses if body["status"] == REFUSED_STATUS
        ]

    def _failing(self, key: str) -> bool:
        if self.fail[key] > 0:
            self.fail[key] -= 1
            return True
        return False

    async def cases(self, request: web.Request) -> web.Response:
        since, page = request.query["since"], int(request.query["page"])
        if self._failing(f"cases:{page}"):
            return web.Response(status=503)
        pages = self.pages[since]
        body = {"cases": pages[page - 1], "next_page": page + 1 if page < len(pages) else None}
        return web.json_response(body | {"cursor": self.next_cursor[since]})

    async def status(self, request: web.Request) -> web.Response:
        if self._failing("status"):
            return web.Response(status=503)
        body = await request.json()
        self.statuses.append((request.headers["Idempotency-Key"], request.match_info["id"], body))
        return web.json_response({"ok": True})

    async def positions(self, request: web.Request) -> web.Response:
        fixes, cursor = self.fixes[request.query["since"]]
        ts = self.fix_time.isoformat()
        return web.json_response(
            {"positions": [f | {"ts": ts, "lon": 113.61, "lat": 34.71} for f in fixes]} | {"cursor": cursor}
        )

    async def up(self) -> None:
        app = web.Application()
        app.router.add_get("/cases", self.cases)
        app.router.add_post("/cases/{id}/status", self.status)
        app.router.add_get("/positions", self.positions)
        self.runner = web.AppRunner(app)
        await self.runner.setup()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()
        self.port = self.runner.addresses[0][1]

    async def down(self) -> None:
        assert self.runner is not None
        await self.runner.cleanup()


def platform_district(store: Store) -> Store:
    """The minimal district (its one category S0501 needing no photo) with one vehicle, 豫A12345 with
    terminal 013800000001, as unit 2."""
    rows = minimal_district()
    rows[CaseCategory] = [{**rows[CaseCategory][0], "photo_required": False}]
    rows[Unit] = [
        *rows[Unit],
        {"id": 2, "kind": UnitKind.ENFORCEMENT.value, "label": "豫A12345", "office_id": 1},
    ]
    rows[Vehicle] = [
        {"id": 1, "kind": "执法车", "plate": "豫A12345", "company": None, "office_id": 1}
        | {"terminal_id": "013800000001", "unit_id": 2}
    ]
    replace_all(store, rows)
    return store
