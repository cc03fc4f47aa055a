"""Desk commands to the terminals this gateway holds: every ``command_poll_s`` the pending rows of
those terminals are turned into frames (``locate`` 0x8201, ``track`` 0x8202, ``text`` 0x8300,
``parameters`` 0x8103), sent and marked ``sent`` with the frame's serial; the terminal's 0x0001 /
0x0201 marks them ``answered`` (or ``failed``). Pending commands of a terminal that stayed offline
for five minutes are ``expired`` so the desk is not left waiting."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from commandcenter.domain.terminals import TerminalCommandRecord
from commandcenter.feeds.jt808 import locate_now, set_parameters, temporary_tracking, text_message
from commandcenter.persistence.gateway.commands import (
    expire_commands,
    mark_failed,
    mark_sent,
    pending_commands,
    record_answer,
)
from commandcenter.persistence.store import Store

if TYPE_CHECKING:
    from commandcenter.gateway.jt808_session import Jt808Session

EXPIRE_AFTER = timedelta(minutes=5)


def command_frame(command: TerminalCommandRecord, version: str) -> tuple[int, bytes]:
    """(message id, body) of a desk command; raises ``ValueError`` for bad params or an unknown kind."""
    params = command.params
    if command.kind == "locate":
        return locate_now.MSG_ID, locate_now.encode_locate_now()
    if command.kind == "track":
        body = temporary_tracking.encode_temporary_tracking(
            int(params["interval_s"]), int(params["duration_s"])
        )
        return temporary_tracking.MSG_ID, body
    if command.kind == "text":
        return text_message.MSG_ID, text_message.encode_text_message(str(params["text"]), version)
    if command.kind == "parameters":
        return set_parameters.MSG_ID, set_parameters.encode_set_parameters(params)
    raise ValueError(f"未知的指令类型 {command.kind!r} / unknown command kind")


class CommandDispatcher:
    def __init__(
        self, store: Store, gateway: str, *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        self.store = store
        self.gateway = gateway
        self.clock = clock
        self.sent = 0
        self.answers = 0

    async def poll(self, sessions: Mapping[str, Jt808Session]) -> None:
        """Send the pending commands of the terminals held here; expire the offline ones'."""
        now = self.clock()
        await asyncio.to_thread(expire_commands, self.store, now - EXPIRE_AFTER, now)
        commands = await asyncio.to_thread(pending_commands, self.store, list(sessions))
        for command in commands:
            session = sessions.get(command.terminal_id)
            if session is None:
                continue
            try:
                msg_id, body = command_frame(command, session.header_version)
            except (KeyError, ValueError, TypeError) as problem:
                await asyncio.to_thread(
                    mark_failed, self.store, command.id, f"参数无效 / bad params: {problem}", now
                )
                continue
            serial = session.next_serial()  # recorded first: the answer may come back at once
            await asyncio.to_thread(mark_sent, self.store, command.id, self.gateway, serial, now)
            session.send(msg_id, body, serial)
            self.sent += 1

    async def answered(self, session: Jt808Session, serial: int, answer: dict[str, Any], ok: bool) -> None:
        if session.state is None:
            return
        terminal_id = session.state.terminal_id
        try:
            matched = await asyncio.to_thread(
                record_answer, self.store, terminal_id, self.gateway, serial, answer, ok, self.clock()
            )
        except Exception as problem:
            session.error(f"指令应答未保存 / command answer not stored: {problem}")
            return
        self.answers += matched
