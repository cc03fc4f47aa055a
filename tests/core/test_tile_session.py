"""The tile session's decisions, on a scripted backend (pure state logic; playback itself is tested
with real libVLC in tests/ui/test_video_tile.py and test_wall_video.py): late reports of abandoned
streams, backoff, make-before-break, the stall watchdog, the decode-budget modes, rates, and
the permanent states."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.backend import BackendUnavailable, EventSink, PlayerEvent
from commandcenter.video.session import TileSession
from commandcenter.video.session_events import PendingSwitch
from commandcenter.video.tile_state import TileState
from commandcenter.video.tile_stats import STALL_S, Rates

FEED = CameraFeed("c1", "二七广场", main_url="http://cam/main.ts", sub_url="http://cam/sub.ts")


class ScriptedPlayer:
    def __init__(self, window: int, sink: EventSink) -> None:
        self.window, self.sink = window, sink
        self.started: list[tuple[str, int, bool]] = []
        self.closed = self.paused = False
        self.clock = 0
        self.count: tuple[int, int] | None = None

    def report(self, event: PlayerEvent, attempt: int | None = None) -> None:
        """What the library says on its own thread (for the last stream, unless told which)."""
        self.sink(event, self.started[-1][1] if attempt is None else attempt)

    def start(self, url: str, attempt: int, *, keyframes_only: bool = False) -> None:
        self.started.append((url, attempt, keyframes_only))

    def pause(self) -> None:
        self.paused = True

    def close(self) -> None:
        self.closed = True

    def clock_ms(self) -> int:
        return self.clock

    def counters(self) -> tuple[int, int] | None:
        return self.count

    def picture_size(self) -> tuple[int, int] | None:
        return (640, 360)

    def has_picture(self) -> bool:
        return True

    def snapshot(self, path: str) -> bool:
        return True


class ScriptedBackend:
    name = "scripted"

    def __init__(self, unavailable: str = "") -> None:
        self.unavailable = unavailable
        self.players: list[ScriptedPlayer] = []

    def supports(self, url: str) -> bool:
        return not url.startswith("rtsp://")

    def new_player(self, window: int, sink: EventSink) -> ScriptedPlayer:
        if self.unavailable:
            raise BackendUnavailable(self.unavailable)
        self.players.append(ScriptedPlayer(window, sink))
        return self.players[-1]

    def settle(self) -> None:
        pass


class Harness:
    """A session whose backend reports wait in a queue until ``deliver`` (the thread bridge's job)."""

    def __init__(self, backend: ScriptedBackend | None = None) -> None:
        self.backend = backend or ScriptedBackend()
        self.posted: list[Callable[[], None]] = []
        self.session = TileSession(self.backend, lambda surface: 100 + surface, self.posted.append)
        self.states: list[TileState] = []
        self.retries: list[float] = []
        self.switches: list[PendingSwitch] = []
        self.session.events.state.connect(self.states.append)
        self.session.events.retry.connect(self.retries.append)
        self.session.events.switched.connect(self.switches.append)

    def deliver(self) -> None:
        posted, self.posted[:] = list(self.posted), []
        for call in posted:
            call()

    def playing(self, feed: CameraFeed = FEED) -> ScriptedPlayer:
        self.session.play_feed(feed)
        player = self.backend.players[-1]
        player.report(PlayerEvent.PLAYING)
        player.report(PlayerEvent.PICTURE)
        self.deliver()
        assert self.session.state is TileState.PLAYING
        return player


def test_reports_wait_for_the_sessions_thread_and_late_ones_change_nothing() -> None:
    harness = Harness()
    harness.session.play_feed(FEED)
    player = harness.backend.players[0]
    first_attempt = player.started[-1][1]
    player.report(PlayerEvent.PLAYING)
    assert harness.session.state is TileState.CONNECTING  # nothing happens on the library's thread
    other = CameraFeed("c2", "德化街", sub_url="http://cam/2.ts")
    harness.session.play_feed(other)  # the operator moved on before the report arrived
    player.report(PlayerEvent.FAILED, first_attempt)
    harness.deliver()
    assert harness.session.state is TileState.CONNECTING
    assert harness.retries == []
    player.report(PlayerEvent.PLAYING)
    harness.deliver()
    assert harness.session.state is TileState.PLAYING
    assert [url for url, _attempt, _key in player.started] == [FEED.sub_url, other.sub_url]
    assert len(harness.backend.players) == 1  # one player per surface, reused


def test_a_failed_stream_reconnects_after_a_growing_backoff() -> None:
    harness = Harness()
    player = harness.playing()
    player.report(PlayerEvent.FAILED)
    harness.deliver()
    assert harness.session.state is TileState.NO_SIGNAL
    harness.session.reconnect()
    assert harness.session.state is TileState.CONNECTING
    player.report(PlayerEvent.FAILED)
    harness.deliver()
    assert harness.retries == [1.0, 2.0]
    assert harness.session.connects == 2


def test_a_tier_switch_keeps_the_old_picture_until_the_new_stream_draws() -> None:
    harness = Harness()
    old = harness.playing()
    harness.states.clear()
    harness.session.switch_tier(StreamTier.MAIN)
    harness.session.switch_tier(StreamTier.MAIN)  # asked again while on its way: not restarted
    new = harness.backend.players[-1]
    assert new.window == 101  # the hidden surface
    assert len(new.started) == 1
    new.report(PlayerEvent.PLAYING)
    harness.deliver()
    assert harness.switches == []
    assert harness.session.player is old
    new.report(PlayerEvent.PICTURE)
    harness.deliver()
    assert [(s.tier, s.surface) for s in harness.switches] == [(StreamTier.MAIN, 1)]
    assert harness.session.player is new
    assert old.closed
    assert harness.session.url == FEED.main_url
    old.report(PlayerEvent.FAILED)  # the old stream's last word
    harness.deliver()
    assert harness.states == []  # it never left "playing"
    assert harness.session.state is TileState.PLAYING


def test_a_switch_that_fails_keeps_the_current_stream() -> None:
    harness = Harness()
    current = harness.playing()
    harness.session.switch_tier(StreamTier.MAIN)
    pending = harness.backend.players[-1]
    pending.report(PlayerEvent.FAILED)
    harness.deliver()
    assert pending.closed
    assert harness.session.player is current
    assert harness.session.tier is StreamTier.SUB
    assert harness.session.state is TileState.PLAYING


def test_a_stalled_stream_is_reconnected_but_a_held_picture_is_not() -> None:
    harness = Harness()
    player = harness.playing()
    player.count = (0, 0)
    assert harness.session.tick(100.0) is None  # the first sample has no rate yet
    player.clock, player.count = 1000, (25, 64_000)
    assert harness.session.tick(101.0) == Rates(fps=25.0, kbps=512.0)
    harness.session.tick(101.0 + STALL_S - 0.5)
    assert harness.session.state is TileState.PLAYING
    harness.session.tick(101.0 + STALL_S)
    assert harness.session.state is TileState.NO_SIGNAL
    assert harness.retries == [1.0]

    held = Harness()
    player = held.playing()
    held.session.set_decode_mode("still")
    assert player.paused
    for second in range(20):
        held.session.tick(float(second))
    assert held.session.state is TileState.PLAYING
    held.session.set_decode_mode("keyframes")  # leaving "still" reconnects, decoding keyframes only
    assert player.started[-1] == (FEED.sub_url, player.started[-1][1], True)
    held.session.switch_tier(StreamTier.MAIN)  # no main stream while the budget is tight
    assert len(held.backend.players) == 1


def test_an_unavailable_backend_is_permanent_and_says_why() -> None:
    harness = Harness(ScriptedBackend(unavailable="libVLC is not available (no libvlc.so.5)"))
    harness.session.play_feed(FEED)
    assert harness.session.state is TileState.BACKEND_UNAVAILABLE
    assert "libvlc.so.5" in harness.session.unavailable_reason
    harness.session.reconnect()
    assert harness.session.state is TileState.BACKEND_UNAVAILABLE
    assert harness.retries == []


@pytest.mark.parametrize(
    ("feed", "state"),
    [
        (CameraFeed("c3", "无流"), TileState.OFFLINE),
        (CameraFeed("c4", "RTSP", sub_url="rtsp://cam/sub"), TileState.UNSUPPORTED),
        (CameraFeed("", ""), TileState.IDLE),
    ],
)
def test_cameras_without_a_playable_stream_stay_put(feed: CameraFeed, state: TileState) -> None:
    harness = Harness()
    harness.session.play_feed(feed)
    assert harness.session.state is state
    assert harness.backend.players == []


def test_stop_closes_the_players_and_silences_their_reports() -> None:
    harness = Harness()
    player = harness.playing()
    harness.session.switch_tier(StreamTier.MAIN)
    pending = harness.backend.players[-1]
    harness.session.stop()
    assert player.closed
    assert pending.closed
    pending.report(PlayerEvent.PICTURE)
    player.report(PlayerEvent.FAILED)
    harness.deliver()
    assert harness.session.state is TileState.IDLE
    assert harness.switches == []
    assert harness.retries == []
