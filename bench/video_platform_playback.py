"""Video from a platform's media server, second half (issue 18), under Xvfb, all on loopback.

- ``flv_ttff_p50_s``: HTTP-FLV of a demo clip from ``testing/flv_hls_server`` as ZLMediaKit serves
  ``.live.flv`` behind WVP (one running ``ffmpeg -re`` producer per clip with a silent AAC track, a
  GOP cache sent to each new player at once, then the live tags); from ``tile.play`` to the tile's
  first picture (libVLC's video output event), ``TILES`` tiles at once, ``ROUNDS`` rounds; median
  (must be ≤ 1.0 s). The tiles play it as the desk does: through the FLV→TS remux (``video/remux``).
- Human lines only (not in the JSON): the baseline — the same FLV given to libVLC as it is
  (``remux_flv=False``: libavformat's FLV demuxer) —, a camera-typical GOP (the clip re-encoded once
  with ``-g 50``: 2 s at 25 fps, Hikvision's and Dahua's default I-frame interval), and a
  video-only FLV (no silent audio track: ZLMediaKit with ``add_mute_audio=0``), with and without
  the GOP cache.
- ``hls_ttff_p50_s``: the same for a live HLS playlist of one-second segments written by ffmpeg
  (must be ≤ 2.0 s).
- ``seek_p50_s``: a playback on the fake WVP (``testing/fake_wvp_playback``): from the seek call to
  the first picture of the stream at the new time (the API call, the player restarting on the
  reply's preferred URL — HTTP-TS — and the fake media server starting ffmpeg there); median of
  ``SEEKS`` (must be ≤ 1.5 s).
Each function runs alone (it makes its display and QApplication when there is none), so the lead's
``bench/video_platform.py`` can import them. Run alone: last line one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from qt_wait import wait_ms, wait_until  # bench/ is the script's folder, first on sys.path
from startup import _ensure_display

from commandcenter import paths
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.catalog.wvp_playback import WvpPlayback
from commandcenter.district_time import district_clock
from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clip_recipe import TIERS, ffmpeg_binary
from commandcenter.streaming.clips import ensure_demo_clips, find_clip_sets
from commandcenter.testing.fake_wvp_playback import running_fake_wvp_playback
from commandcenter.testing.flv_hls_server import FlvHlsServer, serving_flv_hls
from commandcenter.video.vlc_backend import LibVlcBackend
from ui.video.qt_video_tile import QtVideoTile

TILES, ROUNDS, SEEKS = 4, 3, 6
CAMERA_GOP = 50  # 2 s at 25 fps: the default I-frame interval of Hikvision and Dahua cameras


_XVFB: list[subprocess.Popen[bytes]] = []  # the display this module started, ended by main()


def end_display() -> None:
    """End the Xvfb ``_app`` started (else it outlives the run and holds its output pipe open)."""
    while _XVFB:
        _XVFB.pop().terminate()


def _app() -> QApplication:
    if (xvfb := _ensure_display()) is not None:
        _XVFB.append(xvfb)
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication(sys.argv)


def _tiles(count: int, backend: LibVlcBackend | None = None) -> list[QtVideoTile]:
    tiles = []
    for index in range(count):
        tile = QtVideoTile(backend=backend)
        tile.resize(480, 300)
        tile.move(20 + (index % 4) * 490, 20 + (index // 4) * 310)
        tile.show()
        tiles.append(tile)
    wait_ms(300)
    return tiles


def _close(tiles: list[QtVideoTile]) -> None:
    for tile in tiles:
        tile.stop()
        tile.session.backend.settle()
        tile.close()
        tile.deleteLater()
    wait_ms(200)


def _first_pictures(tiles: list[QtVideoTile], urls: list[str], timeout_s: float = 30) -> list[float]:
    """Play ``urls`` on ``tiles`` at once; the seconds until each drew its first picture."""
    firsts: dict[int, float] = {}
    connections = [
        tile.first_frame.connect(lambda i=i: firsts.setdefault(i, time.monotonic() - started))
        for i, tile in enumerate(tiles)
    ]
    started = time.monotonic()
    for index, (tile, url) in enumerate(zip(tiles, urls, strict=True)):
        tile.play(f"摄像机{index}", url)
    wait_until(lambda: len(firsts) >= len(tiles), timeout_s, step_ms=5)
    for tile, connection in zip(tiles, connections, strict=True):
        tile.first_frame.disconnect(connection)
    return list(firsts.values())


def _camera_gop_clip(clip: Path) -> Path:
    """``clip`` re-encoded once with a camera-typical GOP (same size and bit rate), cached in /tmp."""
    out = Path(tempfile.gettempdir()) / f"cc-bench-gop{CAMERA_GOP}" / clip.name
    if not out.is_file() or out.stat().st_mtime < clip.stat().st_mtime:
        out.parent.mkdir(exist_ok=True)
        kbps = TIERS[StreamTier.SUB].kbps
        command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(clip), "-an"]
        command += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
        command += ["-g", str(CAMERA_GOP), "-keyint_min", str(CAMERA_GOP), "-sc_threshold", "0"]
        command += ["-b:v", f"{kbps}k", "-maxrate", f"{kbps}k", "-bufsize", f"{kbps // 2}k"]
        subprocess.run([*command, "-f", "mpegts", str(out)], check=True, timeout=120)
    return out


def _clip_server(hls: bool, camera_gop: bool = False, **flv: bool) -> tuple[FlvHlsServer, object]:
    ensure_demo_clips(TILES)
    clips = {f"cam{c.index}": c.path(StreamTier.SUB) for c in find_clip_sets(paths.demo_media_dir())[:TILES]}
    if camera_gop:
        clips = {name: _camera_gop_clip(clip) for name, clip in clips.items()}
    manager = serving_flv_hls(clips, hls=hls, **flv)
    return manager.__enter__(), manager


def _ttff_p50(
    kind: str, label: str = "", camera_gop: bool = False, backend: LibVlcBackend | None = None, **flv: bool
) -> float:
    _app()
    server, manager = _clip_server(hls=kind == "hls", camera_gop=camera_gop, **flv)
    tiles = _tiles(TILES, backend)
    times: list[float] = []
    try:
        names = sorted(server.clips)
        for _ in range(ROUNDS):
            urls = [server.flv_url(n) if kind == "flv" else server.hls_url(n) for n in names]
            times += _first_pictures(tiles, urls)
            for tile in tiles:
                tile.stop()
            wait_ms(500)
    finally:
        _close(tiles)
        manager.__exit__(None, None, None)  # type: ignore[attr-defined]
    print(
        f"{label or kind}: first picture of {len(times)} tiles: "
        + " ".join(f"{t:.2f}" for t in sorted(times))
    )
    return statistics.median(times)


def measure_flv_ttff_p50_s() -> float:
    return _ttff_p50("flv")


def measure_flv_unremuxed_ttff_p50_s() -> float:
    """The baseline: the same FLV handed to libVLC as it is (its libavformat FLV demuxer)."""
    baseline = LibVlcBackend(remux_flv=False)
    return _ttff_p50("flv", "flv, not remuxed (libVLC's own FLV path)", backend=baseline)


def measure_flv_camera_gop_ttff_p50_s() -> float:
    """As ``measure_flv_ttff_p50_s`` with the clips re-encoded to a camera-typical 2 s GOP."""
    return _ttff_p50("flv", f"flv, {CAMERA_GOP}-frame GOP", camera_gop=True)


def measure_flv_video_only_ttff_p50_s(gop_cache: bool) -> float:
    """A video-only FLV (no silent AAC track), with or without the GOP cache."""
    label = "flv, video only, " + ("GOP cache" if gop_cache else "no GOP cache")
    return _ttff_p50("flv", label, mute_audio=False, gop_cache=gop_cache)


def flv_variant_lines() -> list[str]:
    """The FLV figures that are not the bar's (human lines of both benchmarks)."""
    unremuxed = measure_flv_unremuxed_ttff_p50_s()
    camera = measure_flv_camera_gop_ttff_p50_s()
    cached, plain = measure_flv_video_only_ttff_p50_s(True), measure_flv_video_only_ttff_p50_s(False)
    return [
        f"HTTP-FLV first picture p50 handed to libVLC as it is (no remux, the baseline): {unremuxed:.2f} s",
        f"HTTP-FLV first picture p50 with a camera-typical {CAMERA_GOP}-frame (2 s) GOP: {camera:.2f} s",
        f"video-only HTTP-FLV (no mute audio track) first picture p50: {cached:.2f} s with the GOP cache, "
        f"{plain:.2f} s without",
    ]


def measure_hls_ttff_p50_s() -> float:
    return _ttff_p50("hls")


def measure_seek_p50_s() -> float:
    _app()
    start = datetime(2026, 12, 2, 9, 0, tzinfo=district_clock().zone)
    times: list[float] = []
    with running_fake_wvp_playback() as fake:
        playback = WvpPlayback(WvpCatalog(fake.url))
        stream = playback.start(
            "41010300001180000001", "41010300001320000001", start, start + timedelta(hours=1)
        )
        (tile,) = _tiles(1)
        try:
            _first_pictures([tile], [stream.url])
            for index in range(SEEKS):
                wait_ms(800)
                started = time.monotonic()
                playback.seek(stream, start + timedelta(minutes=7 * index + 5))
                call_s = time.monotonic() - started
                times += [call_s + first for first in _first_pictures([tile], [stream.url])]
        finally:
            _close([tile])
            playback.stop(stream)
    print("seek: first picture at the new time after " + " ".join(f"{t:.2f}" for t in times))
    return statistics.median(times)


def main() -> None:
    try:
        flv, hls, seek = measure_flv_ttff_p50_s(), measure_hls_ttff_p50_s(), measure_seek_p50_s()
        for line in flv_variant_lines():
            print(line)
        print(f"load average: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
        print(
            json.dumps(
                {
                    "flv_ttff_p50_s": round(flv, 3),
                    "hls_ttff_p50_s": round(hls, 3),
                    "seek_p50_s": round(seek, 3),
                }
            )
        )
    finally:
        end_display()  # last: Qt may end the process once its X server is gone


if __name__ == "__main__":
    main()
