"""The libVLC tile in a real window under Xvfb, against the real loopback stream server."""

from __future__ import annotations

import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.streaming.stream_server import DemoStreamServer
from commandcenter.testing.demo_streams import free_loopback_port, running_demo_server
from commandcenter.video.tile_state import TileState
from commandcenter.video.vlc_backend import LibVlcBackend
from ui.video.qt_video_tile import QtVideoTile

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg"),
]


@pytest.fixture(scope="module")
def clips_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the stream tests
    ensure_demo_clips(2, directory=directory)
    return directory


@pytest.fixture
def server(clips_dir: Path) -> Iterator[DemoStreamServer]:
    with running_demo_server(clips_dir, clip_count=2) as running:
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


def test_tile_plays_the_loopback_stream(qtbot: QtBot, tile: QtVideoTile, server: DemoStreamServer) -> None:
    seen: list[str] = []
    tile.state_changed.connect(seen.append)
    tile.play("二七广场东口", server.urls(StreamTier.SUB)[0])
    qtbot.waitUntil(lambda: tile.state is TileState.PLAYING, timeout=20_000)
    assert seen == [TileState.CONNECTING, TileState.PLAYING]
    assert tile.name == "二七广场东口"

    tile.stop()
    assert tile.state is TileState.IDLE


def test_dead_port_gives_no_signal_without_freezing_the_ui(qtbot: QtBot, tile: QtVideoTile) -> None:
    ticks: list[int] = []
    heartbeat = QTimer(interval=20)
    heartbeat.timeout.connect(lambda: ticks.append(1))
    heartbeat.start()
    with qtbot.waitSignal(tile.state_changed, timeout=10_000, check_params_cb=lambda s: s == "no_signal"):
        tile.play("死端口", f"http://127.0.0.1:{free_loopback_port()}/demo/0/sub.ts")
    # It keeps trying: back to connecting after the first backoff, and fails again.
    with qtbot.waitSignals([tile.state_changed, tile.state_changed], timeout=10_000):
        pass
    heartbeat.stop()
    assert tile.state in (TileState.NO_SIGNAL, TileState.CONNECTING)
    assert len(ticks) > 10  # the Qt event loop kept running throughout


@pytest.mark.slow
def test_tile_recovers_when_the_camera_server_comes_back(
    qtbot: QtBot, tile: QtVideoTile, server: DemoStreamServer
) -> None:
    tile.play("德化街步行街", server.urls(StreamTier.SUB)[1])
    qtbot.waitUntil(lambda: tile.state is TileState.PLAYING, timeout=20_000)

    assert server.pid is not None
    os.kill(server.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: tile.state is TileState.NO_SIGNAL, timeout=20_000)

    server.stop()
    server.start()  # same port
    qtbot.waitUntil(lambda: tile.state is TileState.PLAYING, timeout=30_000)


def test_a_video_library_that_refuses_to_start_is_said_plainly_and_not_retried(qtbot: QtBot) -> None:
    refusing = LibVlcBackend(["--quiet", "--this-option-does-not-exist"])  # real libVLC, refusing
    widget = QtVideoTile(backend=refusing)
    qtbot.addWidget(widget)
    widget.resize(480, 300)
    widget.show()
    seen: list[str] = []
    widget.state_changed.connect(seen.append)
    widget.play("二七广场东口", f"http://127.0.0.1:{free_loopback_port()}/demo/0/sub.ts")
    assert widget.state is TileState.BACKEND_UNAVAILABLE
    assert seen == [TileState.BACKEND_UNAVAILABLE]  # not NO_SIGNAL: nothing to wait for
    assert "install VLC" in widget.caption_text()
    assert "refused to start" in widget.caption_text()
    widget.session.reconnect()  # what a retry timer would do: nothing changes
    assert widget.state is TileState.BACKEND_UNAVAILABLE
    assert widget.player is None
