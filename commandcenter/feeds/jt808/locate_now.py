"""0x8201 locate now (立即定位): an empty body; the terminal answers 0x0201 with the serial of this."""

MSG_ID = 0x8201


def encode_locate_now() -> bytes:
    return b""
