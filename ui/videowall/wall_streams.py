"""Which stream every visible tile plays: its size decides main or sub (with hysteresis, per
``commandcenter.wall.tiering``), then the decode budget, when measured, steps tiles down to sub,
keyframes only or a still picture so the whole wall fits (``commandcenter.wall.decode_budget``).
The wall asks once a second and on every maximise; the toolbar meter shows the budget used.

Tiles pushed off the layout keep playing, hidden ("parked"), for ``PARK_S`` seconds, so switching
back (16 → 1 → 16) is live at once; then they stop.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from commandcenter import paths
from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.streaming.clips import find_clip_sets
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier, measure_budget
from commandcenter.wall.tiering import TierChoice, TileView
from ui.background import BackgroundRunner
from ui.video.qt_video_tile import QtVideoTile

log = logging.getLogger(__name__)

PARK_S = 15.0


class WallStreams:
    def __init__(self, show_budget: Callable[[float], None]) -> None:
        self._show_budget = show_budget
        self.budget: DecodeBudget | None = None
        self._choices: dict[QtVideoTile, TierChoice] = {}
        self._parked: dict[QtVideoTile, float] = {}  # tile → monotonic time it left the layout

    def shown(self, tile: QtVideoTile) -> None:
        self._parked.pop(tile, None)

    def hidden(self, tile: QtVideoTile) -> None:
        self._parked.setdefault(tile, time.monotonic())

    def stop_parked(self, keep: list[QtVideoTile | None]) -> None:
        """Stop the tiles hidden longer than ``PARK_S``, except ``keep`` (a tour's next page)."""
        now = time.monotonic()
        for tile, since in list(self._parked.items()):
            if now - since > PARK_S and tile not in keep:
                del self._parked[tile]
                tile.stop()

    def forget_parked(self) -> None:
        self._parked.clear()

    def assign(self, tile: QtVideoTile, feed: CameraFeed | None) -> None:
        """Play ``feed`` on ``tile`` unless it already shows that camera (no reconnect), on the tile's
        last tier choice (sub for a new tile)."""
        if feed is None:
            if tile.feed.code:
                tile.stop()
                tile.play_feed(CameraFeed("", ""))
            return
        if tile.feed == feed and tile.player is not None:
            return
        tile.play_feed(feed, self._choices.setdefault(tile, TierChoice()).tier)

    def measure(
        self,
        runner: BackgroundRunner,
        done: Callable[[DecodeBudget], None],
        playing: CameraFeed | None = None,
    ) -> bool:
        """Time ffmpeg on the demo clips off the Qt thread — or, without them, on the streams of
        ``playing`` (a camera the wall shows: a platform's real streams); False when there is nothing
        to time."""
        if shutil.which("ffmpeg") is None:
            return False
        clips = find_clip_sets(paths.demo_media_dir())
        main: Path | str
        sub: Path | str
        if clips:
            main, sub = clips[0].path(StreamTier.MAIN), clips[0].path(StreamTier.SUB)
        elif playing is not None and playing.has_video:
            main, sub = playing.url_for(StreamTier.MAIN), playing.url_for(StreamTier.SUB)
        else:
            return False
        return runner.submit(lambda: measure_budget(main, sub), done, _not_measured)

    def apply(
        self, layout_tiles: list[QtVideoTile | None], cells: int, maximised: int | None, force: bool
    ) -> None:
        """``layout_tiles``: the tiles of the layout's ``cells``, in order; ``maximised``: the one
        filling the wall, if any."""
        tiles = [
            (tile, maximised == index)
            for index, tile in enumerate(layout_tiles)
            if tile is not None and tile.isVisible() and tile.feed.has_video
        ]
        visible_count = 1 if maximised is not None else cells
        now = time.monotonic()
        wanted = []
        for tile, fills_wall in tiles:
            choice = self._choices.setdefault(tile, TierChoice())
            if force:
                choice.changed_at_s = None
            wanted.append(choice.decide(TileView(tile.video_height(), visible_count, fills_wall), now))
        plan = [DecodeTier(tier.value) for tier in wanted]
        if self.budget is not None:
            plan = self.budget.plan(plan)
            self._show_budget(self.budget.cost(plan) / self.budget.cores)
        for (tile, _fills_wall), decode in zip(tiles, plan, strict=True):
            if decode in (DecodeTier.MAIN, DecodeTier.SUB):
                tier = StreamTier(decode.value)
                if tile.decode_mode != "full":
                    tile.set_decode_mode("full", tier)
                elif tier is not tile.tier:
                    tile.switch_tier(tier)
            else:
                tile.set_decode_mode("keyframes" if decode is DecodeTier.KEYFRAMES else "still")


def _not_measured(error: Exception) -> None:
    """A stream that stops answering while ffmpeg times it (the camera went offline, the app is
    closing) leaves the wall without a limit, as before the measurement: worth a note, not a warning."""
    log.info("decode budget not measured: %s", error)
