"""One camera as every catalog source describes it, and the protocol those sources share.

The database, an imported spreadsheet and a GB/T 28181 platform know different things about a
camera; ``CameraEntry`` holds the union with ``None`` where a source does not know (an import has
no segment, a platform has no office id). Grouping and search work on whatever is present.
"""

from __future__ import annotations

from typing import Protocol

from commandcenter.domain.cameras import CameraEntry, StreamUrls


class CatalogError(RuntimeError):
    """A catalog source could not answer (platform down, bad reply, unknown camera)."""


class CameraCatalog(Protocol):
    """A source of cameras. Both calls may block (database, HTTP): call them off the Qt thread."""

    def list_cameras(self) -> list[CameraEntry]: ...

    def stream_urls(self, code: str) -> StreamUrls: ...
