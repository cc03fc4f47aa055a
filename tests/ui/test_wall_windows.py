"""Detached wall windows: full screen from the toolbar, remembered per monitor and reopened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraFeed
from commandcenter.video.vlc_support import url_supported
from commandcenter.wall.window_memory import WallWindowState, load_windows, save_windows
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_windows import WallWindows

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(url_supported("rtsp://x/"), reason="this libVLC plays RTSP: tiles would connect"),
]
CAMS = [CameraFeed(f"c{i}", f"摄像机{i}", f"rtsp://127.0.0.1:1/{i}") for i in range(6)]


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall()


def test_memory_round_trip_and_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "walls.json"
    state = WallWindowState("HDMI-2", "1+5", tuple(CAMS), full_screen=False)
    save_windows([state], path)
    assert load_windows(path) == [state]
    path.write_text("{broken", encoding="utf-8")
    assert load_windows(path) == []
    assert load_windows(tmp_path / "missing.json") == []


def test_full_screen_opens_a_wall_window_that_is_remembered(
    qtbot: QtBot, wall: QtVideoWall, tmp_path: Path
) -> None:
    memory = tmp_path / "walls.json"
    windows = WallWindows(wall, memory)
    wall.show_feeds(CAMS, layout="1+5")
    wall.toolbar.full_screen.click()
    assert len(windows.windows) == 1
    window = windows.windows[0]
    qtbot.waitUntil(window.isFullScreen)
    assert window.wall.layout_name == "1+5"
    assert [tile.name for tile in window.wall.tiles] == [cam.name for cam in CAMS]

    windows.close_all()
    screen = QGuiApplication.primaryScreen().name()
    assert load_windows(memory) == [WallWindowState(screen, "1+5", tuple(CAMS), full_screen=True)]

    again = WallWindows(wall, memory)
    again.restore()
    assert [w.wall.layout_name for w in again.windows] == ["1+5"]
    again.close_all()


def test_a_window_for_a_missing_monitor_is_not_restored(wall: QtVideoWall, tmp_path: Path) -> None:
    memory = tmp_path / "walls.json"
    save_windows([WallWindowState("no-such-monitor", "2x2", tuple(CAMS[:4]))], memory)
    windows = WallWindows(wall, memory)
    windows.restore()
    assert windows.windows == []
