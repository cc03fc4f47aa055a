"""One frame on the wire: ``7E | header | body | checksum | 7E``. The checksum is the XOR of every
byte from the header's first to the body's last; 0x7E and 0x7D inside are escaped as ``7D 02`` and
``7D 01`` *after* the checksum is computed (so the receiver unescapes, then verifies)."""

from __future__ import annotations

import operator
from functools import reduce

from commandcenter.feeds.jt808.fields import MalformedMessage

FLAG = 0x7E
ESCAPE = 0x7D


def checksum(data: bytes) -> int:
    return reduce(operator.xor, data, 0)


def escape(data: bytes) -> bytes:
    return data.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def unescape(data: bytes) -> bytes:
    """The bytes between two 0x7E flags, unescaped; a 0x7D not followed by 01/02 is malformed."""
    if ESCAPE not in data:
        return data
    out = bytearray()
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == ESCAPE:
            follower = data[i + 1] if i + 1 < len(data) else None
            if follower == 0x01:
                out.append(ESCAPE)
            elif follower == 0x02:
                out.append(FLAG)
            else:
                raise MalformedMessage("转义序列无效 / bad 0x7D escape")
            i += 2
        else:
            out.append(byte)
            i += 1
    return bytes(out)


def frame(payload: bytes) -> bytes:
    """Header + body → the escaped frame with its checksum and both flags, ready to send."""
    return b"\x7e" + escape(payload + bytes([checksum(payload)])) + b"\x7e"


def split_checksum(content: bytes) -> tuple[bytes, bool]:
    """Unescaped frame content → (header + body, whether the checksum matches)."""
    if len(content) < 2:
        raise MalformedMessage("帧过短 / frame too short")
    payload, received = content[:-1], content[-1]
    return payload, checksum(payload) == received
