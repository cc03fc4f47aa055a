"""「轮巡」 on the wall toolbar: tours from the camera tree's selection (offline cameras left out) or
from the current view, over the whole view or in the selected tile, the dwell choice, stop, and a
button that shows running and paused-under-the-pointer."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QCursor
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraEntry, CameraFeed
from commandcenter.persistence.cameras.imports import save_cameras
from commandcenter.persistence.store import Store
from commandcenter.video.vlc_support import url_supported
from commandcenter.wall.tour import DEFAULT_DWELL_S
from ui.background import BackgroundRunner
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_tour_menu import WallTourMenu

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(url_supported("rtsp://x/"), reason="this libVLC plays RTSP: tiles would connect"),
]
CAMS = [CameraFeed(f"C{i}", f"摄像机{i}", f"rtsp://127.0.0.1:1/{i}") for i in range(10)]
OFFLINE = {"C3", "C7"}


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall((900, 500), pointer_away=True)


@pytest.fixture
def tree(qtbot: QtBot, sqlite_url: str) -> Iterator[QtCameraTree]:
    store = Store.open(sqlite_url)
    entries = [
        CameraEntry(f.code, f.name, "综合", main_url=f.main_url, online=f.code not in OFFLINE) for f in CAMS
    ]
    save_cameras(store, entries)
    runner = BackgroundRunner()
    widget = QtCameraTree(store, runner, operator="值班员", refresh_s=3600)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=20_000):
        widget.start()
    yield widget
    widget.stop()
    runner.shutdown()
    store.close()


def entries(button: WallTourMenu) -> dict[str, bool]:
    """Open the menu as a click does; its entries (sections too) and whether each is enabled."""
    button.menu().aboutToShow.emit()
    return {action.text(): action.isEnabled() for action in button.menu().actions() if action.text()}


def trigger(button: WallTourMenu, label: str) -> None:
    button.menu().aboutToShow.emit()
    action = next(action for action in button.menu().actions() if action.text() == label)
    assert action.isEnabled()
    action.trigger()


def test_without_a_selection_the_current_view_is_toured_and_stopped(wall: QtVideoWall) -> None:
    button = WallTourMenu(wall)
    assert (button.text(), button.isChecked()) == ("Tour", False)
    wall.show_feeds(CAMS[:4], layout="2x2")
    shown = entries(button)
    assert "Cameras of this view (4)" in shown  # the section says where the cameras come from
    assert shown["Tour in the selected tile"] is False  # no tile clicked yet
    assert shown["Stop tour"] is False
    trigger(button, "Tour over the whole view")
    assert wall.tour is not None
    assert [feed.code for feed in wall.tour.tour.feeds] == ["C0", "C1", "C2", "C3"]
    assert wall.tour.tour.dwell_s == DEFAULT_DWELL_S
    assert (button.text(), button.isChecked()) == ("Touring", True)
    trigger(button, "Stop tour")
    assert wall.tour is None
    assert (button.text(), button.isChecked()) == ("Tour", False)


def test_the_trees_selection_is_toured_in_the_selected_tile_with_the_chosen_dwell(
    qtbot: QtBot, wall: QtVideoWall, tree: QtCameraTree
) -> None:
    button = WallTourMenu(wall, tree)
    wall.show_feeds(CAMS[:4], layout="2x2")
    group = tree.model.index(0, 0)  # 综合 (8/10): every camera
    tree.view.selectionModel().select(group, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert "Selected in the camera tree (8)" in entries(button)  # the two offline ones left out
    dwell = next(a.menu() for a in button.menu().actions() if a.text() == "Dwell")
    fifteen = next(action for action in dwell.actions() if action.text() == "15 s")
    fifteen.trigger()
    wall.select(3)
    trigger(button, "Tour in the selected tile")
    tour = wall.tour
    assert tour is not None
    assert tour.targets == [3]
    assert [feed.code for feed in tour.tour.feeds] == [f.code for f in CAMS if f.code not in OFFLINE]
    assert tour.tour.dwell_s == 15
    assert [tile.name for tile in wall.tiles] == ["摄像机0", "摄像机1", "摄像机2", "摄像机0"]

    tile = wall.tiles[3]
    QCursor.setPos(tile.mapToGlobal(tile.rect().center()))
    qtbot.waitUntil(lambda: button.text() == "Tour paused", timeout=5_000)
    assert button.isChecked()
    QCursor.setPos(wall.mapToGlobal(wall.tiles[0].geometry().center()))
    qtbot.waitUntil(lambda: button.text() == "Touring", timeout=5_000)

    wall.set_layout("3x3")  # the wall ends the tour itself: the button follows
    assert wall.tour is None
    assert (button.text(), button.isChecked()) == ("Tour", False)
    trigger(button, "Tour over the whole view")
    assert wall.tour is not None
    assert wall.tour.tour.page_size == 9
    assert wall.tour.tour.dwell_s == 15  # the choice stays for the next tour
