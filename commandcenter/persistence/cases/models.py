"""Tables of case intake (migration 0004): who reported a case, its photos, and the day counters
that number cases.

A case gathers several reports when screening merges duplicates (same 小类, close by, still open):
each report keeps its reporter, source, text and photos in ``case_reporters`` so the detail view can
list them and the evaluation can count them. Photos are references (file path or URL), tagged by
stage: the report's photos are the "before" that 核查 compares with the disposer's "after".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

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
)
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class CaseReporter(Base):
    __tablename__ = "case_reporters"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reporter: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    lon: Mapped[float] = mapped_column(Float)
    lat: Mapped[float] = mapped_column(Float)
    feedback: Mapped[str] = mapped_column(Text, default="")  # the citizen's reply after closing (回访)
    phone: Mapped[str | None] = mapped_column(String(20))  # for 回访; masked in lists, never logged


class CasePhoto(Base):
    __tablename__ = "case_photos"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    stage: Mapped[str] = mapped_column(String(8))  # PhotoStage: 上报 (before) / 处置后 (after)
    uri: Mapped[str] = mapped_column(Text)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    taken_by: Mapped[str] = mapped_column(String(40), default="")


class CaseDayCounter(Base):
    """The last number given out per district day: an UPDATE takes a row lock, so two writers at once
    get different numbers (counting the day's rows could hand both the same one)."""

    __tablename__ = "case_day_counters"
    day: Mapped[str] = mapped_column(String(8), primary_key=True)  # "20261127"
    last: Mapped[int] = mapped_column(Integer)


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
    # Added by migration 0011 (issue 15): the department holding the case beside its office (联动) and
    # the hand-off's own deadline; the office's case rules' notes, read with the board in one query.
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"), index=True)
    handoff_deadline_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rule_notes: Mapped[list[str] | None] = mapped_column(JSON)


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
