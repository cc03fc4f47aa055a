"""Cameras as the signed-in principal uses them: the catalog (the tree, search, streams), their own
favourites and saved wall views (owned by the principal's user name, shared ones readable by all),
and the cameras nearest a point for case- and map-linked video.

``CameraService`` is itself a ``CameraCatalog``, so the tree takes it like any other source. The
nearest-camera index is built once, on first use, and its vehicle cameras moved on every query;
every call may block (database) and runs off the Qt thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime

from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditTrail
from commandcenter.catalog.nearest import NearestCameraIndex
from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import CameraEntry, CameraFeed, SavedView, StreamUrls
from commandcenter.persistence.cameras import queries as camera_queries, saved_views
from commandcenter.persistence.cameras.unit_cameras import vehicle_cameras_by_unit
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded


class CameraService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, principal, audit=audit, clock=clock)
        self._index: NearestCameraIndex | None = None
        self._index_lock = threading.Lock()  # callers run on several workers; the index is one

    # ------------------------------------------------------------------ the catalog
    def list_cameras(self) -> list[CameraEntry]:
        self._any_reader("cameras")
        return camera_queries.all_cameras(self.store)

    def stream_urls(self, code: str) -> StreamUrls:
        self._any_reader(f"camera:{code}")
        urls = camera_queries.camera_streams(self.store, code)
        if urls is None:
            raise CatalogError(f"no camera with code {code!r} in the database")
        return urls

    def feeds_for_codes(self, codes: Iterable[str]) -> dict[str, CameraFeed]:
        self._any_reader("cameras")
        return camera_queries.feeds_for_codes(self.store, codes)

    def vehicle_cameras(self) -> dict[int, str]:
        """Unit id → the code of its vehicle camera (车载视频)."""
        self._any_reader("cameras")
        return vehicle_cameras_by_unit(self.store)

    def nearest_feeds(self, lon: float, lat: float, count: int) -> list[CameraFeed]:
        """The online cameras to show around a point: fixed ones by distance, then close vehicles."""
        self._any_reader("cameras")
        with self._index_lock:
            if self._index is None:
                self._index = NearestCameraIndex.from_store(self.store)
            else:
                self._index.refresh_units(self.store)
            return [camera.feed() for camera in self._index.nearest(lon, lat, count) if camera.online]

    # ------------------------------------------------------------------ the principal's own
    def favourites(self) -> set[str]:
        return camera_queries.favourites(self.store, self.principal.username)

    def set_favourite(self, code: str, starred: bool) -> None:
        camera_queries.set_favourite(self.store, self.principal.username, code, starred)

    def views(self) -> list[SavedView]:
        """The principal's own views, then the shared ones of others."""
        return saved_views.list_views(self.store, self.principal.username)

    def save_view(self, name: str, layout: str, cells: tuple[str | None, ...], shared: bool) -> SavedView:
        view = SavedView(name.strip(), layout, cells, self.principal.username, shared)
        return saved_views.save_view(self.store, view)

    def delete_view(self, name: str) -> bool:
        """Delete one of the principal's own views; False when they have none of that name."""
        return saved_views.delete_view(self.store, self.principal.username, name)
