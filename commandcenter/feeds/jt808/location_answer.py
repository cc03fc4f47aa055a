"""0x0201 location query answer: the answered 0x8201's serial WORD, then a 0x0200 body."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.fields import Reader, word
from commandcenter.feeds.jt808.location import LocationReport, decode_location, encode_location

MSG_ID = 0x0201


@dataclass(frozen=True)
class LocationAnswer:
    ack_serial: int
    report: LocationReport


def decode_location_answer(body: bytes) -> LocationAnswer:
    reader = Reader(body)
    serial = reader.word()
    return LocationAnswer(serial, decode_location(reader.rest()))


def encode_location_answer(ack_serial: int, report: LocationReport) -> bytes:
    return word(ack_serial) + encode_location(report)
