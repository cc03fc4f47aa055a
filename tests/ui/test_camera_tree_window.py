"""The camera tree as the main window's left dock: in the View menu, and a double-clicked camera
goes onto the wall."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def test_camera_dock_sits_left_and_activating_a_camera_opens_it_on_the_wall(
    qtbot: QtBot, open_window: OpenWindow
) -> None:
    window = open_window()
    assert window.camera_dock in window.docks()
    assert window.dockWidgetArea(window.camera_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    qtbot.waitUntil(lambda: len(window.camera_tree.cameras) > 5_685, timeout=30_000)
    camera = window.camera_tree.cameras[7]
    window.camera_tree.camera_activated.emit(camera.code)
    shown = [feed for feed in window.wall.feeds if feed is not None and feed.code == camera.code]
    assert [(feed.main_url, feed.sub_url) for feed in shown] == [(camera.main_url, camera.sub_url)]
    window.camera_dock.toggleViewAction().trigger()
    assert window.camera_dock.isHidden()
