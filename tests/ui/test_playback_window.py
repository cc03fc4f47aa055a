"""The recorded-video window against the loopback fake platform: recordings and their gap on the
timeline, two cameras playing the platform's streams, and a click, a pause and a speed going to
both streams at once (the fake records the calls; the tiles show the picture after the seek)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from commandcenter.catalog.database_source import DatabaseCatalog
from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.catalog.wvp_playback import PlaybackCamera, WvpPlayback
from commandcenter.config import PlatformSettings
from commandcenter.district_time import district_clock
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.fake_wvp_playback import PLACE, FakeWvpPlayback, running_fake_wvp_playback
from ui.background import BackgroundRunner
from ui.cameras.qt_camera_tree import QtCameraTree
from ui.playback.case_recordings import MARGIN, CaseRecordings, nearest_recorded
from ui.playback.playback_window import PlaybackWindow

pytestmark = [pytest.mark.vlc, pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")]
NVR = "41010300001180000001"
CAMERAS = [
    PlaybackCamera(NVR, "41010300001320000001", "二七广场东口"),
    PlaybackCamera(NVR, "41010300001320000002", "德化街步行街"),
]
START = datetime(2026, 12, 2, 9, 0, tzinfo=district_clock().zone)


@pytest.fixture
def fake() -> Iterator[FakeWvpPlayback]:
    with running_fake_wvp_playback(gap=(20, 24)) as server:
        yield server


@pytest.fixture
def window(qtbot: QtBot, fake: FakeWvpPlayback) -> Iterator[PlaybackWindow]:
    runner = BackgroundRunner()
    opened = PlaybackWindow(
        WvpPlayback(WvpCatalog(fake.url)), CAMERAS, START, START + timedelta(hours=1), runner
    )
    qtbot.addWidget(opened)
    opened.resize(1000, 700)
    opened.show()
    yield opened
    opened.close()
    for tile in opened.tiles:
        tile.session.backend.settle()
    runner.shutdown()


def test_both_cameras_play_and_the_timeline_shows_the_gap(qtbot: QtBot, window: PlaybackWindow) -> None:
    qtbot.waitUntil(
        lambda: all(t.player is not None and t.player.has_picture() for t in window.tiles), timeout=20_000
    )
    names = [name for name, _ranges in window.timeline.rows]
    assert names == ["二七广场东口", "德化街步行街"]
    ranges = window.timeline.rows[0][1]
    assert not any(r.start <= START + timedelta(minutes=22) < r.end for r in ranges)
    assert any(r.start <= START + timedelta(minutes=30) < r.end for r in ranges)


def test_a_click_seeks_every_camera_and_they_show_the_new_time(
    qtbot: QtBot, window: PlaybackWindow, fake: FakeWvpPlayback
) -> None:
    qtbot.waitUntil(lambda: len(fake.sessions) == 2, timeout=20_000)
    qtbot.waitUntil(
        lambda: all(t.player is not None and t.player.has_picture() for t in window.tiles), timeout=20_000
    )
    timeline = window.timeline
    target = START + timedelta(minutes=45)
    with qtbot.waitSignals([tile.first_frame for tile in window.tiles], timeout=20_000):
        QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=QPoint(int(timeline.x_of(target)), 30))
    assert [c.split("/")[3] for c in fake.calls].count("seek") == 2
    for session in fake.sessions.values():
        assert abs(session.position_s() - 45 * 60) < 60
    assert abs((window.clock.position() - target).total_seconds()) < 60

    window.toggle_pause()
    qtbot.waitUntil(lambda: [c.split("/")[3] for c in fake.calls].count("pause") == 2, timeout=10_000)
    assert window.clock.paused
    assert all(tile.decode_mode == "still" for tile in window.tiles)
    held = window.clock.position()
    clocks = [tile.player.clock_ms() for tile in window.tiles if tile.player is not None]
    window.step_button.click()
    assert window.clock.position() > held
    qtbot.waitUntil(
        lambda: [t.player.clock_ms() for t in window.tiles if t.player is not None] != clocks, timeout=10_000
    )
    window.speed_box.setCurrentIndex(window.speed_box.findData(8))
    qtbot.waitUntil(lambda: all(s.speed == 8 for s in fake.sessions.values()), timeout=10_000)


def test_opened_for_a_case_it_saves_a_clip_of_each_camera_as_evidence(
    qtbot: QtBot, fake: FakeWvpPlayback, district_store: Store
) -> None:
    [(case_id,)] = district_store.execute_raw("SELECT MIN(id) FROM cases")
    service = services_for(district_store).video_evidence
    runner = BackgroundRunner()
    playback = WvpPlayback(WvpCatalog(fake.url))
    window = PlaybackWindow(
        playback, CAMERAS, START, START + timedelta(hours=1), runner, evidence=(service, int(case_id))
    )
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.save_button.isVisible()
        qtbot.waitUntil(lambda: len(window.streams) == 2, timeout=20_000)
        window.save_clip(seconds=1)
        qtbot.waitUntil(lambda: bool(window.last_saved), timeout=30_000)
        clips = service.clips(int(case_id))
        assert [(c.camera_code, c.camera_name) for c in clips] == [(c.channel_id, c.name) for c in CAMERAS]
        assert all(len(c.sha256) == 64 and c.size > 0 for c in clips)
        assert clips[0].sha256[:12] in window.status.text()
    finally:
        window.close()
        for tile in window.tiles:
            tile.session.backend.settle()
        runner.shutdown()


def test_the_camera_trees_recorded_video_plays_the_selected_platform_cameras(
    qtbot: QtBot, fake: FakeWvpPlayback, district_store: Store
) -> None:
    runner = BackgroundRunner()
    tree = QtCameraTree(
        services_for(district_store).cameras, runner, catalog=WvpCatalog(fake.url), refresh_s=3600
    )
    qtbot.addWidget(tree)
    tree.show()
    try:
        with qtbot.waitSignal(tree.loaded, timeout=30_000):
            tree.start()
        tree.open_playback(tree.cameras)
        qtbot.waitUntil(lambda: bool(tree.findChildren(PlaybackWindow)), timeout=20_000)
        [window] = tree.findChildren(PlaybackWindow)
        qtbot.waitUntil(lambda: len(window.timeline.rows) == 2, timeout=20_000)
        assert [name for name, _ranges in window.timeline.rows] == ["二七广场东口", "德化街步行街"]
        assert {s.device_id for s in fake.sessions.values()} == {NVR}
        window.close()
        for tile in window.tiles:
            tile.session.backend.settle()
    finally:
        runner.shutdown()


def test_recorded_video_is_offered_for_a_configured_platforms_cameras(
    qtbot: QtBot, fake: FakeWvpPlayback, district_store: Store
) -> None:
    """The desk's tree lists a configured platform beside the database (``PlatformCatalog``): its
    channels offer 回放 and play from that platform's API; the database's own cameras do not."""
    services = services_for(district_store)
    source = PlatformSource(PlatformSettings("二七区平台", fake.url))
    catalog = PlatformCatalog(DatabaseCatalog(district_store), [source])
    runner = BackgroundRunner()
    tree = QtCameraTree(services.cameras, runner, catalog=catalog, refresh_s=3600)
    qtbot.addWidget(tree)
    tree.show()
    try:
        with qtbot.waitSignal(tree.loaded, timeout=30_000):
            tree.start()
        platform_cameras = [c for c in tree.cameras if catalog.source_of(c.code) is source]
        own = next(c for c in tree.cameras if catalog.source_of(c.code) is None)
        assert len(platform_cameras) == 2
        assert tree.keeps_recordings(platform_cameras[0].code)
        assert not tree.keeps_recordings(own.code)
        tree.open_playback([*platform_cameras, own])  # the database's camera is left out
        qtbot.waitUntil(lambda: bool(tree.findChildren(PlaybackWindow)), timeout=20_000)
        [window] = tree.findChildren(PlaybackWindow)
        qtbot.waitUntil(lambda: len(window.timeline.rows) == 2, timeout=20_000)
        assert {s.device_id for s in fake.sessions.values()} == {NVR}
        window.close()
        for tile in window.tiles:
            tile.session.backend.settle()
    finally:
        runner.shutdown()


def test_a_cases_recorded_video_plays_the_platform_cameras_nearest_it_around_its_report(
    qtbot: QtBot, fake: FakeWvpPlayback, district_store: Store
) -> None:
    """From a case detail (录像回放): the platform cameras near the case's place, over its report
    time ± 10 minutes, in a window that may save clips to that case."""
    services = services_for(district_store)
    source = PlatformSource(PlatformSettings("二七区平台", fake.url))
    runner = BackgroundRunner()
    tree = QtCameraTree(
        services.cameras, runner, catalog=PlatformCatalog(DatabaseCatalog(district_store), [source])
    )
    qtbot.addWidget(tree)
    recordings = CaseRecordings(tree, services.video_evidence)
    try:
        with qtbot.waitSignal(tree.loaded, timeout=30_000):
            tree.start()
        lon, lat = PLACE
        assert nearest_recorded(tree, lon + 0.05, lat) == []  # 4.6 km away: none sees it
        reported = district_clock().now().replace(microsecond=0) - timedelta(hours=2)
        played = recordings.open((7, lon, lat, reported))
        assert [camera.name for camera in played] == ["二七广场东口", "德化街步行街"]  # nearest first
        qtbot.waitUntil(lambda: bool(tree.findChildren(PlaybackWindow)), timeout=20_000)
        [window] = tree.findChildren(PlaybackWindow)
        assert window.save_button.isVisibleTo(window)  # clips go to case 7
        assert (window.timeline.start, window.timeline.end) == (reported - MARGIN, reported + MARGIN)
        window.close()
        for tile in window.tiles:
            tile.session.backend.settle()
    finally:
        runner.shutdown()
