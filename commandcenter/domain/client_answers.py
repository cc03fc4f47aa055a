"""What was sent (or is being sent) to a citizen's client about a case — plain data, no SQL.

An answer is one ``webhook_outbox`` row: the event (closed / returned / merged), the Open311 payload,
and how its delivery went. The operator's case detail lists them so "did the citizen hear?" has an
answer on the desk, including a delivery the sender gave up on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ClientAnswer:
    id: int
    client: str  # the API key's name (the 12345 hotline, an app …)
    request_id: int  # the open311_requests row
    event: str  # closed / returned / merged
    created_at: datetime
    attempts: int
    delivered_at: datetime | None
    last_error: str
    gave_up: bool  # the sender stopped trying (``last_error`` starts with ``GAVE_UP``)
    payload: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DueAnswer:
    """A row the sender has claimed for one delivery attempt."""

    id: int
    url: str
    payload: dict[str, Any]
    attempts: int


MAX_ATTEMPTS = 12  # 10 s × 2^n capped at 1 h: about five hours of trying before giving up
GAVE_UP = "gave up: "  # the prefix of ``last_error`` once the sender stopped trying a row
