"""What every connection of one JT/T 808 server shares: the store, the gateway's name and checksum
policy, the batch writer, the session book, the command dispatcher, the counters ``/health`` shows,
and the sessions held now (terminal id → connection, where a desk command goes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from commandcenter.gateway.command_dispatch import CommandDispatcher
from commandcenter.gateway.position_writer import PositionWriter
from commandcenter.gateway.session_book import SessionBook
from commandcenter.persistence.store import Store

if TYPE_CHECKING:
    from commandcenter.gateway.jt808_session import Jt808Session


def auth_code(terminal_id: str) -> str:
    """The code 0x8100 hands out and 0x0102 must bring back. Derived from the id (as Traccar does) so
    any gateway of the cluster accepts a terminal that registered through another."""
    return f"CC{terminal_id}"


@dataclass
class Jt808Counters:
    sessions: int = 0
    frames: int = 0
    errors: int = 0
    unknown_frames: int = 0
    unknown_terminals: set[str] = field(default_factory=set)


@dataclass
class SessionServices:
    """What every connection of one server shares."""

    store: Store
    gateway: str
    accept_bad_checksum: bool
    writer: PositionWriter
    book: SessionBook
    commands: CommandDispatcher
    counters: Jt808Counters
    sessions: dict[str, Jt808Session] = field(default_factory=dict)
