"""A frame → the message it carries, by message id: one decoder per module, dispatched here. An id
without a decoder returns ``None`` (the server answers 0x8001 "unsupported"); a body that does not
decode raises ``MalformedMessage``."""

from __future__ import annotations

from collections.abc import Callable

from commandcenter.feeds.jt808 import (
    auth,
    heartbeat,
    location,
    location_answer,
    location_batch,
    register,
    terminal_response,
)
from commandcenter.feeds.jt808.auth import Authentication
from commandcenter.feeds.jt808.header import Header
from commandcenter.feeds.jt808.heartbeat import Heartbeat
from commandcenter.feeds.jt808.location import LocationReport
from commandcenter.feeds.jt808.location_answer import LocationAnswer
from commandcenter.feeds.jt808.location_batch import LocationBatch
from commandcenter.feeds.jt808.register import Registration
from commandcenter.feeds.jt808.terminal_response import TerminalResponse

Message = (
    Registration
    | Authentication
    | Heartbeat
    | TerminalResponse
    | LocationReport
    | LocationBatch
    | LocationAnswer
)

_DECODERS: dict[int, Callable[[bytes, Header], Message]] = {
    register.MSG_ID: lambda body, header: register.decode_register(body, header.version),
    auth.MSG_ID: lambda body, header: auth.decode_auth(body, header.version),
    heartbeat.MSG_ID: lambda body, header: Heartbeat(),
    terminal_response.MSG_ID: lambda body, header: terminal_response.decode_terminal_response(body),
    location.MSG_ID: lambda body, header: location.decode_location(body),
    location_batch.MSG_ID: lambda body, header: location_batch.decode_location_batch(body),
    location_answer.MSG_ID: lambda body, header: location_answer.decode_location_answer(body),
}


def decode_message(header: Header, body: bytes) -> Message | None:
    decoder = _DECODERS.get(header.msg_id)
    return None if decoder is None else decoder(body, header)
