"""Recorded video over WVP's API: recorded replies parsed, and the loopback fake steered like the
platform (record query with the hour's gap, start, seek, speed, pause, resume, stop)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.catalog.wvp_playback import RecordRange, WvpPlayback
from commandcenter.district_time import district_clock
from commandcenter.testing.fake_wvp_playback import FakeWvpPlayback, running_fake_wvp_playback

RECORDED = Path(__file__).parent.parent / "data" / "wvp"
NVR, CHANNEL = "41010300001180000001", "41010300001320000001"


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 12, 2, hour, minute, second, tzinfo=district_clock().zone)


class _Recorded(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = "record_query.json" if "/gb_record/" in self.path else "playback_start.json"
        body = (RECORDED / name).read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorded() -> Iterator[WvpPlayback]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorded)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield WvpPlayback(WvpCatalog(f"http://127.0.0.1:{server.server_address[1]}"))
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def fake() -> Iterator[FakeWvpPlayback]:
    with running_fake_wvp_playback(gap=(20, 24)) as server:
        yield server


def test_recorded_record_list_is_clipped_to_the_asked_period(recorded: WvpPlayback) -> None:
    ranges = recorded.records(NVR, CHANNEL, at(9, 0), at(10, 0))
    assert ranges == [
        RecordRange(at(9, 0), at(9, 10)),
        RecordRange(at(9, 14, 31), at(9, 30)),
        RecordRange(at(9, 30), at(10, 0)),
    ]


def test_recorded_playback_reply_gives_the_flv_url(recorded: WvpPlayback) -> None:
    stream = recorded.start(NVR, CHANNEL, at(9, 0), at(10, 0))
    assert stream.stream == "1100000001"
    assert stream.url == "http://127.0.0.1:8080/rtp/1100000001.live.ts"  # TS first: see URL_PREFERENCE


def test_fake_platform_holds_recordings_around_the_hourly_gap(fake: FakeWvpPlayback) -> None:
    playback = WvpPlayback(WvpCatalog(fake.url))
    ranges = playback.records(NVR, CHANNEL, at(9, 5), at(9, 40))
    assert ranges[0].start == at(9, 5)
    assert [(r.start, r.end) for r in ranges if r.start <= at(9, 20) < r.end] == []
    assert any(r.start == at(9, 24) for r in ranges)
    assert ranges[-1].end == at(9, 40)
    assert fake.calls == [f"/api/gb_record/query/{NVR}/{CHANNEL}"]


def test_fake_platform_is_steered_as_wvp_documents(fake: FakeWvpPlayback) -> None:
    playback = WvpPlayback(WvpCatalog(fake.url))
    stream = playback.start(NVR, CHANNEL, at(9, 0), at(10, 0))
    session = fake.sessions[stream.stream]
    playback.seek(stream, at(9, 30))
    assert session.position_s() >= 1800
    playback.pause(stream)
    held = session.position_s()
    assert session.paused
    assert session.position_s() == held
    playback.speed(stream, 8)
    playback.resume(stream)
    assert session.speed == 8
    assert not session.paused
    playback.stop(stream)
    assert stream.stream not in fake.sessions
    with pytest.raises(CatalogError, match="code 100"):
        playback.seek(stream, at(9, 40))
    assert [call.split("/")[3] for call in fake.calls] == [
        "start",
        "seek",
        "pause",
        "speed",
        "resume",
        "stop",
        "seek",
    ]
