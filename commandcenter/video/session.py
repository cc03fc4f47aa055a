"""One tile's video session without Qt: the camera and stream it plays, its players, and every
decision about them — connect, reconnect after a backoff, notice a stall, switch tier make-before-
break, step down for the decode budget, live rates. The widget shows what it announces and runs its
two timers: the retry delay (``events.retry``) and a once-a-second ``tick``.

Threads: the backend reports on its own threads; the sink only hands each report to ``post``, which
runs it on the session's thread (the Qt thread, via ``ui/thread_bridge``). Each stream starts with a
fresh attempt number that its events carry, so a late event of an abandoned stream changes nothing.

Make-before-break: a tier switch starts a second player on the hidden surface (a ``PendingSwitch``);
the session flips to it on that player's first picture, so the old picture stays until the new one
exists.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from functools import partial
from typing import Literal

from commandcenter.domain.cameras import CameraFeed, StreamTier
from commandcenter.video.backend import BackendUnavailable, Player, PlayerEvent, VideoBackend
from commandcenter.video.session_events import PendingSwitch, SessionEvents
from commandcenter.video.tile_state import TileState, TileStateMachine
from commandcenter.video.tile_stats import RateMeter, Rates, StallWatch

log = logging.getLogger(__name__)

DecodeMode = Literal["full", "keyframes", "still"]
Post = Callable[[Callable[[], None]], None]


class TileSession:
    def __init__(self, backend: VideoBackend, window: Callable[[int], int], post: Post) -> None:
        """``window(surface)``: the native handle of surface 0 or 1 (read when a player is made)."""
        self.backend = backend
        self.events = SessionEvents()
        self._window = window
        self._post = post
        self._machine = TileStateMachine()
        self._attempts = itertools.count(1)
        self.feed = CameraFeed("", "")
        self.tier: StreamTier | None = None
        self.url = ""
        self.player: Player | None = None
        self.surface = 0  # the surface on screen
        self.connects = 0  # streams started since construction (a layout switch must not add any)
        self.unavailable_reason = ""  # why the backend is unavailable, for the operator
        self._attempt = 0  # of the stream on screen
        self._pending: PendingSwitch | None = None
        self._keyframes_only = False
        self._held = False
        self._rates = RateMeter()
        self._stall = StallWatch()

    @property
    def state(self) -> TileState:
        return self._machine.state

    @property
    def decode_mode(self) -> DecodeMode:
        return "still" if self._held else "keyframes" if self._keyframes_only else "full"

    # ------------------------------------------------------------------ commands
    def play_feed(self, feed: CameraFeed, tier: StreamTier = StreamTier.SUB) -> None:
        if feed != self.feed:
            self._held = self._keyframes_only = False
        self.feed, self.tier, self.url = feed, tier, feed.url_for(tier)
        self._drop_pending()
        self._machine.stop()
        self._connect()

    def switch_tier(self, tier: StreamTier) -> None:
        """Play the camera's other stream, keeping the current picture until the new one draws."""
        url = self.feed.url_for(tier)
        if url == self.url:  # the camera has one stream for both tiers
            self.tier = tier
            return
        if tier is self.tier or not self.backend.supports(url) or self.decode_mode != "full":
            return
        if self.player is None or self.state is not TileState.PLAYING:
            self.play_feed(self.feed, tier)  # nothing on screen worth keeping
            return
        if self._pending is not None and self._pending.tier is tier:
            return  # already on its way: restarting it would never let it reach its first picture
        self._drop_pending()
        surface = 1 - self.surface
        player = self.backend.new_player(self._window(surface), self._sink)
        self._pending = PendingSwitch(player, next(self._attempts), tier, surface)
        player.start(url, self._pending.attempt)

    def set_decode_mode(self, mode: DecodeMode, tier: StreamTier | None = None) -> None:
        """``still`` pauses on the last picture; leaving it, or entering ``keyframes`` (non-key frames
        skipped by the decoder), reconnects: a live stream cannot resume from a pause."""
        if mode == self.decode_mode or not self.feed.has_video:
            return
        if mode == "still":
            self._held = True
            if self.player is not None:
                self.player.pause()
            return
        self._held, self._keyframes_only = False, mode == "keyframes"
        self.play_feed(self.feed, tier or self.tier or StreamTier.SUB)

    def reconnect(self) -> None:
        """The retry delay is over (a stale retry, after the tile moved on, does nothing)."""
        if self.state is TileState.NO_SIGNAL:
            self._connect()

    def snapshot(self, path: str) -> bool:
        player = self.player
        if player is None or self.state is not TileState.PLAYING or not player.has_picture():
            return False
        return player.snapshot(path)

    def stop(self) -> None:
        """Close the players (the backend does so without blocking)."""
        self._drop_pending()
        self._attempt = next(self._attempts)  # whatever the backend still reports belongs to the past
        if self.player is not None:
            player, self.player = self.player, None
            player.close()
        self._set_state(self._machine.stop())

    def tick(self, now_s: float) -> Rates | None:
        """Once a second: the stall watchdog, then the live rates (None while there are none)."""
        player = self.player
        if player is None or self.state is not TileState.PLAYING:
            return None
        if not self._held and self._stall.stalled(player.clock_ms(), now_s):
            log.info("video tile %s: stream stalled, reconnecting", self.feed.name)
            self._fail()
            return None
        counters = player.counters()
        return self._rates.sample(now_s, *counters) if counters is not None else None

    def picture_size(self) -> tuple[int, int] | None:
        return self.player.picture_size() if self.player is not None else None

    # ------------------------------------------------------------------ connecting
    def _connect(self) -> None:
        if not self.url:
            self._set_state(self._machine.unavailable(TileState.OFFLINE) if self.feed.code else self.state)
            return
        if not self.backend.supports(self.url):
            self._set_state(self._machine.unavailable(TileState.UNSUPPORTED))
            return
        try:
            if self.player is None:
                self.player = self.backend.new_player(self._window(self.surface), self._sink)
        except BackendUnavailable as error:  # permanent: no retry will make video appear
            log.warning("video tile %s: %s", self.feed.name, error)
            self.unavailable_reason = str(error)
            self._set_state(self._machine.unavailable(TileState.BACKEND_UNAVAILABLE))
            return
        self._attempt = next(self._attempts)
        self.connects += 1
        self._rates.reset()
        self._set_state(self._machine.connect())
        self.player.start(self.url, self._attempt, keyframes_only=self._keyframes_only)

    def _drop_pending(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.player.close()

    def _promote(self, pending: PendingSwitch) -> None:
        """The new stream drew its first picture: it is on screen now, the old player ends."""
        old, self._pending = self.player, None
        self.player, self._attempt, self.surface = pending.player, pending.attempt, pending.surface
        self.tier, self.url = pending.tier, self.feed.url_for(pending.tier)
        self._rates.reset()
        self._stall.reset()
        self.events.switched.emit(pending)
        if old is not None:
            old.close()

    def _fail(self) -> None:
        self._drop_pending()
        delay_s = self._machine.failed()
        if delay_s is not None:
            self._set_state(self._machine.state)
            self.events.retry.emit(delay_s)

    def _set_state(self, state: TileState) -> None:
        if state is TileState.PLAYING:
            self._stall.reset()
        self.events.state.emit(state)

    # ------------------------------------------------------------------ backend reports
    def _sink(self, event: PlayerEvent, attempt: int) -> None:
        """Any thread: post, nothing else."""
        self._post(partial(self._heard, event, attempt))

    def _heard(self, event: PlayerEvent, attempt: int) -> None:
        pending = self._pending
        if pending is not None and attempt == pending.attempt:
            if event is PlayerEvent.PICTURE:
                self._promote(pending)
            elif event is PlayerEvent.FAILED:
                self._drop_pending()  # keep the current stream; the wall may ask again later
            return
        if attempt != self._attempt:
            return
        if event is PlayerEvent.PLAYING:
            self._set_state(self._machine.playing())
        elif event is PlayerEvent.FAILED:
            self._fail()
        else:
            self.events.first_frame.emit(None)
