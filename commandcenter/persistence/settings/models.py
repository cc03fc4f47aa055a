"""The district's settings table (migration 0009).

One row (``id`` = 1) holds the whole document as canonical JSON text. ``revision`` grows by one on
every save, so a workstation learns that the settings changed by reading one integer, and two
administrators saving at once cannot overwrite each other (the save is a versioned ``UPDATE``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base


class DistrictSettingsRow(Base):
    __tablename__ = "district_settings"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    revision: Mapped[int] = mapped_column(Integer, default=0)
    document: Mapped[str] = mapped_column(Text)  # canonical JSON of domain.settings
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(40))
