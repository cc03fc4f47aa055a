"""Tours (轮巡): cameras shown page by page, each page for a dwell time, over a whole view or one tile.

Pure scheduling, no Qt: which page is on screen, which comes next (so the wall can connect it before
the switch and the switch is instant), when the dwell is over, and pausing (the pointer rests on the
toured tiles). Offline cameras are skipped when the pages are cut, and again each time the tour wraps
around, so a camera that comes back is toured again and one that goes away drops out.
"""

from __future__ import annotations

from collections.abc import Callable

from commandcenter.domain.cameras import CameraFeed

DEFAULT_DWELL_S = 10.0
MIN_DWELL_S = 3.0  # shorter than a stream's start-up and nobody sees the picture (Genetec: 3 s)


def _has_video(feed: CameraFeed) -> bool:
    return feed.has_video


class Tour:
    def __init__(
        self,
        feeds: list[CameraFeed],
        page_size: int,
        dwell_s: float = DEFAULT_DWELL_S,
        is_online: Callable[[CameraFeed], bool] = _has_video,
    ) -> None:
        if page_size < 1:
            raise ValueError("a tour page holds at least one camera")
        self.feeds = list(feeds)
        self.page_size = page_size
        self.dwell_s = DEFAULT_DWELL_S
        self.set_dwell(dwell_s)
        self._is_online = is_online
        self._pages = self._cut()
        self._index = 0
        self._shown_at: float | None = None
        self._paused_at: float | None = None

    def _cut(self) -> list[list[CameraFeed]]:
        online = [feed for feed in self.feeds if self._is_online(feed)]
        return [online[i : i + self.page_size] for i in range(0, len(online), self.page_size)]

    def set_dwell(self, dwell_s: float) -> None:
        """Seconds per page, from the current page on; never under ``MIN_DWELL_S``."""
        self.dwell_s = max(dwell_s, MIN_DWELL_S)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    def current(self) -> list[CameraFeed]:
        return self._pages[self._index] if self._pages else []

    def upcoming(self) -> list[CameraFeed]:
        """The page after this one (what the wall pre-connects); empty when there is only one page."""
        if len(self._pages) < 2:
            return []
        return self._pages[(self._index + 1) % len(self._pages)]

    def start(self, now_s: float) -> list[CameraFeed]:
        self._shown_at, self._paused_at = now_s, None
        return self.current()

    def due(self, now_s: float) -> bool:
        if self._shown_at is None or self._paused_at is not None or len(self._pages) < 2:
            return False
        return now_s - self._shown_at >= self.dwell_s

    def advance(self, now_s: float) -> list[CameraFeed]:
        """Go to the next page (re-cutting the pages when the tour wraps around); the new page."""
        self._index += 1
        if self._index >= len(self._pages):
            self._pages, self._index = self._cut(), 0
        self._shown_at = now_s
        return self.current()

    def pause(self, now_s: float) -> None:
        if self._paused_at is None:
            self._paused_at = now_s

    def resume(self, now_s: float) -> None:
        """Continue; the time spent paused does not count against the page's dwell."""
        if self._paused_at is not None and self._shown_at is not None:
            self._shown_at += now_s - self._paused_at
        self._paused_at = None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None
