"""One terminal's TCP connection: split the stream into frames, answer each message as the standard
asks, hand positions to the batch writer and answer them only once stored, and keep the terminal's
session row (frames, errors, last error) current through the ``SessionBook``.

A malformed frame or a bad checksum is counted and skipped; the session survives (§2.6: vendors
deviate, one bad TLV must not cost the connection). A terminal id no vehicle has is answered
("no such vehicle" to 0x0100, "failed" otherwise) and listed in ``unknown_terminals``; its next
registration or authentication looks the id up again (at most every ``RELOOK_S``), so a vehicle
registered meanwhile (系统 ▸ 未登记终端 ▸ 登记到车辆…) is matched on the same connection."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Coroutine
from datetime import UTC, datetime
from typing import Any

from commandcenter.domain.terminals import SessionState, TerminalVehicle
from commandcenter.feeds.jt808 import auth, platform_response, register
from commandcenter.feeds.jt808.fields import MalformedMessage
from commandcenter.feeds.jt808.frames import Frame, decode_frame, encode_frame
from commandcenter.feeds.jt808.header import V2019, Header
from commandcenter.feeds.jt808.messages import decode_message
from commandcenter.feeds.jt808.platform_response import PlatformResult, encode_platform_response
from commandcenter.feeds.jt808.splitter import FrameSplitter
from commandcenter.feeds.jt808.subpackets import Reassembler
from commandcenter.gateway.jt808_dispatch import dispatch
from commandcenter.gateway.jt808_services import SessionServices
from commandcenter.persistence.gateway.terminals import terminal_vehicle

READ_SIZE = 4_096
RELOOK_S = 5.0  # an unknown terminal's id is looked up again at most this often


class Jt808Session:
    def __init__(
        self, services: SessionServices, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.services = services
        self.reader = reader
        self.writer = writer
        peer = writer.get_extra_info("peername")
        self.remote = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer or "")
        self.splitter = FrameSplitter()
        self.reassembler = Reassembler()
        self.state: SessionState | None = None
        self.vehicle: TerminalVehicle | None = None
        self.phone = ""
        self.header_version = ""
        self.body_version = ""  # 2011/2013 as the registration showed
        self._serial = 0
        self._unbound_errors: list[str] = []
        self._tasks: set[asyncio.Task[None]] = set()
        self._relooked_at = 0.0  # time.monotonic() of the last look-up of an unknown terminal's id

    async def run(self) -> None:
        try:
            while chunk := await self.reader.read(READ_SIZE):
                garbage = (self.splitter.garbage_bytes, self.splitter.bad_escapes)
                contents = self.splitter.feed(chunk)
                if self.splitter.bad_escapes > garbage[1]:
                    self.error("转义序列无效 / bad 0x7D escape")
                elif self.splitter.garbage_bytes > garbage[0]:
                    self.error("帧外无效字节 / bytes outside frames")
                for content in contents:
                    await self.handle(content)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            await self.close()

    async def close(self) -> None:
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.state is not None and self.services.sessions.get(self.state.terminal_id) is self:
            del self.services.sessions[self.state.terminal_id]
            self.state.gateway = None
            self.services.book.changed(self.state, urgent=True)
        self.writer.close()

    def now(self) -> datetime:
        return datetime.now(UTC)

    def error(self, reason: str) -> None:
        self.services.counters.errors += 1
        if self.state is None:
            self._unbound_errors.append(reason)
            return
        self.state.errors += 1
        self.state.last_error = reason
        self.services.book.changed(self.state)

    async def handle(self, content: bytes) -> None:
        self.services.counters.frames += 1
        try:
            frame = decode_frame(content)
        except MalformedMessage as problem:
            self.error(f"帧无效 / malformed frame: {problem}")
            return
        if not frame.checksum_ok and not self.services.accept_bad_checksum:
            self.error("校验码错误 / bad checksum (dropped)")
            return
        if not await self._bind(frame.header):
            return
        await self._handle_frame(frame)

    async def _bind(self, header: Header) -> bool:
        """The first frame names the terminal: find its vehicle and open its session row."""
        if self.state is not None and self.vehicle is None:
            await self._relook(header)
        if self.state is not None:
            self._touch(header)
            return True
        terminal_id = header.terminal_id
        try:
            self.vehicle = self.vehicle or await asyncio.to_thread(
                terminal_vehicle, self.services.store, terminal_id
            )
        except Exception as problem:  # DatabaseUnavailable: no answer, the terminal sends again
            self.error(f"数据库不可用 / database unavailable: {problem}")
            return False
        unit_id = self.vehicle.unit_id if self.vehicle else None
        if self.vehicle is not None:
            terminal_id = self.vehicle.terminal_id  # as the desks' commands name it
        self.state = SessionState(
            terminal_id, unit_id, self.services.gateway, self.remote, header.version, self.now()
        )
        self.state.errors = len(self._unbound_errors)
        self.state.last_error = self._unbound_errors[-1] if self._unbound_errors else ""
        self.services.counters.sessions += 1
        self.services.book.changed(self.state, urgent=True)
        previous = self.services.sessions.get(terminal_id)
        self.services.sessions[terminal_id] = self  # a reconnect replaces the older connection
        if previous is not None and previous is not self:
            previous.writer.close()
        self._touch(header)
        return True

    async def _relook(self, header: Header) -> None:
        """An unknown terminal registering or authenticating again: if a vehicle holds its id now, the
        session is bound afresh as that vehicle's (``_bind``); a database away leaves it unknown."""
        now = time.monotonic()
        if header.msg_id not in (register.MSG_ID, auth.MSG_ID) or now - self._relooked_at < RELOOK_S:
            return
        self._relooked_at = now
        with contextlib.suppress(Exception):
            self.vehicle = await asyncio.to_thread(terminal_vehicle, self.services.store, header.terminal_id)
        if self.vehicle is not None and self.state is not None:
            if self.services.sessions.get(self.state.terminal_id) is self:
                del self.services.sessions[self.state.terminal_id]
            self.services.counters.unknown_terminals.discard(self.state.terminal_id)
            self.state = None

    def _touch(self, header: Header) -> None:
        assert self.state is not None
        self.phone, self.header_version = header.phone, header.version
        self.state.frames += 1
        self.state.last_frame_at = self.now()
        self.state.protocol = V2019 if header.version == V2019 else (self.body_version or header.version)
        self.services.book.changed(self.state)
        if self.vehicle is None:
            self.services.counters.unknown_frames += 1
            self.services.counters.unknown_terminals.add(self.state.terminal_id)
            self.services.book.unknown_frame(self.state.terminal_id, self.now(), self.remote)

    async def _handle_frame(self, frame: Frame) -> None:
        header, body = frame.header, frame.body
        if header.package_count:
            joined = self.reassembler.add(header, body)
            if joined is None:
                self.answer(header, PlatformResult.OK)
                return
            body = joined
        try:
            message = decode_message(header, body)
        except MalformedMessage as problem:
            self.error(f"消息 0x{header.msg_id:04X} 无效 / malformed body: {problem}")
            self.answer(header, PlatformResult.MALFORMED)
            return
        dispatch(self, header, message)

    def spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` beside the read loop; ``close`` waits for it."""
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def answer(self, header: Header, result: PlatformResult) -> None:
        self.send(platform_response.MSG_ID, encode_platform_response(header.serial, header.msg_id, result))

    def next_serial(self) -> int:
        serial = self._serial
        self._serial = (serial + 1) & 0xFFFF
        return serial

    def send(self, msg_id: int, body: bytes, serial: int | None = None) -> int:
        """Send a platform message to this terminal (with ``serial`` when reserved before, so a
        command is recorded as sent before its answer can arrive); returns the frame's serial."""
        serial = self.next_serial() if serial is None else serial
        if not self.writer.is_closing():
            self.writer.write(encode_frame(msg_id, self.phone, serial, body, self.header_version))
        return serial
