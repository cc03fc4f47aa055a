"""The libVLC ``VideoBackend``: each player draws into a native window given by its handle, and
decodes and scales in C — Python only steers (start, stop, ask the clock and counters), frames never
pass through it.

The calls that can block (stop, play, pause, release) run on the backend's worker (``vlc_worker``).
libVLC reports on its own threads and is not reentrant: a callback that called back into the player
reporting could deadlock it. So the callbacks here only classify the event and hand ``(event,
attempt)`` to the sink, which the session marshals onto its own thread. Each stream gets its own
``vlc.Media``, whose state events carry the attempt number they were attached with; the first-picture
event belongs to the player and carries the attempt it was playing when libVLC reported it.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from commandcenter.video.backend import BackendUnavailable, EventSink, PlayerEvent
from commandcenter.video.remux.server import is_http_flv, shared_remux_server
from commandcenter.video.vlc_instance import new_instance, vlc_instance
from commandcenter.video.vlc_support import url_supported
from commandcenter.video.vlc_worker import VlcWorker

if TYPE_CHECKING:
    import vlc

KEYFRAMES_ONLY = (":avcodec-skip-frame=3",)  # 3 = the decoder skips every non-key frame


class LibVlcPlayer:
    def __init__(
        self,
        instance: vlc.Instance,
        window: int,
        sink: EventSink,
        worker: VlcWorker,
        *,
        remux_flv: bool = True,
    ) -> None:
        import vlc

        self._instance = instance
        self._remux_flv = remux_flv
        self._sink = sink
        self._worker = worker
        self._window = window  # the worker's lane: this window's calls keep their order
        self._attempt = 0
        self._media: vlc.Media | None = None
        self.native: vlc.MediaPlayer = instance.media_player_new()  # bench/ compares it with bare players
        if sys.platform == "win32":
            self.native.set_hwnd(window)
        elif sys.platform == "darwin":
            self.native.set_nsobject(window)
        else:
            self.native.set_xwindow(window)
        self.native.event_manager().event_attach(vlc.EventType.MediaPlayerVout, self._on_vout)

    def start(self, url: str, attempt: int, *, keyframes_only: bool = False) -> None:
        import vlc

        old = self._detach_media()
        media = self._instance.media_new(self._playable(url), *(KEYFRAMES_ONLY if keyframes_only else ()))
        media.event_manager().event_attach(vlc.EventType.MediaStateChanged, self._on_state, attempt)
        self._media = media
        native = self.native

        def restart() -> None:
            native.stop()  # quick after a failure (the input has ended, or its network read is interrupted)
            self._attempt = attempt  # the old stream can report no picture any more
            if old is not None:
                old.release()
            native.set_media(media)
            native.play()

        self._worker.submit(restart, self._window)

    def _playable(self, url: str) -> str:
        """What libVLC is given: HTTP-FLV through the process's FLV→TS remux (``video/remux/server``:
        libVLC's FLV path waits 1.4–5.7 s before a picture, its TS path shows the first keyframe)."""
        return shared_remux_server().url_for(url) if self._remux_flv and is_http_flv(url) else url

    def pause(self) -> None:
        native = self.native
        self._worker.submit(lambda: native.set_pause(1), self._window)

    def step(self) -> None:
        """One picture further while paused (回放's frame step); libVLC pauses if it was playing."""
        native = self.native
        self._worker.submit(native.next_frame, self._window)

    def close(self) -> None:
        import vlc

        self.native.event_manager().event_detach(vlc.EventType.MediaPlayerVout)
        old, native = self._detach_media(), self.native

        def release() -> None:
            native.stop()
            native.release()
            if old is not None:
                old.release()

        self._worker.submit(release, self._window)

    def clock_ms(self) -> int:
        return int(self.native.get_time())

    def counters(self) -> tuple[int, int] | None:
        import vlc

        stats = vlc.MediaStats()
        if self._media is None or not self._media.get_stats(stats):
            return None
        return int(stats.displayed_pictures), int(stats.demux_read_bytes)

    def picture_size(self) -> tuple[int, int] | None:
        try:
            width, height = self.native.video_get_size(0)
        except Exception:  # python-vlc raises its own VLCException when there is no video
            return None
        return (int(width), int(height)) if width and height else None

    def has_picture(self) -> bool:
        return bool(self.native.has_vout())

    def snapshot(self, path: str) -> bool:
        return bool(self.native.video_take_snapshot(0, path, 0, 0) == 0)

    def _detach_media(self) -> vlc.Media | None:
        """The current media, silenced, for the worker to release after the stop."""
        import vlc

        media, self._media = self._media, None
        if media is not None:
            media.event_manager().event_detach(vlc.EventType.MediaStateChanged)
        return media

    # ------------------------------------------------------------------ libVLC's threads
    def _on_state(self, event: Any, attempt: int) -> None:
        import vlc

        state = vlc.State(event.u.new_state)
        if state == vlc.State.Playing:
            self._sink(PlayerEvent.PLAYING, attempt)
        elif state in (vlc.State.Error, vlc.State.Ended):
            self._sink(PlayerEvent.FAILED, attempt)

    def _on_vout(self, event: Any) -> None:
        """The number of video outputs changed; one appearing means the first picture is decoded.
        libVLC's count is a C int, python-vlc's union declares it 8 bytes wide: read 4."""
        if ctypes.c_int.from_address(ctypes.addressof(event.u)).value > 0:
            self._sink(PlayerEvent.PICTURE, self._attempt)


class LibVlcBackend:
    """Players of one libVLC instance: the process-wide one, or one of its own for other arguments."""

    name = "libVLC"

    def __init__(self, args: Sequence[str] | None = None, *, remux_flv: bool = True) -> None:
        """``remux_flv``: ``[streams] remux_flv`` (see ``config.StreamSettings``)."""
        self._args = list(args) if args is not None else None
        self.remux_flv = remux_flv
        self._instance: vlc.Instance | None = None
        self._instance_lock = threading.Lock()
        self._warming: threading.Thread | None = None
        self._worker = VlcWorker()

    def supports(self, url: str) -> bool:
        return url_supported(url)

    def warm_up(self) -> None:
        """Create the libVLC instance now, on a thread of its own. Loading its ~500 plugins takes
        0.3 s on a quiet machine and over a second on a loaded one; done by the first ``new_player``
        on the Qt thread, every tile of the first wall view waited for it before any could start."""
        with self._instance_lock:
            if self._instance is not None or self._warming is not None:
                return
            self._warming = threading.Thread(target=self._warm, name="vlc-warm-up", daemon=True)
            self._warming.start()

    def _warm(self) -> None:
        with contextlib.suppress(BackendUnavailable):  # new_player reports it to the tile
            self._instance_now()

    def _instance_now(self) -> vlc.Instance:
        with self._instance_lock:
            if self._instance is None:
                self._instance = vlc_instance() if self._args is None else new_instance(self._args)
            return self._instance

    def new_player(self, window: int, sink: EventSink) -> LibVlcPlayer:
        return LibVlcPlayer(self._instance_now(), window, sink, self._worker, remux_flv=self.remux_flv)

    def settle(self) -> None:
        self._worker.settle()


_default: LibVlcBackend | None = None


def default_backend() -> LibVlcBackend:
    """The backend every tile uses unless told otherwise."""
    global _default
    if _default is None:
        _default = LibVlcBackend()
    return _default
