"""GB/T 28181 platform benchmark, live half (issue 18): PTZ round trip and leaked streams, against the
loopback WVP (``commandcenter.testing.wvp_platform``) through the desk's real service path.

* ``measure_ptz_p95_ms``: an operator's ``PlatformService.move`` — permission check, the platform's
  ``/api/front-end/ptz`` call over loopback HTTP, and (for a movement) the audit row in a SQLite file —
  alternating a direction and ``stop``; p95 over ``commands`` calls (target ≤ 150 ms).
* ``measure_streams_leaked``: a real ``QtVideoWall`` under Xvfb (its own when ``DISPLAY`` is unset) with
  16 tiles opened from the platform (``/api/play/start`` through the service; the play reply points at a
  loopback socket that never answers, so every tile holds a player), ``PlatformRelease`` running as in
  the main window; after 2 s of watching the wall is stopped and closed, and the platform streams not
  stopped within 5 s are counted (target 0).

Runnable alone; the last line is ``{"ptz_p95_ms": …, "streams_leaked": …}``.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from qt_wait import wait_until  # bench/ is the script's folder, first on sys.path
from startup import _ensure_display

from commandcenter.catalog.wvp_ptz import PtzMove
from commandcenter.config import PlatformSettings
from commandcenter.domain.cameras import CameraFeed
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.platform_service import PlatformService
from commandcenter.testing.accounts import services_for
from commandcenter.testing.silent_stream import silent_stream_base
from commandcenter.testing.wvp_platform import FakeWvpPlatform, running_platform
from ui.background import BackgroundRunner
from ui.videowall.platform_release import PlatformRelease
from ui.videowall.qt_wall import QtVideoWall

TILES = 16
RELEASE_WINDOW_S = 5.0
WATCH_S = 2.0


def _desk(store: Store, platform: FakeWvpPlatform) -> PlatformService:
    service = services_for(store, UserRole.OPERATOR).platform_video(
        [PlatformSettings("基准平台", platform.url)]
    )
    assert service is not None
    service.list_cameras()
    return service


def measure_ptz_p95_ms(commands: int = 300) -> float:
    with tempfile.TemporaryDirectory(prefix="cc-bench-ptz-") as folder, running_platform(1, 2) as platform:
        store = Store.open(f"sqlite:///{Path(folder) / 'ptz.sqlite'}")
        try:
            service = _desk(store, platform)
            code = platform.channels[0].channel_id
            service.move(code, PtzMove.STOP)  # connections and statements warmed once
            times = []
            for index in range(commands):
                command = (PtzMove.LEFT, PtzMove.STOP, PtzMove.ZOOM_IN, PtzMove.STOP)[index % 4]
                started = time.perf_counter()
                service.move(code, command, 0.5)
                times.append((time.perf_counter() - started) * 1000)
        finally:
            store.close()
    p95 = statistics.quantiles(times, n=20)[-1]
    print(f"PTZ round trip over {commands} commands: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms")
    return p95


def measure_streams_leaked(tiles: int = TILES) -> int:
    xvfb = _ensure_display()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QApplication.instance() or QApplication(sys.argv)
    try:
        with (
            tempfile.TemporaryDirectory(prefix="cc-bench-streams-") as folder,
            running_platform(2, tiles // 2) as platform,
        ):
            platform.media_url = silent_stream_base()
            store = Store.open(f"sqlite:///{Path(folder) / 'streams.sqlite'}")
            wall = QtVideoWall()
            runner = BackgroundRunner()
            try:
                service = _desk(store, platform)
                release = PlatformRelease(service, runner)
                wall.resize(1600, 900)
                wall.show()
                feeds = [
                    CameraFeed(c.channel_id, c.name, main_url=service.stream_urls(c.channel_id).main)
                    for c in platform.channels[:tiles]
                ]
                wall.show_feeds(feeds, layout="4x4")
                wait_until(lambda: all(tile.player is not None for tile in wall.tiles), 20)
                wait_until(lambda: False, WATCH_S)  # watched a while, as an operator does
                opened = len(platform.open_streams)
                wall.stop_all()
                wall.close()
                wall.deleteLater()
                closed = time.monotonic()
                wait_until(lambda: not platform.open_streams, RELEASE_WINDOW_S)
                leaked = len(platform.open_streams)
                took = time.monotonic() - closed
                print(
                    f"{opened} platform streams open on a 4x4 wall; closed: {leaked} left after {took:.2f} s"
                )
                release.release_all()
            finally:
                runner.shutdown()
                store.close()
    finally:
        del app
        if xvfb:
            xvfb.terminate()
    return leaked


def main() -> None:
    ptz = measure_ptz_p95_ms()
    leaked = measure_streams_leaked()
    print(json.dumps({"ptz_p95_ms": round(ptz, 1), "streams_leaked": leaked}))


if __name__ == "__main__":
    main()
