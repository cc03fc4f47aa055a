"""The status bar's three lights against a real SQLite file that disappears or is overwritten while
the window runs: red with a message naming the database, green again once it is back, and the
window keeps working throughout."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from commandcenter.health import Level
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def _wait_level(qtbot: QtBot, window: MainWindow, level: Level) -> None:
    qtbot.waitUntil(lambda: window.status.database.level == level, timeout=20_000)


def test_database_light_goes_red_when_the_file_is_removed_and_green_when_restored(
    qtbot: QtBot, open_window: OpenWindow, district_file: Path
) -> None:
    window = open_window()
    _wait_level(qtbot, window, Level.OK)
    away = district_file.with_name("moved-away.sqlite")
    os.replace(district_file, away)
    _wait_level(qtbot, window, Level.FAILED)
    message = window.status.database.toolTip()
    assert str(district_file) in message
    assert "数据库文件不存在" in message
    assert window.status.detail.text() == message
    assert window.isVisible()
    os.replace(away, district_file)
    _wait_level(qtbot, window, Level.OK)
    assert str(district_file) in window.status.detail.text()


def test_database_light_goes_red_when_the_file_is_corrupted(
    qtbot: QtBot, open_window: OpenWindow, district_file: Path
) -> None:
    window = open_window()
    _wait_level(qtbot, window, Level.OK)
    original = district_file.read_bytes()
    district_file.write_bytes(b"this is not a database " * 4096)
    _wait_level(qtbot, window, Level.FAILED)
    assert str(district_file) in window.status.database.toolTip()
    district_file.write_bytes(original)
    _wait_level(qtbot, window, Level.OK)


def test_streams_light_reports_probe_results(qtbot: QtBot, open_window: OpenWindow) -> None:
    urls = ["http://127.0.0.1:1/a.ts", "http://127.0.0.1:1/b.ts"]
    window = open_window(stream_urls=urls, probe=lambda url: url.endswith("a.ts"))
    qtbot.waitUntil(lambda: window.status.streams.level == Level.WARNING, timeout=20_000)
    assert "1" in window.status.streams.toolTip()
    assert "2" in window.status.streams.toolTip()


def test_without_a_probe_the_streams_light_is_grey(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window(stream_urls=["http://127.0.0.1:1/a.ts"], probe=None)
    qtbot.waitUntil(lambda: window.status.last_snapshot is not None, timeout=20_000)
    assert window.status.streams.level == Level.UNKNOWN
    assert window.status.streams.toolTip() == "未检测视频流。"
