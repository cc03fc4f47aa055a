"""One camera as every catalog source describes it, and the protocol those sources share.

The database, an imported spreadsheet and a GB/T 28181 platform know different things about a
camera; ``CameraEntry`` holds the union with ``None`` where a source does not know (an import has
no segment, a platform has no office id). Grouping and search work on whatever is present.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from commandcenter.media.camera_feed import CameraFeed


class CatalogError(RuntimeError):
    """A catalog source could not answer (platform down, bad reply, unknown camera)."""


@dataclass(frozen=True)
class StreamUrls:
    """The two streams of a camera; either may be empty (then the other one stands in)."""

    main: str
    sub: str = ""


@dataclass(frozen=True)
class CameraEntry:
    code: str
    name: str
    kind: str  # CameraKind value for database cameras; free text from other sources
    office: str | None = None
    segment: str | None = None
    lon: float | None = None  # WGS-84; None for cameras that move with a vehicle
    lat: float | None = None
    online: bool = True
    main_url: str = ""
    sub_url: str = ""
    gb_device_id: str | None = None
    vehicle_unit_id: int | None = None  # the unit whose latest fix places a vehicle camera

    @property
    def streams(self) -> StreamUrls:
        return StreamUrls(self.main_url, self.sub_url)

    def feed(self) -> CameraFeed:
        """What the wall plays (and what the drag payload carries)."""
        return CameraFeed(code=self.code, name=self.name, main_url=self.main_url, sub_url=self.sub_url)


class CameraCatalog(Protocol):
    """A source of cameras. Both calls may block (database, HTTP): call them off the Qt thread."""

    def list_cameras(self) -> list[CameraEntry]: ...

    def stream_urls(self, code: str) -> StreamUrls: ...
