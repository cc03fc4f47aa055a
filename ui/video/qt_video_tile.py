"""One camera on the wall: a caption (camera name, stream tier, live rates, clock, state) and a picture
frame whose native child window the video library draws into; the mouse selects, drags and maximises.

Everything about playing lives in the Qt-free ``commandcenter.video.session.TileSession`` behind the
``VideoBackend`` seam (libVLC by default): connecting, reconnecting, the stall watchdog, make-before-
break tier switches, decode-budget modes and rates. The tile shows what the session announces, runs
its two timers, and hands the session's backend reports to the Qt thread through ``ThreadBridge``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.backend import Player, VideoBackend
from commandcenter.video.session import DecodeMode, PendingSwitch, TileSession
from commandcenter.video.tile_state import TileState
from commandcenter.video.tile_stats import format_rates
from commandcenter.video.vlc_backend import default_backend
from ui.thread_bridge import ThreadBridge
from ui.video.picture_frame import PictureFrame
from ui.video.tile_caption import TileCaption

TICK_MS = 1000


class QtVideoTile(QWidget):
    state_changed = Signal(str)  # a TileState value
    first_frame = Signal()  # the current stream drew its first picture
    tier_changed = Signal(str)  # a StreamTier value, after the new stream is on screen
    double_clicked = Signal()
    pressed = Signal()  # the operator clicked the tile (the wall selects it)
    drag_started = Signal()  # the operator dragged the caption or picture (the wall runs the drag)

    def __init__(self, parent: QWidget | None = None, backend: VideoBackend | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTile")
        self._caption = TileCaption(self)
        self._frame = PictureFrame(self)  # two surfaces: the hidden one takes the next stream of a switch
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._caption)
        column.addWidget(self._frame, 1)
        self._bridge = ThreadBridge(self)
        self.session = TileSession(backend or default_backend(), self._frame.native_handle, self._bridge.post)
        self.session.events.state.connect(self._show_state)
        self.session.events.first_frame.connect(lambda _none: self._first_frame())
        self.session.events.switched.connect(self._switched)
        self.session.events.retry.connect(lambda delay_s: self._retry.start(round(delay_s * 1000)))
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self.session.reconnect)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._shown_state: TileState | None = None
        self._press_pos: QPointF | None = None
        app = QCoreApplication.instance()
        if app is not None:  # players must be gone before the interpreter shuts down
            app.aboutToQuit.connect(self.stop)
        self._show_state(TileState.IDLE)

    # ------------------------------------------------------------------ public
    @property
    def state(self) -> TileState:
        return self.session.state

    @property
    def name(self) -> str:
        return self.session.feed.name

    @property
    def url(self) -> str:
        return self.session.url

    @property
    def feed(self) -> CameraFeed:
        return self.session.feed

    @property
    def tier(self) -> StreamTier | None:
        return self.session.tier

    @property
    def player(self) -> Player | None:
        return self.session.player

    @property
    def connects(self) -> int:
        """Streams started since construction (tests check that layout switches reuse players)."""
        return self.session.connects

    @property
    def decode_mode(self) -> DecodeMode:
        return self.session.decode_mode

    def video_height(self) -> int:
        return self._frame.height()

    def play(self, name: str, url: str) -> None:
        """Show one URL under this name; returns at once (the backend connects in the background)."""
        self.play_feed(CameraFeed(code=name, name=name, sub_url=url), StreamTier.SUB)

    def play_feed(self, feed: CameraFeed, tier: StreamTier = StreamTier.SUB) -> None:
        self._caption.set_name(feed.name, feed.code)
        self._caption.set_tier(tier if feed.has_video else None)
        self.session.play_feed(feed, tier)

    def switch_tier(self, tier: StreamTier) -> None:
        """Play the camera's other stream, keeping the current picture until the new one draws."""
        self.session.switch_tier(tier)

    def set_decode_mode(self, mode: DecodeMode, tier: StreamTier | None = None) -> None:
        """``full``, ``keyframes`` or ``still`` (paused on its last picture): the decode budget's steps."""
        self.session.set_decode_mode(mode, tier)
        if self.session.decode_mode == "still":
            self._caption.set_tier(None)
        elif self.feed.has_video:
            self._caption.set_tier(self.session.tier)

    def snapshot(self, path: str) -> bool:
        """Write the current picture to ``path`` (PNG); False when nothing is on screen."""
        return self.session.snapshot(path)

    def stop(self) -> None:
        """Stop and release the players (may block briefly while libVLC ends its input threads)."""
        self.session.stop()

    # ------------------------------------------------------------------ what the session announces
    def _show_state(self, state: TileState) -> None:
        if state is not TileState.NO_SIGNAL:
            self._retry.stop()
        if state is TileState.IDLE:
            self._ticker.stop()
        elif not self._ticker.isActive():
            self._ticker.start()
        self._caption.set_state(state, self._detail(state))
        self._tick()
        if state is not self._shown_state:
            self._shown_state = state
            self.state_changed.emit(state.value)

    def _detail(self, state: TileState) -> str:
        if state is TileState.UNSUPPORTED:
            return self.tr(
                "This libVLC cannot play RTSP. Ask the media server (ZLMediaKit, MediaMTX, WVP) "
                "for the camera's HTTP-FLV, HLS or HTTP-TS address instead."
            )
        if state is TileState.BACKEND_UNAVAILABLE:
            return self.tr(
                "No video library on this workstation: install VLC (libVLC 3) and restart. (%1)"
            ).replace("%1", self.session.unavailable_reason)
        return ""

    def _first_frame(self) -> None:
        self._fit_picture()
        self.first_frame.emit()

    def _switched(self, switch: PendingSwitch) -> None:
        self._frame.set_current(switch.surface)
        self._fit_picture()
        self._caption.set_tier(switch.tier)
        self.tier_changed.emit(switch.tier.value)

    def _fit_picture(self) -> None:
        """Size the surface to this stream's picture (see ``picture_frame`` for why)."""
        size = self.session.picture_size()
        if size is not None:
            self._frame.set_aspect(*size)

    def _tick(self) -> None:
        self._caption.tick(format_rates(self.session.tick(time.monotonic())))

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
