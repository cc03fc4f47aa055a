"""The session book's write: a few sessions by one executemany upsert, thousands on PostgreSQL by COPY
into a temporary table and one upsert — the same rows either way, on both databases, with any text a
terminal's last error may hold (tabs, newlines, backslashes, Chinese) kept exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from commandcenter.domain.terminals import SessionState
from commandcenter.persistence.access import read_rows
from commandcenter.persistence.gateway.models import TerminalSession
from commandcenter.persistence.gateway.terminals import COPY_FROM, save_sessions
from commandcenter.persistence.store import Store

NOW = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)
ODD_ERROR = "校验码错误 / bad\tchecksum\nline two \\ done"


def sessions(count: int) -> list[SessionState]:
    return [
        SessionState(f"{13900000000 + n:012d}", None, "gw-1", f"127.0.0.1:{1000 + n}", "2013", NOW)
        for n in range(count)
    ]


def stored(store: Store) -> dict[str, tuple[object, ...]]:
    table = TerminalSession.__table__
    rows = read_rows(store, select(table).order_by(table.c.terminal_id))
    return {row.terminal_id: tuple(row) for row in rows}


@pytest.mark.parametrize("count", [3, COPY_FROM + 50])
def test_sessions_are_inserted_then_updated_in_place(store: Store, count: int) -> None:
    first = sessions(count)
    save_sessions(store, first, [])
    assert len(stored(store)) == count
    later = [
        replace(s, frames=7, errors=1, last_error=ODD_ERROR, last_frame_at=NOW + timedelta(seconds=5))
        for s in first[: count - 1]
    ] + [replace(first[-1], gateway=None)]
    save_sessions(store, later, [])
    rows = stored(store)
    assert len(rows) == count
    table = TerminalSession.__table__
    columns = [column.name for column in table.columns]
    one = dict(zip(columns, rows[first[0].terminal_id], strict=True))
    assert (one["frames"], one["errors"], one["last_error"]) == (7, 1, ODD_ERROR)
    assert one["last_frame_at"].replace(tzinfo=UTC) == NOW + timedelta(seconds=5)
    assert one["gateway"] == "gw-1"
    last = dict(zip(columns, rows[first[-1].terminal_id], strict=True))
    assert (last["gateway"], last["frames"], last["last_frame_at"]) == (None, 0, None)
