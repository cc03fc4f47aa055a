"""Tables of the video wall (issue 3): saved named views and camera favourites.

Both are keyed by the operator's name (the same string the case desk records), not a foreign key
to ``users``: workstations without accounts still save views, and the demo reload that rewrites
users must not take anyone's views with it. Camera codes are plain strings for the same reason —
a view may name a camera from an imported or GB/T 28181 source that the cameras table never held.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.models import Base


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
