"""Which stream every visible tile plays: its size decides main or sub (with hysteresis, per
``commandcenter.wall.tiering``), then the decode budget, when measured, steps tiles down to sub,
keyframes only or a still picture so the whole wall fits (``commandcenter.wall.decode_budget``).
The wall asks once a second and on every maximise; the toolbar meter shows the budget used.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable

from commandcenter import paths
from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import find_clip_sets
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier, measure_budget
from commandcenter.wall.tiering import TierChoice, TileView
from ui.background import BackgroundRunner
from ui.video.qt_video_tile import QtVideoTile


class WallStreams:
    def __init__(self, show_budget: Callable[[float], None]) -> None:
        self._show_budget = show_budget
        self.budget: DecodeBudget | None = None
        self._choices: dict[QtVideoTile, TierChoice] = {}

    def tier_for(self, tile: QtVideoTile) -> StreamTier:
        """The tier a tile starts a new camera on (its last choice; sub for a new tile)."""
        return self._choices.setdefault(tile, TierChoice()).tier

    def measure(self, runner: BackgroundRunner, done: Callable[[DecodeBudget], None]) -> bool:
        """Time ffmpeg on the demo clips off the Qt thread; False when there is nothing to time."""
        clips = find_clip_sets(paths.demo_media_dir())
        if not clips or shutil.which("ffmpeg") is None:
            return False
        main, sub = clips[0].path(StreamTier.MAIN), clips[0].path(StreamTier.SUB)
        return runner.submit(lambda: measure_budget(main, sub), done)

    def apply(self, tiles: list[tuple[QtVideoTile, bool]], visible_count: int, force: bool = False) -> None:
        """``tiles``: the visible tiles with a camera, in layout order, each with "is maximised"."""
        now = time.monotonic()
        wanted = []
        for tile, maximised in tiles:
            choice = self._choices.setdefault(tile, TierChoice())
            if force:
                choice.changed_at_s = None
            wanted.append(choice.decide(TileView(tile.video_height(), visible_count, maximised), now))
        plan = [DecodeTier(tier.value) for tier in wanted]
        if self.budget is not None:
            plan = self.budget.plan(plan)
            self._show_budget(self.budget.cost(plan) / self.budget.cores)
        for (tile, _maximised), decode in zip(tiles, plan, strict=True):
            if decode in (DecodeTier.MAIN, DecodeTier.SUB):
                tier = StreamTier(decode.value)
                if tile.decode_mode != "full":
                    tile.set_decode_mode("full", tier)
                elif tier is not tile.tier:
                    tile.switch_tier(tier)
            else:
                tile.set_decode_mode("keyframes" if decode is DecodeTier.KEYFRAMES else "still")
