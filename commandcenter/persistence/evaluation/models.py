"""Tables of the assessment (migration 0015).

- ``consultation_cases`` (协商): a case flagged for the consultation meeting, with the reason, the
  meeting's date, the department responsible, the outcome, and its withdrawal. Plain ids (no foreign
  keys): a demo reset wipes it with the cases (``bulk_load.LOAD_ORDER``).
- ``published_assessments``: a weekly, monthly or annual assessment as published — the figures
  frozen as JSON (``evaluation.frozen``), who published it and when. One per kind and period; never
  updated, so a bulletin reads back as it went out. Kept across demo resets (nothing points into it).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class ConsultationCase(Base):
    __tablename__ = "consultation_cases"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(BigId, index=True)
    office_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the case's office when flagged
    status: Mapped[str] = mapped_column(String(8), index=True)  # ConsultationStatus
    reason: Mapped[str] = mapped_column(Text)
    flagged_by: Mapped[str] = mapped_column(String(40))
    flagged_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    meeting_date: Mapped[date | None] = mapped_column(Date)
    department: Mapped[str] = mapped_column(String(40), default="")  # 责任单位
    outcome: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(40), default="")
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")


class PublishedAssessment(Base):
    __tablename__ = "published_assessments"
    __table_args__ = (UniqueConstraint("kind", "period"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(8))  # week / month / year (PeriodKind)
    period: Mapped[str] = mapped_column(String(10))  # 2026-W47, 2026-11, 2026
    figures: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_by: Mapped[str] = mapped_column(String(40))
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
