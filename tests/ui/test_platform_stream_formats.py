"""A tile plays the formats a GB/T 28181 platform hands out — HTTP-FLV and HLS from real muxers on
loopback (``commandcenter.testing.flv_hls_server``) — to its first picture, not only HTTP-TS."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ensure_demo_clips, find_clip_sets
from commandcenter.testing.flv_hls_server import FlvHlsServer, serving_flv_hls
from commandcenter.video.tile_state import TileState
from ui.video.qt_video_tile import QtVideoTile

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg"),
]
STREAM = "41010300001180000001_41010300001320000001"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlvHlsServer]:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the other stream tests
    ensure_demo_clips(2, directory=directory)
    clip: Path = find_clip_sets(directory)[0].path(StreamTier.SUB)
    with serving_flv_hls({STREAM: clip}) as running:
        yield running


@pytest.fixture
def tile(qtbot: QtBot) -> Iterator[QtVideoTile]:
    widget = QtVideoTile()
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.stop()


@pytest.mark.parametrize("kind", ["flv", "hls"])
def test_tile_draws_the_first_picture_of_a_platform_stream(
    qtbot: QtBot, tile: QtVideoTile, server: FlvHlsServer, kind: str
) -> None:
    url = server.flv_url(STREAM) if kind == "flv" else server.hls_url(STREAM)
    with qtbot.waitSignal(tile.first_frame, timeout=20_000):
        tile.play("二七广场东口", url)
    assert tile.state is TileState.PLAYING
    qtbot.waitUntil(lambda: tile.session.picture_size() == (640, 360), timeout=10_000)
    if kind == "flv":
        assert server.flv_requests == [STREAM]
