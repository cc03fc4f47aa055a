"""One camera on the wall: a native child window that libVLC draws into, under a caption bar with the
camera name, stream tier, live rates, clock and connection state; it reconnects by itself.

libVLC decodes and draws in C into the native window (Python never touches frames). Its events arrive
on libVLC's own threads, so the callbacks only emit queued Qt signals; every widget change and every
libVLC call happens on the Qt thread. Each connection attempt gets its own ``vlc.Media`` whose events
carry the attempt number, so a late event from an abandoned attempt cannot change the state.

Switching stream tier is make-before-break: a second player draws into a second (hidden) surface and
the tile flips to it on that player's first picture, so the old picture stays until the new one exists.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.tile_state import TileState, TileStateMachine
from commandcenter.video.tile_stats import RateMeter, format_rates
from commandcenter.video.vlc_support import url_supported
from ui.video.picture_frame import PictureFrame
from ui.video.tile_caption import TileCaption
from ui.video.tile_player import (
    PlayerEvents,
    bind_player,
    media_stats,
    new_media,
    release_media,
)
from ui.video.vlc_instance import VlcUnavailableError, vlc_instance

if TYPE_CHECKING:
    import vlc

log = logging.getLogger(__name__)

WATCHDOG_INTERVAL_MS = 2000
WATCHDOG_STALLED_CHECKS = 3  # a playing stream whose clock stood still this many checks is dead
TICK_MS = 1000


class QtVideoTile(QWidget):
    state_changed = Signal(str)  # a TileState value
    first_frame = Signal()  # the current stream drew its first picture
    tier_changed = Signal(str)  # a StreamTier value, after the new stream is on screen
    double_clicked = Signal()
    pressed = Signal()  # the operator clicked the tile (the wall selects it)
    drag_started = Signal()  # the operator dragged the caption or picture (the wall runs the drag)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTile")
        self._machine = TileStateMachine()
        self._feed = CameraFeed("", "")
        self._url = ""
        self._tier: StreamTier | None = None
        self._player: vlc.MediaPlayer | None = None
        self._media: tuple[vlc.Media, vlc.EventManager] | None = None
        self._attempt = 0
        self._pending: tuple[vlc.MediaPlayer, vlc.Media, vlc.EventManager, int, StreamTier] | None = None
        self._keyframes_only = False  # decode budget: decode only the keyframes of the stream
        self._held = False  # decode budget: paused on its last picture
        self.connects = 0  # connection attempts since construction (tests check layout switches reuse)
        self._events = PlayerEvents(self)
        self._events.media_state.connect(self._on_media_state)
        self._events.first_picture.connect(self._on_first_picture)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._connect)
        self._watchdog = QTimer(self, interval=WATCHDOG_INTERVAL_MS)
        self._watchdog.timeout.connect(self._check_progress)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._rates = RateMeter()
        self._last_time_ms, self._stalled_checks = -1, 0
        self._shown_state: TileState | None = None
        self._press_pos: QPointF | None = None
        self._build()
        app = QCoreApplication.instance()
        if app is not None:  # players must be gone before the interpreter shuts down
            app.aboutToQuit.connect(self.stop)
        self._set_state(TileState.IDLE)

    def _build(self) -> None:
        self._caption = TileCaption(self)
        # Two surfaces, one shown: the second receives the next stream during a tier switch.
        self._frame = PictureFrame(self)
        self._surfaces = self._frame.surfaces
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._caption)
        column.addWidget(self._frame, 1)

    # ------------------------------------------------------------------ public
    @property
    def state(self) -> TileState:
        return self._machine.state

    @property
    def name(self) -> str:
        return self._feed.name

    @property
    def url(self) -> str:
        return self._url

    @property
    def feed(self) -> CameraFeed:
        return self._feed

    @property
    def tier(self) -> StreamTier | None:
        return self._tier

    @property
    def player(self) -> vlc.MediaPlayer | None:
        return self._player

    def video_height(self) -> int:
        return self._frame.height()

    def play(self, name: str, url: str) -> None:
        """Show one URL under this name; returns at once (libVLC connects in the background)."""
        self.play_feed(CameraFeed(code=name, name=name, sub_url=url), StreamTier.SUB)

    def play_feed(self, feed: CameraFeed, tier: StreamTier = StreamTier.SUB) -> None:
        if feed != self._feed:
            self._held = self._keyframes_only = False
        self._feed, self._tier, self._url = feed, tier, feed.url_for(tier)
        self._caption.set_name(feed.name, feed.code)
        self._caption.set_tier(tier if feed.has_video else None)
        self._drop_pending()
        self._retry.stop()
        self._machine.stop()
        self._connect()

    def switch_tier(self, tier: StreamTier) -> None:
        """Play the camera's other stream, keeping the current picture until the new one draws."""
        url = self._feed.url_for(tier)
        if tier is self._tier or url == self._url or not url_supported(url) or self.decode_mode != "full":
            self._tier = tier if url == self._url else self._tier
            return
        if self._player is None or self.state is not TileState.PLAYING:
            self.play_feed(self._feed, tier)  # nothing on screen worth keeping
            return
        if self._pending is not None and self._pending[4] is tier:
            return  # already on its way: restarting it would never let it reach its first picture
        self._drop_pending()
        back = self._surfaces[1 - self._frame.current]
        player = bind_player(vlc_instance().media_player_new(), back, self._events.forward_picture)
        self._attempt += 1
        media, events = new_media(url, self._events.forward_state, self._attempt)
        self._pending = (player, media, events, self._attempt, tier)
        player.set_media(media)
        player.play()

    @property
    def decode_mode(self) -> str:
        return "still" if self._held else "keyframes" if self._keyframes_only else "full"

    def set_decode_mode(self, mode: str, tier: StreamTier | None = None) -> None:
        """``full``, ``keyframes`` (reconnects with non-key frames skipped by the decoder) or ``still``
        (pauses on the last picture; leaving it reconnects, a live stream cannot resume from a pause)."""
        if mode == self.decode_mode or not self._feed.has_video:
            return
        if mode == "still":
            self._held = True
            if self._player is not None:
                self._player.set_pause(1)
            self._caption.set_tier(None)
            return
        self._held, self._keyframes_only = False, mode == "keyframes"
        self.play_feed(self._feed, tier or self._tier or StreamTier.SUB)

    def snapshot(self, path: str) -> bool:
        """Write the current picture to ``path`` (PNG); False when nothing is on screen."""
        if self._player is None or self.state is not TileState.PLAYING or not self._player.has_vout():
            return False
        rc = self._player.video_take_snapshot(0, path, 0, 0)
        return bool(rc == 0)

    def stop(self) -> None:
        """Stop and release the players (may block briefly while libVLC ends its input threads)."""
        self._retry.stop()
        self._watchdog.stop()
        self._drop_pending()
        self._attempt += 1  # whatever libVLC still reports belongs to the past
        if self._player is not None:
            self._player.stop()
            self._player.release()
            self._player = None
        self._detach_media()
        self._set_state(self._machine.stop())

    # ------------------------------------------------------------------ connecting
    def _connect(self) -> None:
        if not self._url:
            self._set_state(self._machine.unavailable(TileState.OFFLINE) if self._feed.code else self.state)
            return
        if not url_supported(self._url):
            self._set_state(self._machine.unavailable(TileState.UNSUPPORTED))
            return
        try:
            player = self._ensure_player()
        except VlcUnavailableError as error:
            log.warning("video tile %s: %s", self.name, error)
            self._machine.connect()
            self._machine.failed()  # no retry: libVLC will not appear while the app runs
            self._set_state(self._machine.state)
            return
        player.stop()  # quick after a failure (the input has ended, or its network read is interrupted)
        self._detach_media()
        self._attempt += 1
        self.connects += 1
        options = (":avcodec-skip-frame=3",) if self._keyframes_only else ()  # 3 = skip non-key frames
        media, events = new_media(self._url, self._events.forward_state, self._attempt, options)
        self._media = (media, events)
        player.set_media(media)
        self._set_state(self._machine.connect())
        player.play()

    def _ensure_player(self) -> vlc.MediaPlayer:
        if self._player is None:
            surface = self._surfaces[self._frame.current]
            self._player = bind_player(
                vlc_instance().media_player_new(), surface, self._events.forward_picture
            )
        return self._player

    def _detach_media(self) -> None:
        if self._media is not None:
            release_media(*self._media)
            self._media = None
            self._rates.reset()

    def _drop_pending(self) -> None:
        if self._pending is not None:
            player, media, events, _attempt, _tier = self._pending
            self._pending = None
            player.stop()
            player.release()
            release_media(media, events)

    def _promote_pending(self) -> None:
        """The new stream drew its first picture: show its surface, end the old player."""
        assert self._pending is not None
        player, media, events, attempt, tier = self._pending
        self._pending = None
        old_player = self._player
        self._detach_media()
        self._player, self._media, self._attempt = player, (media, events), attempt
        self._tier, self._url = tier, self._feed.url_for(tier)
        self._frame.set_current(1 - self._frame.current)
        self._fit_picture(player)
        if old_player is not None:
            old_player.stop()
            old_player.release()
        self._caption.set_tier(tier)
        self._last_time_ms, self._stalled_checks = -1, 0
        self.tier_changed.emit(tier.value)

    # ------------------------------------------------------------------ Qt thread
    def _on_media_state(self, attempt: int, kind: str) -> None:
        if self._pending is not None and attempt == self._pending[3]:
            if kind == "failed":
                self._drop_pending()  # keep the current stream; the wall may ask again later
            return
        if attempt != self._attempt:
            return
        if kind == "playing":
            self._set_state(self._machine.playing())
        else:
            self._fail()

    def _on_first_picture(self, player_id: int) -> None:
        if self._pending is not None and player_id == id(self._pending[0]):
            self._promote_pending()
        elif self._player is not None and player_id == id(self._player):
            self._fit_picture(self._player)
            self.first_frame.emit()

    def _fit_picture(self, player: vlc.MediaPlayer) -> None:
        """Size the surface to this stream's picture (see ``picture_frame`` for why)."""
        try:
            width, height = player.video_get_size(0)
        except Exception:  # python-vlc raises its own VLCException when there is no video
            return
        self._frame.set_aspect(width, height)

    def _fail(self) -> None:
        delay_s = self._machine.failed()
        if delay_s is None:
            return
        self._set_state(self._machine.state)
        self._retry.start(int(delay_s * 1000))

    def _check_progress(self) -> None:
        """A stream can stall without an error (a hung server): no clock progress means no signal."""
        if self._player is None or self.state is not TileState.PLAYING or self._held:
            return
        now_ms = self._player.get_time()
        self._stalled_checks = self._stalled_checks + 1 if now_ms == self._last_time_ms else 0
        self._last_time_ms = now_ms
        if self._stalled_checks >= WATCHDOG_STALLED_CHECKS:
            log.info("video tile %s: stream stalled, reconnecting", self.name)
            self._fail()

    def _tick(self) -> None:
        text = ""
        if self._media is not None and self.state is TileState.PLAYING:
            counters = media_stats(self._media[0])
            if counters is not None:
                text = format_rates(self._rates.sample(time.monotonic(), *counters))
        self._caption.tick(text)

    def _set_state(self, state: TileState) -> None:
        if state is TileState.PLAYING:
            self._last_time_ms, self._stalled_checks = -1, 0
            self._watchdog.start()
        else:
            self._watchdog.stop()
        if state is TileState.IDLE:
            self._ticker.stop()
        elif not self._ticker.isActive():
            self._ticker.start()
        detail = ""
        if state is TileState.UNSUPPORTED:
            detail = self.tr(
                "This libVLC cannot play RTSP. Ask the media server (ZLMediaKit, MediaMTX, WVP) "
                "for the camera's HTTP-FLV, HLS or HTTP-TS address instead."
            )
        self._caption.set_state(state, detail)
        self._tick()
        if state is not self._shown_state:
            self._shown_state = state
            self.state_changed.emit(state.value)

    # ------------------------------------------------------------------ mouse
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position() if event.button() == Qt.MouseButton.LeftButton else None
        self.pressed.emit()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_pos is not None and (event.position() - self._press_pos).manhattanLength() > 12:
            self._press_pos = None
            self.drag_started.emit()
        super().mouseMoveEvent(event)
