"""A long body split over several frames (properties bit 13, package count/index): the header reads
the package fields, the parts are joined in index order whatever order they arrive in, an abandoned
message does not grow memory, and the server answers each part and stores the joined batch."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from commandcenter.feeds.jt808.fields import to_bcd, word
from commandcenter.feeds.jt808.frames import decode_frame
from commandcenter.feeds.jt808.framing import frame, unescape
from commandcenter.feeds.jt808.header import SUBPACKAGED
from commandcenter.feeds.jt808.location_batch import decode_location_batch, encode_location_batch
from commandcenter.feeds.jt808.platform_response import decode_platform_response
from commandcenter.feeds.jt808.subpackets import MAX_PENDING, Reassembler
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary
from commandcenter.testing.jt808_serving import TERMINAL, eventually, load_truck, serving, terminal_of
from commandcenter.testing.jt808_terminal import Jt808Terminal, backfill_reports


def split_frames(msg_id: int, phone: str, first_serial: int, body: bytes, parts: int) -> list[bytes]:
    size = -(-len(body) // parts)
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    return [
        frame(
            word(msg_id)
            + word(len(chunk) | SUBPACKAGED)
            + to_bcd(phone, 6)
            + word(first_serial + i)
            + word(len(chunks))
            + word(i + 1)
            + chunk
        )
        for i, chunk in enumerate(chunks)
    ]


def batch_body(count: int) -> bytes:
    terminal = Jt808Terminal(TERMINAL, "127.0.0.1", 0)
    return encode_location_batch(
        backfill_reports(terminal, count, datetime.now(UTC) - timedelta(minutes=5)), 1
    )


def test_parts_are_joined_in_index_order() -> None:
    body = batch_body(4)
    frames = [decode_frame(unescape(f[1:-1])) for f in split_frames(0x0704, TERMINAL, 40, body, 3)]
    assert [(f.header.package_count, f.header.package_index) for f in frames] == [(3, 1), (3, 2), (3, 3)]
    reassembler = Reassembler()
    assert reassembler.add(frames[2].header, frames[2].body) is None
    assert reassembler.add(frames[0].header, frames[0].body) is None
    joined = reassembler.add(frames[1].header, frames[1].body)
    assert joined == body
    assert len(decode_location_batch(joined).reports) == 4


def test_abandoned_messages_are_forgotten() -> None:
    reassembler = Reassembler()
    for serial in range(0, 4 * (MAX_PENDING + 5), 4):
        first = decode_frame(unescape(split_frames(0x0704, TERMINAL, serial, batch_body(2), 2)[0][1:-1]))
        assert reassembler.add(first.header, first.body) is None
    assert len(reassembler._pending) == MAX_PENDING


def test_the_server_answers_each_part_and_stores_the_joined_batch(store: Store) -> None:
    load_truck(store)

    async def scenario() -> None:
        async with serving(store) as server, terminal_of(server) as truck:
            for part in split_frames(0x0704, TERMINAL, 100, batch_body(6), 3):
                truck.send_raw(part)

            async def all_answered() -> bool:
                return len(truck.received) == 3

            await eventually(all_answered)
            acks = [decode_platform_response(c.body) for c in truck.received]
            assert sorted((a.ack_serial, a.ack_msg_id, a.result) for a in acks) == [
                (100, 0x0704, 0),
                (101, 0x0704, 0),
                (102, 0x0704, 0),
            ]
            assert feed_summary(store).position_high_water == 6  # the last part's answer came after the write

    asyncio.run(scenario())
