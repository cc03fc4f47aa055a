"""0x0102 terminal authentication: the code the platform gave in 0x8100. 2011/2013: the whole body
is the code; 2019: ``length BYTE, code, IMEI[15], software version[20]``."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.fields import Reader
from commandcenter.feeds.jt808.header import V2019

MSG_ID = 0x0102


@dataclass(frozen=True)
class Authentication:
    code: str
    imei: str = ""
    software: str = ""


def decode_auth(body: bytes, header_version: str) -> Authentication:
    reader = Reader(body)
    if header_version != V2019:
        return Authentication(reader.text(reader.remaining))
    code = reader.text(reader.byte())
    return Authentication(code, reader.text(15), reader.text(20))


def encode_auth(authentication: Authentication, header_version: str) -> bytes:
    code = authentication.code.encode("gbk")
    if header_version != V2019:
        return code
    imei = authentication.imei.encode()[:15].ljust(15, b"\x00")
    return bytes([len(code)]) + code + imei + authentication.software.encode()[:20].ljust(20, b"\x00")
