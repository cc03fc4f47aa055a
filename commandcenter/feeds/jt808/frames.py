"""A whole frame: the splitter's unescaped content → ``Frame`` (header, body, checksum verdict), and
a platform message → the bytes to send."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.framing import frame, split_checksum
from commandcenter.feeds.jt808.header import V2013, Header, decode_header, encode_header


@dataclass(frozen=True)
class Frame:
    header: Header
    body: bytes
    checksum_ok: bool


def decode_frame(content: bytes) -> Frame:
    """Raises ``MalformedMessage`` for a frame whose header or lengths are wrong; a wrong checksum is
    reported in ``checksum_ok`` so the caller applies its policy."""
    payload, checksum_ok = split_checksum(content)
    header, body = decode_header(payload)
    return Frame(header, body, checksum_ok)


def encode_frame(msg_id: int, phone: str, serial: int, body: bytes, version: str = V2013) -> bytes:
    return frame(encode_header(msg_id, phone, serial, len(body), version) + body)
