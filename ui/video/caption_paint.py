"""How a tile's caption is drawn, apart from the widget: a strip (name, then tier, rates, clock and
● state at the right, giving up the clock first, then the rates, the tier and the state's word, the
name elided) or a badge (● name). Painted text, no labels: nothing here has a size hint."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from commandcenter.health import Level
from commandcenter.video.tile_state import TileState
from ui.theme import LEVEL_COLORS, MUTED, TEXT

STATE_LEVEL = {
    TileState.IDLE: Level.UNKNOWN,
    TileState.CONNECTING: Level.WARNING,
    TileState.PLAYING: Level.OK,
    TileState.NO_SIGNAL: Level.FAILED,
    TileState.OFFLINE: Level.UNKNOWN,
    TileState.UNSUPPORTED: Level.FAILED,
    TileState.BACKEND_UNAVAILABLE: Level.FAILED,
}
PAD_PX, GAP_PX = 6, 8
DOT = "●"
NAME_KEEPS = "中" * 4  # the strip gives up its other parts before the name gets narrower than this


@dataclass
class CaptionText:
    name: str = ""
    code: str = ""
    tier: str = ""
    rates: str = ""
    clock: str = ""
    state: TileState = TileState.IDLE
    state_word: str = ""
    detail: str = ""

    def full_text(self) -> str:
        parts = [self.name, self.tier, self.rates, self.clock, f"{DOT} {self.state_word}"]
        lines = ["  ".join(part for part in parts if part)]
        return "\n".join(lines + [line for line in (self.code, self.detail) if line and line != self.name])

    def dot_color(self) -> str:
        return LEVEL_COLORS[STATE_LEVEL[self.state]]


def badge_size(font: QFont, text: CaptionText, max_width: int) -> QSize:
    metrics = QFontMetrics(font)
    width = 2 * PAD_PX + metrics.horizontalAdvance(f"{DOT} {text.name}")
    return QSize(max(0, min(width, max_width)), metrics.height() + 2)


def paint_badge(painter: QPainter, rect: QRect, text: CaptionText) -> None:
    metrics = painter.fontMetrics()
    area = rect.adjusted(PAD_PX, 0, -PAD_PX, 0)
    dot = metrics.horizontalAdvance(f"{DOT} ")
    _draw(painter, area, area.left(), DOT, text.dot_color())
    name = metrics.elidedText(text.name, Qt.TextElideMode.ElideRight, area.width() - dot)
    _draw(painter, area, area.left() + dot, name, TEXT)


def paint_strip(painter: QPainter, rect: QRect, text: CaptionText) -> None:
    metrics = painter.fontMetrics()
    area = rect.adjusted(PAD_PX, 0, -PAD_PX, 0)
    words = [part for part in (text.clock, text.rates, text.tier) if part]  # right to left
    state = f"{DOT} {text.state_word}"
    name_min = min(metrics.horizontalAdvance(text.name), metrics.horizontalAdvance(NAME_KEEPS))

    def fits(words: list[str], state: str) -> bool:
        right = sum(metrics.horizontalAdvance(word) + GAP_PX for word in [*words, state])
        return name_min + right <= area.width()

    while words and not fits(words, state):
        words.pop(0)  # the clock goes first, the tier last
    if not fits(words, state):
        state = DOT
    right = area.right() + 1 - metrics.horizontalAdvance(state)
    _draw(painter, area, right, DOT, text.dot_color())
    _draw(painter, area, right + metrics.horizontalAdvance(DOT), state[len(DOT) :], TEXT)
    for word in words:
        right -= GAP_PX + metrics.horizontalAdvance(word)
        _draw(painter, area, right, word, MUTED)
    name_width = max(0, right - GAP_PX - area.left())
    _draw(
        painter,
        area,
        area.left(),
        metrics.elidedText(text.name, Qt.TextElideMode.ElideRight, name_width),
        TEXT,
    )


def _draw(painter: QPainter, area: QRect, left: int, text: str, color: str) -> None:
    """``text`` from ``left``, centred in ``area``'s height."""
    painter.setPen(QColor(color))
    rect = QRect(left, area.top(), painter.fontMetrics().horizontalAdvance(text) + 1, area.height())
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
