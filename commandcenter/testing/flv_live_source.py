"""One live FLV stream per clip, shared by every player, as a media server holds a registered stream:
one ``ffmpeg -re`` producer started before anyone plays (WVP hands out the URL only once the stream
is registered on ZLMediaKit), a reader thread that keeps the ``GopCache`` and fans each new tag out
to the players.

``mute_audio`` adds a silent AAC track, as ZLMediaKit does by default for a stream without audio
(its ``conf/config.ini``: ``[protocol] add_mute_audio=1``, "inject AAC silent audio"; in
``src/Common/MediaSink.cpp`` ``onAllTrackReady_l`` calls ``addMuteAudioTrack``, which adds an AAC
track when there is no audio one).
It matters to libVLC: its only FLV demuxer is libavformat's, which marks an FLV as having no header
(``AVFMTCTX_NOHEADER``) and clears that only once two streams exist (``create_stream`` in
``libavformat/flvdec.c``), so ``avformat_find_stream_info`` reads a video-only FLV for its whole
analyze duration (5 s). With two streams it still wants 40 H.264 frames for its frame-rate estimate
(H.264's time base is "unreliable" and FLV's 1 ms is coarse), of which the GOP cache gives at most one
GOP at once: the demo clips' 12-frame GOP leaves ~1.1 s to arrive at the stream's own pace.

Each player has its own bounded queue; one that stops reading is dropped, never waited for, so it
cannot hold up the producer or the other players.
"""

from __future__ import annotations

import contextlib
import queue
import subprocess
import threading
from pathlib import Path

from commandcenter.streaming.clip_recipe import ffmpeg_binary
from commandcenter.testing.flv_gop_cache import GopCache
from commandcenter.video.remux.flv_tags import FlvTag, read_header, read_tag

QUEUE_TAGS = 1000  # ~30 s of 25 fps video and 8 kHz AAC: far more than a reading player lags


def producer_command(clip: Path, *, mute_audio: bool) -> list[str]:
    """The clip looped at its own pace, H.264 copied, as FLV on stdout (with a silent AAC track)."""
    command = [ffmpeg_binary(), "-hide_banner", "-loglevel", "error", "-re", "-stream_loop", "-1"]
    command += ["-i", str(clip)]
    if mute_audio:
        command += ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-map", "0:v", "-map", "1:a"]
        command += ["-c:v", "copy", "-c:a", "aac"]
    else:
        command += ["-an", "-c:v", "copy"]
    return [*command, "-f", "flv", "-flvflags", "no_duration_filesize", "pipe:1"]


class FlvPlayer:
    """One player's feed: ``next_tag`` gives live tags until the player is dropped or the stream ends."""

    def __init__(self, first_bytes: bytes, wait_for_keyframe: bool) -> None:
        self.first_bytes = first_bytes
        self._queue: queue.Queue[FlvTag | None] = queue.Queue(QUEUE_TAGS)
        self._waiting_for_keyframe = wait_for_keyframe

    def next_tag(self) -> FlvTag | None:
        return self._queue.get()

    def _offer(self, tag: FlvTag) -> bool:
        """Queue ``tag``; False when the player's queue is full (it stopped reading)."""
        if self._waiting_for_keyframe:
            if not tag.is_video_keyframe:
                return True
            self._waiting_for_keyframe = False
        try:
            self._queue.put_nowait(tag)
        except queue.Full:
            return False
        return True

    def _end(self) -> None:
        """Wake the player with the end mark (emptying its queue first if it must)."""
        while True:
            try:
                self._queue.put_nowait(None)
                return
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    self._queue.get_nowait()


class LiveFlvSource:
    """The running producer of one clip; ``join`` a player, ``leave`` it, ``stop`` everything.

    ``gop_cache=False`` models a server without one: a new player gets the header, metadata and
    sequence headers, then live tags from the next keyframe on.
    """

    def __init__(self, clip: Path, *, mute_audio: bool = True, gop_cache: bool = True) -> None:
        self.gop_cache = gop_cache
        self._process = subprocess.Popen(
            producer_command(clip, mute_audio=mute_audio), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE
        )
        self._players: list[FlvPlayer] = []
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._cache: GopCache | None = None
        self._thread = threading.Thread(target=self._read, name=f"flv {clip.stem}", daemon=True)
        self._thread.start()

    def join(self, timeout_s: float = 10.0) -> FlvPlayer | None:
        """A new player's feed, starting with the cached bytes; None when the producer never started."""
        if not self._ready.wait(timeout_s) or self._cache is None:
            return None
        with self._lock:  # no tag is added between the snapshot and the subscription
            first = self._cache.start(with_gop=self.gop_cache)
            player = FlvPlayer(first, wait_for_keyframe=not self.gop_cache)
            self._players.append(player)
        return player

    @property
    def has_gop(self) -> bool:
        """Whether a keyframe has arrived (a player joining now starts with a picture)."""
        return self._cache is not None and bool(self._cache.gop())

    def leave(self, player: FlvPlayer) -> None:
        with self._lock:
            if player in self._players:
                self._players.remove(player)

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait(timeout=5)
        self._thread.join(timeout=5)
        if self._process.stdout is not None:
            self._process.stdout.close()

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        try:
            cache = self._cache = GopCache(read_header(stdout))
        except ValueError:
            return  # ffmpeg failed before its first byte; join() returns None
        finally:
            self._ready.set()
        while (tag := read_tag(stdout)) is not None:
            with self._lock:
                cache.add(tag)
                dropped = [player for player in self._players if not player._offer(tag)]
                for player in dropped:
                    self._players.remove(player)
            for player in dropped:
                player._end()
        with self._lock:
            players, self._players = self._players, []
        for player in players:
            player._end()
