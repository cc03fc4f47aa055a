"""A tour on the wall: pages swap in from pre-connected hidden slots; the tour pauses under the pointer."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QCursor
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraFeed
from commandcenter.video.vlc_support import url_supported
from ui.videowall.qt_wall import QtVideoWall

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(url_supported("rtsp://x/"), reason="this libVLC plays RTSP: tiles would connect"),
]
CAMS = [CameraFeed(f"c{i}", f"摄像机{i}", f"rtsp://127.0.0.1:1/{i}") for i in range(10)]


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall((800, 500), pointer_away=True)


def names(wall: QtVideoWall) -> list[str]:
    return [tile.name for tile in wall.tiles]


def test_a_view_tour_swaps_in_the_warmed_page(wall: QtVideoWall) -> None:
    wall.show_feeds([], layout="2x2")
    tour = wall.start_tour(CAMS, dwell_s=10)
    assert names(wall) == ["摄像机0", "摄像机1", "摄像机2", "摄像机3"]
    warmed = [wall.tile_at(wall.slot_count - 4 + i) for i in range(4)]
    assert [tile.name for tile in warmed if tile] == ["摄像机4", "摄像机5", "摄像机6", "摄像机7"]

    tour.advance()
    assert wall.tiles == warmed  # the pre-connected tiles themselves, not new connections
    tour.advance()
    assert names(wall) == ["摄像机8", "摄像机9", "", ""]  # the last page is short
    wall.set_layout("3x3")  # a new layout ends the tour (its pages were cut for the old one)
    assert wall.tour is None
    assert not tour.running


def test_a_tile_tour_pauses_under_the_pointer(qtbot: QtBot, wall: QtVideoWall) -> None:
    wall.show_feeds(CAMS[:4], layout="2x2")
    tour = wall.start_tour(CAMS[4:], dwell_s=3, tile_index=3)
    assert names(wall) == ["摄像机0", "摄像机1", "摄像机2", "摄像机4"]
    tile = wall.tiles[3]
    with qtbot.waitSignal(tour.paused_changed, timeout=5_000) as paused:
        QCursor.setPos(tile.mapToGlobal(tile.rect().center()))
    assert paused.args == [True]
    with qtbot.waitSignal(tour.paused_changed, timeout=5_000) as resumed:
        QCursor.setPos(wall.mapToGlobal(wall.tiles[0].geometry().center()))
    assert resumed.args == [False]
    with qtbot.waitSignal(tour.page_shown, timeout=10_000):
        pass
    assert names(wall) == ["摄像机0", "摄像机1", "摄像机2", "摄像机5"]
    tour.stop()
