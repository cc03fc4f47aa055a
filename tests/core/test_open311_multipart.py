"""The gateway's own multipart reading (``gateway/open311/multipart``): the Content-Disposition
parameters as RFC 7578 clients write them, and over real HTTP the parts a report may and may not
have — a Chinese file name (``filename*``), a part without a name, two photos, a file under another
name — each refused with a 4xx and its reason, nothing stored."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from commandcenter.gateway.open311.multipart import disposition_parameters
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.open311 import JPEG, POINT, count, make_key, serve

PHOTO_URL = "https://wx.example.cn/media/1.jpg"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('form-data; name="lat"', {"name": "lat"}),
        ('form-data; name="media"; filename="site.jpg"', {"name": "media", "filename": "site.jpg"}),
        ("form-data; name=lat", {"name": "lat"}),
        ('form-data; NAME="a;b"; filename="x\\"y.jpg"', {"name": "a;b", "filename": 'x"y.jpg'}),
        (
            "form-data; name=\"media\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA.jpg",
            {"name": "media", "filename*": "UTF-8''%E7%8E%B0%E5%9C%BA.jpg"},
        ),
        ('form-data; name="first"; name="second"', {"name": "first"}),
        ("form-data", {}),
        ("", {}),
    ],
)
def test_disposition_parameters(header: str, expected: dict[str, str]) -> None:
    assert disposition_parameters(header) == expected


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def fields(key: str) -> dict[str, str]:
    return {"api_key": key, "service_code": "S0501", "description": "人行道上摆摊", **POINT}


def raw_part(name: str | None, body: bytes, filename: str | None = None) -> bytes:
    disposition = (
        "form-data" + (f'; name="{name}"' if name else "") + (f'; filename="{filename}"' if filename else "")
    )
    return f"--B\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + body + b"\r\n"


def test_a_photo_with_a_chinese_file_name_is_filed(district: Store) -> None:
    key = make_key(district)

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        form = aiohttp.FormData(fields(key))
        form.add_field("media", JPEG, filename="现场照片.jpg", content_type="image/jpeg")
        sent = await session.post("/requests.json", data=form)
        return sent.status, await sent.json()

    status, body = serve(district, scenario)
    assert status == 200
    assert body[0]["status"] == "open"
    assert count(district, "stored_photos") == 1


@pytest.mark.parametrize(
    ("parts", "status", "word"),
    [
        pytest.param([raw_part(None, b"x")], 400, "", id="a-part-without-a-name"),
        pytest.param(
            [raw_part("media", JPEG, "a.jpg"), raw_part("media", JPEG, "b.jpg")],
            400,
            "media",
            id="two-photos",
        ),
        pytest.param([raw_part("picture", JPEG, "a.jpg")], 400, "media", id="a-file-under-another-name"),
    ],
)
def test_parts_a_report_may_not_have(district: Store, parts: list[bytes], status: int, word: str) -> None:
    key = make_key(district)
    text = b"".join(raw_part(name, value.encode()) for name, value in fields(key).items())
    body = text + b"".join(parts) + b"--B--\r\n"

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        headers = {"Content-Type": "multipart/form-data; boundary=B"}
        sent = await session.post("/requests.json", data=body, headers=headers)
        return sent.status, await sent.json()

    answered, (error,) = serve(district, scenario)
    assert answered == status
    assert " / " in error["description"]
    assert word in error["description"]
    assert count(district, "open311_requests") == 0
    assert count(district, "stored_photos") == 0


def test_a_gbk_field_declared_by_charset_is_read_and_an_undeclared_one_refused(district: Store) -> None:
    """A client on Chinese Windows may send GBK: by ``_charset_`` (RFC 7578 §4.6) it is read; without
    it the bytes are not UTF-8 and the field is refused by name, nothing stored."""
    key = make_key(district)
    text = b"".join(
        raw_part(name, value.encode())
        for name, value in (fields(key) | {"media_url": PHOTO_URL}).items()
        if name != "description"
    )
    gbk = raw_part("description", "人行道上摆摊".encode("gbk"))

    async def scenario(session: aiohttp.ClientSession) -> list[tuple[int, Any]]:
        headers = {"Content-Type": "multipart/form-data; boundary=B"}
        answers = []
        for charset in (raw_part("_charset_", b"gbk"), b""):
            body = charset + text + gbk + b"--B--\r\n"
            sent = await session.post("/requests.json", data=body, headers=headers)
            answers.append((sent.status, await sent.json()))
        return answers

    (declared, undeclared) = serve(district, scenario)
    assert declared[0] == 200
    assert district.execute_raw("SELECT description FROM cases") == [("人行道上摆摊",)]
    assert undeclared[0] == 400
    assert "description" in undeclared[1][0]["description"]
    assert count(district, "open311_requests") == 1


def test_a_body_cut_before_its_closing_delimiter_is_refused(district: Store) -> None:
    key = make_key(district)
    body = b"".join(raw_part(name, value.encode()) for name, value in fields(key).items())

    async def scenario(session: aiohttp.ClientSession) -> tuple[int, Any]:
        headers = {"Content-Type": "multipart/form-data; boundary=B"}
        sent = await session.post("/requests.json", data=body, headers=headers)
        return sent.status, await sent.json()

    answered, (error,) = serve(district, scenario)
    assert answered == 400
    assert " / " in error["description"]
    assert count(district, "open311_requests") == 0
