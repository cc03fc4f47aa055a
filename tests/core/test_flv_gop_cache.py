"""The loopback HTTP-FLV server's media-server half: FLV tags read off ffmpeg's real output, the GOP
cache a new player starts from (header, metadata, sequence headers, the tags since the last
keyframe), and the fan-out that drops a player who stops reading instead of waiting for it."""

from __future__ import annotations

import io
import shutil
import subprocess
import urllib.request
from pathlib import Path

import pytest

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clip_recipe import GOP
from commandcenter.streaming.clips import ensure_demo_clips, find_clip_sets
from commandcenter.testing import flv_live_source
from commandcenter.testing.flv_gop_cache import GopCache
from commandcenter.testing.flv_hls_server import serving_flv_hls
from commandcenter.testing.flv_live_source import LiveFlvSource, producer_command
from commandcenter.video.remux.flv_tags import AUDIO, SCRIPT, VIDEO, FlvTag, read_header, read_tag

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the other stream tests
    ensure_demo_clips(1, directory=directory)
    return find_clip_sets(directory)[0].path(StreamTier.SUB)


@pytest.fixture(scope="module")
def flv(clip: Path, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """Three seconds of what the producer writes (not at the clip's pace), as a file."""
    path = tmp_path_factory.mktemp("flv") / "three-seconds.flv"
    command = [part for part in producer_command(clip, mute_audio=True) if part != "-re"]
    subprocess.run([*command[:-1], "-t", "3", str(path)], check=True, timeout=60)
    return path.read_bytes()


def _tags(data: bytes) -> tuple[bytes, list[FlvTag]]:
    stream = io.BytesIO(data)
    header, tags = read_header(stream), []
    while (tag := read_tag(stream)) is not None:
        tags.append(tag)
    return header, tags


def test_the_tags_of_ffmpeg_flv_are_read_with_their_kinds(flv: bytes) -> None:
    header, tags = _tags(flv)
    assert header[:3] == b"FLV"
    assert header[4] == 0x05
    assert len(header) + sum(len(tag.raw) for tag in tags) == len(flv)
    assert tags[0].kind == SCRIPT
    assert b"onMetaData" in tags[0].data
    assert tags[1].is_avc_sequence_header
    assert tags[2].is_aac_sequence_header
    video = [tag for tag in tags if tag.kind == VIDEO and not tag.is_avc_sequence_header]
    assert [index for index, tag in enumerate(video) if tag.is_video_keyframe][:3] == [0, GOP, 2 * GOP]
    assert any(tag.kind == AUDIO and not tag.is_aac_sequence_header for tag in tags)
    assert [tag.timestamp_ms for tag in video] == sorted(tag.timestamp_ms for tag in video)


def test_a_truncated_stream_ends_without_a_torn_tag(flv: bytes) -> None:
    _, tags = _tags(flv[: len(flv) - 10])
    _, whole = _tags(flv)
    assert tags == whole[:-1]
    with pytest.raises(ValueError, match="not an FLV"):
        read_header(io.BytesIO(b"not flv at all"))


def test_the_cache_holds_the_headers_and_the_tags_since_the_last_keyframe(flv: bytes) -> None:
    header, tags = _tags(flv)
    cache = GopCache(header)
    cut = len(tags) * 2 // 3
    for tag in tags[:cut]:
        cache.add(tag)
    last_key = max(i for i, tag in enumerate(tags[:cut]) if tag.is_video_keyframe)
    assert cache.gop() == tags[last_key:cut]
    assert cache.start() == header + b"".join(tag.raw for tag in [*tags[:3], *tags[last_key:cut]])
    assert cache.start(with_gop=False) == header + b"".join(tag.raw for tag in tags[:3])


def test_a_player_starting_from_the_cache_decodes_without_an_error(flv: bytes, tmp_path: Path) -> None:
    header, tags = _tags(flv)
    cache = GopCache(header)
    cut = len(tags) // 2
    for tag in tags[:cut]:
        cache.add(tag)
    joined = tmp_path / "joined.flv"
    joined.write_bytes(cache.start() + b"".join(tag.raw for tag in tags[cut:]))
    decoded = subprocess.run(
        ["ffmpeg", "-hide_banner", "-v", "error", "-i", str(joined), "-f", "null", "-"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert decoded.returncode == 0
    assert decoded.stderr == ""


def test_a_player_who_stops_reading_is_dropped_and_the_others_go_on(
    clip: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(flv_live_source, "QUEUE_TAGS", 5)
    source = LiveFlvSource(clip)
    try:
        idle, reading = source.join(), source.join()
        assert idle is not None
        assert reading is not None
        assert idle.first_bytes.startswith(b"FLV")
        received = [reading.next_tag() for _ in range(40)]  # ~1.2 s of live tags, far past 5
        assert all(tag is not None for tag in received)
        queued = [idle.next_tag() for _ in range(5)]  # 4 tags it had, then the end
        assert queued[-1] is None  # dropped: its feed ends where its queue overflowed
    finally:
        source.stop()


def _first_tags(url: str, count: int) -> tuple[bytes, list[FlvTag]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        header = read_header(response)
        return header, [tag for _ in range(count) if (tag := read_tag(response)) is not None]


@pytest.mark.parametrize("mute_audio", [True, False])
def test_each_player_of_the_server_starts_at_the_cached_keyframe(clip: Path, mute_audio: bool) -> None:
    with serving_flv_hls({"cam": clip}, hls=False, mute_audio=mute_audio) as server:
        for _ in range(2):
            header, tags = _first_tags(server.flv_url("cam"), 4)
            assert header[4] == (0x05 if mute_audio else 0x01)
            assert tags[0].kind == SCRIPT
            assert tags[1].is_avc_sequence_header
            assert tags[2].is_aac_sequence_header is mute_audio
            assert tags[3 if mute_audio else 2].is_video_keyframe
        assert server.flv_requests == ["cam", "cam"]


def test_without_the_cache_a_player_waits_for_the_next_keyframe(clip: Path) -> None:
    with serving_flv_hls({"cam": clip}, hls=False, gop_cache=False) as server:
        _, tags = _first_tags(server.flv_url("cam"), 4)
    assert [tag.kind for tag in tags[:3]] == [SCRIPT, VIDEO, AUDIO]
    assert tags[3].is_video_keyframe
