"""Tables of units and their positions (migration 0001): a unit carries its latest fix inline so the
map reads the whole fleet in one indexed scan, and ``positions`` is the append-only time series.

On PostgreSQL ``positions`` is partitioned by day since migration 0013 (``positions_YYYYMMDD`` plus
``positions_default``; primary key (id, ts), as PostgreSQL wants the partition key in it — the model
keeps ``id`` alone, which is what the ORM and the bulk loads need). Days past the retention live on,
thinned, in ``position_rollups`` (``persistence.units.retention``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


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


class PositionRow(Base):
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


class PositionRollup(Base):
    """Tracks older than ``[positions] retention_days``, thinned (a fix per unit and minute, every change
    of state, every stop), written before their day's raw fixes are dropped; track playback reads it
    beside ``positions``. A plain ``unit_id`` (no foreign key): a demo reload must not be blocked."""

    __tablename__ = "position_rollups"
    __table_args__ = (Index("ix_position_rollups_unit_ts", "unit_id", "ts"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    unit_id: Mapped[int] = mapped_column(Integer)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    speed_kmh: Mapped[float] = mapped_column(Float, default=0.0)
    heading_deg: Mapped[float] = mapped_column(Float, default=0.0)
    state: Mapped[str | None] = mapped_column(String(16))
