"""Photos as fetchable URLs, over real HTTP on SQLite and PostgreSQL: ``GET /media/{sha256}`` serves
a stored photo with its type and ETag (304 for a repeat, 404 for an unknown or malformed address),
and a request's ``media_url``, its case's after-photos and the webhook payloads name photos by
absolute URLs under ``[gateway] public_url`` (the request's own address when it is unset)."""

from __future__ import annotations

import asyncio
import hashlib
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from commandcenter.config import ConfigError, GatewaySettings
from commandcenter.domain.kinds import PhotoStage
from commandcenter.gateway.open311.media import listener_base
from commandcenter.gateway.webhooks import WebhookSender
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import add_photos, create_case
from commandcenter.persistence.cases.photo_store import store_photo
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.open311 import JPEG, POINT, make_key, serve
from commandcenter.testing.open311_clients import add_client, add_request

PUBLIC = "https://gw.example.cn/open311"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 300
AFTER_SHA = hashlib.sha256(PNG).hexdigest()
AFTER_URL = "https://wx.example.cn/after.jpg"


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


async def post_with_photo(session: aiohttp.ClientSession, key: str) -> dict[str, Any]:
    form = aiohttp.FormData({"api_key": key, "service_code": "S0501", "client_ref": "p1", **POINT})
    form.add_field("media", JPEG, filename="site.jpg", content_type="image/jpeg")
    async with session.post("/requests.json", data=form) as answer:
        assert answer.status == 200, await answer.text()
        return dict((await answer.json())[0])


def test_a_stored_photo_is_served_by_its_sha256(district: Store) -> None:
    key = make_key(district)
    sha = hashlib.sha256(JPEG).hexdigest()

    async def scenario(session: aiohttp.ClientSession) -> list[Any]:
        await post_with_photo(session, key)
        answers: list[Any] = []
        async with session.get(f"/media/{sha}") as photo:  # no api_key: see media.py
            answers.append((photo.status, photo.content_type, photo.headers["ETag"], await photo.read()))
            etag = photo.headers["ETag"]
        async with session.get(f"/media/{sha}", headers={"If-None-Match": etag}) as again:
            answers.append((again.status, await again.read()))
        for path in (f"/media/{'0' * 64}", f"/media/{sha.upper()}", f"/media/{sha[:63]}", "/media/..%2fx"):
            async with session.get(path) as refused:
                answers.append((refused.status, (await refused.json())[0]["code"]))
        return answers

    fetched, repeat, *refused = serve(district, scenario)
    assert fetched == (200, "image/jpeg", f'"{sha}"', JPEG)
    assert repeat == (304, b"")
    assert refused == [(404, 404)] * 4


def test_answers_name_photos_by_absolute_urls(district: Store) -> None:
    """The report's own photo and, once the case has them, its 处置后 photos; under public_url when
    set, else the address the client used; a client's own media_url stays as it sent it."""
    key = make_key(district)
    sha = hashlib.sha256(JPEG).hexdigest()

    async def scenario(session: aiohttp.ClientSession) -> tuple[Any, Any]:
        posted = await post_with_photo(session, key)
        request_id = posted["service_request_id"]
        case_id = int(district.execute_raw("SELECT case_id FROM open311_requests")[0][0])
        after = store_photo(district, PNG, "image/png", "张伟", datetime.now(UTC))
        await asyncio.to_thread(add_photos, district, case_id, PhotoStage.DISPOSED, [after], "张伟")
        async with session.get(f"/requests/{request_id}.json", params={"api_key": key}) as one:
            single = (await one.json())[0]
        async with session.get("/requests.json", params={"api_key": key}) as many:
            listed = (await many.json())[0]
        return single, listed

    single, listed = serve(district, scenario, public_url=PUBLIC + "/")
    assert single["media_url"] == f"{PUBLIC}/media/{sha}"
    assert single["media_urls"] == [f"{PUBLIC}/media/{AFTER_SHA}"]
    assert listed == single

    async def unset(session: aiohttp.ClientSession) -> tuple[str, Any]:
        async with session.get("/requests.json", params={"api_key": key}) as many:
            return str(session._base_url), (await many.json())[0]

    base, item = serve(district, unset)
    assert item["media_url"] == f"{base.rstrip('/')}/media/{sha}"
    assert item["media_urls"] == [f"{base.rstrip('/')}/media/{AFTER_SHA}"]


def test_webhook_payloads_carry_absolute_photo_urls(district: Store) -> None:
    taken: list[dict[str, Any]] = []

    async def hook(request: web.Request) -> web.Response:
        taken.append(await request.json())
        return web.Response()

    async def scenario() -> None:
        app = web.Application()
        app.router.add_post("/hook", hook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        port = runner.addresses[0][1]
        try:
            client = add_client(district, "12345热线", f"http://127.0.0.1:{port}/hook")
            await asyncio.to_thread(file_and_close, district, client)
            assert await WebhookSender(district, media_base=PUBLIC).send_due() == 1
        finally:
            await runner.cleanup()

    asyncio.run(scenario())
    (payload,) = taken
    assert payload["event"] == "closed"
    assert payload["media_urls"] == [f"{PUBLIC}/media/{AFTER_SHA}", AFTER_URL]
    (stored,) = district.execute_raw("SELECT payload FROM webhook_outbox")
    assert f"photo:{AFTER_SHA}" in str(stored[0])  # the outbox keeps the address-free form


def file_and_close(store: Store, client: int) -> int:
    """A case of the client's request, walked to 结案 with two 处置后 photos (one stored, one a URL)."""

    now = datetime.now(UTC)
    case_id = create_case(store, minimal_report(), now)
    add_request(store, client, case_id, "A-1", now)
    for action in ["立案", "派遣", "签收", "处置", "反馈", "核查"]:
        payload = {"assignee_staff_id": 1} if action == "派遣" else None
        version = read_case(store, case_id).version
        apply_transition(
            store, case_id, version, action, "值班员甲", "处理中", now, payload, approved_by="乙"
        )
        if action == "反馈":
            after = store_photo(store, PNG, "image/png", "张伟", now)
            add_photos(
                store, case_id, PhotoStage.DISPOSED, [after, "https://wx.example.cn/after.jpg"], "张伟"
            )
    version = read_case(store, case_id).version
    apply_transition(store, case_id, version, "结案", "值班员甲", "已清理", now, None, approved_by="乙")
    return case_id


def test_the_listener_base_and_a_bad_public_url() -> None:
    assert listener_base(GatewaySettings(public_url=PUBLIC + "/")) == PUBLIC
    assert listener_base(GatewaySettings(http_host="10.0.0.5", http_port=8311)) == "http://10.0.0.5:8311"
    with pytest.raises(ConfigError, match="public_url"):
        GatewaySettings(public_url="gw.example.cn")
