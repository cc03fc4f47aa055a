"""The caption of a video tile. It adapts to its tile and never makes the tile wider: while a strip
costs at most an eighth of the tile's height it sits above the picture — name, stream tier, live
fps/bitrate, clock, state — giving up what does not fit (``caption_paint``); on smaller tiles (3×3
and denser beside the map on one 1080p screen) it collapses to a badge on the picture's corner: a
state dot and the name. The tile's tooltip has the full text.

libVLC draws into native windows, which cover any ordinary widget stacked on them. Rather than being
one more native window (each costs X round trips that a loaded X server answers slowly: 64 more
stalled the wall's start under Xvfb), the badge has its rectangle cut out of the picture's surfaces
(``PictureFrame.set_notch``).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from commandcenter.domain.cameras import StreamTier
from commandcenter.video.tile_state import TileState
from ui.district_time import clock_text, district_now
from ui.theme import ACCENT, BORDER, PANEL
from ui.video.caption_paint import PAD_PX, CaptionText, badge_size, paint_badge, paint_strip
from ui.video.picture_frame import PictureFrame

STRIP_MAX_SHARE = 0.125  # of the tile's height; a taller strip would shrink the picture: a badge instead
STRIP_MIN_WIDTH = 240  # narrower, the strip would say little more than the badge
BADGE_MARGIN_PX = 3


class TileCaption(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTileCaption")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # it fills itself: nothing below repaints
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.text = CaptionText()
        self.compact = False  # a badge on the picture instead of a strip above it
        self.selected = False
        self._badge_font = QFont(self.font())
        self._badge_font.setPixelSize(max(10, round(self.font().pixelSize() * 0.85)))

    # ------------------------------------------------------------------ what it says
    def set_name(self, name: str, code: str) -> None:
        self.text.name, self.text.code = name, code
        self.update()

    def set_tier(self, tier: StreamTier | None) -> None:
        texts = {StreamTier.MAIN: self.tr("Main"), StreamTier.SUB: self.tr("Sub")}
        self.text.tier = texts[tier] if tier is not None else ""
        self.update()

    def set_state(self, state: TileState, reason: str = "") -> None:
        """``reason``: why the video library is unavailable, when it is."""
        words = {
            TileState.IDLE: self.tr("Idle"),
            TileState.CONNECTING: self.tr("Connecting"),
            TileState.PLAYING: self.tr("Playing"),
            TileState.NO_SIGNAL: self.tr("No signal"),
            TileState.OFFLINE: self.tr("Offline"),
            TileState.UNSUPPORTED: self.tr("Unsupported"),
            TileState.BACKEND_UNAVAILABLE: self.tr("No video library"),
        }
        details = {
            TileState.UNSUPPORTED: self.tr(
                "This libVLC cannot play RTSP (its live555 module is missing). Ask the media server for "
                'HTTP-FLV, HLS or HTTP-TS instead: a platform\'s prefer = ["flv", "hls"], or its '
                "play_template, e.g. ZLMediaKit http://media/rtp/{device}_{channel}.live.flv or MediaMTX "
                "http://media:8888/{device}_{channel}/index.m3u8."
            ),
            TileState.BACKEND_UNAVAILABLE: self.tr(
                "No video library on this workstation: install VLC (libVLC 3) and restart. (%1)"
            ).replace("%1", reason),
        }
        self.text.state, self.text.state_word, self.text.detail = state, words[state], details.get(state, "")
        if state is not TileState.PLAYING:
            self.text.rates = ""
        self.update()

    def tick(self, rates: str) -> None:
        """Once a second: the wall clock (operators compare it with the picture's own timestamp)."""
        self.text.rates = rates
        self.text.clock = clock_text(district_now())
        if not self.compact:  # a badge shows neither: no repaint of 64 badges every second
            self.update()

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.update()

    # ------------------------------------------------------------------ where it goes
    def place(self, area: QRect, frame: PictureFrame) -> None:
        """Lay out this caption and the tile's picture ``frame`` in ``area`` (tile coordinates)."""
        strip = QFontMetrics(self.font()).height() + PAD_PX
        self.compact = strip > area.height() * STRIP_MAX_SHARE or area.width() < STRIP_MIN_WIDTH
        self.setVisible(not self.compact or bool(self.text.name))  # an empty small cell stays black
        if self.compact and not self.text.name:
            frame.setGeometry(area)
            frame.set_notch(QRect())
        elif self.compact:
            frame.setGeometry(area)
            picture = frame.picture_rect().translated(area.topLeft())
            badge = badge_size(self._badge_font, self.text, picture.width() - 2 * BADGE_MARGIN_PX)
            # Bottom left: cameras burn their clock in top left and their name bottom right.
            top = picture.bottom() + 1 - BADGE_MARGIN_PX - badge.height()
            self.setGeometry(picture.left() + BADGE_MARGIN_PX, top, badge.width(), badge.height())
            frame.set_notch(self.geometry().translated(-area.topLeft()))
        else:
            frame.setGeometry(area.adjusted(0, strip, 0, 0))
            frame.set_notch(QRect())
            self.setGeometry(area.left(), area.top(), area.width(), strip)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(0, 0)  # placed by ``place``, never by a layout: it asks for nothing

    # ------------------------------------------------------------------ painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(PANEL))
        painter.setPen(QColor(ACCENT if self.selected else BORDER))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.compact:
            painter.setFont(self._badge_font)
            paint_badge(painter, self.rect(), self.text)
        else:
            paint_strip(painter, self.rect(), self.text)
        painter.end()
