"""One loaded state of a catalog: its cameras, tree and search index, built together off the Qt thread.

The tree dock shows a snapshot and swaps in a new one when a periodic re-read finds a change (a
camera went offline, a platform added channels). Building the tree and the search index costs up
to a second at city scale, so an unchanged re-read returns None and nothing is rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.catalog.grouping import CameraGroup, build_tree
from commandcenter.catalog.search import CameraSearch
from commandcenter.catalog.source import CameraCatalog
from commandcenter.domain.cameras import CameraEntry


@dataclass(frozen=True)
class CatalogSnapshot:
    cameras: list[CameraEntry]
    by_code: dict[str, CameraEntry]
    tree: CameraGroup  # the full tree: clearing the search shows it without rebuilding
    search: CameraSearch
    favourites: set[str]  # the operator's starred codes; the dock edits this set in place

    @classmethod
    def build(cls, cameras: list[CameraEntry], favourites: set[str]) -> CatalogSnapshot:
        by_code = {camera.code: camera for camera in cameras}
        return cls(cameras, by_code, build_tree(cameras), CameraSearch(cameras), favourites)

    def starred(self) -> list[CameraEntry]:
        """The starred cameras this catalog has, by code (a star on a vanished camera is kept, unshown)."""
        return sorted((self.by_code[code] for code in self.favourites if code in self.by_code), key=_code)


def _code(camera: CameraEntry) -> str:
    return camera.code


def refreshed(catalog: CameraCatalog, previous: CatalogSnapshot) -> CatalogSnapshot | None:
    """Re-read ``catalog``; a new snapshot (sharing ``previous``'s favourites) or None if unchanged."""
    cameras = catalog.list_cameras()
    if cameras == previous.cameras:
        return None
    return CatalogSnapshot.build(cameras, previous.favourites)
