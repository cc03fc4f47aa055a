"""The libVLC plumbing of a tile: a native surface, a player bound to it, a media with a state
callback, the media's counters, and the bridge from libVLC's threads to the Qt thread. Kept apart from
the widget so the widget reads as behaviour."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ui.video.vlc_instance import vlc_instance

if TYPE_CHECKING:
    import vlc

Callback = Callable[[Any, int], None]


class PlayerEvents(QObject):
    """Lives on the Qt thread. libVLC calls ``forward_*`` on its own threads; they only emit, and the
    queued signals arrive on the Qt thread (no libVLC call or widget access happens in a callback)."""

    media_state = Signal(int, str)  # attempt number, "playing" | "failed"
    first_picture = Signal(object)  # id() of the player that drew (too large for a C int)

    def forward_state(self, event: Any, attempt: int) -> None:
        import vlc

        state = vlc.State(event.u.new_state)
        if state == vlc.State.Playing:
            kind = "playing"
        elif state in (vlc.State.Error, vlc.State.Ended):
            kind = "failed"
        else:
            return
        with contextlib.suppress(RuntimeError):  # the tile was deleted while libVLC still reported
            self.media_state.emit(attempt, kind)

    def forward_picture(self, _event: Any, player_id: int) -> None:
        with contextlib.suppress(RuntimeError):
            self.first_picture.emit(player_id)


def native_surface(parent: QWidget) -> QWidget:
    """A black native window for libVLC; ancestors stay ordinary Qt widgets."""
    surface = QWidget(parent)
    surface.setObjectName("videoTileSurface")
    surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    surface.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
    surface.setStyleSheet("background: black;")
    surface.setAutoFillBackground(True)
    return surface


def bind_player(player: vlc.MediaPlayer, surface: QWidget, on_picture: Callback) -> vlc.MediaPlayer:
    """Draw ``player`` into ``surface``'s native window; ``on_picture(event, id(player))`` fires on a
    libVLC thread when a video output appears, i.e. when the first picture is decoded."""
    import vlc

    window = int(surface.winId())
    if sys.platform == "win32":
        player.set_hwnd(window)
    elif sys.platform == "darwin":
        player.set_nsobject(window)
    else:
        player.set_xwindow(window)
    player.event_manager().event_attach(vlc.EventType.MediaPlayerVout, on_picture, id(player))
    return player


def new_media(
    url: str, on_state: Callback, attempt: int, options: tuple[str, ...] = ()
) -> tuple[vlc.Media, vlc.EventManager]:
    import vlc

    media = vlc_instance().media_new(url, *options)
    events = media.event_manager()
    events.event_attach(vlc.EventType.MediaStateChanged, on_state, attempt)
    return media, events


def release_media(media: vlc.Media, events: vlc.EventManager) -> None:
    import vlc

    events.event_detach(vlc.EventType.MediaStateChanged)
    media.release()


def media_stats(media: vlc.Media) -> tuple[int, int] | None:
    """(pictures shown, bytes demuxed) so far, or None when libVLC has no counters yet."""
    import vlc

    stats = vlc.MediaStats()
    if not media.get_stats(stats):
        return None
    return int(stats.displayed_pictures), int(stats.demux_read_bytes)
