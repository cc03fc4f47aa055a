"""Tour scheduling: pages, dwell, skipping offline cameras, pausing, and the page to pre-connect."""

from __future__ import annotations

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.tour import MIN_DWELL_S, Tour

CAMS = [CameraFeed(f"c{i}", f"摄像机{i}", sub_url=f"http://s/{i}") for i in range(7)]
OFFLINE = CameraFeed("off", "离线")


def codes(feeds: list[CameraFeed]) -> list[str]:
    return [feed.code for feed in feeds]


def test_pages_dwell_and_wrap_skipping_offline_cameras() -> None:
    tour = Tour([CAMS[0], OFFLINE, *CAMS[1:7]], page_size=3, dwell_s=10)
    assert tour.page_count == 3
    assert codes(tour.start(0.0)) == ["c0", "c1", "c2"]
    assert codes(tour.upcoming()) == ["c3", "c4", "c5"]
    assert not tour.due(9.9)
    assert tour.due(10.0)
    assert codes(tour.advance(10.0)) == ["c3", "c4", "c5"]
    assert codes(tour.advance(20.0)) == ["c6"]
    assert codes(tour.upcoming()) == ["c0", "c1", "c2"]
    assert codes(tour.advance(30.0)) == ["c0", "c1", "c2"]


def test_a_camera_that_goes_offline_drops_out_on_the_next_round() -> None:
    online = {cam.code for cam in CAMS[:4]}
    tour = Tour(CAMS[:4], page_size=2, dwell_s=5, is_online=lambda f: f.code in online)
    tour.start(0.0)
    online.discard("c1")
    tour.advance(5.0)
    assert codes(tour.advance(10.0)) == ["c0", "c2"]


def test_pause_stops_the_clock_and_a_single_page_never_switches() -> None:
    tour = Tour(CAMS[:4], page_size=2, dwell_s=10)
    tour.start(0.0)
    tour.pause(8.0)
    assert tour.paused
    assert not tour.due(30.0)
    tour.resume(30.0)
    assert not tour.due(31.0)  # 8 s of dwell used before the pause, 1 s after
    assert tour.due(32.0)

    single = Tour(CAMS[:2], page_size=4, dwell_s=1)
    single.start(0.0)
    assert single.dwell_s == MIN_DWELL_S
    assert single.upcoming() == []
    assert not single.due(100.0)
