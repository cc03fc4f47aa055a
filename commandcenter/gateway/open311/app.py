"""The gateway's HTTP application: the Open311 routes, ``GET /health``, and one middleware that
turns every refusal into Open311's JSON error shape and logs one ``key=value`` line per request.

Whatever goes wrong answers JSON: an ``Open311Error`` its own status and line, aiohttp's own
refusals (unknown route 404, wrong method 405, body over ``MAX_BODY_BYTES`` 413) the same shape,
the database gone 503; only a bug is a 500 (logged with its traceback, never sent to the client).
The log line names the path and the key's name, never the query string (it may hold the api_key).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping

from aiohttp import web

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.gateway.open311.auth import ApiKeys
from commandcenter.gateway.open311.filing import Filing
from commandcenter.gateway.open311.handlers import CLIENT_NAME, Open311Api
from commandcenter.gateway.open311.json_response import json_answer
from commandcenter.gateway.open311.parsing import MAX_BODY_BYTES
from commandcenter.gateway.open311.words import Open311Error, error_body, unavailable
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store

log = logging.getLogger("commandcenter.gateway.http")

Health = Callable[[], Awaitable[tuple[int, Mapping[str, object]]]]  # (HTTP status, body)


def open311_api(store: Store, intake: CurrentIntake | None = None, public_url: str = "") -> Open311Api:
    """The API over ``store`` with the process's one intake (built here when not given);
    ``public_url``: ``[gateway] public_url``."""
    filing = Filing(store, intake or CurrentIntake(store))
    return Open311Api(filing, ApiKeys(store), public_url=public_url)


def build_app(api: Open311Api, health: Health | None = None) -> web.Application:
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_answers(api)])
    api.add_routes(app)
    if health is not None:
        app.router.add_get("/health", _health_handler(health))
    return app


def _health_handler(health: Health) -> Callable[[web.Request], Awaitable[web.Response]]:
    async def handle(request: web.Request) -> web.Response:
        status, body = await health()
        return json_answer(body, status=status)

    return handle


def _answers(api: Open311Api) -> Callable[..., Awaitable[web.StreamResponse]]:
    @web.middleware
    async def middleware(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        started = time.perf_counter()
        reason = ""
        try:
            response = await handler(request)
        except Open311Error as error:
            response, reason = json_answer(error.body(), status=error.status), error.description
        except web.HTTPException as error:
            if error.status < 400:
                raise
            reason = f"{error.reason}"
            response = json_answer(
                error_body(error.status, f"{_chinese(error.status)} / {reason}"), error.status
            )
        except DatabaseUnavailable as error:
            refusal = unavailable()
            response, reason = json_answer(refusal.body(), status=503), str(error)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("event=http_error method=%s path=%s", request.method, request.path)
            response = json_answer(error_body(500, "内部错误 / internal error"), status=500)
        api.counts["requests"] += 1
        api.counts[f"http_{response.status // 100}xx"] += 1
        log.info(
            "event=http method=%s path=%s status=%d ms=%.1f client=%s%s",
            request.method,
            request.path,
            response.status,
            (time.perf_counter() - started) * 1000,
            request.get(CLIENT_NAME, "-"),
            f" reason={reason!r}" if reason else "",
        )
        return response

    return middleware


def _chinese(status: int) -> str:
    return {404: "没有此资源", 405: "不支持此方法", 413: "请求体过大"}.get(status, "请求无效")
