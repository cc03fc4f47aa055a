"""A JT/T 808 terminal on a real socket, for the tests and the gateway benchmark: it registers,
authenticates, reports 0x0200 (one at a time or every ``interval_s``), sends 0x0704 batches, and
answers the platform's commands — 0x8201 with 0x0201 (its current position), 0x8202/0x8300/0x8103
with 0x0001 — recording what it was sent in ``commands``.

Each request waits for the platform's answer to its serial (0x8100 or 0x8001), as real terminals do."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from commandcenter.feeds.jt808 import (
    auth,
    heartbeat,
    locate_now,
    location,
    location_answer,
    location_batch,
    platform_response,
    register,
    register_answer,
    terminal_response,
)
from commandcenter.feeds.jt808.auth import Authentication
from commandcenter.feeds.jt808.frames import decode_frame, encode_frame
from commandcenter.feeds.jt808.header import V2019, Header
from commandcenter.feeds.jt808.location import LocationReport
from commandcenter.feeds.jt808.register import Registration
from commandcenter.feeds.jt808.splitter import FrameSplitter

FIXED_FULL_GPS = 0x000C0303  # ACC on, fixed, full load (bits 8–9 = 11), GPS + BeiDou
ANSWER_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class PlatformFrame:
    """A frame the platform sent (a command or an answer): its header and raw body."""

    header: Header
    body: bytes


@dataclass
class Jt808Terminal:
    phone: str  # 12 digits (2011/2013) or up to 20 (2019)
    host: str
    port: int
    version: str = "2013"  # 2011 / 2013 / 2019
    plate: str = "豫A12345"
    lon: float = 113.64
    lat: float = 34.725
    speed_kmh: float = 30.0
    status_flags: int = FIXED_FULL_GPS
    commands: list[PlatformFrame] = field(default_factory=list)  # the platform's commands
    received: list[PlatformFrame] = field(default_factory=list)  # every frame, answers too
    auth_code: str = ""
    _serial: int = 0
    _reader: asyncio.StreamReader | None = None
    _writer: asyncio.StreamWriter | None = None
    _waiting: dict[int, asyncio.Future[tuple[Header, bytes]]] = field(default_factory=dict)
    _listener: asyncio.Task[None] | None = None

    @property
    def header_version(self) -> str:
        return V2019 if self.version == V2019 else "2013"

    async def connect(self) -> None:
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        self._listener = asyncio.create_task(self._listen())

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError):
                await self._writer.wait_closed()
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener

    def send_raw(self, data: bytes) -> None:
        """Bytes as they are (garbage, broken frames): the tests' way to misbehave."""
        assert self._writer is not None
        self._writer.write(data)

    def frame(self, msg_id: int, body: bytes) -> tuple[int, bytes]:
        serial = self._serial
        self._serial = (serial + 1) & 0xFFFF
        return serial, encode_frame(msg_id, self.phone, serial, body, self.header_version)

    async def request(self, msg_id: int, body: bytes) -> tuple[Header, bytes]:
        """Send one message and wait for the platform's answer to its serial."""
        serial, data = self.frame(msg_id, body)
        answer: asyncio.Future[tuple[Header, bytes]] = asyncio.get_running_loop().create_future()
        self._waiting[serial] = answer
        self.send_raw(data)
        try:
            return await asyncio.wait_for(answer, ANSWER_TIMEOUT_S)
        finally:
            self._waiting.pop(serial, None)

    async def register(self) -> register_answer.RegisterAnswer:
        registration = Registration(self.version, 41, 100, "CCSIM", "SIM-808", self.phone[-7:], 1, self.plate)
        _, body = await self.request(register.MSG_ID, register.encode_register(registration))
        answer = register_answer.decode_register_answer(body)
        self.auth_code = answer.auth_code
        return answer

    async def authenticate(self) -> int:
        body = auth.encode_auth(Authentication(self.auth_code, "860000000000001", "1.0"), self.header_version)
        return await self._acknowledged(auth.MSG_ID, body)

    async def heartbeat(self) -> int:
        return await self._acknowledged(heartbeat.MSG_ID, b"")

    def report_now(self, ts: datetime | None = None) -> LocationReport:
        moment = (ts or datetime.now(UTC)).replace(microsecond=0)
        return LocationReport(
            0,
            self.status_flags,
            self.lat,
            self.lon,
            105,
            self.speed_kmh,
            90.0,
            moment,
            {"mileage_km": 1234.5, "satellites": 12},
        )

    async def report(self, report: LocationReport | None = None) -> int:
        """Send one 0x0200; returns the 0x8001 result (0: stored)."""
        return await self._acknowledged(
            location.MSG_ID, location.encode_location(report or self.report_now())
        )

    async def report_batch(self, reports: list[LocationReport], backfill: bool = True) -> int:
        body = location_batch.encode_location_batch(reports, location_batch.BACKFILL if backfill else 0)
        return await self._acknowledged(location_batch.MSG_ID, body)

    async def run(self, interval_s: float, count: int | None = None) -> None:
        """Report every ``interval_s`` (``count`` times, or until cancelled)."""
        sent = 0
        while count is None or sent < count:
            await self.report()
            sent += 1
            await asyncio.sleep(interval_s)

    async def _acknowledged(self, msg_id: int, body: bytes) -> int:
        _, answer = await self.request(msg_id, body)
        return platform_response.decode_platform_response(answer).result

    async def _listen(self) -> None:
        assert self._reader is not None
        splitter = FrameSplitter()
        while chunk := await self._reader.read(4096):
            for content in splitter.feed(chunk):
                frame = decode_frame(content)
                self._received(frame.header, frame.body)

    def _received(self, header: Header, body: bytes) -> None:
        self.received.append(PlatformFrame(header, body))
        if header.msg_id in (platform_response.MSG_ID, register_answer.MSG_ID):
            ack_serial = int.from_bytes(body[:2], "big")
            waiting = self._waiting.get(ack_serial)
            if waiting is not None and not waiting.done():
                waiting.set_result((header, body))
            return
        self.commands.append(PlatformFrame(header, body))
        if header.msg_id == locate_now.MSG_ID:
            answer = location_answer.encode_location_answer(header.serial, self.report_now())
            self.send_raw(self.frame(location_answer.MSG_ID, answer)[1])
        else:
            answer = terminal_response.encode_terminal_response(header.serial, header.msg_id, 0)
            self.send_raw(self.frame(terminal_response.MSG_ID, answer)[1])


def backfill_reports(
    terminal: Jt808Terminal, count: int, start: datetime, step_s: int = 30
) -> list[LocationReport]:
    """``count`` reports from ``start`` on, ``step_s`` apart, moving a little north each time."""
    base = terminal.report_now(start)
    return [
        replace(
            base, ts=start.replace(microsecond=0) + timedelta(seconds=i * step_s), lat=base.lat + i * 0.0001
        )
        for i in range(count)
    ]
