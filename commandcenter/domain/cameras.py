"""Cameras as every part of the product names them: a catalog entry (the union of what the database,
a spreadsheet and a GB/T 28181 platform know), what the wall plays (``CameraFeed`` and its two stream
tiers), a map marker, a saved wall view and the report of an import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class StreamTier(StrEnum):
    """A camera's two streams: the full-resolution main stream and the small sub stream."""

    MAIN = "main"
    SUB = "sub"


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


@dataclass(frozen=True)
class CameraSummary:
    code: str
    name: str
    kind: str
    main_url: str | None
    sub_url: str | None
    online: bool


@dataclass(frozen=True)
class CameraPoint:
    """A fixed camera's place on the map (the simulator reads construction and disposal sites so)."""

    id: int
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class CameraFeed:
    code: str
    name: str
    main_url: str = ""
    sub_url: str = ""

    @property
    def url(self) -> str:
        """The stream a small tile plays: the sub stream, or the main one when there is no sub."""
        return self.sub_url or self.main_url

    def url_for(self, tier: StreamTier) -> str:
        """The URL of ``tier``, falling back to the other stream when the camera has only one."""
        if tier is StreamTier.MAIN:
            return self.main_url or self.sub_url
        return self.url

    @property
    def has_video(self) -> bool:
        return bool(self.main_url or self.sub_url)


@dataclass(frozen=True)
class CameraMarker:
    code: str  # what the wall opens a camera by
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class SavedView:
    """A wall view: a layout name (e.g. "4x4", "1+7") and one camera code or None per cell."""

    name: str
    layout: str
    cells: tuple[str | None, ...]
    owner: str
    shared: bool = False
    id: int | None = None
    updated_at: datetime | None = None


@dataclass
class CameraSaveReport:
    inserted: int = 0
    updated: int = 0
    warnings: list[str] = field(default_factory=list)
