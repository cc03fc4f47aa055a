"""HTTP-FLV and HLS on loopback, made by ffmpeg, as a GB/T 28181 platform's media server
(ZLMediaKit behind WVP) hands them out: ``/live/{name}.live.flv`` and ``/live/{name}/hls.m3u8``.

Until now only HTTP MPEG-TS was played in tests, yet a platform answers a play request with an
``.flv`` URL first. These are real streams from real muxers, so a test proves libVLC's FLV demuxer
and its HLS access play them in a tile:

- FLV: one live producer per clip, running from the server's start as a stream registered on
  ZLMediaKit is (``testing/flv_live_source``): H.264 copied (no transcoding) plus a silent AAC track
  (ZLMediaKit's default ``add_mute_audio=1``); each GET gets the header, metadata, sequence headers
  and the GOP since the last keyframe (ZLMediaKit's GOP cache, ``testing/flv_gop_cache``), then the
  live tags until the player goes away. ``mute_audio=False`` / ``gop_cache=False`` serve what a
  server without them sends (a video-only FLV: ZLMediaKit with ``add_mute_audio=0``, or SRS), so a
  benchmark can also report what those cost.
- HLS: one ffmpeg per stream writes a live playlist of one-second segments into a folder, which the
  same HTTP server serves as files.

For tests and benchmarks only (threads in the calling process, loopback only).
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from commandcenter.streaming.clip_recipe import ffmpeg_binary
from commandcenter.testing.flv_live_source import FlvPlayer, LiveFlvSource

HLS_READY_SEGMENTS = 2
_CONTENT_TYPES = {".m3u8": "application/vnd.apple.mpegurl", ".ts": "video/mp2t"}


class FlvHlsServer(ThreadingHTTPServer):
    """Serves ``clips`` (name → H.264 file) as FLV and HLS; ``start_hls`` must run before HLS plays."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, clips: dict[str, Path], hls_dir: Path, *, mute_audio: bool = True, gop_cache: bool = True
    ) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.clips = dict(clips)
        self.hls_dir = hls_dir
        self.flv_requests: list[str] = []  # names asked for, in order (tests check what was played)
        self._segmenters: list[subprocess.Popen[bytes]] = []
        self._flv = {
            name: LiveFlvSource(clip, mute_audio=mute_audio, gop_cache=gop_cache)
            for name, clip in clips.items()
        }
        self._lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def flv_url(self, name: str) -> str:
        return f"{self.base_url}/live/{name}.live.flv"

    def hls_url(self, name: str) -> str:
        return f"{self.base_url}/live/{name}/hls.m3u8"

    def start_hls(self, timeout_s: float = 20.0) -> None:
        """One live segmenter per clip; returns once every playlist lists ``HLS_READY_SEGMENTS``."""
        for name, clip in self.clips.items():
            folder = self.hls_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1"]
            command += ["-i", str(clip), "-an", "-c:v", "copy", "-f", "hls", "-hls_time", "1"]
            command += ["-hls_list_size", "6", "-hls_flags", "delete_segments+omit_endlist"]
            command += [str(folder / "hls.m3u8")]
            self._segmenters.append(subprocess.Popen(command, stdin=subprocess.DEVNULL))
        deadline = time.monotonic() + timeout_s
        while not all(self._hls_ready(name) for name in self.clips):
            if time.monotonic() > deadline:
                raise RuntimeError("ffmpeg wrote no HLS playlist in time")
            time.sleep(0.05)

    def _hls_ready(self, name: str) -> bool:
        playlist = self.hls_dir / name / "hls.m3u8"
        with contextlib.suppress(OSError):
            return playlist.read_text().count("#EXTINF") >= HLS_READY_SEGMENTS
        return False

    def wait_flv_running(self, timeout_s: float = 20.0) -> None:
        """Until every FLV producer has sent a keyframe: the stream is registered, as WVP's URL implies."""
        deadline = time.monotonic() + timeout_s
        while not all(source.has_gop for source in self._flv.values()):
            if time.monotonic() > deadline:
                raise RuntimeError("ffmpeg wrote no FLV keyframe in time")
            time.sleep(0.05)

    def join_flv(self, name: str) -> tuple[LiveFlvSource, FlvPlayer] | None:
        """A new player of stream ``name`` (None when there is no such stream or it never started)."""
        source = self._flv.get(name)
        player = source.join() if source is not None else None
        if source is None or player is None:
            return None
        with self._lock:
            self.flv_requests.append(name)
        return source, player

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        for source in self._flv.values():
            source.stop()
        for process in self._segmenters:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=5)


class _Handler(BaseHTTPRequestHandler):
    server: FlvHlsServer
    protocol_version = "HTTP/1.0"  # a live stream's end is the connection's end

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path.startswith("/live/") and path.endswith(".live.flv"):
            self._flv(path.removeprefix("/live/").removesuffix(".live.flv"))
        elif path.startswith("/live/"):
            self._file(path.removeprefix("/live/"))
        else:
            self.send_error(404)

    def _flv(self, name: str) -> None:
        joined = self.server.join_flv(name)
        if joined is None:
            self.send_error(404)
            return
        source, player = joined
        self.send_response(200)
        self.send_header("Content-Type", "video/x-flv")
        self.end_headers()
        try:
            self.wfile.write(player.first_bytes)
            while (tag := player.next_tag()) is not None:
                self.wfile.write(tag.raw)
        except OSError:
            pass  # the player went away
        finally:
            source.leave(player)

    def _file(self, relative: str) -> None:
        path = (self.server.hls_dir / relative).resolve()
        if self.server.hls_dir.resolve() not in path.parents or not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", _CONTENT_TYPES.get(path.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serving_flv_hls(
    clips: dict[str, Path], *, hls: bool = True, mute_audio: bool = True, gop_cache: bool = True
) -> Iterator[FlvHlsServer]:
    """A running server for ``clips`` (its FLV streams past their first keyframe; HLS segmenters
    started unless ``hls=False``), always stopped."""
    hls_dir = Path(tempfile.mkdtemp(prefix="cc-hls-"))
    server = FlvHlsServer(clips, hls_dir, mute_audio=mute_audio, gop_cache=gop_cache)
    thread = threading.Thread(target=server.serve_forever, name="flv-hls http", daemon=True)
    thread.start()
    try:
        server.wait_flv_running()
        if hls:
            server.start_hls()
        yield server
    finally:
        server.stop()
        thread.join(timeout=5)
        shutil.rmtree(hls_dir, ignore_errors=True)
