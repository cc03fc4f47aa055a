"""The cameras table as a catalog source: what the demo and a configured platform database hold."""

from __future__ import annotations

from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.persistence.cameras import queries as camera_queries
from commandcenter.persistence.store import Store


class DatabaseCatalog:
    """``CameraCatalog`` over a ``Store``. Reads are not cached: the tree reloads when asked."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_cameras(self) -> list[CameraEntry]:
        return camera_queries.all_cameras(self._store)

    def stream_urls(self, code: str) -> StreamUrls:
        urls = camera_queries.camera_streams(self._store, code)
        if urls is None:
            raise CatalogError(f"no camera with code {code!r} in the database")
        return urls
