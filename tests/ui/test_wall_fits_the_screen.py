"""Dense wall layouts fit the screen. Found by an operator: demo at 1920×1080, 画面分割 8x8, the 综合
group dragged onto the wall → every tile's caption (name, tier, fps, bitrate, clock, state) was wider
than the tile, the main window grew wider than the screen (the map dock and half the KPI strip went
off-screen) and each picture shrank to a thumbnail under its caption."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.layouts import layout_by_name
from ui.app import show
from ui.main_window import MainWindow
from ui.video.qt_video_tile import QtVideoTile
from ui.video.tile_caption import STRIP_MAX_SHARE

pytestmark = pytest.mark.vlc
OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def refused_url() -> Iterator[str]:
    """A stream that never connects, by construction: the port is bound here and never listens."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{holder.getsockname()[1]}/live/sub.ts"


@pytest.mark.parametrize(("layout", "badges"), [("2x2", False), ("6x6", True), ("8x8", True)])
def test_a_dense_wall_keeps_the_window_on_screen_and_every_picture_whole(
    qtbot: QtBot, open_window: OpenWindow, refused_url: str, layout: str, badges: bool
) -> None:
    window = open_window()
    show(window, QApplication.instance())  # as the app shows it: the whole available screen
    screen = window.screen().availableGeometry()
    assert screen.width() == 1920  # pytest-xvfb's screen, as in the operator's report
    wall = window.wall
    cells = len(layout_by_name(layout))
    feeds = [
        CameraFeed(f"4101030000132{i:07d}", f"中原东路与陇海快速路交叉口西{i}号杆", refused_url, refused_url)
        for i in range(cells)
    ]
    wall.toolbar.layout_chosen.emit(layout)  # chosen in the wall's toolbar, then the group dropped
    wall.drop_cameras(feeds, 0)
    qtbot.waitUntil(lambda: all(tile.state != "idle" for tile in wall.tiles))
    QApplication.processEvents()  # let every layout request run

    assert wall.layout_name == layout
    assert [tile.name for tile in wall.tiles] == [feed.name for feed in feeds]
    assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
    assert window.map_dock.isVisible()
    assert screen.contains(window.map_dock.geometry().translated(window.geometry().topLeft()))
    share = 0.9 if badges else 1 - STRIP_MAX_SHARE  # a strip only where it costs little
    for tile in wall.tiles:
        cell = tile.size()
        picture = tile.picture_rect()
        assert picture.width() * picture.height() >= share * cell.width() * cell.height(), (
            tile.name,
            picture,
        )
    widths = {tile.width() for tile in wall.tiles}
    assert max(widths) - min(widths) <= 1  # equal cells: no caption bought itself a wider column
    assert {tile.caption_compact for tile in wall.tiles} == {badges}
    if badges:
        for tile in wall.tiles:
            assert_badge_is_not_under_the_video(tile)


def assert_badge_is_not_under_the_video(tile: QtVideoTile) -> None:
    """libVLC draws over anything stacked on its window: the badge's spot must be cut out of it."""
    badge = tile.findChild(QWidget, "videoTileCaption")
    assert badge is not None
    spot = badge.geometry().center()
    surfaces = [s for s in tile.findChildren(QWidget, "videoTileSurface") if s.isVisibleTo(tile)]
    assert surfaces
    for surface in surfaces:
        local = surface.mapFrom(tile, spot)
        assert surface.rect().contains(local)  # the badge lies on the picture…
        assert not surface.mask().isEmpty()
        assert not surface.mask().contains(local)  # …in a hole of the video's window
