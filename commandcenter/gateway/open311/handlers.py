"""The Open311 routes' handlers: read and check the request on the event loop, then do the
database work on a worker thread (``asyncio.to_thread``) so one slow report never stalls the others.
What each answers is described in the package's docstring."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping

from aiohttp import web

from commandcenter.domain.api_keys import ApiKeyRecord
from commandcenter.domain.open311 import RequestStatus
from commandcenter.gateway.open311 import answers
from commandcenter.gateway.open311.auth import ApiKeys
from commandcenter.gateway.open311.filing import Filing
from commandcenter.gateway.open311.json_response import json_answer
from commandcenter.gateway.open311.listing import parse_query
from commandcenter.gateway.open311.media import MediaRoute, request_base
from commandcenter.gateway.open311.parsing import parse_service_request, read_fields
from commandcenter.gateway.open311.rate_limit import RateLimiter
from commandcenter.gateway.open311.words import Open311Error, not_found, rate_limited

CLIENT_NAME = web.RequestKey("open311_client", str)  # the API key's name, for the access log line


# What /health shows from the start: requests by status class, reports by what they became.
COUNTERS = ("requests", "http_2xx", "http_4xx", "http_5xx", "open", "in_review", "rejected", "rate_limited")


class Open311Api:
    def __init__(
        self, filing: Filing, keys: ApiKeys, limiter: RateLimiter | None = None, public_url: str = ""
    ) -> None:
        """``public_url``: ``[gateway] public_url``, what photo URLs are built on ("" = the request's
        own address)."""
        self.filing, self.keys = filing, keys
        self.limiter = limiter or RateLimiter()
        self.public_url = public_url
        self.media = MediaRoute(filing.store)
        self.counts: Counter[str] = Counter(dict.fromkeys(COUNTERS, 0))

    def counters(self) -> Mapping[str, object]:
        return dict(self.counts)

    def add_routes(self, app: web.Application) -> None:
        app.router.add_get("/services.json", self.services)
        app.router.add_post("/requests.json", self.post_request)
        app.router.add_get("/requests.json", self.list_requests)
        app.router.add_get(r"/requests/{id:\d+}.json", self.get_request)
        self.media.add_route(app)

    async def services(self, request: web.Request) -> web.Response:
        categories = await asyncio.to_thread(self.filing.categories)
        return json_answer([answers.service(spec) for spec in categories])

    async def post_request(self, request: web.Request) -> web.Response:
        fields = await read_fields(request)
        client = await self._client(request, fields.get("api_key"))
        report = parse_service_request(fields)
        record = await asyncio.to_thread(self.filing.file, client, report)
        self.counts[record.status.value] += 1
        if record.status is RequestStatus.REJECTED:
            raise Open311Error.from_line(400, record.status_notes)
        status = 202 if record.status is RequestStatus.IN_REVIEW else 200
        return json_answer([answers.posted(record)], status=status)

    async def get_request(self, request: web.Request) -> web.Response:
        fields = await read_fields(request)
        client = await self._client(request, fields.get("api_key"))
        record = await asyncio.to_thread(self.filing.request, client, int(request.match_info["id"]))
        if record is None:
            raise not_found()
        return json_answer([answers.request(record, request_base(request, self.public_url))])

    async def list_requests(self, request: web.Request) -> web.Response:
        fields = await read_fields(request)
        client = await self._client(request, fields.get("api_key"))
        query = parse_query(fields, self.filing.clock())
        records = await asyncio.to_thread(self.filing.list_requests, client, query)
        base = request_base(request, self.public_url)
        return json_answer([answers.request(record, base) for record in records])

    async def _client(self, request: web.Request, key: str) -> ApiKeyRecord:
        """The key's record, within its rate (``Open311Error`` 401/403/429)."""
        client = self.keys.remembered(key or None)
        if client is None:  # not verified lately: the database is asked on a worker thread
            client = await asyncio.to_thread(self.keys.client, key or None)
        request[CLIENT_NAME] = client.name
        if not self.limiter.allow(client.id, client.profile.rate_per_minute):
            self.counts["rate_limited"] += 1
            raise rate_limited(client.profile.rate_per_minute)
        return client
