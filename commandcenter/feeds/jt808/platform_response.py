"""0x8001 platform general response: the answered frame's serial and message id, and a result
(0 成功, 1 失败, 2 消息有误, 3 不支持, 4 报警处理确认). Many terminals wait for it before sending the
next report (Traccar #5216), so every report is answered — after it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from commandcenter.feeds.jt808.fields import Reader, word

MSG_ID = 0x8001


class PlatformResult(IntEnum):
    OK = 0
    FAILED = 1
    MALFORMED = 2
    UNSUPPORTED = 3
    ALARM_ACKNOWLEDGED = 4


def encode_platform_response(
    ack_serial: int, ack_msg_id: int, result: PlatformResult = PlatformResult.OK
) -> bytes:
    return word(ack_serial) + word(ack_msg_id) + bytes([result])


@dataclass(frozen=True)
class PlatformResponse:
    ack_serial: int
    ack_msg_id: int
    result: int


def decode_platform_response(body: bytes) -> PlatformResponse:
    """The terminal's side (the simulator, the tests' vectors 4, 11 and 17)."""
    reader = Reader(body)
    return PlatformResponse(reader.word(), reader.word(), reader.byte())
