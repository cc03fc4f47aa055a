"""Which stream a tile plays: the sub stream when the tile is small, the main stream when it is
large or maximised — with hysteresis so a tile near the threshold does not flip back and forth.

Rules (see the video-wall anchors): choose the smallest stream at least as large as the tile
(Milestone adaptive streaming); switch up only when the tile is clearly larger than the sub stream
and down only when it is clearly smaller, and never more often than every ``MIN_SWITCH_INTERVAL_S``
(Nx RADASS waits seconds too); above ``MAX_MAIN_TILES`` visible tiles every tile plays sub (Nx: more
than 16 items → all low) unless it is maximised. A maximised tile plays main at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.domain.cameras import StreamTier

SUB_SIZE_PX = (640, 360)
UP_FACTOR = 1.25  # go to main when the tile is 25 % larger than the sub picture (by height)
DOWN_FACTOR = 1.05  # come back to sub only when it is barely larger than the sub picture
MIN_SWITCH_INTERVAL_S = 5.0
MAX_MAIN_TILES = 16


@dataclass(frozen=True)
class TileView:
    """What the policy needs to know about one tile right now."""

    height_px: int
    visible_tiles: int
    maximised: bool = False


@dataclass
class TierChoice:
    """The tier of one tile and when it last changed; ``decide`` updates both."""

    tier: StreamTier = StreamTier.SUB
    changed_at_s: float | None = None

    def decide(self, view: TileView, now_s: float) -> StreamTier:
        wanted = preferred_tier(view, self.tier)
        if wanted is self.tier:
            return self.tier
        recent = self.changed_at_s is not None and now_s - self.changed_at_s < MIN_SWITCH_INTERVAL_S
        if recent and not view.maximised:
            return self.tier
        self.tier, self.changed_at_s = wanted, now_s
        return self.tier


def preferred_tier(view: TileView, current: StreamTier) -> StreamTier:
    """The tier this tile should play, ignoring time (hysteresis by size only)."""
    if view.maximised:
        return StreamTier.MAIN
    if view.visible_tiles > MAX_MAIN_TILES:
        return StreamTier.SUB
    sub_height = SUB_SIZE_PX[1]
    if current is StreamTier.MAIN:
        return StreamTier.MAIN if view.height_px > sub_height * DOWN_FACTOR else StreamTier.SUB
    return StreamTier.MAIN if view.height_px > sub_height * UP_FACTOR else StreamTier.SUB
