"""GET requests.json's filters (GeoReport v2) read into a ``RequestQuery``; a bad one is an
``Open311Error`` 400 naming it, before the database is asked anything.

- ``service_request_id``: comma list of ids (at most ``LIST_LIMIT``); it overrides every other filter.
- ``service_code``: comma list; ``status``: comma list of ``open``, ``closed`` (and our ``in_review``).
- ``start_date``/``end_date``: W3C datetimes with their offset (``2026-12-01T08:00:00+08:00``, ``Z``);
  a window of at most 90 days. Without them: the last 90 days; with one, the 90 days from or up to it.
- At most ``LIST_LIMIT`` (1000) requests, the newest first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from commandcenter.domain.open311 import LIST_LIMIT, RequestQuery
from commandcenter.gateway.open311.parsing import Fields
from commandcenter.gateway.open311.words import bad_field

T = TypeVar("T")
WINDOW = timedelta(days=90)
STATUSES = frozenset({"open", "closed", "in_review"})


def parse_query(fields: Fields, now: datetime) -> RequestQuery:
    start = _moment(fields.get("start_date"), "start_date")
    end = _moment(fields.get("end_date"), "end_date")
    if start is None and end is None:
        start, end = now - WINDOW, now
    elif start is None:
        assert end is not None
        start = end - WINDOW
    elif end is None:
        end = start + WINDOW
    if end < start:
        raise bad_field("end_date", "早于 start_date", "before start_date")
    if end - start > WINDOW:
        raise bad_field("end_date", "时间范围超过 90 天", "the window is over 90 days")
    return RequestQuery(
        start=start,
        end=end,
        ids=tuple(_items(fields.get("service_request_id"), "service_request_id", _request_id)),
        service_codes=tuple(_items(fields.get("service_code"), "service_code", _service_code)),
        statuses=tuple(_items(fields.get("status"), "status", _status)),
    )


def _items(text: str, name: str, read: Callable[[str, str], T]) -> list[T]:
    items = [item.strip() for item in text.split(",") if item.strip()]
    if len(items) > LIST_LIMIT:
        raise bad_field(name, f"最多 {LIST_LIMIT} 个", f"at most {LIST_LIMIT} values")
    return list(dict.fromkeys(read(item, name) for item in items))


def _request_id(item: str, name: str) -> int:
    if not item.isascii() or not item.isdigit() or len(item) > 18:
        raise bad_field(name, f"{item[:20]!r} 不是请求编号", f"{item[:20]!r} is not a request id")
    return int(item)


def _service_code(item: str, name: str) -> str:
    if len(item) > 8:
        raise bad_field(name, f"{item[:20]!r} 不是类别代码", f"{item[:20]!r} is not a service code")
    return item


def _status(item: str, name: str) -> str:
    if item not in STATUSES:
        raise bad_field(name, f"{item[:20]!r} 应为 open 或 closed", f"{item[:20]!r}: expected open or closed")
    return item


def _moment(text: str, name: str) -> datetime | None:
    if not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as error:
        raise bad_field(
            name, "应为 W3C 时间，如 2026-12-01T08:00:00+08:00", "expected a W3C datetime"
        ) from error
    if moment.tzinfo is None:
        raise bad_field(name, "须带时区，如 +08:00 或 Z", "a time zone is required, e.g. +08:00 or Z")
    return moment.astimezone(UTC)  # SQLite compares the UTC wall clock it stored
