"""The Open311 intake API on a real loopback port, SQLite and PostgreSQL: reports in every body
format become cases through intake with the key's source; repeats, merges, 待甄别 and refusals
answer as documented; every bad input is a 4xx with its reason and stores nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from commandcenter.domain.kinds import UserRole
from commandcenter.geo.datum import wgs84_to_gcj02
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import JPEG, POINT, count, make_key, serve

PHOTO_URL = "https://wx.example.cn/media/1.jpg"


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def report(key: str, **fields: str) -> dict[str, str]:
    return {"api_key": key, "service_code": "S0501", "description": "人行道上摆摊", **POINT, **fields}


async def answer(response: aiohttp.ClientResponse) -> tuple[int, Any]:
    return response.status, await response.json()


def test_services_list_the_active_categories(district: Store) -> None:
    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        return await answer(await session.get("/services.json"))

    status, services = serve(district, scenario)
    assert status == 200
    assert services == [
        {
            "service_code": "S0501",
            "service_name": "占道经营",
            "description": "占道经营影响通行",
            "metadata": False,
            "type": "realtime",
            "keywords": "事件",
            "group": "街面秩序",
        }
    ]


def test_form_json_and_multipart_reports_become_cases_with_the_keys_source(district: Store) -> None:
    key = make_key(district, "inspectors", source="督查员")

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        form = await session.post("/requests.json", data=report(key, media_url=PHOTO_URL))
        as_json = await session.post(
            "/requests.json", json=report(key, media_url=PHOTO_URL, lat="34.7102", long="113.6102")
        )
        multipart = aiohttp.FormData(
            report(key, lat="34.7142", long="113.6142", first_name="伟", last_name="张")
        )
        multipart.add_field("media", JPEG, filename="site.jpg", content_type="image/jpeg")
        with_photo = await session.post("/requests.json", data=multipart)
        return [await answer(form), await answer(as_json), await answer(with_photo)]

    (form, as_json, photo) = serve(district, scenario)
    assert form[0] == 200
    assert form[1][0]["status"] == "open"
    assert form[1][0]["case_number"]
    assert form[1][0]["expected_datetime"]
    assert as_json[0] == 200  # 30 m from the first: merged into its case
    assert as_json[1][0]["case_number"] == form[1][0]["case_number"]
    assert "merged" in as_json[1][0]["service_notice"]
    assert photo[0] == 200
    assert photo[1][0]["case_number"] != form[1][0]["case_number"]
    assert district.execute_raw("SELECT DISTINCT source FROM cases") == [("督查员",)]
    assert count(district, "cases") == 2
    assert count(district, "stored_photos") == 1
    photos = {row[0] for row in district.execute_raw("SELECT uri FROM case_photos")}
    assert PHOTO_URL in photos
    assert any(uri.startswith("photo:") for uri in photos)
    assert district.execute_raw("SELECT reporter FROM case_reporters WHERE reporter = '张伟'")
    statuses = district.execute_raw("SELECT status, case_id IS NOT NULL FROM open311_requests ORDER BY id")
    assert statuses == [("open", True)] * 3
    audited = district.execute_raw("SELECT count(*) FROM audit_log WHERE actor = 'api:inspectors'")
    assert audited == [(3,)]  # each filing (two new cases, one merge), by the key's name


def test_gcj02_coordinates_are_converted_at_the_edge(district: Store) -> None:
    key = make_key(district, "wechat", source="市民上报", datum="GCJ02")
    lon, lat = wgs84_to_gcj02(113.61, 34.71)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        fields = report(key, media_url=PHOTO_URL, lat=f"{lat:.8f}", long=f"{lon:.8f}")
        return await answer(await session.post("/requests.json", data=fields))

    status, _ = serve(district, scenario)
    assert status == 200
    ((stored_lon, stored_lat),) = district.execute_raw("SELECT lon, lat FROM open311_requests")
    assert stored_lon == pytest.approx(113.61, abs=1e-6)
    assert stored_lat == pytest.approx(34.71, abs=1e-6)
    ((case_lon, case_source),) = district.execute_raw("SELECT lon, source FROM cases")
    assert case_lon == pytest.approx(113.61, abs=1e-6)
    assert case_source == "市民上报"


def test_a_repeated_client_ref_answers_the_earlier_answer_and_files_once(district: Store) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        fields = report(key, media_url=PHOTO_URL, client_ref="wx-0001")
        first = await answer(await session.post("/requests.json", data=fields))
        again = await answer(await session.post("/requests.json", json=fields))
        return [first, again]

    first, again = serve(district, scenario)
    assert first == again
    assert count(district, "cases") == 1
    assert count(district, "open311_requests") == 1


def test_request_status_is_the_keys_own(district: Store) -> None:
    key, other = make_key(district, "wechat"), make_key(district, "hotline", source="12345热线")

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        posted = await answer(await session.post("/requests.json", data=report(key, media_url=PHOTO_URL)))
        request_id = posted[1][0]["service_request_id"]
        mine = await answer(await session.get(f"/requests/{request_id}.json", params={"api_key": key}))
        theirs = await answer(await session.get(f"/requests/{request_id}.json", params={"api_key": other}))
        return [posted, mine, theirs]

    posted, (status, (mine,)), theirs = serve(district, scenario)
    assert status == 200
    assert mine["service_request_id"] == posted[1][0]["service_request_id"]
    assert mine["status"] == "open"
    assert mine["case_number"] == posted[1][0]["case_number"]
    assert "受理" in mine["status_notes"]
    assert mine["expected_datetime"]
    assert mine["updated_datetime"]
    assert mine["requested_datetime"]
    assert theirs[0] == 404
    assert theirs[1][0]["code"] == 404


def test_a_report_outside_the_district_waits_in_review(district: Store) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        fields = report(key, media_url=PHOTO_URL, lat="34.80", long="113.70")
        return await answer(await session.post("/requests.json", data=fields))

    status, (body,) = serve(district, scenario)
    assert status == 202
    assert body["status"] == "in_review"
    assert body["token"] == body["service_request_id"]
    assert body["case_number"] is None
    assert count(district, "screening_reviews") == 1
    assert count(district, "cases") == 0
    assert district.execute_raw("SELECT status FROM open311_requests") == [("in_review",)]


def test_a_report_screening_refuses_is_a_400_with_its_reason_and_frees_the_client_ref(
    district: Store,
) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        refused = await answer(await session.post("/requests.json", data=report(key, client_ref="r1")))
        fixed = await answer(
            await session.post("/requests.json", data=report(key, client_ref="r1", media_url=PHOTO_URL))
        )
        return [refused, fixed]

    (status, (error,)), fixed = serve(district, scenario)
    assert status == 400
    assert error["code"] == 400
    assert "缺少现场照片" in error["description"]
    assert "photo" in error["description"]
    assert fixed[0] == 200  # the corrected report under the same client id is filed
    assert count(district, "cases") == 1


BAD = [
    pytest.param({"content_type": "application/json"}, b"{not json", 400, "JSON", id="malformed-json"),
    pytest.param({"content_type": "application/json"}, b"[1, 2]", 400, "JSON", id="json-not-an-object"),
    pytest.param({}, {"lat": "north"}, 400, "lat", id="lat-not-a-number"),
    pytest.param({}, {"long": "200"}, 400, "long", id="long-out-of-range"),
    pytest.param({}, {"lat": "nan"}, 400, "lat", id="lat-nan"),
    pytest.param({}, {"service_code": "X9999"}, 400, "service_code", id="unknown-service"),
    pytest.param({}, {"api_key": ""}, 401, "api_key", id="no-key"),
    pytest.param({}, {"api_key": "cc_not-a-key"}, 403, "api_key", id="unknown-key"),
    pytest.param({}, {"phone": "call me"}, 400, "phone", id="bad-phone"),
    pytest.param({"content_type": "text/plain"}, b"hello", 415, "JSON", id="plain-text-body"),
]


@pytest.mark.parametrize(("headers", "payload", "status", "word"), BAD)
def test_bad_input_is_a_4xx_with_its_reason_and_stores_nothing(
    district: Store, headers: dict[str, str], payload: Any, status: int, word: str
) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        if isinstance(payload, bytes):
            sent = await session.post(
                "/requests.json", data=payload, headers={"Content-Type": headers["content_type"]}
            )
        else:
            sent = await session.post("/requests.json", data=report(key, media_url=PHOTO_URL) | payload)
        return await answer(sent)

    answered, body = serve(district, scenario)
    assert answered == status  # an unreadable body is refused before the key is asked for
    assert body[0]["code"] == status
    assert " / " in body[0]["description"]
    assert word in body[0]["description"]
    assert count(district, "open311_requests") == 0
    assert count(district, "cases") == 0


@pytest.mark.parametrize(
    ("content", "media_type", "status"),
    [
        pytest.param(JPEG + b"\x00" * 4096, "image/jpeg", 413, id="over-the-keys-limit"),
        pytest.param(b"%PDF-1.4 not a photo", "image/jpeg", 415, id="not-a-photo"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/jpeg", 415, id="type-lies"),
    ],
)
def test_refused_photos_store_nothing(district: Store, content: bytes, media_type: str, status: int) -> None:
    key = make_key(district, max_photo_bytes=4096)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        form = aiohttp.FormData(report(key))
        form.add_field("media", content, filename="site.jpg", content_type=media_type)
        return await answer(await session.post("/requests.json", data=form))

    answered, (error,) = serve(district, scenario)
    assert answered == status
    assert error["code"] == status
    assert " / " in error["description"]
    assert count(district, "stored_photos") == 0
    assert count(district, "open311_requests") == 0


def test_a_body_over_the_limit_is_413(district: Store) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        form = aiohttp.FormData(report(key))
        form.add_field(
            "media", JPEG + b"\x00" * (11 * 1024 * 1024), filename="big.jpg", content_type="image/jpeg"
        )
        return await answer(await session.post("/requests.json", data=form))

    answered, (error,) = serve(district, scenario)
    assert answered == 413
    assert error["code"] == 413
    assert "请求体" in error["description"]
    assert count(district, "open311_requests") == 0


def test_over_the_keys_rate_is_429(district: Store) -> None:
    key = make_key(district, rate_per_minute=2)

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        fields = report(key, media_url=PHOTO_URL)
        return [await answer(await session.post("/requests.json", data=fields)) for _ in range(3)]

    answers = serve(district, scenario)
    assert [status for status, _ in answers] == [200, 200, 429]
    assert "2" in answers[2][1][0]["description"]
    assert "too many" in answers[2][1][0]["description"]
    assert count(district, "open311_requests") == 2


def test_unknown_routes_and_methods_answer_open311_errors(district: Store) -> None:
    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        return [
            await answer(await session.get("/nothing.json")),
            await answer(await session.put("/requests.json")),
            await answer(await session.get("/requests/abc.json")),
        ]

    answered = serve(district, scenario)
    assert [status for status, _ in answered] == [404, 405, 404]
    assert all(body[0]["code"] == status for status, body in answered)


def test_a_review_item_s_request_follows_the_operators_decision(district: Store) -> None:
    """Accepted: the request shows the case it became; rejected: closed, with the operator's reason."""
    key = make_key(district)
    review = services_for(district, UserRole.OPERATOR).review

    async def post_outside(session: aiohttp.ClientSession, ref: str) -> str:
        fields = report(key, media_url=PHOTO_URL, lat="34.80", long="113.70", client_ref=ref)
        async with session.post("/requests.json", data=fields) as posted:
            assert posted.status == 202
            return str((await posted.json())[0]["service_request_id"])

    async def status(session: aiohttp.ClientSession, request_id: str) -> dict[str, Any]:
        async with session.get(f"/requests/{request_id}.json", params={"api_key": key}) as answered:
            assert answered.status == 200
            return dict((await answered.json())[0])

    async def scenario(session: aiohttp.ClientSession) -> list[dict[str, Any]]:
        accepted, rejected = await post_outside(session, "a"), await post_outside(session, "b")
        waiting = await status(session, accepted)
        ids = dict(district.execute_raw("SELECT client_ref, review_id FROM open311_requests"))
        await asyncio.to_thread(review.accept, ids["a"], "S0501", 113.61, 34.71)
        await asyncio.to_thread(review.reject, ids["b"], "重复上报")
        return [waiting, await status(session, accepted), await status(session, rejected)]

    waiting, accepted, rejected = serve(district, scenario)
    assert waiting["status"] == "in_review"
    assert waiting["case_number"] is None
    assert accepted["status"] == "open"
    assert accepted["case_number"]
    assert accepted["expected_datetime"]
    assert rejected["status"] == "closed"
    assert "重复上报" in rejected["status_notes"]


def test_the_same_client_ref_at_once_files_one_case(district: Store) -> None:
    """Five copies in flight together (a client retrying over a bad link): one case; every answer is
    that request or a 409 to retry, never a second filing."""
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        fields = report(key, media_url=PHOTO_URL, client_ref="wx-race")

        async def send() -> tuple[int, Any]:
            async with session.post("/requests.json", data=fields) as sent:
                return sent.status, await sent.json()

        return list(await asyncio.gather(*(send() for _ in range(5))))

    answers = serve(district, scenario)
    filed = [body for status, body in answers if status == 200]
    assert filed
    assert all(body == filed[0] for body in filed)
    assert all(status in (200, 409) for status, _ in answers)
    assert count(district, "cases") == 1
    assert count(district, "open311_requests") == 1
