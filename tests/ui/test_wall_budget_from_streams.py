"""Without demo clips (a seat showing only a platform's cameras), the wall times its decode budget
on the streams it plays, so the meter and the step-down work there too."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from commandcenter import paths
from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.streaming.clips import ensure_demo_clips, find_clip_sets
from commandcenter.testing.demo_streams import running_demo_server
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier
from ui.background import BackgroundRunner
from ui.videowall.qt_wall import QtVideoWall

pytestmark = [pytest.mark.vlc, pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")]


def test_the_budget_is_measured_on_the_walls_streams(
    qtbot: QtBot, open_wall: Callable[..., QtVideoWall], tmp_path_factory: pytest.TempPathFactory
) -> None:
    directory: Path = tmp_path_factory.getbasetemp() / "demo-clips"
    ensure_demo_clips(1, directory=directory)
    assert find_clip_sets(paths.demo_media_dir()) == []  # this seat has no demo clips
    runner = BackgroundRunner()
    try:
        with running_demo_server(directory, clip_count=1) as server:
            wall = open_wall()
            feed = CameraFeed("41010300001320000001", "二七广场东口", *server.urls())
            assert feed.url_for(StreamTier.SUB).endswith("sub.ts")
            wall.show_feeds([feed])
            measured: list[DecodeBudget | None] = []
            wall.set_budget = measured.append  # type: ignore[method-assign]  # what the measuring hands over
            assert wall.measure_budget(runner)
            qtbot.waitUntil(lambda: bool(measured), timeout=60_000)
            budget = measured[0]
            assert budget is not None
            assert budget.costs[DecodeTier.MAIN] > budget.costs[DecodeTier.SUB] > 0
            wall.stop_all()
    finally:
        runner.shutdown()
