"""Video wall benchmark (issue 3), under Xvfb with the demo streams served on loopback.

- ``tiles16_cpu_ratio`` / ``tiles36_cpu_ratio``: process CPU (user+system, all threads) over a fixed
  window with N wall tiles playing 640×360 sub streams, divided by the CPU of N bare libVLC players
  drawing into plain native windows of the same total size, measured in the same run (must be ≤ 1.10).
- ``ttff_p50_s`` / ``ttff_p95_s``: from ``show_feeds`` to each tile's first picture (libVLC's video
  output event), over the 16- and 36-tile walls (must be ≤ 1.0 s / ≤ 2.0 s).
- ``layout_switch_s``: 16 → 1 → 16; from the switch back until every tile plays and its clock moved.
- ``soak_rss_growth_pct``: with ``--soak-minutes M``, 16 tiles and a view tour over 32 cameras for M
  minutes; resident memory growth from minute 1 to the end (null when skipped, the default).
- ``reconnect_s``: SIGKILL the stream server, restart it, time until every tile plays again.
Starts its own Xvfb when no DISPLAY is set. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import sys
import threading
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget
from qt_wait import wait_ms, wait_until  # bench/ is the script's folder, first on sys.path
from startup import _ensure_display

from commandcenter import paths
from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.streaming.stream_server import DemoStreamServer
from commandcenter.testing.demo_streams import running_demo_server
from commandcenter.video.tile_state import TileState
from commandcenter.video.vlc_backend import LibVlcPlayer
from commandcenter.video.vlc_instance import vlc_instance
from ui.videowall.qt_wall import QtVideoWall

if TYPE_CHECKING:
    import vlc

SIZE = (1920, 1040)
CLIPS = 4


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def shown_pictures(players: list[vlc.MediaPlayer]) -> int:
    """Pictures displayed so far by these players: on a loaded X server libVLC drops late pictures,
    which lowers CPU too, so the printed pictures/s tell whether both sides really did the same work."""
    import vlc

    total = 0
    for player in players:
        media, stats = player.get_media(), vlc.MediaStats()
        if media is not None and media.get_stats(stats):
            total += int(stats.displayed_pictures)
    return total


def cpu_per_s(window_s: float, players: list[vlc.MediaPlayer], label: str) -> float:
    started_cpu, started, pictures = cpu_s(), time.monotonic(), shown_pictures(players)
    wait_ms(int(window_s * 1000))
    seconds = time.monotonic() - started
    cpu = (cpu_s() - started_cpu) / seconds
    fps = (shown_pictures(players) - pictures) / seconds / max(len(players), 1)
    print(f"  {label}: {len(players)} players, {cpu:.2f} CPU-s/s, {fps:.1f} pictures/s each")
    return cpu


def bare_players_cpu(urls: list[str], window_s: float) -> float:
    """N plain libVLC players in plain native windows: the physical cost of decoding and drawing."""
    import vlc

    host = QWidget()
    host.resize(*SIZE)
    grid = QGridLayout(host)
    columns = round(len(urls) ** 0.5)
    surfaces = []
    for index in range(len(urls)):
        surface = QWidget(host)
        surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        grid.addWidget(surface, index // columns, index % columns)
        surfaces.append(surface)
    host.show()
    wait_ms(200)
    drawn, lock = [0], threading.Lock()

    def on_vout(_event: object) -> None:
        with lock:
            drawn[0] += 1

    players = []
    for surface, url in zip(surfaces, urls, strict=True):
        player = vlc_instance().media_player_new()
        player.set_xwindow(int(surface.winId()))
        player.event_manager().event_attach(vlc.EventType.MediaPlayerVout, on_vout)
        player.set_media(vlc_instance().media_new(url))
        player.play()
        players.append(player)
    wait_until(lambda: drawn[0] >= len(urls), 30)
    wait_ms(2000)
    cpu = cpu_per_s(window_s, players, "bare")
    for player in players:
        player.stop()
        player.release()
    host.close()
    host.deleteLater()
    wait_ms(200)
    return cpu


def wall_run(
    wall: QtVideoWall, feeds: list[CameraFeed], layout: str, window_s: float
) -> tuple[list[float], float]:
    """Show ``feeds``; the time to first picture of every tile, then the CPU per second."""
    firsts: dict[int, float] = {}
    started = time.monotonic()
    wall.show_feeds(feeds, layout=layout)
    for index, tile in enumerate(wall.tiles):
        tile.first_frame.connect(lambda i=index: firsts.setdefault(i, time.monotonic() - started))
    wait_until(lambda: len(firsts) >= len(feeds), 30)
    wait_ms(2000)
    players = [tile.player.native for tile in wall.tiles if isinstance(tile.player, LibVlcPlayer)]
    times = sorted(firsts.values())
    if times:  # which view a slow tail comes from: the first one, the new tiles, one late stream
        print(
            f"  {layout}: first picture p50 {statistics.median(times):.2f} s, slowest "
            + " ".join(f"{value:.2f}" for value in times[-4:])
            + f" s ({len(times)} of {len(feeds)})"
        )
    return list(firsts.values()), cpu_per_s(window_s, players, "wall")


def all_playing(wall: QtVideoWall) -> bool:
    return all(tile.state is TileState.PLAYING and tile.isVisible() for tile in wall.tiles)


def layout_switch_s(wall: QtVideoWall) -> float:
    wall.set_layout("1x1")
    wait_ms(2000)
    clocks = {tile: tile.player.clock_ms() if tile.player else -1 for tile in wall.tiles}
    started = time.monotonic()
    wall.set_layout("4x4")
    wait_until(
        lambda: (
            all_playing(wall)
            and all(t.player is not None and t.player.clock_ms() > clocks.get(t, -1) for t in wall.tiles)
        ),
        30,
    )
    return time.monotonic() - started


def reconnect_s(wall: QtVideoWall, server: DemoStreamServer) -> float:
    assert server.pid is not None
    os.kill(server.pid, signal.SIGKILL)
    wait_until(lambda: all(tile.state is not TileState.PLAYING for tile in wall.tiles), 30)
    server.stop()
    started = time.monotonic()
    server.start()
    wait_until(lambda: all_playing(wall), 60)
    return time.monotonic() - started


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def soak_growth_pct(wall: QtVideoWall, feeds: list[CameraFeed], minutes: float) -> float:
    wall.show_feeds(feeds[:16], layout="4x4")
    wall.start_tour(feeds, dwell_s=10)
    wait_ms(60_000)
    first = rss_mb()
    wait_ms(int(max(minutes - 1, 0.1) * 60_000))
    last = rss_mb()
    wall.stop_tour()
    print(f"soak: RSS {first:.0f} MB after 1 min, {last:.0f} MB after {minutes:g} min")
    return (last - first) / first * 100


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="CPU measuring window per run")
    parser.add_argument("--rounds", type=int, default=2, help="bare/wall measurement pairs per size")
    parser.add_argument("--soak-minutes", type=float, default=0.0, help="0 skips the soak (key is null)")
    args = parser.parse_args()
    window_s = args.cpu_seconds
    xvfb = _ensure_display()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    app = QApplication(sys.argv)
    ensure_demo_clips(CLIPS)
    clips_dir = paths.demo_media_dir()
    try:
        with running_demo_server(clips_dir, clip_count=CLIPS) as server:
            mains, subs = server.urls(StreamTier.MAIN), server.urls(StreamTier.SUB)

            def feeds(count: int) -> list[CameraFeed]:
                return [
                    CameraFeed(f"c{i}", f"摄像机{i}", mains[i % CLIPS], subs[i % CLIPS]) for i in range(count)
                ]

            wall = QtVideoWall()
            wall.resize(*SIZE)
            wall.show()
            wait_ms(300)
            ratios, ttffs = {}, []
            for count, layout in ((16, "4x4"), (36, "6x6")):
                # Alternate bare/wall/wall/bare so a load change on the shared machine hits both sides.
                bare_cpu = wall_cpu = 0.0
                for round_ in range(args.rounds):
                    for side in ("bare", "wall") if round_ % 2 == 0 else ("wall", "bare"):
                        if side == "bare":
                            bare_cpu += bare_players_cpu([subs[i % CLIPS] for i in range(count)], window_s)
                        else:
                            firsts, cpu = wall_run(wall, feeds(count), layout, window_s)
                            ttffs += firsts
                            wall_cpu += cpu
                            wall.stop_all()
                            wait_ms(500)
                ratios[count] = wall_cpu / bare_cpu
                print(
                    f"{count} tiles: wall {wall_cpu / args.rounds:.2f} CPU-s/s, bare players "
                    f"{bare_cpu / args.rounds:.2f} → ratio {ratios[count]:.3f}"
                )
            wall.show_feeds(feeds(16), layout="4x4")
            wait_until(lambda: all_playing(wall), 30)
            switch = layout_switch_s(wall)
            print(f"layout switch 16 → 1 → 16: {switch:.3f} s")
            reconnect = reconnect_s(wall, server)
            print(f"stream server killed and restarted: tiles playing again after {reconnect:.2f} s")
            soak = soak_growth_pct(wall, feeds(32), args.soak_minutes) if args.soak_minutes > 0 else None
            wall.stop_all()
        p50, p95 = statistics.median(ttffs), percentile(ttffs, 0.95)
        print(f"time to first frame over {len(ttffs)} tiles: p50 {p50:.3f} s, p95 {p95:.3f} s")
        print(
            json.dumps(
                {
                    "tiles16_cpu_ratio": round(ratios[16], 3),
                    "tiles36_cpu_ratio": round(ratios[36], 3),
                    "ttff_p50_s": round(p50, 3),
                    "ttff_p95_s": round(p95, 3),
                    "layout_switch_s": round(switch, 3),
                    "soak_rss_growth_pct": None if soak is None else round(soak, 2),
                    "reconnect_s": round(reconnect, 3),
                }
            )
        )
    finally:
        app.quit()
        if xvfb:
            xvfb.terminate()


if __name__ == "__main__":
    main()
