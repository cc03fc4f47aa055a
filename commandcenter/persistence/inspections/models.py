"""Tables of 督查 (migration 0016, issue 16).

- ``inspectors``: the pool — a staff member (``staff_id``) or a department's member
  (``department_id``), their own office if any (``office_id``: never inspected by them), ``active``.
- ``inspection_rounds``: one draw for a period (明察 or 暗访): the pairing window it keeps, the seed,
  group size, the pool and targets it drew from (ids), who drew it and when — enough to replay it.
- ``inspection_groups``: a round's group: its target office, its members (inspector ids, in draw
  order) and its assignment dates.
- ``inspection_findings``: what a group found, and the case (or 待甄别 item) intake made of it.
Ids of the district's tables (offices, staff, departments) and of cases are plain integers, not
foreign keys: ``bulk_load.replace_all`` reloads those tables (and empties these with them).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class InspectorRow(Base):
    __tablename__ = "inspectors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(20))
    staff_id: Mapped[int | None] = mapped_column(Integer)
    department_id: Mapped[int | None] = mapped_column(Integer)
    office_id: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    added_by: Mapped[str] = mapped_column(String(40))


class InspectionRoundRow(Base):
    __tablename__ = "inspection_rounds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    period: Mapped[str] = mapped_column(String(16), index=True)  # 2026-12, 2026-W49
    kind: Mapped[str] = mapped_column(String(4))  # InspectionKind
    window: Mapped[str] = mapped_column(String(16), index=True)  # 2026-Q4
    seed: Mapped[int] = mapped_column(BigInteger)
    group_size: Mapped[int] = mapped_column(Integer)
    pool_ids: Mapped[list[int]] = mapped_column(JSON)
    target_ids: Mapped[list[int]] = mapped_column(JSON)
    drawn_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    drawn_by: Mapped[str] = mapped_column(String(40))


class InspectionGroupRow(Base):
    __tablename__ = "inspection_groups"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("inspection_rounds.id"), index=True)
    target_office_id: Mapped[int] = mapped_column(Integer)
    member_ids: Mapped[list[int]] = mapped_column(JSON)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)


class InspectionFindingRow(Base):
    __tablename__ = "inspection_findings"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("inspection_groups.id"), index=True)
    office_id: Mapped[int | None] = mapped_column(Integer)
    case_id: Mapped[int | None] = mapped_column(BigInteger)
    review_id: Mapped[int | None] = mapped_column(BigInteger)
    summary: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    recorded_by: Mapped[str] = mapped_column(String(40))
