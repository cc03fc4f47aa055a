"""A ``multipart/form-data`` report read part by part: text fields and the one photo file.

Why not aiohttp's ``request.post()``: it asks each part for its name and filename through
``parse_content_disposition``, which rebuilds an escaped character class (128 ``re.escape`` calls)
every time — about a third of the gateway's CPU per report with a 100 KB photo. The parts are still
read by aiohttp's ``MultipartReader`` (boundaries, transfer encodings); only the Content-Disposition
parameters are taken here, with the same limits: the whole body ≤ ``MAX_BODY_BYTES``, at most
``MAX_PARTS`` parts, each part named.
"""

from __future__ import annotations

import re

from aiohttp import BodyPartReader, hdrs, web

from commandcenter.gateway.open311.words import bad_field, body_too_large, malformed_form

MAX_PARTS = 64  # an Open311 report has about a dozen fields
_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_PARAMETER = re.compile(rf';\s*({_TOKEN})\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)')
_QUOTED_PAIR = re.compile(r"\\(.)")


def disposition_parameters(header: str) -> dict[str, str]:
    """``form-data; name="lat"; filename="a.jpg"`` → ``{"name": "lat", "filename": "a.jpg"}``
    (names lower-cased, quoted strings unquoted; a parameter given twice keeps its first value)."""
    parameters: dict[str, str] = {}
    for key, raw in _PARAMETER.findall(header):
        value = raw.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = _QUOTED_PAIR.sub(r"\1", value[1:-1])
        parameters.setdefault(key.lower(), value)
    return parameters


async def multipart_fields(
    request: web.Request, values: dict[str, str], photo_field: str, limit: int
) -> tuple[bytes, str] | None:
    """Adds the text parts to ``values``; returns the photo (the file part named ``photo_field``)
    with its declared type ("" when none). ``Open311Error``: a second file, a file under another
    name, a part without a name, a body over ``limit`` bytes."""
    reader = await request.multipart()
    photo: tuple[bytes, str] | None = None
    total = parts = 0
    while (part := await reader.next()) is not None:
        parts += 1
        if not isinstance(part, BodyPartReader) or parts > MAX_PARTS:
            raise malformed_form()
        parameters = disposition_parameters(part.headers.get(hdrs.CONTENT_DISPOSITION, ""))
        name = parameters.get("name")
        if not name:
            raise malformed_form()
        content = bytearray()
        while chunk := await part.read_chunk(BodyPartReader.chunk_size * 8):
            total += len(chunk)
            if total > limit:
                raise body_too_large(limit)
            content += chunk
        data = part.decode(content)
        if "filename" in parameters or "filename*" in parameters:
            if name != photo_field or photo is not None:
                raise bad_field(name, "只接受一张照片（字段 media）", "one photo only, as the field media")
            photo = bytes(data), part.headers.get(hdrs.CONTENT_TYPE, "")
        else:
            values[name] = bytes(data).decode(part.get_charset(default="utf-8"))
    return photo
