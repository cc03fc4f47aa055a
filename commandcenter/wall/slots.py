"""Which camera sits in which cell of the wall, independent of the layout on screen.

The wall keeps an ordered list of slots that never shrinks when the layout does: switching 16 → 1 → 16
brings the same sixteen cameras back in the same places. The first ``len(layout)`` slots are visible;
the rest are parked (the Qt wall keeps their players warm for a while so a quick switch back is live
at once). Swapping, opening and the 1+N "around" view are list operations here, tested without Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.layouts import Layout, grid, layout_around, layout_for_count


class WallSlots:
    def __init__(self, layout: Layout | None = None) -> None:
        self.layout = layout or grid(2, 2)
        self._feeds: list[CameraFeed | None] = []

    @property
    def feeds(self) -> list[CameraFeed | None]:
        """Every slot, visible ones first (``len(layout)`` of them), padded with None."""
        self._pad(len(self.layout))
        return list(self._feeds)

    def visible(self) -> list[CameraFeed | None]:
        return self.feeds[: len(self.layout)]

    def show(self, feeds: Sequence[CameraFeed | None], layout: Layout | None = None) -> None:
        """Replace everything: these cameras, in a layout that holds them (the near-square grid)."""
        self.layout = layout or layout_for_count(len(feeds))
        self._feeds = list(feeds)

    def around(self, feeds: list[CameraFeed]) -> None:
        """``feeds[0]`` in the big cell of a 1+N layout, the others in the small cells."""
        self.show(feeds, layout_around(len(feeds)))

    def set_layout(self, layout: Layout) -> None:
        self.layout = layout

    def place(self, feed: CameraFeed, index: int | None = None) -> int:
        """Put ``feed`` in slot ``index``, or in the first free visible slot (the last visible one when
        the wall is full); the slot index used."""
        visible = self.visible()
        if index is None:
            index = next((i for i, f in enumerate(visible) if f is None), len(visible) - 1)
        self._pad(index + 1)
        self._feeds[index] = feed
        return index

    def clear(self, index: int) -> None:
        if index < len(self._feeds):
            self._feeds[index] = None

    def swap(self, first: int, second: int) -> None:
        self._pad(max(first, second) + 1)
        self._feeds[first], self._feeds[second] = self._feeds[second], self._feeds[first]

    def _pad(self, length: int) -> None:
        if len(self._feeds) < length:
            self._feeds.extend([None] * (length - len(self._feeds)))
