"""GB/T 28181 platforms as the desk's camera source, against the loopback WVP: their channels beside the
database's cameras, streams started on demand and stopped once no tile plays them, a password
exchanged for a token, a platform outage that keeps the tree, the URL this libVLC can play."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.catalog.platform_catalog import PlatformCatalog
from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.source import CatalogError
from commandcenter.config import ConfigError, PlatformSettings, load_settings
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform


class Database:
    """The database's own cameras (one shares its code with a platform channel, as after import)."""

    def __init__(self, shared: str) -> None:
        self.cameras = [
            CameraEntry("db-1", "数据库摄像机", "fixed", main_url="http://db/1.flv"),
            CameraEntry(shared, "导入的旧记录", "GB28181", online=False, main_url="http://old"),
        ]

    def list_cameras(self) -> list[CameraEntry]:
        return list(self.cameras)

    def stream_urls(self, code: str) -> StreamUrls:
        return StreamUrls(main=f"http://db/{code}.flv")


@pytest.fixture
def wvp() -> Iterator[FakeWvpPlatform]:
    with running_platform(devices=2, channels_per_device=3) as platform:
        yield platform


def catalog_of(wvp: FakeWvpPlatform, clock: list[float] | None = None, **settings: object) -> PlatformCatalog:
    source = PlatformSource(PlatformSettings("二七区平台", wvp.url, **settings), secret=wvp.token)  # type: ignore[arg-type]
    now = clock if clock is not None else [0.0]
    return PlatformCatalog(Database(wvp.channels[0].channel_id), [source], clock=lambda: now[0])


def test_platform_channels_stand_beside_the_databases_cameras(wvp: FakeWvpPlatform) -> None:
    wvp.devices[1].channels[2].online = False
    cameras = {camera.code: camera for camera in catalog_of(wvp).list_cameras()}
    assert len(cameras) == 1 + 6  # the imported duplicate is shown once, as the platform's
    shared = cameras[wvp.channels[0].channel_id]
    assert (shared.name, shared.online, shared.main_url) == ("测试路口1-1", True, "")
    assert (shared.kind, shared.office) == ("二七区平台", "二七区测试NVR1")  # tree: platform → NVR → channel
    assert not cameras[wvp.channels[5].channel_id].online
    assert cameras["db-1"].main_url == "http://db/1.flv"


def test_a_stream_is_started_on_demand_and_stopped_when_nobody_watches(wvp: FakeWvpPlatform) -> None:
    clock = [100.0]
    catalog = catalog_of(wvp, clock)
    catalog.list_cameras()
    first, second = (channel.channel_id for channel in wvp.channels[:2])
    urls = catalog.stream_urls(first)
    assert urls.main.endswith(f"/rtp/{wvp.channels[0].device_id}_{first}.live.flv")
    catalog.stream_urls(second)
    assert len(wvp.open_streams) == 2
    assert catalog.release_unwatched(watched=[]) == []  # just started: its tile has not got it yet
    clock[0] += 5
    assert catalog.release_unwatched(watched=[first]) == [second]
    assert wvp.open_streams == {(wvp.channels[0].device_id, first)}
    assert catalog.release_all() == [first]
    assert wvp.open_streams == set()
    assert catalog.stream_urls("db-1").main == "http://db/db-1.flv"  # the database's own: no platform call
    assert wvp.starts == 2


def test_a_stream_the_platform_would_not_stop_is_tried_again(wvp: FakeWvpPlatform) -> None:
    clock = [0.0]
    catalog = catalog_of(wvp, clock)
    catalog.list_cameras()
    code = wvp.channels[0].channel_id
    catalog.stream_urls(code)
    clock[0] += 5
    wvp.token = "changed"  # the stop is refused (401)
    assert catalog.release_unwatched([]) == []
    assert catalog.open_streams() == {code}
    wvp.token = None
    clock[0] += 5
    assert catalog.release_unwatched([]) == [code]


def test_a_user_signs_in_with_the_password_from_the_keyring(wvp: FakeWvpPlatform) -> None:
    wvp.token = "tok-42"
    source = PlatformSource(PlatformSettings("平台", wvp.url, username="admin"), secret="admin123")
    assert len(source.list_cameras()) == 6
    assert wvp.tokens_seen[-1] == "tok-42"
    refused = PlatformSource(PlatformSettings("平台", wvp.url, username="admin"), secret="wrong")
    with pytest.raises(CatalogError, match="用户名或密码错误"):
        refused.list_cameras()


def test_an_unreachable_platform_keeps_its_cameras_offline(wvp: FakeWvpPlatform) -> None:
    catalog = catalog_of(wvp)
    assert sum(camera.online for camera in catalog.list_cameras()) == 6 + 1
    wvp.token = "now-required"
    cameras = catalog.list_cameras()
    assert len(cameras) == 7
    assert [camera.code for camera in cameras if camera.online] == ["db-1"]
    assert "code 401" in catalog.failures["二七区平台"]


def test_the_first_url_this_libvlc_plays_is_chosen(wvp: FakeWvpPlatform) -> None:
    source = PlatformSource(
        PlatformSettings("平台", wvp.url, prefer=("rtsp", "hls")), playable=lambda url: "rtsp" not in url
    )
    source.list_cameras()
    assert source.start(wvp.channels[0].channel_id).main.endswith("/hls.m3u8")
    only_rtsp = PlatformSource(PlatformSettings("平台", wvp.url, prefer=("rtsp",)), playable=lambda _u: False)
    assert only_rtsp.start(wvp.channels[1].channel_id).main.startswith("rtsp://")  # the tile says why


def test_a_media_server_template_replaces_the_reply(wvp: FakeWvpPlatform) -> None:
    template = "rtsp://mediamtx:8554/{device}_{channel}"
    source = PlatformSource(PlatformSettings("平台", wvp.url, play_template=template))
    channel = wvp.channels[0]
    assert (
        source.start(channel.channel_id).main
        == f"rtsp://mediamtx:8554/{channel.device_id}_{channel.channel_id}"
    )
    assert (channel.device_id, channel.channel_id) in wvp.open_streams


def test_platforms_are_read_from_the_config_file_without_secrets(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[[platforms]]\nname = "二七区"\nurl = "http://10.0.0.5:18080"\nusername = "admin"\n'
        'prefer = ["flv", "hls"]\n[platforms.alarm_cases]\nintrusion = "0101"\n',
        encoding="utf-8",
    )
    (platform,) = load_settings(path, environ={}).platforms
    assert (platform.name, platform.username, platform.prefer) == ("二七区", "admin", ("flv", "hls"))
    assert platform.alarm_cases == (("intrusion", "0101"),)
    path.write_text('[[platforms]]\nname = "x"\nurl = "http://h"\ntoken = "secret"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="keyring"):
        load_settings(path, environ={})
