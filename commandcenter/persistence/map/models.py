"""Tables of the live map (issue 4): raised alerts, muck-truck permits and imported GIS layers.

Unit, vehicle and case ids are plain indexed integers, not foreign keys: ``replace_all``
regenerates the demo by wiping units and cases, and an alert log or an imported boundary must not
block that (nor vanish with it). Geometry is WGS-84 ``[[lon, lat], ...]`` JSON with a bbox, as in
``models.py``, so both SQLite and PostgreSQL hold it without PostGIS.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BBoxMixin, BigId


class MapAlert(Base):
    """One alert a rule raised: who, what, since when, where — and the case it became, if any."""

    __tablename__ = "map_alerts"
    __table_args__ = (Index("ix_map_alerts_raised_at", "raised_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # AlertKind
    unit_id: Mapped[int] = mapped_column(Integer, index=True)
    unit_label: Mapped[str] = mapped_column(String(40))
    since: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # when the condition began
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # the fix that crossed the limit
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    case_id: Mapped[int | None] = mapped_column(BigId)


class TruckPermitRow(Base):
    """A muck truck's 准运证: a permitted area (ring) or route (polyline + buffer) and a daily window."""

    __tablename__ = "truck_permits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, index=True)
    number: Mapped[str] = mapped_column(String(32))
    area: Mapped[list[list[float]] | None] = mapped_column(JSON)
    route: Mapped[list[list[float]] | None] = mapped_column(JSON)
    buffer_m: Mapped[float] = mapped_column(Float, default=0.0)
    start_minute: Mapped[int] = mapped_column(Integer)  # minutes after local midnight (Asia/Shanghai)
    end_minute: Mapped[int] = mapped_column(Integer)  # may be < start: the window crosses midnight


class GisLayer(Base):
    """One imported file: which layer it feeds, its original datum and when it came in."""

    __tablename__ = "gis_layers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    layer: Mapped[str] = mapped_column(String(16), index=True)  # boundary / roads / segments / points
    name: Mapped[str] = mapped_column(String(120))
    source_datum: Mapped[str] = mapped_column(String(8))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GisFeature(BBoxMixin, Base):
    """One feature of an imported layer, converted to WGS-84; multi-geometries keep all their parts."""

    __tablename__ = "gis_features"
    __table_args__ = (Index("ix_gis_features_bbox", "min_lon", "max_lon", "min_lat", "max_lat"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    layer_id: Mapped[int] = mapped_column(ForeignKey("gis_layers.id", ondelete="CASCADE"), index=True)
    geometry_type: Mapped[str] = mapped_column(String(16))  # Polygon, LineString, Point (parts below)
    name: Mapped[str] = mapped_column(String(120))
    parts: Mapped[list[Any]] = mapped_column(
        JSON
    )  # rings / lines as [[lon, lat], ...]; a point is [[lon, lat]]
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
