"""What a tile session announces, for the widget that shows it (``ui/video/qt_video_tile.py``), and
the make-before-break switch it announces: the next stream of a tier switch, connecting on the hidden
surface until its first picture puts it on screen."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.domain.cameras import StreamTier
from commandcenter.events import EventEmitter
from commandcenter.video.backend import Player
from commandcenter.video.tile_state import TileState


@dataclass(frozen=True)
class PendingSwitch:
    player: Player
    attempt: int  # its stream's events carry it
    tier: StreamTier
    surface: int  # 0 or 1: the surface that is hidden until the switch


class SessionEvents:
    def __init__(self) -> None:
        self.state = EventEmitter[TileState]("tile state")  # on every state set, repeated ones too
        self.first_frame = EventEmitter[None]("first frame")  # the current stream drew its first picture
        self.switched = EventEmitter[PendingSwitch]("tier switched")  # the new stream is on screen
        self.retry = EventEmitter[float]("retry")  # call ``TileSession.reconnect()`` in this many seconds
