"""A tile plays the formats a GB/T 28181 platform hands out — HTTP-FLV and HLS from real muxers on
loopback (``commandcenter.testing.flv_hls_server``) — to its first picture, not only HTTP-TS: FLV
through the built-in FLV→TS remux (the default) and straight to libVLC's libavformat, and H.265 in
FLV as Chinese media servers send it, which only the remux makes playable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ensure_demo_clips, find_clip_sets
from commandcenter.testing.file_server import serving_files
from commandcenter.testing.flv_hls_server import FlvHlsServer, serving_flv_hls
from commandcenter.testing.hevc_flv import has_libx265, write_hevc_flv
from commandcenter.video.remux.server import shared_remux_server
from commandcenter.video.tile_state import TileState
from commandcenter.video.vlc_backend import LibVlcBackend
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


@pytest.fixture(scope="module")
def hevc_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An H.265 FLV (codec id 12, as ZLMediaKit writes it) from a plain HTTP server."""
    if not has_libx265():
        pytest.skip("needs ffmpeg with libx265")
    folder = tmp_path_factory.mktemp("hevc")
    write_hevc_flv(folder / "cam.live.flv", 3)
    with serving_files(folder) as base:
        yield f"{base}/cam.live.flv"


def _shown(qtbot: QtBot, backend: LibVlcBackend | None = None) -> QtVideoTile:
    widget = QtVideoTile(backend=backend)
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def tile(qtbot: QtBot) -> Iterator[QtVideoTile]:
    widget = _shown(qtbot)
    yield widget
    widget.stop()


@pytest.mark.parametrize("kind", ["flv", "hls"])
def test_tile_draws_the_first_picture_of_a_platform_stream(
    qtbot: QtBot, tile: QtVideoTile, server: FlvHlsServer, kind: str
) -> None:
    remuxed = shared_remux_server().players
    url = server.flv_url(STREAM) if kind == "flv" else server.hls_url(STREAM)
    with qtbot.waitSignal(tile.first_frame, timeout=20_000):
        tile.play("二七广场东口", url)
    assert tile.state is TileState.PLAYING
    qtbot.waitUntil(lambda: tile.session.picture_size() == (640, 360), timeout=10_000)
    if kind == "flv":
        assert server.flv_requests[-1] == STREAM
        assert shared_remux_server().players == remuxed + 1  # libVLC read it as TS, through the remux


def test_flv_still_plays_with_the_remux_turned_off(qtbot: QtBot, server: FlvHlsServer) -> None:
    """``[streams] remux_flv = false``: libVLC's own (libavformat) FLV path, slower to start."""
    widget = _shown(qtbot, LibVlcBackend(remux_flv=False))
    remuxed = shared_remux_server().players
    try:
        with qtbot.waitSignal(widget.first_frame, timeout=30_000):
            widget.play("二七广场东口", server.flv_url(STREAM))
        assert shared_remux_server().players == remuxed
    finally:
        widget.stop()


def test_h265_in_flv_plays_through_the_remux(qtbot: QtBot, tile: QtVideoTile, hevc_url: str) -> None:
    with qtbot.waitSignal(tile.first_frame, timeout=20_000):
        tile.play("建设路 H.265 球机", hevc_url)
    qtbot.waitUntil(lambda: tile.session.picture_size() == (320, 240), timeout=10_000)
