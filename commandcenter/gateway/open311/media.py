"""Stored photos as URLs a client can fetch: ``GET /media/{sha256}`` serves a ``stored_photos`` row,
and every outward payload (a request's ``media_url``, the after-photos of its status and of the
webhooks) names a photo ``photo:<sha256>`` by the absolute URL built on ``[gateway] public_url``
(``media_url``) — or, when that is unset, the address the request came to (the HTTP answers) or the
listener's host and port (the webhooks, which have no request).

No ``api_key`` is asked for ``/media``, by choice. Who fetches it is not our API client but whoever
it forwards the URL to: the citizens' WeChat back end and the mini-program's image view, which load
an ``<image src>`` and cannot add a key (and a key in a URL handed to phones would leak it). The URL
is a capability instead: 64 hex digits of SHA-256, 2^256 possibilities, never listed anywhere, known
only to whoever was given it (or who already holds the very same bytes — then the photo tells them
nothing new). Only the exact 64-lower-hex form is a route (nothing else reaches the database), and
the answer is immutable (the address is the bytes' hash): an ETag, a year's caching, 304 for a
repeat. A photo the citizen should not see must not be put in their answer: that is the one rule.
"""

from __future__ import annotations

import asyncio
import socket

from aiohttp import web

from commandcenter.config import GatewaySettings
from commandcenter.domain.photos import PHOTO_URI_PREFIX, PhotoNotFound
from commandcenter.gateway.open311.words import Open311Error
from commandcenter.persistence.cases.photo_store import read_photo
from commandcenter.persistence.store import Store

MEDIA_ROUTE = r"/media/{sha256:[0-9a-f]{64}}"
CACHE_FOREVER = "public, max-age=31536000, immutable"


def media_url(uri: str | None, base: str) -> str | None:
    """The URL a client fetches ``uri`` at: a stored photo under ``base``/media, a client's own
    http(s) URL as given; None for anything else (a file path on a workstation is no URL)."""
    if not uri:
        return None
    if uri.startswith(PHOTO_URI_PREFIX):
        return f"{base.rstrip('/')}/media/{uri.removeprefix(PHOTO_URI_PREFIX)}"
    return uri if uri.startswith(("http://", "https://")) else None


def media_urls(uris: tuple[str, ...] | list[str], base: str) -> list[str]:
    return [url for url in (media_url(uri, base) for uri in uris) if url is not None]


def request_base(request: web.Request, public_url: str) -> str:
    """Where this client reaches us: ``public_url``, else the scheme and host it used."""
    return public_url.rstrip("/") if public_url else f"{request.scheme}://{request.host}"


def listener_base(settings: GatewaySettings) -> str:
    """Where clients reach us without a request to ask (the webhook sender): ``public_url``, else the
    listener's own host (this machine's name when it listens on every address) and port."""
    if settings.public_url:
        return settings.public_url.rstrip("/")
    host = settings.http_host if settings.http_host not in ("", "0.0.0.0", "::") else socket.getfqdn()
    return f"http://{host}:{settings.http_port}"


class MediaRoute:
    """``GET /media/{sha256}``: the photo's bytes with its type, 404 (Open311 error) when unknown."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add_route(self, app: web.Application) -> None:
        app.router.add_get(MEDIA_ROUTE, self.get)

    async def get(self, request: web.Request) -> web.Response:
        digest = request.match_info["sha256"]
        etag = f'"{digest}"'
        headers = {"ETag": etag, "Cache-Control": CACHE_FOREVER}
        if etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
        try:
            media_type, content = await asyncio.to_thread(read_photo, self.store, PHOTO_URI_PREFIX + digest)
        except PhotoNotFound as error:
            raise Open311Error(404, "没有此照片", "no such photo") from error
        return web.Response(body=content, content_type=media_type, headers=headers)
