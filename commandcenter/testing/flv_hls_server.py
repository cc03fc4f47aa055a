"""HTTP-FLV and HLS on loopback, made by ffmpeg, as a GB/T 28181 platform's media server
(ZLMediaKit behind WVP) hands them out: ``/live/{name}.live.flv`` and ``/live/{name}/hls.m3u8``.

Until now only HTTP MPEG-TS was played in tests, yet a platform answers a play request with an
``.flv`` URL first. These are real streams from real muxers, so a test proves libVLC's FLV demuxer
and its HLS access play them in a tile:

- FLV: each GET starts ``ffmpeg -re … -f flv pipe:1`` on the clip (H.264 copied, no transcoding) and
  copies its output into the response until the player goes away — a live FLV of unknown length.
- HLS: one ffmpeg per stream writes a live playlist of one-second segments into a folder, which the
  same HTTP server serves as files.

For tests and benchmarks only (threads in the calling process, loopback only).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from commandcenter.streaming.clip_recipe import ffmpeg_binary

READ_SIZE = 64 * 1024
HLS_READY_SEGMENTS = 2
_CONTENT_TYPES = {".m3u8": "application/vnd.apple.mpegurl", ".ts": "video/mp2t"}


def flv_command(clip: Path, start_s: float = 0.0) -> list[str]:
    """The clip from ``start_s``, looped, at its own pace, as FLV on stdout."""
    command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1"]
    if start_s > 0:
        command += ["-ss", f"{start_s:.3f}"]
    return [
        *command,
        "-i",
        str(clip),
        "-an",
        "-c:v",
        "copy",
        "-f",
        "flv",
        "-flvflags",
        "no_duration_filesize",
        "pipe:1",
    ]


class FlvHlsServer(ThreadingHTTPServer):
    """Serves ``clips`` (name → H.264 file) as FLV and HLS; ``start_hls`` must run before HLS plays."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, clips: dict[str, Path], hls_dir: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.clips = dict(clips)
        self.hls_dir = hls_dir
        self.flv_requests: list[str] = []  # names asked for, in order (tests check what was played)
        self._segmenters: list[subprocess.Popen[bytes]] = []
        self._pipes: set[subprocess.Popen[bytes]] = set()
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

    def open_flv(self, name: str) -> subprocess.Popen[bytes] | None:
        clip = self.clips.get(name)
        if clip is None:
            return None
        process = subprocess.Popen(flv_command(clip), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        with self._lock:
            self.flv_requests.append(name)
            self._pipes.add(process)
        return process

    def close_flv(self, process: subprocess.Popen[bytes]) -> None:
        with self._lock:
            self._pipes.discard(process)
        _end(process)

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        with self._lock:
            pipes, self._pipes = list(self._pipes), set()
        for process in [*pipes, *self._segmenters]:
            _end(process)


def _end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=5)
    if process.stdout is not None:
        process.stdout.close()


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
        process = self.server.open_flv(name)
        if process is None or process.stdout is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "video/x-flv")
        self.end_headers()
        try:
            while data := os.read(process.stdout.fileno(), READ_SIZE):  # what is there, unbuffered
                self.wfile.write(data)
        except OSError:
            pass  # the player went away
        finally:
            self.server.close_flv(process)

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
def serving_flv_hls(clips: dict[str, Path], *, hls: bool = True) -> Iterator[FlvHlsServer]:
    """A running server for ``clips`` (HLS segmenters started unless ``hls=False``), always stopped."""
    hls_dir = Path(tempfile.mkdtemp(prefix="cc-hls-"))
    server = FlvHlsServer(clips, hls_dir)
    thread = threading.Thread(target=server.serve_forever, name="flv-hls http", daemon=True)
    thread.start()
    try:
        if hls:
            server.start_hls()
        yield server
    finally:
        server.stop()
        thread.join(timeout=5)
        shutil.rmtree(hls_dir, ignore_errors=True)
