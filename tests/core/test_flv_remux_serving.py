"""The loopback FLV→TS server a tile's libVLC reads (``video/remux/server``), over real sockets:
what it answers for a good FLV, a codec it does not carry, a dead or wrong source, a stranger's path."""

from __future__ import annotations

import http.client
import io
import shutil
import socket
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.testing.file_server import serving_files
from commandcenter.video.remux.flv_tags import read_header, read_tag
from commandcenter.video.remux.flv_to_ts import FlvToTs
from commandcenter.video.remux.server import FlvRemuxServer, is_http_flv

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A plain HTTP server of FLV files (what a media server's ``.flv`` URL gives a player)."""
    folder = tmp_path_factory.mktemp("served")
    lavfi = ["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1"]
    subprocess.run(
        [*lavfi, "-c:v", "libx264", "-g", "10", "-pix_fmt", "yuv420p", str(folder / "h264.flv")], check=True
    )
    subprocess.run([*lavfi, "-c:v", "flv1", str(folder / "sorenson.flv")], check=True)
    (folder / "page.flv").write_text("<html>not a stream</html>")
    with serving_files(folder) as base:
        yield base


@pytest.fixture
def remux() -> Iterator[FlvRemuxServer]:
    server = FlvRemuxServer()
    yield server
    server.close()


def _get(url: str) -> http.client.HTTPResponse:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=15)
    connection.request("GET", f"{parts.path}?{parts.query}")
    return connection.getresponse()


def _expected_ts(path: Path) -> bytes:
    stream = io.BytesIO(path.read_bytes())
    read_header(stream)
    converter = FlvToTs()
    return b"".join(converter.add(tag) for tag in iter(lambda: read_tag(stream), None))


def test_a_player_reads_the_flv_as_ts(files: str, remux: FlvRemuxServer, tmp_path: Path) -> None:
    answer = _get(remux.url_for(f"{files}/h264.flv"))
    assert answer.status == 200
    assert answer.getheader("Content-Type") == "video/mp2t"
    body = answer.read()
    flv = tmp_path / "h264.flv"
    flv.write_bytes(_get(f"{files}/h264.flv").read())
    assert body == _expected_ts(flv)
    assert body[:3] == b"\x47\x40\x00"
    assert remux.players == 1


def test_a_codec_it_does_not_carry_is_handed_back_to_the_player(files: str, remux: FlvRemuxServer) -> None:
    answer = _get(remux.url_for(f"{files}/sorenson.flv"))
    assert answer.status == 302
    assert answer.getheader("Location") == f"{files}/sorenson.flv"


def test_a_dead_or_wrong_source_answers_502_with_the_reason(files: str, remux: FlvRemuxServer) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    dead = _get(remux.url_for(f"http://127.0.0.1:{closed}/live/cam.live.flv"))
    assert dead.status == 502
    assert "unreachable" in (dead.reason or "")
    assert _get(remux.url_for(f"{files}/missing.flv")).status == 502  # the source answered 404
    wrong = _get(remux.url_for(f"{files}/page.flv"))
    assert wrong.status == 502
    assert "not an FLV stream" in (wrong.reason or "")


def test_only_its_own_paths_and_flv_urls_are_served(files: str, remux: FlvRemuxServer) -> None:
    good = remux.url_for(f"{files}/h264.flv")
    assert _get(good.replace(remux.secret, "guessed")).status == 404
    assert _get(remux.url_for(f"{files}/h264.mp4")).status == 404
    assert _get(remux.url_for("file:///etc/passwd.flv")).status == 404
    assert remux.players == 0


@pytest.mark.parametrize(
    ("url", "flv"),
    [
        ("http://media:80/rtp/3402_3402.live.flv", True),
        ("https://media/live/a.FLV?token=x", True),
        ("http://media/live/a.live.ts", False),
        ("rtmp://media/live/a.flv", False),
        ("http://media/hls/a/hls.m3u8", False),
    ],
)
def test_which_urls_are_http_flv(url: str, flv: bool) -> None:
    assert is_http_flv(url) is flv
