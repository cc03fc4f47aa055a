"""Tables of duty (勤务, migration 0014): shift templates, the weekly roster per segment, and the
day's exceptions (leave, swap, extra shift).

Staff, segment and office ids are plain integers, not foreign keys: the district's tables are wiped and
reloaded by a demo reset or a full import (``persistence.bulk_load``), which a foreign key would block
(AGENTS.md). ``weekdays`` holds the roster's days as digits, Monday ``0`` … Sunday ``6`` (``"01234"``).
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base


class DutyShift(Base):
    __tablename__ = "duty_shifts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)  # 白班 / 夜班 / 早班
    start_time: Mapped[time] = mapped_column(Time)  # the district's wall clock
    end_time: Mapped[time] = mapped_column(Time)  # not after start: crosses midnight


class DutyRosterRow(Base):
    __tablename__ = "duty_rosters"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(Integer, index=True)
    segment_id: Mapped[int] = mapped_column(Integer, index=True)
    office_id: Mapped[int] = mapped_column(Integer, index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shifts.id"))
    weekdays: Mapped[str] = mapped_column(String(7))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class DutyExceptionRow(Base):
    __tablename__ = "duty_exceptions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(8))  # ExceptionKind
    staff_id: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[int] = mapped_column(ForeignKey("duty_shifts.id"))
    segment_id: Mapped[int | None] = mapped_column(Integer)
    office_id: Mapped[int] = mapped_column(Integer, index=True)
    other_staff_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
