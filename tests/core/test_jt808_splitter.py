"""The stream splitter turns whatever TCP hands over — a frame in pieces, several frames in one
chunk, garbage between them, a frame cut short — into frames, counting what it had to throw away;
escaping works both ways."""

from __future__ import annotations

import pytest

from commandcenter.feeds.jt808.fields import MalformedMessage
from commandcenter.feeds.jt808.frames import decode_frame
from commandcenter.feeds.jt808.framing import checksum, escape, frame, unescape
from commandcenter.feeds.jt808.splitter import MAX_CANDIDATE, FrameSplitter
from commandcenter.testing.jt808_vectors import vector

ERQI = vector("location_erqi")
HEARTBEAT = vector("heartbeat")


def serials(contents: list[bytes]) -> list[int]:
    return [decode_frame(content).header.serial for content in contents]


def test_escaping_round_trips_both_bytes() -> None:
    data = bytes([0x30, 0x7E, 0x08, 0x7D, 0x55, 0x7D, 0x02])
    assert escape(data) == bytes([0x30, 0x7D, 0x02, 0x08, 0x7D, 0x01, 0x55, 0x7D, 0x01, 0x02])
    assert unescape(escape(data)) == data


@pytest.mark.parametrize("bad", [b"\x01\x7d", b"\x7d\x03\x00"])
def test_a_bad_escape_is_malformed(bad: bytes) -> None:
    with pytest.raises(MalformedMessage):
        unescape(bad)


def test_the_checksum_is_computed_before_escaping() -> None:
    payload = bytes.fromhex("000200000400216792870 02B".replace(" ", ""))
    assert checksum(payload) == 0x7E
    assert frame(payload) == vector("heartbeat_escaped_checksum")


def test_a_frame_arriving_byte_by_byte() -> None:
    splitter = FrameSplitter()
    found: list[bytes] = []
    for byte in ERQI:
        found += splitter.feed(bytes([byte]))
    assert serials(found) == [0x7E]
    assert splitter.garbage_bytes == 0


def test_several_frames_in_one_chunk_with_garbage_between() -> None:
    splitter = FrameSplitter()
    found = splitter.feed(b"\x00\x01junk" + HEARTBEAT + ERQI + b"\xff\xfe" + HEARTBEAT)
    good = [c for c in found if _decodes(c)]
    assert serials(good) == [10, 0x7E, 10]
    assert splitter.garbage_bytes == 6  # before the first flag
    assert len(found) == 4  # the bytes between two frames are a candidate that does not decode


def test_a_truncated_frame_costs_only_itself() -> None:
    splitter = FrameSplitter()
    found = splitter.feed(ERQI[:20] + HEARTBEAT)
    assert serials([c for c in found if _decodes(c)]) == [10]


def test_a_bad_escape_inside_a_frame_is_counted() -> None:
    splitter = FrameSplitter()
    found = splitter.feed(b"\x7e\x00\x02\x7d\x05\x7e" + HEARTBEAT)
    assert serials(found) == [10]
    assert splitter.bad_escapes == 1


def test_a_run_without_a_closing_flag_is_dropped_and_the_stream_resyncs() -> None:
    splitter = FrameSplitter()
    assert splitter.feed(b"\x7e" + b"\x11" * (MAX_CANDIDATE + 10)) == []
    assert splitter.garbage_bytes == MAX_CANDIDATE + 10
    assert serials(splitter.feed(HEARTBEAT)) == [10]


def _decodes(content: bytes) -> bool:
    try:
        return decode_frame(content).checksum_ok
    except MalformedMessage:
        return False
