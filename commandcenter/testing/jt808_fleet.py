"""Thousands of JT/T 808 terminals in one process, cheap enough that the load generator does not eat
the cores the gateway is measured on (``bench/gateway.py``; the per-terminal ``Jt808Terminal`` with a
coroutine, a future and a full decode per report cost twice the gateway's own CPU per fix).

Each terminal is an ``asyncio.Protocol`` on a real socket. It registers and authenticates once, as a
real terminal does, then a single ticker sends each terminal's 0x0200 at its own offset in every
second — on its timer, whether or not the last report was answered. The location frame is built
once per terminal; a report only patches the BCD time and the serial, then checksums and escapes.
The platform's 0x8001 answers are counted from the stream (result 0 on a 0x0200 = one stored fix,
on a 0x0704 = the batch's fixes), without decoding anything else.
"""

from __future__ import annotations

import asyncio
import operator
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import reduce

from commandcenter.feeds.jt808 import auth, location, location_batch, platform_response, register
from commandcenter.feeds.jt808.auth import Authentication
from commandcenter.feeds.jt808.fields import to_bcd_time
from commandcenter.feeds.jt808.frames import encode_frame
from commandcenter.feeds.jt808.header import encode_header
from commandcenter.feeds.jt808.location import LocationReport
from commandcenter.feeds.jt808.register import Registration
from commandcenter.feeds.jt808.register_answer import decode_register_answer

FIXED_FULL_GPS = 0x000C0303  # ACC on, fixed, full load, GPS + BeiDou
TIME_AT = 22  # the BCD time's offset in a 0x0200 body
HEADER_LENGTH = 12  # 2013 header without sub-packets
HANDSHAKE_TIMEOUT_S = 30.0
BACKFILL_FIXES = 5


def _escape(data: bytes) -> bytes:
    return data.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def _unescape(data: bytes) -> bytes:
    return data.replace(b"\x7d\x02", b"\x7e").replace(b"\x7d\x01", b"\x7d")


@dataclass
class FleetCounts:
    sent_fixes: int = 0
    acknowledged_fixes: int = 0  # answered 0x8001 with result 0: stored
    refused_fixes: int = 0  # answered with any other result


@dataclass(eq=False)
class FleetTerminal(asyncio.Protocol):
    """One terminal: its phone (12 BCD digits), its position, and its socket once connected."""

    phone: str
    counts: FleetCounts
    lon: float = 113.64
    lat: float = 34.725
    transport: asyncio.Transport | None = None
    _serial: int = 0
    _buffer: bytes = b""
    _batch_serials: set[int] = field(default_factory=set)
    _waiting: asyncio.Future[bytes] | None = None  # the handshake's answer body
    _template: bytes = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        *frames, self._buffer = (self._buffer + data).split(b"\x7e")
        for raw in frames:
            if len(raw) > HEADER_LENGTH:
                self._answer(_unescape(raw))

    def _answer(self, content: bytes) -> None:
        msg_id = int.from_bytes(content[0:2], "big")
        body = content[HEADER_LENGTH:-1]
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(body)
            return
        if msg_id != platform_response.MSG_ID or len(body) < 5:
            return
        ack_serial, acked_id, result = (
            int.from_bytes(body[0:2], "big"),
            int.from_bytes(body[2:4], "big"),
            body[4],
        )
        fixes = 1 if acked_id == location.MSG_ID else 0
        if acked_id == location_batch.MSG_ID:
            fixes = BACKFILL_FIXES if ack_serial in self._batch_serials else 0
            self._batch_serials.discard(ack_serial)
        if result == 0:
            self.counts.acknowledged_fixes += fixes
        else:
            self.counts.refused_fixes += fixes

    def _next_serial(self) -> int:
        serial = self._serial
        self._serial = (serial + 1) & 0xFFFF
        return serial

    async def _request(self, msg_id: int, body: bytes) -> bytes:
        assert self.transport is not None
        self._waiting = asyncio.get_running_loop().create_future()
        self.transport.write(encode_frame(msg_id, self.phone, self._next_serial(), body))
        try:
            return await asyncio.wait_for(self._waiting, HANDSHAKE_TIMEOUT_S)
        finally:
            self._waiting = None

    async def handshake(self) -> None:
        """Register (0x0100 → 0x8100 with the auth code), then authenticate (0x0102 → 0x8001)."""
        registration = Registration("2013", 41, 100, "CCSIM", "SIM-808", self.phone[-7:], 1, "豫A00000")
        answered = await self._request(register.MSG_ID, register.encode_register(registration))
        answer = decode_register_answer(answered)
        if answer.result != 0:
            raise RuntimeError(f"terminal {self.phone} refused at registration ({answer.result})")
        body = auth.encode_auth(Authentication(answer.auth_code, "860000000000001", "1.0"), "2013")
        await self._request(auth.MSG_ID, body)
        report = LocationReport(0, FIXED_FULL_GPS, self.lat, self.lon, 105, 30.0, 90.0, datetime.now(UTC))
        self._template = location.encode_location(report)

    def report(self, time_bcd: bytes) -> None:
        """A 0x0200 fixed at ``time_bcd`` (BCD[6], GMT+8), from the terminal's template."""
        body = self._template[:TIME_AT] + time_bcd + self._template[TIME_AT + 6 :]
        header = encode_header(location.MSG_ID, self.phone, self._next_serial(), len(body))
        self._send(header + body)
        self.counts.sent_fixes += 1

    def backfill(self, start: datetime) -> None:
        """A 0x0704 blind-zone batch of ``BACKFILL_FIXES`` fixes a second apart from ``start``."""
        reports = [
            LocationReport(
                0, FIXED_FULL_GPS, self.lat, self.lon, 105, 30.0, 90.0, start + timedelta(seconds=n)
            )
            for n in range(BACKFILL_FIXES)
        ]
        body = location_batch.encode_location_batch(reports, location_batch.BACKFILL)
        serial = self._next_serial()
        self._batch_serials.add(serial)
        self._send(encode_header(location_batch.MSG_ID, self.phone, serial, len(body)) + body)
        self.counts.sent_fixes += BACKFILL_FIXES

    def _send(self, payload: bytes) -> None:
        if self.transport is not None and not self.transport.is_closing():
            checksum = reduce(operator.xor, payload, 0)
            self.transport.write(b"\x7e" + _escape(payload + bytes([checksum])) + b"\x7e")


def _factory(terminal: FleetTerminal) -> Callable[[], FleetTerminal]:
    return lambda: terminal


async def connect_fleet(terminals: list[FleetTerminal], host: str, port: int, wave: int = 200) -> None:
    """Connect and hand-shake in waves (a listen backlog is finite)."""
    loop = asyncio.get_running_loop()
    for start in range(0, len(terminals), wave):
        group = terminals[start : start + wave]
        await asyncio.gather(*(loop.create_connection(_factory(t), host, port) for t in group))
        await asyncio.gather(*(t.handshake() for t in group))


async def run_fleet(
    terminals: list[FleetTerminal],
    offsets: list[float],
    seconds: float,
    *,
    backfill_every_s: int = 10,
    backfill_share: int = 10,
    settle_s: float = 5.0,
) -> None:
    """Report for ``seconds``: terminal ``i`` at ``offsets[i]`` past each second (its fix carries the
    whole second); every ``backfill_share``-th terminal also sends a 0x0704 batch of fixes ten minutes
    old every ``backfill_every_s``. Then wait up to ``settle_s`` for the last answers."""
    slots: dict[int, list[int]] = {}
    for index, offset in enumerate(offsets):
        slots.setdefault(round(offset * 100) % 100, []).append(index)
    end = time.time() + seconds
    second = int(time.time()) + 1
    while second < end:
        time_bcd = to_bcd_time(datetime.fromtimestamp(second, UTC))
        for slot in range(100):
            at = second + slot / 100
            delay = at - time.time()
            if delay > 0:
                await asyncio.sleep(delay)
            for index in slots.get(slot, ()):
                terminal = terminals[index]
                terminal.report(time_bcd)
                if index % backfill_share == 0 and second % backfill_every_s == 0:
                    terminal.backfill(datetime.fromtimestamp(second, UTC) - timedelta(minutes=10))
        second += 1
    counts = terminals[0].counts if terminals else FleetCounts()
    deadline = time.monotonic() + settle_s
    while (
        counts.acknowledged_fixes + counts.refused_fixes < counts.sent_fixes and time.monotonic() < deadline
    ):
        await asyncio.sleep(0.1)
    for terminal in terminals:
        if terminal.transport is not None:
            terminal.transport.close()
