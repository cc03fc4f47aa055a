"""The message header and its variants, detected per frame: 2011 and 2013 share ``msgId WORD,
properties WORD, phone BCD[6], serial WORD``; 2019 sets the version flag (properties bit 14) and adds
a version BYTE and a BCD[10] phone. Bit 13 adds ``package count WORD, package index WORD``. 2011 and
2013 differ only in body layouts (``register`` tells them apart by the 0x0100 body's length)."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.fields import MalformedMessage, Reader, to_bcd, word

BODY_LENGTH_MASK = 0x03FF
ENCRYPTION_MASK = 0x1C00
SUBPACKAGED = 1 << 13
VERSION_FLAG = 1 << 14

V2013 = "2013"  # also 2011 until a register body says otherwise
V2019 = "2019"


@dataclass(frozen=True)
class Header:
    msg_id: int
    phone: str  # the BCD digits as sent: 12 (2011/2013) or 20 (2019)
    serial: int
    version: str = V2013
    protocol_version: int = 0  # the 2019 version byte (1 for JT/T 808-2019)
    body_length: int = 0
    encryption: int = 0  # properties bits 10–12 (bit 10: RSA)
    package_count: int = 0  # 0: not split
    package_index: int = 0

    @property
    def terminal_id(self) -> str:
        """The terminal's id as ``vehicles.terminal_id`` stores it: the phone without its padding
        zeros beyond 12 digits (a 2019 terminal's BCD[10] ``00000000013800138000`` is the same
        terminal as a 2013 one's ``013800138000``)."""
        return self.phone[-12:] if self.phone[:-12].strip("0") == "" else self.phone


def decode_header(data: bytes) -> tuple[Header, bytes]:
    """Header + body (checksum already removed) → the header and the body it announces."""
    reader = Reader(data)
    msg_id = reader.word()
    properties = reader.word()
    if properties & VERSION_FLAG:
        protocol_version = reader.byte()
        phone = reader.bcd(10)
        version = V2019
    else:
        protocol_version, phone, version = 0, reader.bcd(6), V2013
    serial = reader.word()
    count = index = 0
    if properties & SUBPACKAGED:
        count, index = reader.word(), reader.word()
        if not 1 <= index <= count:
            raise MalformedMessage(f"分包序号 {index}/{count} 无效 / bad package index")
    length = properties & BODY_LENGTH_MASK
    if reader.remaining != length:
        raise MalformedMessage(f"消息体长度 {reader.remaining} 与头部 {length} 不符 / body length mismatch")
    header = Header(
        msg_id,
        phone,
        serial,
        version,
        protocol_version,
        length,
        (properties & ENCRYPTION_MASK) >> 10,
        count,
        index,
    )
    return header, reader.rest()


def encode_header(msg_id: int, phone: str, serial: int, body_length: int, version: str = V2013) -> bytes:
    """A platform message's header (never split: every body the platform sends fits 1023 bytes)."""
    if body_length > BODY_LENGTH_MASK:
        raise ValueError(f"body of {body_length} bytes needs sub-packaging")
    properties = body_length
    if version == V2019:
        return word(msg_id) + word(properties | VERSION_FLAG) + b"\x01" + to_bcd(phone, 10) + word(serial)
    return word(msg_id) + word(properties) + to_bcd(phone[-12:], 6) + word(serial)
