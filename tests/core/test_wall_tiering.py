"""Stream tier choice: size thresholds with hysteresis, a minimum time between switches, the
many-tiles cap, and main at once for a maximised tile."""

from __future__ import annotations

from commandcenter.domain.cameras import StreamTier
from commandcenter.video.tile_stats import RateMeter, Rates, format_rates
from commandcenter.wall.tiering import MIN_SWITCH_INTERVAL_S, TierChoice, TileView, preferred_tier

MAIN, SUB = StreamTier.MAIN, StreamTier.SUB


def test_thresholds_have_a_dead_band() -> None:
    assert preferred_tier(TileView(400, 4), SUB) is SUB  # a little larger than 360: stay small
    assert preferred_tier(TileView(500, 4), SUB) is MAIN
    assert preferred_tier(TileView(400, 4), MAIN) is MAIN  # and stay large on the way back down
    assert preferred_tier(TileView(300, 4), MAIN) is SUB


def test_many_tiles_play_sub_unless_maximised() -> None:
    assert preferred_tier(TileView(900, 25), SUB) is SUB
    assert preferred_tier(TileView(200, 25, maximised=True), SUB) is MAIN


def test_switches_are_rate_limited_but_maximise_is_immediate() -> None:
    choice = TierChoice()
    assert choice.decide(TileView(700, 1), now_s=100.0) is MAIN
    assert choice.decide(TileView(200, 9), now_s=101.0) is MAIN  # too soon after the last switch
    assert choice.decide(TileView(200, 9), now_s=100.0 + MIN_SWITCH_INTERVAL_S) is SUB
    assert choice.decide(TileView(200, 9, maximised=True), now_s=106.0) is MAIN


def test_rates_from_cumulative_counters() -> None:
    meter = RateMeter()
    assert meter.sample(0.0, 0, 0) is None
    assert meter.sample(2.0, 50, 128_000) == Rates(fps=25.0, kbps=512.0)
    assert meter.sample(3.0, 10, 0) is None  # counters restarted: a new media
    assert format_rates(Rates(25.0, 512.0)) == "25 fps · 512 kb/s"
    assert format_rates(Rates(25.0, 2048.0)) == "25 fps · 2.0 Mb/s"
