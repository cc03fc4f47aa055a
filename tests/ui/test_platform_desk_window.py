"""The main window with a GB/T 28181 platform configured: its channels in the camera tree, a device
alarm in the alert list whose camera goes to the wall in one click (its stream started on the
platform), and every stream released when the window stops."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.config import PlatformSettings, Settings
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.silent_stream import silent_stream_base
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform
from ui.app import create_application
from ui.main_window import MainWindow
from ui.tracks.platform_alarm_feed import ALARM_ROLE

pytestmark = pytest.mark.vlc


@pytest.fixture
def wvp() -> Iterator[FakeWvpPlatform]:
    with running_platform(devices=1, channels_per_device=2) as platform:
        platform.media_url = silent_stream_base()
        yield platform


def test_platform_cameras_alarms_and_release_in_the_window(
    qtbot: QtBot, shell_app: QApplication, district_store: Store, wvp: FakeWvpPlatform
) -> None:
    platform = PlatformSettings("二七区平台", wvp.url, alarm_poll_s=0.2)
    settings = Settings(language="en", status_poll_s=0.2, platforms=(platform,))
    create_application(settings)
    services = Services(district_store, principal_of_role())
    window = MainWindow(settings, services, wall_feeds=[], stream_urls=[], probe=None)
    qtbot.addWidget(window)
    window.show()
    window.start()
    try:
        channel = wvp.channels[1]
        qtbot.waitUntil(
            lambda: channel.channel_id in {c.code for c in window.camera_tree.cameras}, timeout=10_000
        )
        wvp.add_alarm(channel, 5, 6, "区域入侵", "2026-12-02 18:00:00")
        alerts = window.alerts.list

        def alarm_row() -> int | None:
            rows = [row for row in range(alerts.count()) if alerts.item(row).data(ALARM_ROLE) is not None]
            return rows[0] if rows else None

        qtbot.waitUntil(lambda: alarm_row() is not None, timeout=10_000)
        item = alerts.item(alarm_row() or 0)
        assert "Intrusion" in item.text()
        assert channel.name in item.text()
        alerts.setCurrentItem(item)
        assert window.platforms is not None
        assert window.platforms.alarms is not None
        window.platforms.alarms.camera_button.click()
        qtbot.waitUntil(
            lambda: channel.channel_id in [tile.feed.code for tile in window.wall.tiles], timeout=10_000
        )
        assert wvp.open_streams == {(channel.device_id, channel.channel_id)}
    finally:
        window.stop()
    assert wvp.open_streams == set()
