"""``platform_alarm_cases`` (migration 0018): a GB/T 28181 platform's alarm and the case it became.

Unique by (platform, alarm id): the row is written in the case's own transaction (intake's ``along``),
so when two desks file the same alarm at once one insert fails and that desk's case is rolled back.
``case_id`` is a plain column, no foreign key: a demo reload replaces the cases.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class PlatformAlarmCase(Base):
    __tablename__ = "platform_alarm_cases"
    __table_args__ = (
        UniqueConstraint("platform", "alarm_id", name="uq_platform_alarm_cases_platform_alarm_id"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    platform: Mapped[str] = mapped_column(String(80))
    alarm_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))  # AlarmKind
    case_id: Mapped[int] = mapped_column(BigId)
    filed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    filed_by: Mapped[str] = mapped_column(String(40))
