"""0x8300 text to the driver (文本信息下发), GBK: ``flag BYTE`` (bit 0 emergency, bit 2 show on the
terminal, bit 3 read aloud by TTS), in 2019 a ``text type BYTE`` (1 notice, 2 service), then the text.
Answered with 0x0001."""

from __future__ import annotations

from commandcenter.feeds.jt808.header import V2019

MSG_ID = 0x8300
EMERGENCY = 0x01
DISPLAY = 0x04
TTS = 0x08
MAX_TEXT_BYTES = 1_000  # one frame's body (1023) less the flags; longer text would need sub-packets


def encode_text_message(text: str, version: str, flags: int = DISPLAY | TTS, text_type: int = 1) -> bytes:
    encoded = text.encode("gbk", errors="replace")
    if not encoded or len(encoded) > MAX_TEXT_BYTES:
        raise ValueError(f"文本长度 {len(encoded)} 字节无效 / text must be 1–{MAX_TEXT_BYTES} GBK bytes")
    prefix = bytes([flags, text_type]) if version == V2019 else bytes([flags])
    return prefix + encoded
