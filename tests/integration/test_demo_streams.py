"""The demo video chain with real parts: ffmpeg-made clips, the libVLC stream server in its own
process, the socket probe, and a real libVLC player that keeps playing past the end of the clip."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import vlc

from commandcenter import paths
from commandcenter.config import StreamSettings
from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clip_recipe import CLIP_SECONDS, FPS, TIERS
from commandcenter.streaming.clips import ClipSet, ensure_demo_clips
from commandcenter.streaming.demo_streams import demo_stream_url
from commandcenter.streaming.stream_probe import probe_stream
from commandcenter.streaming.stream_server import DemoStreamServer, StreamServerError, main
from commandcenter.testing.demo_streams import free_loopback_port, running_demo_server

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")


@pytest.fixture(scope="module")
def clips_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the tile tests
    ensure_demo_clips(2, directory=directory)
    return directory


def wait_for(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Poll a condition with a bound (libVLC's player state has no blocking wait in Python)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def ffprobe(path: Path) -> dict[str, object]:
    command = ["ffprobe", "-v", "error", "-select_streams", "v:0", "-of", "json"]
    command += [
        "-show_entries",
        "stream=codec_name,pix_fmt,width,height,r_frame_rate:format=format_name,duration",
    ]
    return json.loads(subprocess.run([*command, str(path)], capture_output=True, check=True).stdout)


def keyframe_times(path: Path) -> list[float]:
    command = ["ffprobe", "-v", "error", "-skip_frame", "nokey", "-select_streams", "v:0", "-of", "json"]
    output = subprocess.run(
        [*command, "-show_entries", "frame=pts_time", str(path)], capture_output=True, check=True
    )
    return [float(frame["pts_time"]) for frame in json.loads(output.stdout)["frames"]]


@pytest.mark.slow
def test_clips_are_h264_ts_cached_and_remade_when_the_recipe_changes() -> None:
    (clip,) = ensure_demo_clips(1, names=["测试路口"])
    assert clip.main.parent == paths.demo_media_dir()  # COMMANDCENTER_HOME is a tmp dir (conftest)
    for tier in StreamTier:
        info = ffprobe(clip.path(tier))
        (stream,) = info["streams"]  # type: ignore[misc]
        spec = TIERS[tier]
        assert (stream["codec_name"], stream["pix_fmt"]) == ("h264", "yuv420p")
        assert (stream["width"], stream["height"], stream["r_frame_rate"]) == (
            spec.width,
            spec.height,
            f"{FPS}/1",
        )
        assert info["format"]["format_name"] == "mpegts"  # type: ignore[index]
        assert abs(float(info["format"]["duration"]) - CLIP_SECONDS) < 1  # type: ignore[index]
        times = keyframe_times(clip.path(tier))
        assert len(times) > CLIP_SECONDS
        assert max(b - a for a, b in itertools.pairwise(times)) <= 1.0  # a picture within 1 s

    made = clip.main.stat().st_mtime_ns
    assert ensure_demo_clips(1, names=["测试路口"]) == [clip]
    assert clip.main.stat().st_mtime_ns == made  # cached: not regenerated

    stamp = clip.main.with_name("clip-0.json")
    stamp.write_text(
        json.dumps({**json.loads(stamp.read_text(encoding="utf-8")), "recipe": -1}), encoding="utf-8"
    )
    ensure_demo_clips(1, names=["测试路口"])
    assert clip.main.stat().st_mtime_ns != made
    assert json.loads(stamp.read_text(encoding="utf-8"))["recipe"] != -1


class _HtmlHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html>" + b"x" * 4000 + b"</html>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def html_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _HtmlHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/page"
    server.shutdown()
    server.server_close()


def test_probe_tells_ts_from_other_answers(html_server: str) -> None:
    assert probe_stream(html_server, timeout=2).reason == "not MPEG-TS (no 0x47 sync every 188 bytes)"
    assert "connection refused" in probe_stream(f"http://127.0.0.1:{free_loopback_port()}/x.ts", 2).reason
    assert not probe_stream("rtsp://127.0.0.1/x", 1).ok
    with socket.socket() as silent:  # accepts, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        health = probe_stream(f"http://127.0.0.1:{silent.getsockname()[1]}/x.ts", timeout=0.5)
    assert (health.ok, health.reason) == (False, "timed out after 0.5 s")


@pytest.mark.vlc
@pytest.mark.slow
def test_streams_are_endless_and_a_dead_server_is_reported(clips_dir: Path) -> None:
    port = free_loopback_port()
    with running_demo_server(clips_dir, clip_count=2, port=port) as server:
        assert server.urls() == [demo_stream_url("127.0.0.1", port, i, t) for i in (0, 1) for t in StreamTier]
        assert all(probe_stream(url, timeout=5).ok for url in server.urls())
        assert probe_stream(f"http://127.0.0.1:{port}/demo/7/sub.ts", timeout=5).reason.startswith("HTTP 404")

        instance = vlc.Instance(["--quiet", "--no-audio", "--aout=dummy", "--vout=dummy"])
        player = instance.media_player_new()
        player.set_media(instance.media_new(server.urls(StreamTier.SUB)[0]))
        player.play()
        try:
            wait_for(lambda: player.get_state() == vlc.State.Playing, 15, "the player to start")
            # Past the end of the 12 s clip, still playing: the stream loops without closing.
            wait_for(
                lambda: player.get_time() > (CLIP_SECONDS + 3) * 1000, CLIP_SECONDS + 20, "playback time"
            )
            assert player.get_state() == vlc.State.Playing

            assert server.pid is not None
            os.kill(server.pid, signal.SIGKILL)  # the camera server dies
            wait_for(lambda: not server.is_alive(), 10, "the server process to end")
            health = probe_stream(server.urls()[0], timeout=2)
            assert (health.ok, health.reason) == (False, "connection refused (server down)")
            wait_for(
                lambda: player.get_state() in (vlc.State.Ended, vlc.State.Error), 15, "the player to notice"
            )
        finally:
            player.stop()
            player.release()
            instance.release()

        server.stop()
        server.start()  # same port again
        assert probe_stream(server.urls()[-1], timeout=5).ok


def test_server_binds_loopback_only_and_reports_a_busy_port(clips_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(StreamServerError, match="not a loopback"):
        DemoStreamServer(StreamSettings(host="0.0.0.0", port=free_loopback_port()), clips_dir)
    with pytest.raises(SystemExit):
        main(["--host", "192.168.1.10", "--port", "1", "--clips", str(clips_dir)])
    with pytest.raises(StreamServerError, match="no demo clips"):
        DemoStreamServer(StreamSettings(port=free_loopback_port()), tmp_path).start()
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        busy = StreamSettings(port=squatter.getsockname()[1], clip_count=1)
        with pytest.raises(StreamServerError, match="already in use"):
            DemoStreamServer(busy, clips_dir).start()


def test_found_clips_are_what_was_made(clips_dir: Path) -> None:
    from commandcenter.streaming.clips import find_clip_sets

    made: list[ClipSet] = ensure_demo_clips(2, directory=clips_dir)
    assert find_clip_sets(clips_dir) == made
