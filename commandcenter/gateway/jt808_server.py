"""The JT/T 808 TCP server of the gateway (a ``GatewayComponent``): one asyncio connection per
terminal (``jt808_session``), positions written in batches (``position_writer``), session rows kept
current (``session_book``), desk commands sent and their answers recorded (``command_dispatch``).

Checksum policy (``settings.gateway.checksum_policy``): ``drop`` by default — a frame whose XOR
checksum is wrong is counted on the terminal and not answered, so the terminal sends it again; a bit
flipped on a mobile link must not move a truck on the map or raise an alarm. ``accept`` is for a
vendor known to compute the checksum wrongly: such frames are then handled like good ones.

``stop`` is the clean shutdown: stop accepting, let the connections' pending work finish, flush the
position batch, and mark every session this gateway held offline."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from collections.abc import Mapping

from commandcenter.config import GatewaySettings
from commandcenter.feeds.sink import PositionSink
from commandcenter.gateway.command_dispatch import CommandDispatcher
from commandcenter.gateway.jt808_services import Jt808Counters, SessionServices
from commandcenter.gateway.jt808_session import Jt808Session
from commandcenter.gateway.position_writer import PositionWriter
from commandcenter.gateway.session_book import SessionBook
from commandcenter.persistence.gateway.terminals import close_gateway_sessions
from commandcenter.persistence.store import Store

SESSIONS_EVERY_S = 5.0


def default_gateway_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


class Jt808Server:
    def __init__(self, store: Store, settings: GatewaySettings, gateway_name: str = "") -> None:
        self.name = "jt808"
        self.store = store
        self.settings = settings
        self.gateway = gateway_name or settings.name or default_gateway_name()
        self.services = SessionServices(
            store,
            self.gateway,
            settings.checksum_policy == "accept",
            PositionWriter(PositionSink(store), settings.position_batch_ms),
            SessionBook(store),
            CommandDispatcher(store, self.gateway),
            Jt808Counters(),
        )
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task[None], Jt808Session] = {}  # bound to a terminal or not
        self._housekeeping: asyncio.Task[None] | None = None
        self.port = settings.jt808_port  # the bound port (useful with port 0 in tests)

    async def start(self) -> None:
        await asyncio.to_thread(close_gateway_sessions, self.store, self.gateway)  # after a crash
        self._server = await asyncio.start_server(
            self._connected,
            self.settings.jt808_host,
            self.settings.jt808_port,
            reuse_port=self.settings.workers > 1 or None,  # worker processes share the port
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._housekeeping = asyncio.create_task(self._keep_house())

    async def _connected(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        session = Jt808Session(self.services, reader, writer)
        self._connections[task] = session
        try:
            await session.run()
        finally:
            del self._connections[task]

    async def _keep_house(self) -> None:
        """Desk commands every ``command_poll_s``; the session rows every ``SESSIONS_EVERY_S`` (at
        most: the administrator's view of a terminal's last frame may lag that much, and 5,000
        terminals' rows are not rewritten every second); at the next poll when a session opened or closed."""
        flushed = asyncio.get_running_loop().time()
        while True:
            await asyncio.sleep(self.settings.command_poll_s)
            with contextlib.suppress(Exception):  # database down: try again next round
                due = asyncio.get_running_loop().time() - flushed >= SESSIONS_EVERY_S
                if due or self.services.book.urgent:
                    flushed = asyncio.get_running_loop().time()
                    await self.services.book.flush()
                await self.services.commands.poll(self.services.sessions)

    async def poll_commands(self) -> None:
        """One round of the command poll now (tests and the process's own triggers)."""
        await self.services.book.flush()
        await self.services.commands.poll(self.services.sessions)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
        if self._housekeeping is not None:
            self._housekeeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._housekeeping
        await self.services.writer.closing()  # nothing accepted waits for a batch any more
        for session in list(self._connections.values()):  # silent ones too
            session.reader.feed_eof()
        if self._connections:
            await asyncio.gather(*self._connections, return_exceptions=True)
        await self.services.writer.flush()
        await self.services.book.flush()
        await asyncio.to_thread(close_gateway_sessions, self.store, self.gateway)
        if self._server is not None:
            await self._server.wait_closed()

    def counters(self) -> Mapping[str, object]:
        counters = self.services.counters
        return {
            "sessions": len(self.services.sessions),
            "sessions_opened": counters.sessions,
            "frames": counters.frames,
            "errors": counters.errors,
            "positions_written": self.services.writer.written,
            "positions_refused": self.services.writer.refused,
            "unknown_terminals": len(counters.unknown_terminals),
            "unknown_terminal_frames": counters.unknown_frames,
            "commands_sent": self.services.commands.sent,
            "command_answers": self.services.commands.answers,
        }
