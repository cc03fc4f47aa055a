"""The central plugin enablement table (issue 6): which plugin loads for which office or workstation.

Stored in the shared database, not in each workstation's config, so an admin switches a module on
for an office once and every seat of that office sees it at its next start. Plugins' own tables
are created by their own migrations (``plugin_migrations``), not declared here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commandcenter.persistence.base import Base


class PluginEnablement(Base):
    __tablename__ = "plugin_enablement"
    __table_args__ = (UniqueConstraint("plugin_id", "scope", "target", name="uq_plugin_enablement_seat"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plugin_id: Mapped[str] = mapped_column(String(40), index=True)
    scope: Mapped[str] = mapped_column(String(12))  # Scope: office / workstation
    target: Mapped[str] = mapped_column(String(64))  # office name or workstation name
    enabled: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(40))
