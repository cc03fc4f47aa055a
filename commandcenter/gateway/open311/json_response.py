"""JSON answers as a client reads them: UTF-8 Chinese as is (not ``\\uXXXX``)."""

from __future__ import annotations

import functools
import json

from aiohttp import web

_dumps = functools.partial(json.dumps, ensure_ascii=False)


def json_answer(body: object, status: int = 200) -> web.Response:
    return web.json_response(body, status=status, dumps=_dumps)
