"""0x0001 terminal general response: how a terminal answers a platform command (0x8103, 0x8202,
0x8300 …): the command's serial and id, and a result (0 ok, 1 failed, 2 malformed, 3 unsupported)."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.feeds.jt808.fields import Reader, word

MSG_ID = 0x0001


@dataclass(frozen=True)
class TerminalResponse:
    ack_serial: int
    ack_msg_id: int
    result: int

    @property
    def ok(self) -> bool:
        return self.result == 0


def decode_terminal_response(body: bytes) -> TerminalResponse:
    reader = Reader(body)
    return TerminalResponse(reader.word(), reader.word(), reader.byte())


def encode_terminal_response(ack_serial: int, ack_msg_id: int, result: int = 0) -> bytes:
    return word(ack_serial) + word(ack_msg_id) + bytes([result])
