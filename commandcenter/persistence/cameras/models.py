"""Tables of the video wall (issue 3): saved named views and camera favourites.

Both are keyed by the operator's name (the same string the case desk records), not a foreign key
to ``users``: workstations without accounts still save views, and the demo reload that rewrites
users must not take anyone's views with it. Camera codes are plain strings for the same reason —
a view may name a camera from an imported or GB/T 28181 source that the cameras table never held.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base


class SavedViewRow(Base):
    """A named wall view: a layout name and one camera code (or None) per cell, in cell order."""

    __tablename__ = "saved_views"
    __table_args__ = (UniqueConstraint("owner", "name"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(40), index=True)
    name: Mapped[str] = mapped_column(String(80))
    layout: Mapped[str] = mapped_column(String(32))  # e.g. "4x4", "1+7"
    cells: Mapped[list[str | None]] = mapped_column(JSON)
    shared: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CameraFavouriteRow(Base):
    __tablename__ = "camera_favourites"
    __table_args__ = (UniqueConstraint("owner", "camera_code"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(40), index=True)
    camera_code: Mapped[str] = mapped_column(String(40))


class Camera(Base):
    __tablename__ = "cameras"
    __table_args__ = (Index("ix_cameras_lon_lat", "lon", "lat"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)  # internal id, e.g. "CAM-ST-00001"
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(8), index=True)  # CameraKind
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicles.id"), index=True)
    lon: Mapped[float | None] = mapped_column(Float)  # None for vehicle cameras: they move with the unit
    lat: Mapped[float | None] = mapped_column(Float)
    main_url: Mapped[str | None] = mapped_column(Text)
    sub_url: Mapped[str | None] = mapped_column(Text)
    media_stream_id: Mapped[str | None] = mapped_column(String(64))  # media-server app/stream id
    gb_device_id: Mapped[str | None] = mapped_column(String(20), unique=True)  # GB/T 28181 20 digits
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    group_name: Mapped[str | None] = mapped_column(String(40))  # operators' grouping (migration 0009)
