"""Tables of case handling beyond intake (migration 0010): reports screening could not place, 延期/挂账
requests awaiting a supervisor, and photos kept in the database.

- ``screening_reviews`` (待甄别): a report screening rejected for a reason an operator can fix
  (outside the district, unknown category, no segment within reach) is kept with its reasons until an
  operator accepts it (fixed location/category, through intake → ``case_id``) or rejects it with a
  reason the reporter receives (``decision_note``). Nothing a citizen sent is silently dropped.
- ``case_requests``: an office's 延期 (hours) or 挂账 request with its reason and evidence; the
  deadline moves only when a supervisor approves (the workflow step is written then). ``office_id``
  scopes a supervisor's or an office's inbox without a join.
- ``stored_photos``: a photo's bytes, addressed by their SHA-256 (``photo:<sha256>`` URIs in
  ``case_photos.uri``), so a photo attached on one workstation is seen on every other one and its
  hash is evidence that it was not changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class ScreeningReview(Base):
    __tablename__ = "screening_reviews"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    source: Mapped[str] = mapped_column(String(16))
    reporter: Mapped[str] = mapped_column(String(40), default="")
    reporter_phone: Mapped[str] = mapped_column(String(20), default="")
    external_ref: Mapped[str | None] = mapped_column(String(64))  # the source's own id (Open311 …)
    category_code: Mapped[str] = mapped_column(String(8), default="")  # as reported, maybe unknown
    description: Mapped[str] = mapped_column(Text, default="")
    lon: Mapped[float | None] = mapped_column(Float)  # as reported, in ``datum``
    lat: Mapped[float | None] = mapped_column(Float)
    datum: Mapped[str] = mapped_column(String(8), default="WGS84")
    photos: Mapped[list[str]] = mapped_column(JSON, default=list)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{reason, detail}]
    status: Mapped[str] = mapped_column(String(8), index=True)  # ReviewStatus
    decided_by: Mapped[str | None] = mapped_column(String(40))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_note: Mapped[str] = mapped_column(Text, default="")  # the reason the reporter receives
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))


class CaseRequest(Base):
    __tablename__ = "case_requests"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("offices.id"), index=True)
    action: Mapped[str] = mapped_column(String(8))  # 延期 / 挂账
    hours: Mapped[float | None] = mapped_column(Float)  # 延期: working hours asked for
    reason: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)  # photo URIs
    requested_by: Mapped[str] = mapped_column(String(40))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    case_version: Mapped[int] = mapped_column(Integer)  # the case as the requester saw it
    status: Mapped[str] = mapped_column(String(8), index=True)  # RequestStatus
    decided_by: Mapped[str | None] = mapped_column(String(40))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    decision_reason: Mapped[str] = mapped_column(Text, default="")


class StoredPhoto(Base):
    __tablename__ = "stored_photos"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(40))  # image/jpeg, image/png
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stored_by: Mapped[str] = mapped_column(String(40))
