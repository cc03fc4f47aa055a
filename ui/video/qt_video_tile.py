"""One camera on the wall: a native child window that libVLC draws into, under a caption bar with the
camera name and the connection state; it reconnects by itself when the stream fails.

libVLC decodes and draws in C into the native window (Python never touches frames). Its events arrive
on libVLC's own threads, so the callback only emits a queued Qt signal; every widget change and every
libVLC call happens on the Qt thread. Each connection attempt gets its own ``vlc.Media`` whose events
carry the attempt number, so a late event from an abandoned attempt cannot change the state.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from commandcenter.health import Level
from commandcenter.media.tile_state import TileState, TileStateMachine
from ui.theme import LEVEL_COLORS, PANEL, TEXT
from ui.video.vlc_instance import VlcUnavailableError, vlc_instance

if TYPE_CHECKING:
    import vlc

log = logging.getLogger(__name__)
_W = TypeVar("_W", bound=QWidget)

WATCHDOG_INTERVAL_MS = 2000
WATCHDOG_STALLED_CHECKS = 3  # a playing stream whose clock stood still this many checks is dead
_STATE_LEVEL = {
    TileState.IDLE: Level.UNKNOWN,
    TileState.CONNECTING: Level.WARNING,
    TileState.PLAYING: Level.OK,
    TileState.NO_SIGNAL: Level.FAILED,
}


class _LibvlcEvents(QObject):
    """Lives on the Qt thread; ``media_state`` emitted from a libVLC thread is delivered queued."""

    media_state = Signal(int, str)  # attempt number, "playing" | "failed"


class QtVideoTile(QWidget):
    state_changed = Signal(str)  # a TileState value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTile")
        self._machine = TileStateMachine()
        self._name = self._url = ""
        self._player: vlc.MediaPlayer | None = None
        self._media: tuple[vlc.Media, vlc.EventManager] | None = None  # kept alive while attached
        self._attempt = 0
        self._events = _LibvlcEvents(self)
        self._events.media_state.connect(self._on_media_state)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._connect)
        self._watchdog = QTimer(self, interval=WATCHDOG_INTERVAL_MS)
        self._watchdog.timeout.connect(self._check_progress)
        self._last_time_ms, self._stalled_checks = -1, 0
        self._shown_state: TileState | None = None
        self._build()
        app = QCoreApplication.instance()
        if app is not None:  # players must be gone before the interpreter shuts down
            app.aboutToQuit.connect(self.stop)
        self._set_state(TileState.IDLE)

    def _build(self) -> None:
        self._caption = _named(QWidget(self), "videoTileCaption")
        self._name_label = _named(QLabel(self._caption), "videoTileName")
        self._name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._state_label = _named(QLabel(self._caption), "videoTileState")
        row = QHBoxLayout(self._caption)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self._name_label, 1)
        row.addWidget(self._state_label)
        self._caption.setStyleSheet(
            f"#videoTileCaption {{ background: {PANEL}; }} QLabel {{ color: {TEXT}; }}"
        )
        self._caption.setAutoFillBackground(True)
        # The surface gets its own X11/Win32 window for libVLC; ancestors stay ordinary Qt widgets.
        self._surface = _named(QWidget(self), "videoTileSurface")
        self._surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self._surface.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors)
        self._surface.setStyleSheet("background: black;")
        self._surface.setAutoFillBackground(True)
        self._surface.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._caption)
        column.addWidget(self._surface, 1)

    @property
    def state(self) -> TileState:
        return self._machine.state

    @property
    def name(self) -> str:
        return self._name

    @property
    def url(self) -> str:
        return self._url

    def play(self, name: str, url: str) -> None:
        """Show this camera; returns at once (the connection is made in the background by libVLC)."""
        self._name, self._url = name, url
        self._name_label.setText(name)
        self._name_label.setToolTip(name)
        self._retry.stop()
        self._machine.stop()
        self._connect()

    def stop(self) -> None:
        """Stop and release the player (may block briefly while libVLC ends its input thread)."""
        self._retry.stop()
        self._watchdog.stop()
        self._attempt += 1  # whatever libVLC still reports belongs to the past
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._player = None
        self._detach_media()
        self._set_state(self._machine.stop())

    def _connect(self) -> None:
        if not self._url:
            return
        try:
            player = self._ensure_player()
        except VlcUnavailableError as error:
            log.warning("video tile %s: %s", self._name, error)
            self._machine.connect()
            self._machine.failed()  # no retry: libVLC will not appear while the app runs
            self._set_state(self._machine.state)
            return
        player.stop()  # quick after a failure (the input has ended, or its network read is interrupted)
        self._detach_media()
        self._attempt += 1
        media = vlc_instance().media_new(self._url)
        events = media.event_manager()
        events.event_attach(_media_state_changed(), self._forward, self._attempt)
        self._media = (media, events)
        player.set_media(media)
        self._set_state(self._machine.connect())
        player.play()

    def _ensure_player(self) -> vlc.MediaPlayer:
        if self._player is None:
            player = vlc_instance().media_player_new()
            window = int(self._surface.winId())
            if sys.platform == "win32":
                player.set_hwnd(window)
            elif sys.platform == "darwin":
                player.set_nsobject(window)
            else:
                player.set_xwindow(window)
            self._player = player
        return self._player

    def _detach_media(self) -> None:
        if self._media is not None:
            media, events = self._media
            events.event_detach(_media_state_changed())
            media.release()
            self._media = None

    def _forward(self, event: Any, attempt: int) -> None:
        """Runs on a libVLC thread: no libVLC calls, no widgets — only a queued signal."""
        import vlc

        state = vlc.State(event.u.new_state)
        if state == vlc.State.Playing:
            kind = "playing"
        elif state in (vlc.State.Error, vlc.State.Ended):
            kind = "failed"
        else:
            return
        with contextlib.suppress(RuntimeError):  # the tile was deleted while libVLC still reported
            self._events.media_state.emit(attempt, kind)

    def _on_media_state(self, attempt: int, kind: str) -> None:
        if attempt != self._attempt:
            return
        if kind == "playing":
            self._set_state(self._machine.playing())
        else:
            self._fail()

    def _fail(self) -> None:
        delay_s = self._machine.failed()
        if delay_s is None:
            return
        self._set_state(self._machine.state)
        self._retry.start(int(delay_s * 1000))

    def _check_progress(self) -> None:
        """A stream can stall without an error (a hung server): no clock progress means no signal."""
        if self._player is None or self.state is not TileState.PLAYING:
            return
        now_ms = self._player.get_time()
        self._stalled_checks = self._stalled_checks + 1 if now_ms == self._last_time_ms else 0
        self._last_time_ms = now_ms
        if self._stalled_checks >= WATCHDOG_STALLED_CHECKS:
            log.info("video tile %s: stream stalled, reconnecting", self._name)
            self._fail()

    def _set_state(self, state: TileState) -> None:
        if state is TileState.PLAYING:
            self._last_time_ms, self._stalled_checks = -1, 0
            self._watchdog.start()
        else:
            self._watchdog.stop()
        texts = {
            TileState.IDLE: self.tr("Idle"),
            TileState.CONNECTING: self.tr("Connecting"),
            TileState.PLAYING: self.tr("Playing"),
            TileState.NO_SIGNAL: self.tr("No signal"),
        }
        color = LEVEL_COLORS[_STATE_LEVEL[state]]
        self._state_label.setText(f'<span style="color:{color}">●</span> {texts[state]}')
        self._caption.setProperty("tileState", state.value)
        if state is not self._shown_state:
            self._shown_state = state
            self.state_changed.emit(state.value)


def _named(widget: _W, name: str) -> _W:
    """Object names let the theme's QSS style the caption (``#videoTileCaption``)."""
    widget.setObjectName(name)
    return widget


def _media_state_changed() -> vlc.EventType:
    import vlc

    return vlc.EventType.MediaStateChanged
