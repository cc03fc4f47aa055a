"""Steering platform dome cameras from the wall (云台): click a tile showing one and its PTZ pad
appears; the arrow keys (held) turn it, + and − zoom, and dragging on the picture turns it towards
the drag, faster the further it goes (drag the caption to move the tile instead). Letting go stops.

Every command goes to the platform service on a single worker of its own, so a stop never overtakes
the movement it ends, and never on the Qt thread; a refusal (no permission, device held by another
operator, offline, platform down) is said on the pad in red.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from commandcenter.catalog.wvp_ptz import LensMove, Preset, PtzMove
from commandcenter.services.platform_service import PlatformService
from ui.background import BackgroundRunner
from ui.video.ptz_pad import PtzPad
from ui.video.qt_video_tile import QtVideoTile
from ui.videowall.qt_wall import QtVideoWall

KEYS = {
    Qt.Key.Key_Left: PtzMove.LEFT,
    Qt.Key.Key_Right: PtzMove.RIGHT,
    Qt.Key.Key_Up: PtzMove.UP,
    Qt.Key.Key_Down: PtzMove.DOWN,
    Qt.Key.Key_Plus: PtzMove.ZOOM_IN,
    Qt.Key.Key_Equal: PtzMove.ZOOM_IN,
    Qt.Key.Key_Minus: PtzMove.ZOOM_OUT,
}
# Screen angle (0° = right, counter-clockwise, y up) in 45° sectors → direction.
SECTORS = (
    PtzMove.RIGHT,
    PtzMove.UP_RIGHT,
    PtzMove.UP,
    PtzMove.UP_LEFT,
    PtzMove.LEFT,
    PtzMove.DOWN_LEFT,
    PtzMove.DOWN,
    PtzMove.DOWN_RIGHT,
)
DRAG_START_PX = 12
KEY_SPEED = 0.5


def drag_move(offset: QPointF, reach: float) -> tuple[PtzMove, float]:
    """The direction and speed (0.1–1, in tenths) of a drag by ``offset`` on a picture of ``reach``."""
    angle = math.degrees(math.atan2(-offset.y(), offset.x())) % 360
    sector = SECTORS[int(((angle + 22.5) % 360) // 45)]
    speed = min(1.0, math.hypot(offset.x(), offset.y()) / max(reach, 1.0))
    return sector, max(0.1, round(speed, 1))


def _ignore(_error: Exception) -> None:
    """A failure with no pad to say it on (the tile was never steered)."""


class WallPtz(QObject):
    def __init__(self, service: PlatformService, wall: QtVideoWall, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.wall = wall
        self.runner = BackgroundRunner(self, max_workers=1)  # in order: a stop after its start
        self.pads: dict[QtVideoTile, PtzPad] = {}
        self.steered: QtVideoTile | None = None
        self._drag_from: QPointF | None = None
        self._dragging: tuple[PtzMove, float] | None = None
        wall.tiles_changed.connect(self._tiles_changed)
        wall.window().installEventFilter(self)  # the window moved: the pad follows
        self._tiles_changed()

    # ------------------------------------------------------------------ which tile
    def _tiles_changed(self) -> None:
        for tile in self.wall.tiles:
            if tile not in self.pads and tile.property("ptzWatched") is None:
                tile.setProperty("ptzWatched", True)
                tile.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                tile.installEventFilter(self)
        steered = self.steered
        if steered is not None and (not steered.isVisible() or not self.service.may_steer(steered.feed.code)):
            self.steer(None)
        elif steered is not None:
            self.place(steered)

    def steer(self, tile: QtVideoTile | None) -> None:
        """Show ``tile``'s pad (None: no tile steered)."""
        for other, pad in self.pads.items():
            if other is not tile:
                pad.hide()
        self.steered = tile
        if tile is None:
            return
        if tile not in self.pads:
            self.pads[tile] = self._new_pad(tile)
        pad = self.pads[tile]
        pad.say("")
        pad.show()
        self.place(tile)
        code = tile.feed.code
        self.runner.submit(lambda: self.service.presets(code), pad.show_presets, self._refused(pad))

    def place(self, tile: QtVideoTile) -> None:
        """Keep the pad on the bottom right of its tile's picture (the pad is a window of its own)."""
        pad = self.pads.get(tile)
        if pad is None or not pad.isVisible():
            return
        pad.adjustSize()
        picture = tile.picture_rect()
        corner = tile.mapToGlobal(picture.bottomRight())
        pad.move(corner.x() - pad.width(), corner.y() - pad.height())
        pad.raise_()

    def _new_pad(self, tile: QtVideoTile) -> PtzPad:
        pad = PtzPad(tile)
        pad.turn.connect(lambda command: self.send(tile, command))
        pad.lens.connect(lambda command: self.send(tile, command))
        pad.go_to_preset.connect(
            lambda number: self._call(tile, lambda c: self.service.go_to_preset(c, number))
        )
        pad.set_preset.connect(lambda number, name: self._store(tile, number, name))
        pad.cruise.connect(lambda: self._call(tile, lambda c: self.service.start_cruise(c)))
        return pad

    # ------------------------------------------------------------------ commands
    def send(self, tile: QtVideoTile, command: PtzMove | LensMove, speed: float = KEY_SPEED) -> None:
        if isinstance(command, PtzMove):
            self._call(tile, lambda code: self.service.move(code, command, speed))
        else:
            self._call(tile, lambda code: self.service.lens(code, command))

    def _store(self, tile: QtVideoTile, number: int, name: str) -> None:
        def store(code: str) -> list[Preset]:
            self.service.set_preset(code, number, name)
            return self.service.presets(code)

        pad = self.pads[tile]
        self._call(tile, store, pad.show_presets)

    def _call(
        self,
        tile: QtVideoTile,
        job: Callable[[str], Any],
        done: Callable[[Any], None] | None = None,
    ) -> None:
        code, pad = tile.feed.code, self.pads.get(tile)

        def ok(result: object) -> None:
            if pad is not None:
                pad.say("")
            if done is not None:
                done(result)

        failed = self._refused(pad) if pad is not None else _ignore
        self.runner.submit(lambda: job(code), ok, failed)

    def _refused(self, pad: PtzPad) -> Callable[[Exception], None]:
        def say(error: Exception) -> None:
            pad.say(self.tr("Control refused: %1").replace("%1", str(error)), refused=True)

        return say

    # ------------------------------------------------------------------ keyboard and mouse
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Move, QEvent.Type.Resize) and self.steered is not None:
            self.place(self.steered)  # the tile, or the window around it, moved
        if not isinstance(watched, QtVideoTile):
            if kind in (QEvent.Type.Hide, QEvent.Type.Close) and self.steered is not None:
                self.steer(None)  # the window went: its pad (a window of its own) goes with it
            return False
        if kind == QEvent.Type.Hide and watched is self.steered:
            self.steer(None)
            return False
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            steerable = self.service.may_steer(watched.feed.code)
            if steerable and watched is not self.steered:
                self.steer(watched)
            elif not steerable and watched is self.steered:
                self.steer(None)
            inside = watched.picture_rect().contains(event.position().toPoint())
            self._drag_from = event.position() if steerable and inside else None
            return False
        if kind == QEvent.Type.MouseMove and self._drag_from is not None and isinstance(event, QMouseEvent):
            offset = event.position() - self._drag_from
            if self._dragging is None and offset.manhattanLength() < DRAG_START_PX:
                return True  # not the tile's own drag either
            picture = watched.picture_rect()
            wanted = drag_move(offset, min(picture.width(), picture.height()) / 2)
            if wanted != self._dragging:
                self._dragging = wanted
                self.send(watched, *wanted)
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag_from is not None:
            self._drag_from = None
            if self._dragging is not None:
                self._dragging = None
                self.send(watched, PtzMove.STOP)
            return False
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and isinstance(event, QKeyEvent):
            command = KEYS.get(Qt.Key(event.key()))
            if command is None or watched is not self.steered:
                return False
            if not event.isAutoRepeat():
                pressed = kind == QEvent.Type.KeyPress
                self.send(watched, command if pressed else PtzMove.STOP)
            return True
        return False
