"""Fast start of live streams: the GOP cache checked against ffprobe's keyframe positions (H.264 and
H.265 files made by ffmpeg), and the relay in front of the demo's libVLC broadcasts on real sockets."""

from __future__ import annotations

import contextlib
import itertools
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.streaming.ts_gop_cache import (
    PACKET_SIZE,
    GopCache,
    packet_pid,
    pmt_pid_from_pat,
    starts_keyframe,
    video_from_pmt,
)
from commandcenter.streaming.ts_relay import RelayedStream
from commandcenter.testing.demo_streams import running_demo_server

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")


@pytest.fixture(scope="module")
def clips_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the other video tests
    ensure_demo_clips(2, directory=directory)
    return directory


@pytest.fixture(scope="module")
def hevc_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hevc") / "clip.ts"
    command = ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25", "-t", "4"]
    command += ["-c:v", "libx265", "-x265-params", "keyint=20:min-keyint=20:log-level=error", str(path)]
    subprocess.run(command, check=True)
    return path


def keyframe_positions(path: Path) -> list[int]:
    """Byte offsets of the TS packets that start a keyframe, as ffprobe (an independent parser) sees them."""
    command = ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pos,flags"]
    output = subprocess.run([*command, "-of", "csv=p=0", str(path)], capture_output=True, check=True).stdout
    rows = [line.split(",") for line in output.decode().splitlines() if line]
    return [int(row[0]) for row in rows if "K" in row[1]]


def tables(data: bytes) -> bytes:
    """The latest PAT packet and the latest PMT packet in ``data`` (what a joining client needs)."""
    packets = [data[i : i + PACKET_SIZE] for i in range(0, len(data) - PACKET_SIZE + 1, PACKET_SIZE)]
    pat = next(p for p in reversed(packets) if packet_pid(p) == 0)
    pmt_pid = pmt_pid_from_pat(pat)
    return pat + next(p for p in reversed(packets) if packet_pid(p) == pmt_pid)


def fed_in_odd_chunks(data: bytes) -> GopCache:
    cache, position = GopCache(), 0
    for size in itertools.cycle((1000, 7, 4096, 188, 1)):
        if position >= len(data):
            return cache
        cache.feed(data[position : position + size])
        position += size
    raise AssertionError("unreachable")


@pytest.mark.parametrize("tier", [StreamTier.SUB, StreamTier.MAIN])
def test_gop_cache_starts_at_the_latest_keyframe_ffprobe_sees(clips_dir: Path, tier: StreamTier) -> None:
    path = clips_dir / f"clip-0-{tier.value}.ts"
    data, keyframes = path.read_bytes(), keyframe_positions(path)
    assert len(keyframes) > 5
    for cut in (keyframes[2] + PACKET_SIZE, keyframes[4] + 5000, len(data)):
        cache = fed_in_odd_chunks(data[:cut])
        latest = max(k for k in keyframes if k + PACKET_SIZE <= cut)
        whole = cut - (cut - latest) % PACKET_SIZE
        assert cache.start_bytes() == tables(data[:whole]) + data[latest:whole]
    assert fed_in_odd_chunks(data).keyframes == len(keyframes)


def test_gop_cache_finds_hevc_keyframes(hevc_clip: Path) -> None:
    data, keyframes = hevc_clip.read_bytes(), keyframe_positions(hevc_clip)
    cache = fed_in_odd_chunks(data)
    assert cache.keyframes == len(keyframes) >= 4
    assert cache.start_bytes() == tables(data) + data[keyframes[-1] :]


def test_gop_cache_resyncs_after_garbage_and_waits_for_tables(clips_dir: Path) -> None:
    data = (clips_dir / "clip-1-sub.ts").read_bytes()
    keyframes = keyframe_positions(clips_dir / "clip-1-sub.ts")
    cache = GopCache()
    cache.feed(b"\x00junk" * 3)  # before any packet: nothing to start from
    assert cache.start_bytes() is None
    # Garbage between packets (a torn network read) must not lose the keyframes after it.
    cut = keyframes[3]
    cache.feed(data[:cut] + b"\x47garbage!" + data[cut:])
    assert cache.keyframes == len(keyframes)
    assert cache.start_bytes() == tables(data) + data[keyframes[-1] :]


def test_keyframe_detection_reads_the_tables(clips_dir: Path) -> None:
    data = (clips_dir / "clip-0-sub.ts").read_bytes()
    pat_and_pmt = tables(data[: 100 * PACKET_SIZE])
    pmt_pid = pmt_pid_from_pat(pat_and_pmt[:PACKET_SIZE])
    video = video_from_pmt(pat_and_pmt[PACKET_SIZE:])
    assert pmt_pid is not None
    assert video is not None
    assert video[1] == 0x1B
    first_key = keyframe_positions(clips_dir / "clip-0-sub.ts")[1]
    assert starts_keyframe(data[first_key : first_key + PACKET_SIZE], video[1])


def http_get(port: int, path: str, method: str = "GET", size: int = 0) -> tuple[bytes, bytes]:
    """(status line and headers, the first ``size`` body bytes) over a plain socket."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"{method} /{path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = b""
        while b"\r\n\r\n" not in received or len(received.partition(b"\r\n\r\n")[2]) < size:
            chunk = connection.recv(65536)
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    return head, body[:size]


def test_a_joining_client_gets_tables_and_a_keyframe_first(clips_dir: Path) -> None:
    with running_demo_server(clips_dir, clip_count=2) as server:
        head, body = http_get(server.port, "demo/1/sub.ts", size=40 * PACKET_SIZE)
        assert head.startswith(b"HTTP/1.0 200")
        assert b"video/mp2t" in head
        packets = [body[i : i + PACKET_SIZE] for i in range(0, len(body), PACKET_SIZE)]
        assert packet_pid(packets[0]) == 0
        video = video_from_pmt(packets[1])
        assert packet_pid(packets[1]) == pmt_pid_from_pat(packets[0])
        assert video is not None
        assert packet_pid(packets[2]) == video[0]
        assert starts_keyframe(packets[2], video[1])
        head, body = http_get(server.port, "demo/1/sub.ts", method="HEAD")
        assert head.startswith(b"HTTP/1.0 200")
        assert body == b""
        assert http_get(server.port, "demo/9/sub.ts")[0].startswith(b"HTTP/1.0 404")


class _FileUpstream(BaseHTTPRequestHandler):
    """Serves one TS file as fast as the socket takes it, then ends (an upstream that drops)."""

    data = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        with contextlib.suppress(OSError):  # the relay may stop reading mid-file
            self.wfile.write(self.data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def file_upstream(clips_dir: Path) -> Iterator[int]:
    handler = type("Upstream", (_FileUpstream,), {"data": (clips_dir / "clip-0-main.ts").read_bytes()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def wait_until(condition: object, timeout_s: float = 10) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_relay_reconnects_upstream_and_cuts_off_a_client_that_does_not_read(file_upstream: int) -> None:
    stream = RelayedStream("127.0.0.1", file_upstream, "clip.ts", backlog_bytes=1_000_000)
    stream.start()
    try:
        wait_until(lambda: stream.ready)
        stalled = stream.join()
        assert stalled is not None
        # The upstream ends after each file; the relay connects again and keeps publishing, and a client
        # with over a megabyte queued is cut off rather than buffered without end.
        wait_until(lambda: stream.upstream_connects >= 3 and stalled.cut_off)
        assert stalled.queued == 0
        assert not stalled.chunks
        assert stream.take(stalled) is None
        # Between upstream connections nothing is cached (a stale GOP is not live video): wait for one.
        joined: list[object] = []
        wait_until(lambda: joined.append(stream.join()) or joined[-1] is not None)
        reader = joined[-1]
        assert isinstance(reader, type(stalled))
        assert (stream.take(reader) or b"")[:1] == b"\x47"
    finally:
        stream.stop()
