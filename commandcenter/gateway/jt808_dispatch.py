"""What a JT/T 808 session does with each decoded message: registration answered with the
vehicle's auth code (or 无该车辆), authentication checked, heartbeats answered, positions stored
and answered only once committed, a locate-now answer stored and handed to the desk's command, a
terminal's general response closing the command it answers, anything else answered "unsupported".
The connection, framing and binding to a vehicle are ``jt808_session``'s."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from commandcenter.domain.units import Position
from commandcenter.feeds.jt808 import register_answer
from commandcenter.feeds.jt808.auth import Authentication
from commandcenter.feeds.jt808.header import Header
from commandcenter.feeds.jt808.heartbeat import Heartbeat
from commandcenter.feeds.jt808.location import LocationReport
from commandcenter.feeds.jt808.location_answer import LocationAnswer
from commandcenter.feeds.jt808.location_batch import LocationBatch
from commandcenter.feeds.jt808.messages import Message
from commandcenter.feeds.jt808.platform_response import PlatformResult
from commandcenter.feeds.jt808.register import Registration
from commandcenter.feeds.jt808.register_answer import RegisterResult, encode_register_answer
from commandcenter.feeds.jt808.terminal_response import TerminalResponse
from commandcenter.gateway.jt808_services import auth_code

if TYPE_CHECKING:
    from commandcenter.gateway.jt808_session import Jt808Session


def dispatch(session: Jt808Session, header: Header, message: Message | None) -> None:
    """What the standard asks of each message, answered on ``session``."""
    if isinstance(message, Registration):
        _register(session, header, message)
    elif isinstance(message, Authentication):
        ok = session.vehicle is not None and message.code == auth_code(session.vehicle.terminal_id)
        session.answer(header, PlatformResult.OK if ok else PlatformResult.FAILED)
    elif isinstance(message, Heartbeat):
        session.answer(header, PlatformResult.OK)
    elif isinstance(message, TerminalResponse):
        session.spawn(
            session.services.commands.answered(
                session, message.ack_serial, {"result": message.result}, message.ok
            )
        )
    elif isinstance(message, LocationReport | LocationBatch):
        reports = [message] if isinstance(message, LocationReport) else message.reports
        _store_then_answer(session, header, reports)
    elif isinstance(message, LocationAnswer):
        session.spawn(_location_answer(session, message))
    else:
        session.answer(header, PlatformResult.UNSUPPORTED)


def _register(session: Jt808Session, header: Header, registration: Registration) -> None:
    session.body_version = registration.version
    assert session.state is not None
    session.state.protocol = registration.version
    if session.vehicle is None:
        session.services.book.unknown_frame(
            header.terminal_id, session.now(), session.remote, registration.plate, 0
        )
        body = encode_register_answer(header.serial, RegisterResult.NO_SUCH_VEHICLE)
    else:
        body = encode_register_answer(
            header.serial, RegisterResult.OK, auth_code(session.vehicle.terminal_id)
        )
    session.send(register_answer.MSG_ID, body)


def _positions(session: Jt808Session, reports: Sequence[LocationReport]) -> list[Position]:
    unit_id = session.vehicle.unit_id if session.vehicle else None
    if unit_id is None:
        return []
    received = session.now()
    return [report.to_position(unit_id, received) for report in reports]


def _store_then_answer(session: Jt808Session, header: Header, reports: Sequence[LocationReport]) -> None:
    """Acknowledged means stored: 0x8001 goes out after the batch holding these is committed."""
    if session.vehicle is None or session.vehicle.unit_id is None:
        session.answer(header, PlatformResult.FAILED)
        return

    def stored(problem: BaseException | None) -> None:
        if problem is None:
            session.answer(header, PlatformResult.OK)
        else:
            session.error(f"位置未保存 / positions not stored: {problem}")

    session.services.writer.submit(_positions(session, reports), stored)


async def _location_answer(session: Jt808Session, answer: LocationAnswer) -> None:
    report = answer.report
    positions = _positions(session, [report])
    if positions:
        try:
            await session.services.writer.write(positions)
        except Exception as problem:
            session.error(f"位置未保存 / positions not stored: {problem}")
    found = {"result": 0, "lon": report.lon, "lat": report.lat, "ts": report.ts.isoformat()}
    await session.services.commands.answered(session, answer.ack_serial, found, True)
