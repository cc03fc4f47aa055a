"""A real wall playing GB/T 28181 platform streams from the loopback WVP: every stream the platform
opened is stopped once no tile plays it (tile given another camera, wall closed), and the PTZ pad,
the arrow keys and a drag on the picture steer the selected dome camera — for an operator, not a
leader — with the platform's refusal said on the pad."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.catalog.wvp_ptz import PtzMove
from commandcenter.config import PlatformSettings
from commandcenter.domain.cameras import CameraFeed
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.platform_service import PlatformService
from commandcenter.testing.accounts import services_for
from commandcenter.testing.silent_stream import silent_stream_base, silent_stream_url
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform
from ui.background import BackgroundRunner
from ui.videowall.platform_desk import PlatformDesk
from ui.videowall.platform_feeds import PlatformFeeds
from ui.videowall.platform_release import PlatformRelease
from ui.videowall.qt_wall import QtVideoWall
from ui.videowall.wall_ptz import WallPtz
from ui.videowall.wall_windows import WallWindows

pytestmark = pytest.mark.vlc


@pytest.fixture
def wvp() -> Iterator[FakeWvpPlatform]:
    with running_platform(devices=1, channels_per_device=4) as platform:
        platform.media_url = silent_stream_base()  # tiles connect and wait: a player per tile
        yield platform


@pytest.fixture
def desk(sqlite_url: str, wvp: FakeWvpPlatform) -> Iterator[Callable[[UserRole], PlatformService]]:
    store = Store.open(sqlite_url)

    def open_desk(role: UserRole = UserRole.OPERATOR) -> PlatformService:
        service = services_for(store, role).platform_video([PlatformSettings("二七区平台", wvp.url)])
        assert service is not None
        service.list_cameras()
        return service

    yield open_desk
    store.close()


def platform_feeds(service: PlatformService, wvp: FakeWvpPlatform) -> list[CameraFeed]:
    return [
        CameraFeed(c.channel_id, c.name, main_url=service.stream_urls(c.channel_id).main)
        for c in wvp.channels
    ]


def test_streams_nobody_watches_are_stopped(
    qtbot: QtBot,
    open_wall: Callable[..., QtVideoWall],
    desk: Callable[[UserRole], PlatformService],
    wvp: FakeWvpPlatform,
) -> None:
    service = desk(UserRole.OPERATOR)
    wall = open_wall()
    release = PlatformRelease(service, BackgroundRunner(wall))
    wall.show_feeds(platform_feeds(service, wvp), layout="2x2")
    qtbot.waitUntil(lambda: all(tile.player is not None for tile in wall.tiles))
    assert len(wvp.open_streams) == 4
    replaced = wvp.channels[0]
    wall.open_feed(CameraFeed("db-1", "数据库摄像机", main_url=silent_stream_url("db-1")), 0)
    qtbot.waitUntil(lambda: (replaced.device_id, replaced.channel_id) not in wvp.open_streams, timeout=10_000)
    assert len(wvp.open_streams) == 3
    wall.stop_all()
    wall.close()
    qtbot.waitUntil(lambda: not wvp.open_streams, timeout=10_000)
    assert wvp.stops == 4
    release.release_all()  # nothing left: no call
    assert wvp.stops == 4


def _mouse(kind: QMouseEvent.Type, at: QPointF, buttons: Qt.MouseButton) -> QMouseEvent:
    button = Qt.MouseButton.LeftButton
    return QMouseEvent(kind, at, at, button, buttons, Qt.KeyboardModifier.NoModifier)


def test_the_selected_tile_is_steered_by_pad_keys_and_drag(
    qtbot: QtBot,
    open_wall: Callable[..., QtVideoWall],
    desk: Callable[[UserRole], PlatformService],
    wvp: FakeWvpPlatform,
) -> None:
    service = desk(UserRole.OPERATOR)
    wall = open_wall((960, 600))
    ptz = WallPtz(service, wall)
    wall.show_feeds(platform_feeds(service, wvp)[:1], layout="1x1")
    tile = wall.tiles[0]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=tile.picture_rect().center())
    pad = ptz.pads[tile]
    assert pad.isVisible()
    qtbot.keyPress(tile, Qt.Key.Key_Left)
    qtbot.keyRelease(tile, Qt.Key.Key_Left)
    qtbot.keyPress(tile, Qt.Key.Key_Plus)
    qtbot.keyRelease(tile, Qt.Key.Key_Plus)
    centre = QPointF(tile.picture_rect().center())
    QApplication.sendEvent(tile, _mouse(QMouseEvent.Type.MouseButtonPress, centre, Qt.MouseButton.LeftButton))
    moved = centre + QPointF(0, -tile.picture_rect().height() / 2)
    QApplication.sendEvent(tile, _mouse(QMouseEvent.Type.MouseMove, moved, Qt.MouseButton.LeftButton))
    QApplication.sendEvent(tile, _mouse(QMouseEvent.Type.MouseButtonRelease, moved, Qt.MouseButton.NoButton))
    pad.turn.emit(PtzMove.DOWN_RIGHT)
    pad.set_preset.emit(5, "东口")
    expected = ["left", "stop", "zoomin", "stop", "up", "stop", "downright"]
    qtbot.waitUntil(lambda: [q.get("command") for k, *_, q in wvp.commands if k == "ptz"] == expected)
    up = next(q for k, *_, q in wvp.commands if q.get("command") == "up")
    assert up["horizonSpeed"] == "255"  # dragged the full half-height: full speed
    qtbot.waitUntil(lambda: pad.presets.count() == 1)
    assert pad.presets.itemText(0) == "5 东口"
    wvp.locked.add(tile.feed.code)
    pad.turn.emit(PtzMove.UP)
    qtbot.waitUntil(lambda: "云台已被其他用户锁定" in pad.status.text())
    wall.hide()  # the pad is a window of its own: it leaves with the wall
    assert not pad.isVisible()


def test_a_leader_gets_no_pad(
    qtbot: QtBot,
    open_wall: Callable[..., QtVideoWall],
    desk: Callable[[UserRole], PlatformService],
    wvp: FakeWvpPlatform,
) -> None:
    service = desk(UserRole.LEADER)
    wall = open_wall((960, 600))
    ptz = WallPtz(service, wall)
    wall.show_feeds(platform_feeds(service, wvp)[:1], layout="1x1")
    tile = wall.tiles[0]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=tile.picture_rect().center())
    qtbot.keyClick(tile, Qt.Key.Key_Left)
    assert ptz.pads == {}
    assert wvp.commands == []


def test_a_platform_camera_dropped_without_a_stream_gets_one(
    qtbot: QtBot,
    open_wall: Callable[..., QtVideoWall],
    desk: Callable[[UserRole], PlatformService],
    wvp: FakeWvpPlatform,
) -> None:
    service = desk(UserRole.OPERATOR)
    wall = open_wall()
    PlatformFeeds(service, BackgroundRunner(wall), wall)
    channel = wvp.channels[2]
    wall.drop_cameras([CameraFeed(channel.channel_id, channel.name)], 0)  # as the tree's drag carries it
    qtbot.waitUntil(lambda: wall.tiles[0].feed.has_video and wall.tiles[0].player is not None)
    assert wall.tiles[0].feed.main_url.endswith(f"{channel.device_id}_{channel.channel_id}.live.flv")
    assert wvp.open_streams == {(channel.device_id, channel.channel_id)}


def test_a_detached_wall_window_steers_too(
    qtbot: QtBot,
    open_wall: Callable[..., QtVideoWall],
    desk: Callable[[UserRole], PlatformService],
    wvp: FakeWvpPlatform,
    tmp_path: Path,
) -> None:
    service = desk(UserRole.OPERATOR)
    wall = open_wall((960, 600))
    windows = WallWindows(wall, tmp_path / "walls.json")
    platform_desk = PlatformDesk(service, BackgroundRunner(wall), wall)
    platform_desk.follow_windows(windows)
    channel = wvp.channels[3]
    screen = QGuiApplication.primaryScreen()
    window = windows.open_on(screen, "1x1", [CameraFeed(channel.channel_id, channel.name)], full_screen=False)
    qtbot.waitUntil(lambda: window.wall.tiles[0].feed.has_video)  # its stream started on the platform
    tile = window.wall.tiles[0]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=tile.picture_rect().center())
    qtbot.keyPress(tile, Qt.Key.Key_Down)
    qtbot.keyRelease(tile, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: [q.get("command") for k, *_, q in wvp.commands if k == "ptz"] == ["down", "stop"])
    windows.close_all()
    qtbot.waitUntil(lambda: not wvp.open_streams, timeout=10_000)
