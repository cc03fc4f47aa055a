"""A POST body, whichever way it came (form-encoded, JSON, multipart with a photo), read into one
set of fields, then checked into a ``ServiceRequestInput``. Every refusal is an ``Open311Error``
naming the field, raised before anything is stored; nothing here touches the database.

Location is ``lat``/``long`` only (Open311's ``address_string`` alone is not enough: screening needs
a point to find the 路长), in the key's datum. A photo comes as the multipart file ``media`` (one);
``media_url`` is kept as the client gave it — the gateway fetches nothing from the Internet.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass

from aiohttp import hdrs, web

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.validation import clean_text
from commandcenter.domain.photos import MAX_PHOTO_BYTES
from commandcenter.domain.reporting import PhoneRefused, clean_phone
from commandcenter.gateway.open311.multipart import multipart_fields
from commandcenter.gateway.open311.words import (
    Open311Error,
    bad_field,
    body_too_large,
    malformed_form,
    not_json,
    wrong_body,
)

MAX_BODY_BYTES = MAX_PHOTO_BYTES + 256 * 1024  # the largest photo any key may send, and its form
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})
PHOTO_FIELD = "media"


@dataclass(frozen=True)
class Photo:
    content: bytes
    media_type: str  # as the client declared it ("" when it did not)


@dataclass(frozen=True)
class Fields:
    values: Mapping[str, str]
    photo: Photo | None = None

    def get(self, name: str) -> str:
        return self.values.get(name, "")


@dataclass(frozen=True)
class ServiceRequestInput:
    service_code: str
    lon: float  # as sent, in the key's datum
    lat: float
    description: str = ""
    address: str = ""
    reporter: str = ""
    phone: str = ""
    media_url: str = ""
    client_ref: str | None = None
    photo: Photo | None = None


async def read_fields(request: web.Request) -> Fields:
    """The query string's and the body's fields (the body wins); ``Open311Error`` 400/413/415."""
    values = dict(request.query)
    if request.method != "POST":
        return Fields(values)
    media_type = _media_type(request)
    try:
        if media_type == "application/json":
            raw = await request.read()
            values.update(_json_fields(raw))
            return Fields(values)
        if media_type in FORM_TYPES:
            return await _form_fields(request, values, media_type)
    except web.HTTPRequestEntityTooLarge as error:
        raise body_too_large(MAX_BODY_BYTES) from error
    except (ValueError, UnicodeDecodeError, AssertionError) as error:
        # a form aiohttp cannot read — multipart without its boundary, a broken part — is a bad
        # request of the client's, not the server's error (found by tests/core/test_open311_fuzz.py)
        raise malformed_form() from error
    raise wrong_body()


def _media_type(request: web.Request) -> str:
    """The body's media type without its parameters, lower-cased (aiohttp's ``content_type`` runs
    the e-mail package's header parser: a tenth of the gateway's time per report)."""
    return request.headers.get(hdrs.CONTENT_TYPE, "").partition(";")[0].strip().lower()


async def _form_fields(request: web.Request, values: dict[str, str], media_type: str) -> Fields:
    if media_type == "multipart/form-data":
        photo = await multipart_fields(request, values, PHOTO_FIELD)
        return Fields(values, None if photo is None else Photo(*photo))
    for name, value in (await request.post()).items():  # form-encoded: no files
        if isinstance(value, str):
            values[name] = value
    return Fields(values)


def _json_fields(raw: bytes) -> dict[str, str]:
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise not_json() from error
    if not isinstance(document, dict):
        raise not_json()
    fields = {}
    for name, value in document.items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise bad_field(str(name)[:40], "应为文本或数字", "expected text or a number")
        fields[str(name)] = str(value)
    return fields


def parse_service_request(fields: Fields) -> ServiceRequestInput:
    """The report's fields, each checked; ``Open311Error`` 400 names the first bad one."""
    try:
        code = clean_text(fields.get("service_code"), "service_code", limit=8, required=True)
        first = clean_text(fields.get("first_name"), "first_name", limit=20)
        last = clean_text(fields.get("last_name"), "last_name", limit=20)
        media_url = clean_text(fields.get("media_url"), "media_url", limit=1000)
        client_ref = clean_text(fields.get("client_ref"), "client_ref", limit=64) or None
        description = clean_text(fields.get("description"), "description", limit=4000)
        address = clean_text(fields.get("address_string"), "address_string", limit=120)
        phone_text = clean_text(fields.get("phone"), "phone", limit=30)
    except InvalidInput as error:
        raise Open311Error.from_line(400, str(error)) from error
    if media_url and not media_url.startswith(("http://", "https://")):
        raise bad_field("media_url", "应以 http:// 或 https:// 开头", "must start with http:// or https://")
    try:
        phone = clean_phone(phone_text)
    except PhoneRefused as error:
        raise bad_field("phone", "应为 5–20 位数字", "a phone number is 5–20 digits") from error
    return ServiceRequestInput(
        service_code=code,
        lon=_coordinate(fields.get("long"), "long", 180.0),
        lat=_coordinate(fields.get("lat"), "lat", 90.0),
        description=description,
        address=address,
        reporter=f"{last}{first}" if _is_chinese(last + first) else " ".join(p for p in (first, last) if p),
        phone=phone,
        media_url=media_url,
        client_ref=client_ref,
        photo=fields.photo,
    )


def _coordinate(text: str, name: str, bound: float) -> float:
    if not text.strip():
        raise bad_field(name, "必填", "required")
    try:
        value = float(text)
    except ValueError as error:
        raise bad_field(name, "应为数字", "must be a number") from error
    if not math.isfinite(value) or abs(value) > bound:
        raise bad_field(name, f"应在 ±{bound:g} 之间", f"must lie within ±{bound:g}")
    return value


def _is_chinese(name: str) -> bool:
    """A Chinese name is written family name first, without a space (张 + 伟 = 张伟)."""
    return any("\u4e00" <= char <= "\u9fff" for char in name)
