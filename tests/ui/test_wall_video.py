"""The wall on real libVLC players and the real loopback stream server: a layout switch keeps the
players of cameras that stay visible, maximise moves to the main stream without a black gap, and a
dead camera does not hold up the others."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.streaming.stream_server import DemoStreamServer
from commandcenter.testing.demo_streams import free_loopback_port, running_demo_server
from commandcenter.video.tile_state import TileState
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier
from ui.videowall.qt_wall import QtVideoWall

pytestmark = [
    pytest.mark.vlc,
    pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoStreamServer]:
    clips_dir: Path = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the stream tests
    ensure_demo_clips(2, directory=clips_dir)
    with running_demo_server(clips_dir, clip_count=2) as running:
        yield running


@pytest.fixture
def wall(open_wall: Callable[..., QtVideoWall]) -> QtVideoWall:
    return open_wall((900, 560))


def feeds(server: DemoStreamServer, count: int) -> list[CameraFeed]:
    mains, subs = server.urls(StreamTier.MAIN), server.urls(StreamTier.SUB)
    return [CameraFeed(f"c{i}", f"摄像机{i}", mains[i % 2], subs[i % 2]) for i in range(count)]


def all_playing(wall: QtVideoWall) -> bool:
    return all(tile.state is TileState.PLAYING for tile in wall.tiles)


def test_layout_switch_keeps_players_and_maximise_switches_stream_without_a_gap(
    qtbot: QtBot, wall: QtVideoWall, server: DemoStreamServer
) -> None:
    wall.show_feeds(feeds(server, 6), layout="1+5")
    qtbot.waitUntil(lambda: all_playing(wall), timeout=30_000)
    tiles = wall.tiles
    players = [tile.player for tile in tiles]
    connects = [tile.connects for tile in tiles]
    states: list[str] = []
    for tile in tiles:
        tile.state_changed.connect(states.append)

    wall.set_layout("2x2")
    assert [tile.player for tile in wall.tiles] == players[:4]
    assert [tile.connects for tile in wall.tiles] == connects[:4]
    assert all_playing(wall)

    big = wall.tiles[0]
    with qtbot.waitSignal(big.tier_changed, timeout=20_000) as switched:
        wall.toggle_maximised(0)
    assert switched.args == [StreamTier.MAIN.value]
    assert big.tier is StreamTier.MAIN
    assert big.url == server.urls(StreamTier.MAIN)[0]
    assert big.player is not players[0]  # a second player took over on its first picture…
    assert states == []  # …and no tile ever left "playing" on the way


def test_a_dead_camera_does_not_hold_up_the_others(
    qtbot: QtBot, wall: QtVideoWall, server: DemoStreamServer
) -> None:
    dead = CameraFeed("dead", "死端口", sub_url=f"http://127.0.0.1:{free_loopback_port()}/demo/0/sub.ts")
    wall.show_feeds([dead, *feeds(server, 3)])
    qtbot.waitUntil(lambda: all(tile.state is TileState.PLAYING for tile in wall.tiles[1:]), timeout=30_000)
    qtbot.waitUntil(lambda: wall.tiles[0].state is TileState.NO_SIGNAL, timeout=10_000)


def test_keyframes_only_and_still_tiles_under_a_tight_budget_and_a_snapshot(
    qtbot: QtBot, wall: QtVideoWall, server: DemoStreamServer
) -> None:
    wall.show_feeds(feeds(server, 2), layout="2x2")  # small tiles: sub streams wanted
    qtbot.waitUntil(lambda: all(tile.state is TileState.PLAYING for tile in wall.tiles[:2]), timeout=30_000)
    qtbot.waitUntil(lambda: bool(wall.tiles[0].player and wall.tiles[0].player.has_picture()), timeout=10_000)
    taken: list[Path] = []

    def snapshot_taken() -> bool:
        """The video output can exist a moment before its first picture; until then it is refused."""
        if not taken and (shot := wall.snapshot(0)) is not None:
            taken.append(shot)
        return bool(taken)

    qtbot.waitUntil(snapshot_taken, timeout=10_000)
    qtbot.waitUntil(taken[0].exists, timeout=5_000)  # libVLC writes it from its own thread

    costs = {DecodeTier.MAIN: 0.2, DecodeTier.SUB: 0.05, DecodeTier.KEYFRAMES: 0.01, DecodeTier.STILL: 0.0}
    wall.set_budget(DecodeBudget(costs, cores=0.065))
    assert [tile.decode_mode for tile in wall.tiles[:2]] == ["full", "keyframes"]
    keyframes = wall.tiles[1]
    qtbot.waitUntil(lambda: keyframes.state is TileState.PLAYING, timeout=20_000)

    wall.set_budget(DecodeBudget(costs, cores=0.051))
    assert [tile.decode_mode for tile in wall.tiles[:2]] == ["full", "still"]
    assert keyframes.state is TileState.PLAYING  # held on its last picture, not a failure


def test_a_tour_switches_to_a_page_that_is_already_playing(
    qtbot: QtBot, wall: QtVideoWall, server: DemoStreamServer
) -> None:
    wall.show_feeds([], layout="1x1")
    tour = wall.start_tour(feeds(server, 2), dwell_s=60, tile_index=0)
    warmed = wall.tile_at(wall.slot_count - 1)
    assert warmed is not None
    assert not warmed.isVisible()
    qtbot.waitUntil(lambda: warmed.state is TileState.PLAYING, timeout=30_000)  # connected while hidden
    connects = warmed.connects

    tour.advance()
    assert wall.tiles == [warmed]
    assert warmed.state is TileState.PLAYING
    assert warmed.connects == connects
    assert warmed.name == "摄像机1"
