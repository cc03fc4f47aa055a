"""Video clips kept as a case's evidence (回放 exported from a platform): the bytes with the camera,
the recorded period and the SHA-256 that shows they were not changed. Plain case id (no foreign key:
the demo reloads its tables). Not ``stored_photos``: photos are JPEG/PNG of at most 10 MB."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base, BigId


class CaseVideoEvidence(Base):
    __tablename__ = "case_video_evidence"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(BigId, index=True)
    camera_code: Mapped[str] = mapped_column(String(40))
    camera_name: Mapped[str] = mapped_column(String(80))
    recorded_from: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_to: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(40))  # video/mp2t
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    stored_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    stored_by: Mapped[str] = mapped_column(String(40))
