"""Tables of the credit record (migration 0017): violators, their violations, their listings.

- ``credit_violators``: a person, shop, transport company or plate, unique by kind and ``match_key``
  (the identifier; for a person the masked ID number and the name, since a mask alone is not unique).
- ``credit_violations``: one violation confirmed on a case (``case_id``, ``case_number`` and the
  case's ``office_id`` as plain columns, no foreign key: a demo reload replaces the cases and must
  not be blocked), its points, category and expiry, its appeal (status, note, who decided).
- ``credit_listings``: a violator's time on the joint-punishment list: which threshold (``basis``
  and the figures it was met with), until when, and — once over — when, why and by whom it ended.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class CreditViolator(Base):
    __tablename__ = "credit_violators"
    __table_args__ = (UniqueConstraint("kind", "match_key", name="uq_credit_violators_kind_match_key"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # ViolatorKind
    name: Mapped[str] = mapped_column(String(80))
    identifier: Mapped[str] = mapped_column(String(40))  # a person's ID number only masked
    match_key: Mapped[str] = mapped_column(String(130))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(40))


class CreditViolation(Base):
    __tablename__ = "credit_violations"
    __table_args__ = (
        UniqueConstraint("violator_id", "case_id", name="uq_credit_violations_violator_id_case_id"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    violator_id: Mapped[int] = mapped_column(ForeignKey("credit_violators.id"), index=True)
    case_id: Mapped[int] = mapped_column(BigId, index=True)
    case_number: Mapped[str] = mapped_column(String(20))
    office_id: Mapped[int | None] = mapped_column(Integer, index=True)
    category: Mapped[str] = mapped_column(String(30))
    points: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    confirmed_by: Mapped[str] = mapped_column(String(40))
    confirmed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    appeal_status: Mapped[str] = mapped_column(String(12), default="none")  # AppealStatus
    appeal_note: Mapped[str] = mapped_column(Text, default="")
    appeal_filed_by: Mapped[str] = mapped_column(String(40), default="")
    appeal_filed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    appeal_decided_by: Mapped[str] = mapped_column(String(40), default="")
    appeal_decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    counted: Mapped[bool] = mapped_column(Boolean, default=True)  # false once expired and the rule re-run


class CreditListing(Base):
    __tablename__ = "credit_listings"
    __table_args__ = (Index("ix_credit_listings_violator_removed", "violator_id", "removed_at"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    violator_id: Mapped[int] = mapped_column(ForeignKey("credit_violators.id"))
    basis: Mapped[str] = mapped_column(String(12))  # ListingBasis
    facts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    listed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    removed_reason: Mapped[str | None] = mapped_column(String(16))  # RemovalReason
    removed_by: Mapped[str] = mapped_column(String(40), default="")
    removal_note: Mapped[str] = mapped_column(Text, default="")
