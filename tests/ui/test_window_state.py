"""Geometry, dock layout and open views survive close → reopen; a layout from another version or a
broken state file is ignored instead of applied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from pytestqt.qtbot import QtBot

from commandcenter import paths
from ui.main_window import MainWindow
from ui.window_state import FILE_NAME, STATE_VERSION, WindowStateFile

OpenWindow = Callable[..., MainWindow]


def test_layout_survives_close_and_reopen(qtbot: QtBot, open_window: OpenWindow) -> None:
    first = open_window()
    assert not first.restored
    # A size of its own (not the default), above the minimum that the docks impose.
    wanted = QSize(
        max(1300, first.minimumSizeHint().width() + 40), max(820, first.minimumSizeHint().height() + 40)
    )
    first.resize(wanted)
    qtbot.waitUntil(lambda: first.size() == wanted)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.case_dock)
    first.map_dock.close()
    first.close()
    state = paths.config_dir() / FILE_NAME
    assert state.is_file()

    second = open_window()
    assert second.restored
    # Without a window manager (Xvfb) Qt guesses frame margins for a never-shown window, so the
    # restored size may differ by the width of a window border.
    qtbot.waitUntil(lambda: _close_to(second.size(), wanted))
    assert second.dockWidgetArea(second.case_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.map_dock.isHidden()
    assert not second.case_dock.isHidden()
    assert not second.map_dock.toggleViewAction().isChecked()


def test_state_of_another_version_is_ignored(open_window: OpenWindow) -> None:
    first = open_window()
    first.map_dock.close()
    first.close()
    old = WindowStateFile(version=STATE_VERSION + 1)
    assert old.load() is None
    second = open_window(state_file=old)
    assert not second.restored
    assert not second.map_dock.isHidden()


def test_broken_state_file_is_ignored(open_window: OpenWindow) -> None:
    (paths.config_dir() / FILE_NAME).write_bytes(b"\x00\xff garbage [window\n geometry=@ByteArray(")
    window = open_window()
    assert not window.restored
    assert window.isVisible()


def _close_to(size: QSize, expected: QSize, slack: int = 4) -> bool:
    return abs(size.width() - expected.width()) <= slack and abs(size.height() - expected.height()) <= slack
