"""The schema: one SQLAlchemy declarative model per table, portable across SQLite and PostgreSQL.

Geometry is stored as WGS-84 ``[[lon, lat], ...]`` JSON with an indexed bounding box beside it, so
the same schema runs on embedded SQLite and on PostgreSQL without PostGIS; point lookups first
filter by bbox in SQL, then test the few candidates exactly in Python (``commandcenter.geo``).
Kind columns hold the Chinese domain terms from ``commandcenter.domain.kinds``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so Alembic migrations are identical on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL wants BIGINT for time series.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class BBoxMixin:
    """A WGS-84 bounding box for cheap "which segment/office is near this point" filtering."""

    min_lon: Mapped[float] = mapped_column(Float)
    min_lat: Mapped[float] = mapped_column(Float)
    max_lon: Mapped[float] = mapped_column(Float)
    max_lat: Mapped[float] = mapped_column(Float)


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


class Unit(Base):
    """Anything that reports positions: a patroller or a vehicle. Keeps its latest fix inline so the
    live map reads 2,658 (or 26,580) current positions with one indexed scan, not a GROUP BY over
    the time series."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # UnitKind
    label: Mapped[str] = mapped_column(String(40))  # name or plate, what the map shows
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    last_ts: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_lon: Mapped[float | None] = mapped_column(Float)
    last_lat: Mapped[float | None] = mapped_column(Float)
    last_speed_kmh: Mapped[float | None] = mapped_column(Float)
    last_heading_deg: Mapped[float | None] = mapped_column(Float)
    last_state: Mapped[str | None] = mapped_column(String(16))  # moving / stopped / loaded / empty ...


class Position(Base):
    """The time series of fixes per unit; append-only, written by the simulator or the gateway."""

    __tablename__ = "positions"
    __table_args__ = (Index("ix_positions_unit_ts", "unit_id", "ts"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    speed_kmh: Mapped[float] = mapped_column(Float, default=0.0)
    heading_deg: Mapped[float] = mapped_column(Float, default=0.0)
    state: Mapped[str | None] = mapped_column(String(16))


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


class CaseCategory(Base):
    """A 小类 of the GB/T 30428.2 / CJ/T 214 model with its 大类, deadlines and department."""

    __tablename__ = "case_categories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(4))  # CategoryKind: 部件 / 事件
    major_code: Mapped[str] = mapped_column(String(4))
    major_name: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(8), unique=True)  # major + minor, e.g. "0501"
    name: Mapped[str] = mapped_column(String(30))
    filing_condition: Mapped[str] = mapped_column(Text, default="")  # 立案条件
    dispatch_hours: Mapped[float] = mapped_column(Float)  # working hours to dispatch
    dispose_hours: Mapped[float] = mapped_column(Float)  # working hours to dispose
    department: Mapped[str] = mapped_column(String(40))
    photo_required: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_status_created", "status", "created_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)  # "20261126-00001"
    category_id: Mapped[int] = mapped_column(ForeignKey("case_categories.id"), index=True)
    source: Mapped[str] = mapped_column(String(16))  # 市民上报 / 督查员 / 城市平台 / 视频 / 模拟
    status: Mapped[str] = mapped_column(String(8))  # CaseStatus
    description: Mapped[str] = mapped_column(Text)
    address: Mapped[str] = mapped_column(String(120))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    segment_id: Mapped[int | None] = mapped_column(ForeignKey("segments.id"), index=True)
    assignee_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    urgency: Mapped[int] = mapped_column(Integer, default=2)  # 1 urgent .. 3 routine
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    deadline_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency for transitions
    # Added by migration 0002 (issue 5): 返工 / 延期 counters and the last dispatch and the close times.
    rework_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    extension_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class CaseEvent(Base):
    """One workflow step: who, when, what, why. Append-only — database triggers refuse UPDATE and
    DELETE on both SQLite and PostgreSQL (see the initial migration)."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case_ts", "case_id", "ts"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(8))
    to_status: Mapped[str | None] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Role(Base):
    __tablename__ = "roles"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)  # UserRole
    name: Mapped[str] = mapped_column(String(20))  # 值班员, 督办员, ...


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("username"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40))
    display_name: Mapped[str] = mapped_column(String(40))
    role_code: Mapped[str] = mapped_column(ForeignKey("roles.code"))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"))
    password_hash: Mapped[str | None] = mapped_column(String(255))  # issue 7: argon2/scrypt
    active: Mapped[bool] = mapped_column(Boolean, default=True)
