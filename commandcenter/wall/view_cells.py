"""A saved view's cells ↔ the wall's feeds, without Qt.

Saving keeps one camera code (or None) per visible cell, in cell order. Loading turns the codes
back into feeds; a camera that no longer resolves (removed from the catalog, a platform that
dropped it) keeps its cell, as a feed with the code and no stream: the tile shows which camera
is missing instead of an anonymous hole, and saving the view again does not lose the code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from commandcenter.domain.cameras import CameraFeed


@dataclass(frozen=True)
class ResolvedView:
    feeds: list[CameraFeed | None]  # one per cell, in cell order
    missing: list[str]  # codes that did not resolve, in cell order


def cells_of(feeds: Sequence[CameraFeed | None]) -> tuple[str | None, ...]:
    """The codes a view stores for these cells (None for an empty cell)."""
    return tuple(feed.code if feed is not None and feed.code else None for feed in feeds)


def resolve_cells(
    cells: Sequence[str | None],
    found: Mapping[str, CameraFeed],
    missing_name: Callable[[str], str],
) -> ResolvedView:
    """The feeds for ``cells``; a code absent from ``found`` becomes a stream-less placeholder named
    ``missing_name(code)`` (the UI's translated "… not found")."""
    feeds: list[CameraFeed | None] = []
    missing: list[str] = []
    for code in cells:
        if not code:
            feeds.append(None)
        elif code in found:
            feeds.append(found[code])
        else:
            feeds.append(CameraFeed(code=code, name=missing_name(code)))
            missing.append(code)
    return ResolvedView(feeds, missing)
