"""The first wall grid: near-square layouts of real libVLC tiles."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGridLayout
from pytestqt.qtbot import QtBot

from commandcenter.media.clips import ensure_demo_clips
from commandcenter.media.demo_streams import StreamTier
from commandcenter.media.tile_state import TileState
from commandcenter.testing.demo_streams import free_loopback_port, running_demo_server
from ui.videowall.qt_wall import MAX_TILES, CameraFeed, QtVideoWall, grid_shape

pytestmark = pytest.mark.vlc


@pytest.fixture
def wall(qtbot: QtBot) -> Iterator[QtVideoWall]:
    widget = QtVideoWall()
    qtbot.addWidget(widget)
    widget.resize(960, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop_all()


def cells(wall: QtVideoWall) -> list[tuple[int, int]]:
    grid = wall.layout()
    assert isinstance(grid, QGridLayout)
    return [grid.getItemPosition(grid.indexOf(tile))[:2] for tile in wall.tiles]  # type: ignore[misc]


def test_grid_shape_is_near_square() -> None:
    assert [grid_shape(n) for n in (0, 1, 2, 3, 4, 5, 6, 7, 9)] == [
        (0, 0),
        (1, 1),
        (1, 2),
        (2, 2),
        (2, 2),
        (2, 3),
        (2, 3),
        (3, 3),
        (3, 3),
    ]


def test_feeds_are_laid_out_and_replaced(wall: QtVideoWall) -> None:
    dead = f"http://127.0.0.1:{free_loopback_port()}/demo/0/sub.ts"
    wall.show_feeds([CameraFeed(f"c{i}", f"摄像机{i}", dead) for i in range(4)])
    assert cells(wall) == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert [tile.name for tile in wall.tiles] == ["摄像机0", "摄像机1", "摄像机2", "摄像机3"]

    wall.show_feeds([CameraFeed(f"c{i}", f"摄像机{i}", dead) for i in range(12)])
    assert len(wall.tiles) == MAX_TILES
    assert cells(wall)[-1] == (2, 2)

    wall.stop_all()
    assert {tile.state for tile in wall.tiles} == {TileState.IDLE}


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")
def test_a_two_by_two_wall_plays(
    qtbot: QtBot, wall: QtVideoWall, tmp_path_factory: pytest.TempPathFactory
) -> None:
    clips_dir: Path = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the stream tests
    clips = ensure_demo_clips(2, directory=clips_dir)
    with running_demo_server(clips_dir, clip_count=2) as server:
        urls = server.urls(StreamTier.SUB) * 2
        wall.show_feeds([CameraFeed(f"c{i}", clips[i % 2].name, url) for i, url in enumerate(urls)])
        qtbot.waitUntil(lambda: all(tile.state is TileState.PLAYING for tile in wall.tiles), timeout=30_000)
        wall.stop_all()
