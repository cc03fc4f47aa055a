"""One camera on the wall: a caption (``tile_caption``: a strip above the picture, or a badge on it
when the tile is small) over a picture frame whose native windows the video library draws into; the
mouse selects, drags and maximises. It takes whatever its cell gives and asks for no width, so no
layout can grow the window.

Playing lives in the Qt-free ``commandcenter.video.session.TileSession`` behind the ``VideoBackend``
seam (libVLC by default). The tile shows what the session announces, runs its two timers (retry and a
once-a-second tick), and brings the backend's reports to the Qt thread through ``ThreadBridge``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.backend import Player, VideoBackend
from commandcenter.video.session import DecodeMode, TileSession
from commandcenter.video.session_events import PendingSwitch
from commandcenter.video.tile_state import TileState
from commandcenter.video.tile_stats import format_rates
from commandcenter.video.vlc_backend import default_backend
from ui.theme import ACCENT
from ui.thread_bridge import ThreadBridge
from ui.video.picture_frame import PictureFrame
from ui.video.tile_caption import TileCaption

TICK_MS = 1000
SELECTED_PX = 2  # the accent frame around the selected tile


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
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the selected tile's accent frame
        self._frame = PictureFrame(self)  # two surfaces: the hidden one takes the next stream of a switch
        self._caption = TileCaption(self)  # after the frame: stacked above it
        self._selected = False
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
            app.aboutToQuit.connect(self._quit)
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

    def picture_rect(self) -> QRect:
        """The tile's video area (picture and letterbox), in tile coordinates; a badge lies on it."""
        return self._frame.geometry()

    @property
    def caption_compact(self) -> bool:
        """Whether the caption is a badge on the picture (small tiles) rather than a strip above it."""
        return self._caption.compact

    def caption_text(self) -> str:
        """Everything the caption says, fitting or not (also the tile's tooltip)."""
        return self._caption.text.full_text()

    def set_selected(self, selected: bool) -> None:
        """The operator's tile: an accent frame, and a single-tile tour runs there."""
        self._selected = selected
        self._caption.set_selected(selected)
        self.setStyleSheet(f"#videoTile {{ background: {ACCENT}; }}" if selected else "")
        self._arrange()

    def play(self, name: str, url: str) -> None:
        """Show one URL under this name; returns at once (the backend connects in the background)."""
        self.play_feed(CameraFeed(code=name, name=name, sub_url=url), StreamTier.SUB)

    def play_feed(self, feed: CameraFeed, tier: StreamTier = StreamTier.SUB) -> None:
        self._caption.set_name(feed.name, feed.code)
        self._caption.set_tier(tier if feed.has_video else None)
        self._arrange()  # a badge is as wide as the name
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
        """Stop and release the players (on the backend's worker thread: this returns at once)."""
        self.session.stop()

    def _quit(self) -> None:
        self.stop()
        self.session.backend.settle()

    # ------------------------------------------------------------------ what the session announces
    def _show_state(self, state: TileState) -> None:
        if state is not TileState.NO_SIGNAL:
            self._retry.stop()
        if state is TileState.IDLE:
            self._ticker.stop()
        elif not self._ticker.isActive():
            self._ticker.start()
        self._caption.set_state(state, self.session.unavailable_reason)
        self._tick()
        if state is not self._shown_state:
            self._shown_state = state
            self.state_changed.emit(state.value)

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
            self._arrange()  # a badge sits on the picture's corner

    def _tick(self) -> None:
        self._caption.tick(format_rates(self.session.tick(time.monotonic())))

    # ------------------------------------------------------------------ geometry
    def sizeHint(self) -> QSize:
        return QSize(160, 90)  # the same for every tile, whatever its caption says: equal cells

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        inset = SELECTED_PX if self._selected else 0
        self._caption.place(self.rect().adjusted(inset, inset, -inset, -inset), self._frame)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self.caption_text(), self)
            return True
        return super().event(event)

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
