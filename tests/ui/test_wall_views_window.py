"""Saved views and tours in the main window on the seed-scale district: the toolbar's 视图 and 轮巡
work on the real camera table and the camera tree, as the signed-in operator."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from pytestqt.qtbot import QtBot

from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.cameras.saved_views import list_views
from commandcenter.persistence.store import Store
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def test_a_tree_group_is_toured_and_the_view_saved_and_loaded_again(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    tree, wall = window.camera_tree, window.wall
    qtbot.waitUntil(lambda: bool(tree.cameras), timeout=30_000)
    office = tree.model.index(0, 0, tree.model.index(0, 0))  # 综合 ▸ the first office
    tree.view.selectionModel().select(office, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    wanted = [camera.code for camera in tree.model.cameras_at([office]) if camera.online]
    wall.set_layout("2x2")
    window.wall_tours.menu().aboutToShow.emit()
    tour = window.wall_tours.tour_view()
    assert tour is not None
    assert wall.tour is tour
    assert [feed.code for feed in tour.tour.feeds] == wanted
    assert window.wall_tours.isChecked()

    shown = [feed.code if feed else None for feed in wall.feeds]
    assert shown == wanted[:4]  # the tour's first page
    with qtbot.waitSignal(window.wall_views.saved, timeout=20_000):
        window.wall_views.save_current("巡查一组", shared=True)
    assert [(v.name, v.owner) for v in list_views(district_store, "operator1")] == [("巡查一组", "operator1")]
    wall.show_feeds([], layout="1x1")
    assert wall.tour is None
    assert not window.wall_tours.isChecked()
    with qtbot.waitSignal(window.wall_views.listed, timeout=20_000):
        window.wall_views.menu().aboutToShow.emit()
    with qtbot.waitSignal(window.wall_views.loaded, timeout=20_000):
        window.wall_views.load(window.wall_views.views[0])
    assert (wall.layout_name, [feed.code if feed else None for feed in wall.feeds]) == ("2x2", shown)
    by_code = {camera.code: camera.name for camera in camera_queries.all_cameras(district_store)}
    assert [tile.name for tile in wall.tiles] == [by_code[code] for code in shown if code]
