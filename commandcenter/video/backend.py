"""The seam under a video tile: what a tile's session needs from a video library, so that neither the
session (``session.py``) nor the widget knows which library decodes. libVLC is the one implementation
(``vlc_backend.py``); a libmpv or GStreamer backend would be another module, not another tile.

Failures come in two kinds, as in Bluecherry's ``VideoPlayerBackend`` (``PermanentError`` against a
recoverable ``Error``): ``BackendUnavailable`` is permanent — the library is missing or refused to
start, and no retry will make video appear while the app runs — so the tile says so plainly and stops
trying. A stream that fails or ends is recoverable: it arrives as a ``FAILED`` event and the session
reconnects after a backoff.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol


class BackendUnavailable(RuntimeError):
    """The video library cannot play anything on this workstation (not installed, refused to start)."""


class PlayerEvent(StrEnum):
    PLAYING = "playing"  # the stream opened and plays
    FAILED = "failed"  # the stream failed or ended (a live stream never ends by itself): reconnect
    PICTURE = "picture"  # the player drew its first picture of this stream


# (event, attempt): called on ANY thread (libVLC reports on its own); the receiver marshals.
EventSink = Callable[[PlayerEvent, int], None]


class Player(Protocol):
    """One decoder drawing into one native window. Every method is called on the session's thread."""

    def start(self, url: str, attempt: int, *, keyframes_only: bool = False) -> None:
        """Play ``url`` from now on (whatever played before is dropped); events carry ``attempt``.
        ``keyframes_only`` decodes only the keyframes (a decode-budget step)."""

    def pause(self) -> None:
        """Hold the last picture (a live stream cannot resume from here: start it again)."""

    def close(self) -> None:
        """Stop and free the player, without blocking; it reports nothing afterwards and must not
        be used again."""

    def clock_ms(self) -> int:
        """The stream's clock: it stands still when the stream stalls without an error."""

    def counters(self) -> tuple[int, int] | None:
        """(pictures shown, bytes read) since ``start``, or None before the library counts."""

    def picture_size(self) -> tuple[int, int] | None:
        """The stream's picture in pixels once decoded, else None."""

    def has_picture(self) -> bool:
        """Whether a picture is on screen (a video output exists)."""

    def snapshot(self, path: str) -> bool:
        """Write the current picture to ``path`` as PNG; False when the library refused."""


class VideoBackend(Protocol):
    name: str

    def supports(self, url: str) -> bool:
        """False only when this library on this machine cannot play the URL's protocol."""

    def new_player(self, window: int, sink: EventSink) -> Player:
        """A player drawing into the native window ``window`` (X11 id, HWND or NSView), reporting to
        ``sink``. Raises ``BackendUnavailable`` when the library cannot be used at all."""

    def settle(self) -> None:
        """Wait until every closed player is really gone: before the windows they drew into close."""
