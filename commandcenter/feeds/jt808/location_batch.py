"""0x0704 location batch: ``count WORD, type BYTE (0 normal, 1 blind-area backfill)``, then per item
``length WORD`` + a 0x0200 body. One bad item does not lose the others: it is skipped and counted
(``bad_items``). Backfilled items are marked ``extras["backfill"]`` (Traccar's ``archive``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from commandcenter.feeds.jt808.fields import MalformedMessage, Reader, word
from commandcenter.feeds.jt808.location import LocationReport, decode_location, encode_location

MSG_ID = 0x0704
BACKFILL = 1


@dataclass(frozen=True)
class LocationBatch:
    kind: int
    reports: list[LocationReport]
    bad_items: int = 0


def decode_location_batch(body: bytes) -> LocationBatch:
    reader = Reader(body)
    count, kind = reader.word(), reader.byte()
    reports: list[LocationReport] = []
    bad = 0
    for _ in range(count):
        if reader.remaining < 2:
            bad += 1
            continue
        item = reader.take(min(reader.word(), reader.remaining))
        try:
            report = decode_location(item)
        except MalformedMessage:
            bad += 1
            continue
        if kind == BACKFILL:
            report = replace(report, extras={**report.extras, "backfill": True})
        reports.append(report)
    return LocationBatch(kind, reports, bad)


def encode_location_batch(reports: list[LocationReport], kind: int = 0) -> bytes:
    body = word(len(reports)) + bytes([kind])
    for report in reports:
        item = encode_location(report)
        body += word(len(item)) + item
    return body
