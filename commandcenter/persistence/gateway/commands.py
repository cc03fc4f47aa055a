"""Desk commands to terminals (``terminal_commands``) as the gateway works them: the pending ones of
the terminals it holds, sent (with the frame's serial), answered or failed by the terminal's reply,
and expired when the terminal stayed offline."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, String, any_, bindparam, insert, select, update

from commandcenter.domain.desk_commands import CommandStatus
from commandcenter.domain.terminals import TerminalCommandRecord
from commandcenter.persistence.access import as_utc, read_rows, writing
from commandcenter.persistence.gateway.models import TerminalCommand, TerminalSession
from commandcenter.persistence.store import Store


def pending_commands(store: Store, terminal_ids: Collection[str]) -> list[TerminalCommandRecord]:
    """The pending commands of ``terminal_ids`` (the terminals a gateway holds), oldest first. On
    PostgreSQL the ids travel as one array parameter (``= ANY``): a gateway holds thousands of
    terminals and asks every second, and an ``IN`` of 5,000 bound values rendered each time was
    measurable; SQLite (a small gateway) keeps the ``IN``."""
    if not terminal_ids:
        return []
    ids = list(terminal_ids)
    held = (
        TerminalCommand.terminal_id == any_(bindparam("held", ids, type_=ARRAY(String)))
        if store.engine.dialect.name == "postgresql"
        else TerminalCommand.terminal_id.in_(ids)
    )
    rows = read_rows(
        store,
        select(
            TerminalCommand.id,
            TerminalCommand.terminal_id,
            TerminalCommand.kind,
            TerminalCommand.params,
            TerminalCommand.requested_at,
        )
        .where(
            TerminalCommand.status == CommandStatus.PENDING.value,
            held,
        )
        .order_by(TerminalCommand.id),
    )
    return [
        TerminalCommandRecord(r.id, r.terminal_id, r.kind, dict(r.params or {}), as_utc(r.requested_at))
        for r in rows
    ]


def mark_sent(store: Store, command_id: int, gateway: str, serial: int, now: datetime) -> None:
    with writing(store) as connection:
        connection.execute(
            update(TerminalCommand)
            .where(TerminalCommand.id == command_id, TerminalCommand.status == CommandStatus.PENDING.value)
            .values(status=CommandStatus.SENT.value, gateway=gateway, serial=serial, sent_at=now)
        )


def mark_failed(store: Store, command_id: int, error: str, now: datetime) -> None:
    with writing(store) as connection:
        connection.execute(
            update(TerminalCommand)
            .where(TerminalCommand.id == command_id)
            .values(status=CommandStatus.FAILED.value, answered_at=now, error=error[:500])
        )


def record_answer(
    store: Store, terminal_id: str, gateway: str, serial: int, answer: dict[str, Any], ok: bool, now: datetime
) -> int:
    """The terminal answered the frame ``serial`` this gateway sent: ``answered`` (or ``failed`` when
    it refused). Returns how many commands matched (0: an answer to a frame no desk sent)."""
    with writing(store) as connection:
        return connection.execute(
            update(TerminalCommand)
            .where(
                TerminalCommand.terminal_id == terminal_id,
                TerminalCommand.gateway == gateway,
                TerminalCommand.serial == serial,
                TerminalCommand.status == CommandStatus.SENT.value,
            )
            .values(
                status=(CommandStatus.ANSWERED if ok else CommandStatus.FAILED).value,
                answered_at=now,
                answer=answer,
                error="" if ok else f"终端应答结果 {answer.get('result')} / terminal refused",
            )
        ).rowcount


def expire_commands(store: Store, older_than: datetime, now: datetime) -> int:
    """Pending commands requested before ``older_than`` for a terminal no gateway holds → ``expired``."""
    online = select(TerminalSession.terminal_id).where(TerminalSession.gateway.is_not(None))
    with writing(store) as connection:
        return connection.execute(
            update(TerminalCommand)
            .where(
                TerminalCommand.status == CommandStatus.PENDING.value,
                TerminalCommand.requested_at < older_than,
                TerminalCommand.terminal_id.not_in(online),
            )
            .values(
                status=CommandStatus.EXPIRED.value,
                answered_at=now,
                error="终端离线，指令过期 / terminal offline, expired",
            )
        ).rowcount


def queue_command(
    store: Store,
    terminal_id: str,
    kind: str,
    params: dict[str, Any],
    requested_by: str,
    now: datetime,
    unit_id: int | None = None,
) -> int:
    """A desk's command, ``pending`` until the gateway holding the terminal sends it; its id."""
    with writing(store) as connection:
        return int(
            connection.execute(
                insert(TerminalCommand)
                .values(
                    terminal_id=terminal_id,
                    unit_id=unit_id,
                    kind=kind,
                    params=params,
                    requested_by=requested_by,
                    requested_at=now,
                    status=CommandStatus.PENDING.value,
                    answer={},
                )
                .returning(TerminalCommand.id)
            ).scalar_one()
        )
