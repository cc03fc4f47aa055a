"""What a video tile is doing, and when it tries again — Qt-free so the core (health, tours, the wall
model) can reason about tiles, and so the reconnect policy is tested without a window.

A tile goes IDLE → CONNECTING → PLAYING; a player error or the end of a live stream makes it NO_SIGNAL,
and it reconnects after a capped exponential backoff (1, 2, 4, 8, 10, 10 … s), so a dead camera server
costs one connection attempt every ten seconds per tile rather than a busy loop. OFFLINE, UNSUPPORTED
and BACKEND_UNAVAILABLE are permanent: retrying cannot help, so the tile says why and waits.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

BACKOFF_FIRST_S = 1.0
BACKOFF_CAP_S = 10.0


class TileState(StrEnum):
    IDLE = "idle"  # nothing assigned, or stopped
    CONNECTING = "connecting"  # opening the stream, waiting for the first picture
    PLAYING = "playing"
    NO_SIGNAL = "no_signal"  # the stream failed or ended; a reconnect is scheduled
    OFFLINE = "offline"  # the camera has no stream to play (no URL, or the catalog reports it offline)
    UNSUPPORTED = "unsupported"  # this libVLC cannot play the URL's protocol (RTSP without live555)
    BACKEND_UNAVAILABLE = "backend_unavailable"  # no video library here (libVLC missing or refused to start)


def reconnect_delay_s(failures: int) -> float:
    """Seconds to wait after the ``failures``-th failure in a row (1-based)."""
    return min(BACKOFF_FIRST_S * 2 ** max(failures - 1, 0), BACKOFF_CAP_S)


@dataclass
class TileStateMachine:
    """The transitions of one tile; the Qt tile feeds it player events and acts on the answers."""

    state: TileState = TileState.IDLE
    failures: int = 0  # consecutive failures since the last picture

    def connect(self) -> TileState:
        self.state = TileState.CONNECTING
        return self.state

    def playing(self) -> TileState:
        if self.state is TileState.CONNECTING:
            self.state = TileState.PLAYING
            self.failures = 0
        return self.state

    def failed(self) -> float | None:
        """Enter NO_SIGNAL; the delay before reconnecting, or None if the tile is not active."""
        if self.state not in (TileState.CONNECTING, TileState.PLAYING):
            return None
        self.state = TileState.NO_SIGNAL
        self.failures += 1
        return reconnect_delay_s(self.failures)

    def unavailable(self, state: TileState) -> TileState:
        """OFFLINE, UNSUPPORTED or BACKEND_UNAVAILABLE: nothing to retry until something changes."""
        self.state = state
        self.failures = 0
        return self.state

    def stop(self) -> TileState:
        self.state = TileState.IDLE
        self.failures = 0
        return self.state
