"""The field types every JT/T 808 body is made of — big-endian WORD/DWORD, BCD digits, GBK strings,
the BCD[6] time in GMT+8 — read through one bounds-checked ``Reader``, so a short or lying frame
raises ``MalformedMessage`` instead of an ``IndexError`` somewhere in a decoder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "GMT+8")  # every JT/T 808 time field is Beijing time


class MalformedMessage(ValueError):
    """A frame or body that does not follow the standard (too short, bad BCD, bad lengths …)."""


class Reader:
    """Reads fields off a body from the front; every read checks that the bytes are there."""

    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.offset = offset

    @property
    def remaining(self) -> int:
        return len(self.data) - self.offset

    def take(self, count: int) -> bytes:
        if count < 0 or self.offset + count > len(self.data):
            raise MalformedMessage(f"需要 {count} 字节，只剩 {self.remaining} 字节 / truncated body")
        chunk = self.data[self.offset : self.offset + count]
        self.offset += count
        return chunk

    def rest(self) -> bytes:
        return self.take(self.remaining)

    def byte(self) -> int:
        return self.take(1)[0]

    def word(self) -> int:
        return int.from_bytes(self.take(2), "big")

    def signed_word(self) -> int:
        return int.from_bytes(self.take(2), "big", signed=True)

    def dword(self) -> int:
        return int.from_bytes(self.take(4), "big")

    def bcd(self, count: int) -> str:
        return bcd_digits(self.take(count))

    def text(self, count: int) -> str:
        return gbk_text(self.take(count))

    def time(self) -> datetime:
        return bcd_time(self.take(6))


def bcd_digits(data: bytes) -> str:
    digits = data.hex()
    if not digits.isdigit():
        raise MalformedMessage(f"BCD 字段含非数字 {digits} / bad BCD")
    return digits


def to_bcd(digits: str, size: int) -> bytes:
    """``digits`` left-padded with zeros to ``size`` bytes of BCD (the phone, a time)."""
    if not digits.isdigit() or len(digits) > size * 2:
        raise ValueError(f"cannot encode {digits!r} as BCD[{size}]")
    return bytes.fromhex(digits.rjust(size * 2, "0"))


def bcd_time(data: bytes) -> datetime:
    """BCD[6] YYMMDDhhmmss in GMT+8 → an aware UTC datetime. Read digit pair by digit pair, not by
    ``strptime``: every position of every terminal passes here (strptime was a fifth of the gateway's
    time at 5,000 fixes a second)."""
    digits = bcd_digits(data)
    try:
        year, month, day, hour, minute, second = (int(digits[i : i + 2]) for i in range(0, 12, 2))
        local = datetime(2000 + year, month, day, hour, minute, second, tzinfo=CHINA)
    except ValueError as error:
        raise MalformedMessage(f"时间字段无效 {digits} / bad time") from error
    return local.astimezone(UTC)


def to_bcd_time(moment: datetime) -> bytes:
    return to_bcd(moment.astimezone(CHINA).strftime("%y%m%d%H%M%S"), 6)


def gbk_text(data: bytes) -> str:
    """A GBK STRING field; fixed-size fields are padded with NULs (and some vendors with spaces)."""
    return data.rstrip(b"\x00").decode("gbk", errors="replace").strip()


def word(value: int) -> bytes:
    return value.to_bytes(2, "big")


def dword(value: int) -> bytes:
    return value.to_bytes(4, "big")
