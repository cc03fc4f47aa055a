"""The decode budget from the streams a seat plays, not the demo clips: the format of a live
loopback stream probed from its packets, and the budget timed on its URLs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clip_recipe import FPS, TIERS
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.streaming.stream_server import DemoStreamServer
from commandcenter.testing.demo_streams import free_loopback_port, running_demo_server
from commandcenter.wall.decode_budget import DecodeTier, measure_budget
from commandcenter.wall.stream_format import StreamFormat, StreamProbeError, probe_stream

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("ffprobe") is None, reason="needs ffmpeg"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoStreamServer]:
    directory = tmp_path_factory.getbasetemp() / "demo-clips"
    ensure_demo_clips(1, directory=directory)
    with running_demo_server(directory, clip_count=1) as running:
        yield running


def test_the_format_of_a_live_stream_is_read_from_the_stream(server: DemoStreamServer) -> None:
    main, sub = server.urls(StreamTier.MAIN)[0], server.urls(StreamTier.SUB)[0]
    tiers = TIERS[StreamTier.MAIN], TIERS[StreamTier.SUB]
    assert probe_stream(main) == StreamFormat("h264", tiers[0].width, tiers[0].height, FPS)
    assert probe_stream(sub) == StreamFormat("h264", tiers[1].width, tiers[1].height, FPS)


def test_the_budget_is_timed_on_the_played_streams(server: DemoStreamServer) -> None:
    budget = measure_budget(server.urls(StreamTier.MAIN)[0], server.urls(StreamTier.SUB)[0], cores=2)
    assert budget.costs[DecodeTier.MAIN] > budget.costs[DecodeTier.SUB] > 0
    assert budget.costs[DecodeTier.KEYFRAMES] < budget.costs[DecodeTier.SUB]


def test_a_dead_stream_says_so() -> None:
    with pytest.raises(StreamProbeError):
        probe_stream(f"http://127.0.0.1:{free_loopback_port()}/demo/0/sub.ts", timeout_s=5)
