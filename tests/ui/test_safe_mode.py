"""Safe mode (issue 19), under Xvfb: a workstation with a saved layout, a remembered wall window and
the shipped plugins starts in safe mode with none of them — default layout, no wall window, no
plugin loaded — and says 安全模式 in its status bar. What it remembered is kept: the next normal start
restores the layout and the wall window again."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from commandcenter.cli import build_parser
from commandcenter.wall.window_memory import WallWindowState, load_windows, save_windows
from ui.main_window import MainWindow
from ui.plugins.qt_plugins import QtPlugins

OpenWindow = Callable[..., MainWindow]


@pytest.mark.parametrize("command", ["gui", "demo"])
def test_both_window_commands_take_safe_mode(command: str) -> None:
    assert build_parser().parse_args([command, "--safe-mode"]).safe_mode
    assert not build_parser().parse_args([command]).safe_mode


def test_safe_mode_starts_bare_and_keeps_what_was_remembered(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_window()
    first.map_dock.close()
    first.close()  # the layout with the map closed is saved
    remembered = [WallWindowState(QGuiApplication.primaryScreen().name(), "1x1", (), full_screen=False)]
    save_windows(remembered)
    plugin_starts: list[QtPlugins] = []
    real_start = QtPlugins.start
    monkeypatch.setattr(QtPlugins, "start", lambda self: (plugin_starts.append(self), real_start(self)))

    safe = open_window(safe_mode=True)
    assert not safe.restored
    assert not safe.map_dock.isHidden()  # the default layout
    assert safe.wall_windows.windows == []
    marker = safe.findChild(QLabel, "safeModeMarker")
    assert marker is not None
    assert marker.text() == "安全模式"
    qtbot.waitUntil(marker.isVisible)
    qtbot.waitUntil(lambda: safe._is_ready, timeout=20_000)  # the window got its data meanwhile
    assert plugin_starts == []
    assert safe.plugins.host is None
    safe.close()
    assert load_windows() == remembered  # not overwritten by the window that restored nothing

    normal = open_window()
    assert normal.restored
    assert normal.map_dock.isHidden()
    assert len(normal.wall_windows.windows) == 1
    assert normal.findChild(QLabel, "safeModeMarker") is None
    assert plugin_starts == [normal.plugins]
    qtbot.waitUntil(lambda: normal.plugins.host is not None, timeout=20_000)
