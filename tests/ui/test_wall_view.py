"""The wall's layouts, swaps, maximise, drops and tile states, on tiles whose streams never connect by
construction (a loopback socket that never answers, ``commandcenter.testing.silent_stream``) so they
stay cheap on any libVLC build; and RTSP reported unsupported exactly where libVLC lacks live555."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QGridLayout
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraFeed
from commandcenter.testing.silent_stream import silent_stream_url
from commandcenter.video.camera_drag import CAMERAS_MIME, encode_cameras
from commandcenter.video.tile_state import TileState
from commandcenter.video.vlc_support import url_supported
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier
from ui.videowall.qt_wall import QtVideoWall

pytestmark = pytest.mark.vlc


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall((960, 600))


def cams(count: int, start: int = 0) -> list[CameraFeed]:
    return [CameraFeed(f"c{i}", f"摄像机{i}", silent_stream_url(str(i))) for i in range(start, start + count)]


def spans(wall: QtVideoWall) -> list[tuple[int, int, int, int]]:
    grid = wall.findChild(QGridLayout)
    assert grid is not None
    positions: list[tuple[int, int, int, int]] = [
        grid.getItemPosition(grid.indexOf(tile))  # type: ignore[misc]  # PySide6 types it as object
        for tile in wall.tiles
    ]
    return positions


def test_one_plus_five_then_two_by_two_keeps_the_tiles(wall: QtVideoWall) -> None:
    wall.show_feeds(cams(6), layout="1+5")
    assert spans(wall)[0] == (0, 0, 2, 2)
    assert spans(wall)[1:] == [(0, 2, 1, 1), (1, 2, 1, 1), (2, 0, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1)]
    assert {tile.state for tile in wall.tiles} == {TileState.CONNECTING}
    first = wall.tiles

    wall.set_layout("2x2")
    assert wall.tiles == first[:4]  # the same widgets: their players were not rebuilt
    assert [tile.isVisible() for tile in first] == [True] * 4 + [False] * 2
    assert wall.toolbar.layouts.currentText() == "2x2"
    wall.set_layout("1+5")
    assert wall.tiles == first
    assert all(tile.isVisible() for tile in first)


def test_swap_maximise_and_open(wall: QtVideoWall) -> None:
    wall.show_feeds(cams(4))
    tiles = wall.tiles
    wall.swap(0, 3)
    assert wall.tiles == [tiles[3], tiles[1], tiles[2], tiles[0]]
    assert [feed.code for feed in wall.feeds if feed] == ["c3", "c1", "c2", "c0"]

    wall.toggle_maximised(1)
    assert [tile.isVisible() for tile in wall.tiles] == [False, True, False, False]
    assert spans(wall)[1] == (0, 0, 2, 2)
    wall.toggle_maximised(1)
    assert all(tile.isVisible() for tile in wall.tiles)

    wall.select(2)
    assert wall.open_feed(cams(1, start=9)[0]) == 2
    assert wall.tiles[2].name == "摄像机9"
    assert wall.open_feed(cams(1, start=8)[0], tile_index=0) == 0


def test_show_around_builds_a_one_plus_n(wall: QtVideoWall) -> None:
    wall.show_around(cams(8))
    assert wall.layout_name == "1+7"
    assert spans(wall)[0] == (0, 0, 3, 3)
    assert wall.tiles[0].name == "摄像机0"


def test_cameras_dropped_on_a_tile(qtbot: QtBot, wall: QtVideoWall) -> None:
    wall.show_feeds(cams(4))
    target = wall.tiles[2]
    mime = QMimeData()
    mime.setData(CAMERAS_MIME, encode_cameras(cams(2, start=20)))
    point = QPointF(target.mapTo(wall, target.rect().center()))
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(wall, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(wall, QDropEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys))
    assert [feed.code for feed in wall.feeds if feed] == ["c0", "c1", "c20", "c21"]

    wall.drop_cameras(cams(9, start=30), target=None)  # a group larger than the wall: its own layout
    assert wall.layout_name == "3x3"


def test_a_camera_without_a_stream_is_offline(wall: QtVideoWall) -> None:
    wall.show_feeds([CameraFeed("c0", "离线摄像机"), cams(1)[0]])
    assert [tile.state for tile in wall.tiles] == [TileState.OFFLINE, TileState.CONNECTING]


def _libvlc_has_live555() -> bool:
    """The platform fact, from libVLC itself: its module list (``--list``) names live555 or not."""
    listing = subprocess.run(
        [sys.executable, "-c", "import vlc; vlc.Instance(['--list'])"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    modules = {line.split()[0] for line in listing.splitlines() if line.strip()}
    assert "http" in modules, listing[:500]  # the listing worked: it names the HTTP input
    return "live555" in modules


def test_rtsp_is_unsupported_exactly_where_libvlc_lacks_live555(wall: QtVideoWall) -> None:
    has_live555 = _libvlc_has_live555()
    assert url_supported("rtsp://127.0.0.1:1/x") is has_live555
    wall.show_feeds([CameraFeed("c0", "RTSP 摄像机", "rtsp://127.0.0.1:1/x")])
    (tile,) = wall.tiles
    if has_live555:
        assert tile.state is not TileState.UNSUPPORTED
        return
    assert tile.state is TileState.UNSUPPORTED
    assert "media server" in tile.caption_text()  # the tile's tooltip says which template would work


def test_a_tight_decode_budget_steps_the_last_tiles_down(wall: QtVideoWall) -> None:
    wall.show_feeds(cams(4))
    costs = {DecodeTier.MAIN: 0.2, DecodeTier.SUB: 0.05, DecodeTier.KEYFRAMES: 0.01, DecodeTier.STILL: 0.0}
    wall.set_budget(DecodeBudget(costs, cores=0.13))
    assert [tile.decode_mode for tile in wall.tiles] == ["full", "full", "keyframes", "keyframes"]
    assert wall.toolbar.budget.isVisibleTo(wall)
    assert wall.toolbar.budget.value() == 92  # (0.05 + 0.05 + 0.01 + 0.01) / 0.13

    wall.set_budget(DecodeBudget(costs, cores=0.02))
    assert [tile.decode_mode for tile in wall.tiles] == ["keyframes", "still", "still", "still"]

    wall.set_budget(DecodeBudget(costs, cores=4))
    assert [tile.decode_mode for tile in wall.tiles] == ["full"] * 4
