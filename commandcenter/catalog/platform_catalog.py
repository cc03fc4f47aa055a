"""The desk's camera catalog: the database's cameras beside the channels of every configured GB/T 28181
platform, and the bookkeeping that releases a platform stream once nobody watches it.

A platform channel has no URL in the listing: ``stream_urls`` asks its platform to start the stream
(``/api/play/start``) and notes it as open. The wall reports which cameras its tiles still play
(``release_unwatched``); an open stream no tile plays any more — the wall closed, the tile got another
camera, the layout pushed it off past the warm period — is stopped (``/api/play/stop``) at once if a
tile played it before, else once ``grace_s`` after its start passed (it may be on its way to a tile).

A platform that cannot be listed keeps its last listing, its cameras shown offline, so one platform's
outage neither empties the tree nor hides the others. A channel the database also holds (imported with
``import-cameras``) is shown once, as the platform's: its online state is the live one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from commandcenter.catalog.platform_source import PlatformSource
from commandcenter.catalog.source import CameraCatalog, CatalogError
from commandcenter.domain.cameras import CameraEntry, StreamUrls

log = logging.getLogger(__name__)
GRACE_S = 2.0


class PlatformCatalog:
    def __init__(
        self,
        base: CameraCatalog,
        sources: Sequence[PlatformSource],
        *,
        grace_s: float = GRACE_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base = base
        self.sources = list(sources)
        self._grace_s = grace_s
        self._clock = clock
        self._lock = threading.Lock()
        self._owner: dict[str, PlatformSource] = {}  # channel code → its platform
        self._last: dict[str, list[CameraEntry]] = {}  # platform name → its last listing
        self._open: dict[str, float] = {}  # code of an open platform stream → when it was started
        self._seen: set[str] = set()  # open streams some tile has played: no grace any more
        self.failures: dict[str, str] = {}  # platform name → why its last listing failed
        self._went_offline: list[tuple[str, CameraEntry]] = []  # (platform, channel) since last drained

    # ------------------------------------------------------------------ CameraCatalog
    def list_cameras(self) -> list[CameraEntry]:
        own = self.base.list_cameras()
        platform_cameras = self._list_platforms()
        owned = {camera.code for camera in platform_cameras}
        return [camera for camera in own if camera.code not in owned] + platform_cameras

    def ensure_listed(self) -> None:
        """List the platforms now unless each has been listed (alarms arriving before the tree loaded
        still get their camera's name and place)."""
        if any(source.name not in self._last for source in self.sources):
            self._list_platforms()

    def _list_platforms(self) -> list[CameraEntry]:
        platform_cameras: list[CameraEntry] = []
        owners: dict[str, PlatformSource] = {}
        for source in self.sources:
            try:
                listed = source.list_cameras()
                self.failures.pop(source.name, None)
                self._note_offline(source.name, listed)
                self._last[source.name] = listed
            except CatalogError as error:
                log.warning("platform %s could not be listed: %s", source.name, error)
                self.failures[source.name] = str(error)
                listed = [replace(camera, online=False) for camera in self._last.get(source.name, [])]
            for camera in listed:
                if camera.code not in owners:
                    owners[camera.code] = source
                    platform_cameras.append(camera)
        with self._lock:
            self._owner.update(owners)
        return platform_cameras

    def stream_urls(self, code: str) -> StreamUrls:
        source = self.source_of(code)
        if source is None:
            return self.base.stream_urls(code)
        urls = source.start(code)
        with self._lock:
            self._open[code] = self._clock()
            self._seen.discard(code)  # a new start: its tile gets the grace again
        return urls

    def _note_offline(self, platform: str, listed: list[CameraEntry]) -> None:
        """Channels online in the previous listing and offline in this one (a platform that could not
        be listed at all is an outage of its own, not its devices going offline)."""
        before = {camera.code: camera.online for camera in self._last.get(platform, [])}
        gone = [(platform, c) for c in listed if before.get(c.code) and not c.online]
        with self._lock:
            self._went_offline.extend(gone)

    def drain_offline(self) -> list[tuple[str, CameraEntry]]:
        """The channels that went offline since the last call, with their platform's name."""
        with self._lock:
            gone, self._went_offline = self._went_offline, []
        return gone

    # ------------------------------------------------------------------ platform streams
    def source_of(self, code: str) -> PlatformSource | None:
        with self._lock:
            return self._owner.get(code)

    def camera(self, code: str) -> CameraEntry | None:
        """A platform channel as last listed (its name and place), None when no platform has it."""
        source = self.source_of(code)
        listed = self._last.get(source.name, []) if source is not None else []
        return next((camera for camera in listed if camera.code == code), None)

    def is_platform(self, code: str) -> bool:
        return self.source_of(code) is not None

    def open_streams(self) -> set[str]:
        with self._lock:
            return set(self._open)

    def release_unwatched(self, watched: Iterable[str]) -> list[str]:
        """Stop every open stream not in ``watched`` (past its grace); the codes stopped."""
        keep = set(watched)
        now = self._clock()
        with self._lock:
            self._seen.update(keep.intersection(self._open))
            idle = [
                code
                for code, since in self._open.items()
                if code not in keep and (code in self._seen or now - since >= self._grace_s)
            ]
        return [code for code in idle if self._stop(code)]

    def release_all(self) -> list[str]:
        return [code for code in self.open_streams() if self._stop(code)]

    def _stop(self, code: str) -> bool:
        source = self.source_of(code)
        with self._lock:
            self._open.pop(code, None)
            self._seen.discard(code)
        if source is None:
            return False
        try:
            source.stop(code)
        except CatalogError as error:  # tried again on the next round
            log.warning("platform %s: stream %s not stopped: %s", source.name, code, error)
            with self._lock:
                self._open.setdefault(code, self._clock())
            return False
        return True
