"""100,000 malformed frames — the public vectors with bytes flipped, dropped, duplicated, truncated,
with stray flags and escapes — fed through the splitter and the decoders as one stream: no exception
escapes but ``MalformedMessage`` (which the server counts), and a good frame placed after every
hundred bad ones is still decoded to its serial."""

from __future__ import annotations

import random

from commandcenter.feeds.jt808.fields import MalformedMessage
from commandcenter.feeds.jt808.frames import decode_frame, encode_frame
from commandcenter.feeds.jt808.framing import unescape
from commandcenter.feeds.jt808.messages import decode_message
from commandcenter.feeds.jt808.splitter import FrameSplitter
from commandcenter.testing.jt808_vectors import VECTORS, vector

MALFORMED = 100_000
GOOD_EVERY = 100
ERQI = decode_frame(unescape(vector("location_erqi")[1:-1]))  # a loaded truck in Erqi
MARKER_SERIAL = 0x0808  # no vector has it: a mutant cannot pass for a marker
MARKER = encode_frame(0x0200, ERQI.header.phone, MARKER_SERIAL, ERQI.body)


def mutate(rng: random.Random, data: bytearray) -> bytes:
    for _ in range(rng.randint(1, 4)):
        if len(data) < 2:
            break
        where = rng.randrange(len(data))
        choice = rng.randrange(7)
        if choice == 0:
            data[where] ^= 1 << rng.randrange(8)
        elif choice == 1:
            data[where] = rng.randrange(256)
        elif choice == 2 and len(data) > 3:
            del data[where]
        elif choice == 3:
            data.insert(where, rng.choice((0x7E, 0x7D, 0x00, 0xFF)))
        elif choice == 4:
            del data[rng.randrange(1, len(data)) :]
        elif choice == 5:
            data[where:where] = data[where : where + rng.randint(1, 8)]
        else:
            data[4:4] = bytes([rng.randrange(256) for _ in range(rng.randint(1, 30))])  # lying lengths
    return bytes(data)


def test_the_decoders_survive_100000_malformed_frames() -> None:
    rng = random.Random(808)
    sources = [bytearray(vector(name)) for name in VECTORS]
    splitter = FrameSplitter()
    markers_found = decoded = 0
    stream: list[bytes] = []
    for i in range(MALFORMED):
        stream.append(mutate(rng, bytearray(rng.choice(sources))))
        if i % GOOD_EVERY == GOOD_EVERY - 1:
            stream.append(b"\x7e" + MARKER)  # a flag first: the garbage before cannot swallow it
    for chunk in stream:
        for content in splitter.feed(chunk):
            try:
                frame = decode_frame(content)
                message = decode_message(frame.header, frame.body)
            except MalformedMessage:
                continue
            decoded += 1
            if frame.checksum_ok and frame.header.serial == MARKER_SERIAL:
                assert message == decode_message(ERQI.header, ERQI.body)
                markers_found += 1
    assert markers_found == MALFORMED // GOOD_EVERY
    assert decoded > markers_found  # some mutations still decode (a flipped value): that is fine
