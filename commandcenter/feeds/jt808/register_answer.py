"""0x8100 register answer: the register frame's serial, a result (0 ok, 1 vehicle already registered,
2 no such vehicle, 3 terminal already registered, 4 no such terminal) and, when ok, the auth code the
terminal sends back in 0x0102 on every connection."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from commandcenter.feeds.jt808.fields import Reader, word

MSG_ID = 0x8100


class RegisterResult(IntEnum):
    OK = 0
    VEHICLE_REGISTERED = 1
    NO_SUCH_VEHICLE = 2
    TERMINAL_REGISTERED = 3
    NO_SUCH_TERMINAL = 4


def encode_register_answer(ack_serial: int, result: RegisterResult, auth_code: str = "") -> bytes:
    body = word(ack_serial) + bytes([result])
    return body + auth_code.encode("gbk") if result == RegisterResult.OK else body


@dataclass(frozen=True)
class RegisterAnswer:
    ack_serial: int
    result: int
    auth_code: str


def decode_register_answer(body: bytes) -> RegisterAnswer:
    """The terminal's side (the simulator)."""
    reader = Reader(body)
    serial, result = reader.word(), reader.byte()
    return RegisterAnswer(serial, result, reader.text(reader.remaining))
