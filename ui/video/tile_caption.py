"""The caption bar of a video tile: camera name, stream tier, live fps/bitrate, clock and state.

It is a strip above the picture rather than an overlay on it: libVLC draws into a native window that
covers any sibling or child widget stacked over it, so text on top of the video would flicker or vanish.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from commandcenter.domain.cameras import StreamTier
from commandcenter.health import Level
from commandcenter.video.tile_state import TileState
from ui.theme import LEVEL_COLORS, MUTED, PANEL, TEXT

STATE_LEVEL = {
    TileState.IDLE: Level.UNKNOWN,
    TileState.CONNECTING: Level.WARNING,
    TileState.PLAYING: Level.OK,
    TileState.NO_SIGNAL: Level.FAILED,
    TileState.OFFLINE: Level.UNKNOWN,
    TileState.UNSUPPORTED: Level.FAILED,
    TileState.BACKEND_UNAVAILABLE: Level.FAILED,
}


class TileCaption(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoTileCaption")
        self.name_label = self._label("videoTileName")
        self.name_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.tier_label = self._label("videoTileTier")
        self.rates_label = self._label("videoTileRates")
        self.clock_label = self._label("videoTileClock")
        self.state_label = self._label("videoTileState")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(8)
        row.addWidget(self.name_label, 1)
        for label in (self.tier_label, self.rates_label, self.clock_label, self.state_label):
            row.addWidget(label)
        self.setStyleSheet(
            f"#videoTileCaption {{ background: {PANEL}; }} QLabel {{ color: {TEXT}; }}"
            f" #videoTileRates, #videoTileClock, #videoTileTier {{ color: {MUTED}; }}"
        )
        self.setAutoFillBackground(True)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        return label

    def set_name(self, name: str, tooltip: str) -> None:
        self.name_label.setText(name)
        self.name_label.setToolTip(tooltip)

    def set_tier(self, tier: StreamTier | None) -> None:
        texts = {StreamTier.MAIN: self.tr("Main"), StreamTier.SUB: self.tr("Sub")}
        self.tier_label.setText(texts[tier] if tier is not None else "")

    def set_state(self, state: TileState, detail: str = "") -> None:
        texts = {
            TileState.IDLE: self.tr("Idle"),
            TileState.CONNECTING: self.tr("Connecting"),
            TileState.PLAYING: self.tr("Playing"),
            TileState.NO_SIGNAL: self.tr("No signal"),
            TileState.OFFLINE: self.tr("Offline"),
            TileState.UNSUPPORTED: self.tr("Unsupported"),
            TileState.BACKEND_UNAVAILABLE: self.tr("No video library"),
        }
        color = LEVEL_COLORS[STATE_LEVEL[state]]
        self.state_label.setText(f'<span style="color:{color}">●</span> {texts[state]}')
        self.state_label.setToolTip(detail)
        self.setProperty("tileState", state.value)
        if state is not TileState.PLAYING:
            self.rates_label.clear()

    def tick(self, rates: str) -> None:
        """Once a second: the wall clock (operators compare it with the picture's own timestamp)."""
        self.rates_label.setText(rates)
        self.clock_label.setText(QDateTime.currentDateTime().toString("HH:mm:ss"))
