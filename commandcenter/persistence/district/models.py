"""Tables of the district: offices (镇办) with boundaries, roads, numbered segments (路段), staff and
vehicles (migration 0001).

Geometry is stored as WGS-84 ``[[lon, lat], ...]`` JSON with an indexed bounding box beside it, so
the same schema runs on embedded SQLite and on PostgreSQL without PostGIS; point lookups first
filter by bbox in SQL, then test the few candidates exactly in Python (``commandcenter.geo``).
Kind columns hold the Chinese domain terms from ``commandcenter.domain.kinds``.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BBoxMixin


class Office(BBoxMixin, Base):
    """镇办: a sub-district office or town, the middle level of 区—办—路."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)  # GB/T 2260 + GB/T 10114, 9 digits
    name: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # 街道 / 镇 / 管委会
    center_lon: Mapped[float] = mapped_column(Float)
    center_lat: Mapped[float] = mapped_column(Float)
    boundary: Mapped[list[list[float]]] = mapped_column(JSON)  # closed ring, WGS-84


class Road(BBoxMixin, Base):
    __tablename__ = "roads"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    grade: Mapped[str] = mapped_column(String(8))  # 主干道 / 次干道 / 支路 / 背街小巷
    geometry: Mapped[list[list[float]]] = mapped_column(JSON)
    length_m: Mapped[float] = mapped_column(Float)


class Segment(BBoxMixin, Base):
    """路段: a numbered stretch of one road with exactly one 路长 (the 291 of the seed)."""

    __tablename__ = "segments"
    __table_args__ = (Index("ix_segments_bbox", "min_lon", "max_lon", "min_lat", "max_lat"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(16), unique=True)  # e.g. "EQ-0001"
    road_id: Mapped[int] = mapped_column(ForeignKey("roads.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))  # "大学路(陇海路—航海路)"
    geometry: Mapped[list[list[float]]] = mapped_column(JSON)
    length_m: Mapped[float] = mapped_column(Float)
    difficulty: Mapped[int] = mapped_column(Integer, default=1)  # 1..3, used by the evaluation


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(8), index=True)  # StaffRole
    office_id: Mapped[int] = mapped_column(ForeignKey("offices.id"), index=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id"), index=True)
    shift: Mapped[str] = mapped_column(String(8))  # Shift
    phone: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), unique=True)


class Vehicle(Base):
    __tablename__ = "vehicles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), index=True)  # VehicleKind
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    company: Mapped[str | None] = mapped_column(String(60))  # muck trucks: the transport company
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))  # enforcement vehicles
    terminal_id: Mapped[str | None] = mapped_column(String(20), unique=True)  # JT/T 808 phone number
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), unique=True)


class Department(Base):
    """A department of the district (爱卫办, 社管办, 市场监管 …) that takes part in handling cases (联动)
    beside the offices: categories route to it, the centre hands cases to it and it hands them back,
    and its own users work its cases on a department desk (migration 0011)."""

    __tablename__ = "departments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    phone: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
