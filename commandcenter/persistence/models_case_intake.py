"""Tables of case intake (migration 0004): who reported a case, its photos, and the day counters
that number cases.

A case gathers several reports when screening merges duplicates (same 小类, close by, still open):
each report keeps its reporter, source, text and photos in ``case_reporters`` so the detail view can
list them and the evaluation can count them. Photos are references (file path or URL), tagged by
stage: the report's photos are the "before" that 核查 compares with the disposer's "after".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.models import Base, BigId


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
