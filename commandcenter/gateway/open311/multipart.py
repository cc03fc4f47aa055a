"""A ``multipart/form-data`` report (RFC 7578) read from its body in memory: text fields and the one
photo file.

Why not aiohttp's ``request.post()`` or ``MultipartReader``: both ask each part for its
Content-Disposition through ``parse_content_disposition``, which rebuilds an escaped character class
(128 ``re.escape`` calls) on every call — about a third of the gateway's CPU per report with a 100 KB
photo. The body is already bounded (``client_max_size``), so it is read whole and split at its
boundary with ``bytes`` operations. RFC 7578 deprecates Content-Transfer-Encoding for forms: parts are
taken as sent; text parts are decoded by their charset (``_charset_`` field or the part's
Content-Type), UTF-8 by default. Every deviation is a 400 naming nothing stored.
"""

from __future__ import annotations

import re

from aiohttp import hdrs, web
from aiohttp.helpers import parse_mimetype

from commandcenter.gateway.open311.words import bad_field, malformed_form

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
    request: web.Request, values: dict[str, str], photo_field: str
) -> tuple[bytes, str] | None:
    """Adds the text parts to ``values``; returns the photo (the file part named ``photo_field``)
    with its declared type ("" when none). ``Open311Error``: no boundary, a broken part, a part
    without a name, a second file or a file under another name; 413 over ``client_max_size``."""
    boundary = parse_mimetype(request.headers.get(hdrs.CONTENT_TYPE, "")).parameters.get("boundary")
    if not boundary:
        raise malformed_form()
    photo: tuple[bytes, str] | None = None
    charset = "utf-8"
    for headers, content in split_parts(await request.read(), boundary.encode("latin-1")):
        parameters = disposition_parameters(headers.get("content-disposition", ""))
        name = parameters.get("name")
        if not name:
            raise malformed_form()
        if "filename" in parameters or "filename*" in parameters:
            if name != photo_field or photo is not None:
                raise bad_field(name, "只接受一张照片（字段 media）", "one photo only, as the field media")
            photo = content, headers.get("content-type", "")
        elif name == "_charset_":  # RFC 7578 §4.6: the form's default charset
            charset = _text(name, content, "ascii").strip() or charset
        else:
            declared = parse_mimetype(headers.get("content-type", "")).parameters.get("charset")
            values[name] = _text(name, content, declared or charset)
    return photo


def _text(name: str, content: bytes, charset: str) -> str:
    try:
        return content.decode(charset)
    except (LookupError, UnicodeDecodeError) as error:
        raise bad_field(name, f"不是有效的 {charset} 文本", f"not valid {charset} text") from error


def split_parts(body: bytes, boundary: bytes) -> list[tuple[dict[str, str], bytes]]:
    """The parts of a multipart body: (headers by lower-cased name, content). ``Open311Error`` 400
    for a body without its closing delimiter, a part without its blank line, or too many parts."""
    sections = (b"\r\n" + body).split(b"\r\n--" + boundary)
    if len(sections) < 2 or not sections[-1].startswith(b"--"):
        raise malformed_form()
    parts = sections[1:-1]
    if len(parts) > MAX_PARTS:
        raise malformed_form()
    return [_part(section) for section in parts]


def _part(section: bytes) -> tuple[dict[str, str], bytes]:
    section = section.lstrip(b" \t")  # transport padding after the delimiter
    if not section.startswith(b"\r\n"):
        raise malformed_form()
    rest = section[2:]
    if rest.startswith(b"\r\n"):  # no headers at all
        head, content = b"", rest[2:]
    else:
        head, separator, content = rest.partition(b"\r\n\r\n")
        if not separator:
            raise malformed_form()
    headers: dict[str, str] = {}
    for line in head.decode("utf-8", errors="replace").split("\r\n"):
        key, colon, value = line.partition(":")
        if not colon:
            raise malformed_form()
        headers.setdefault(key.strip().lower(), value.strip())
    return headers, content
