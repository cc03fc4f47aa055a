"""Plugin enablement as data: which plugin loads for which office or workstation (set by an admin,
stored centrally, decided by ``commandcenter.plugin_host.enablement.is_enabled``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    OFFICE = "office"
    WORKSTATION = "workstation"


@dataclass(frozen=True)
class EnablementRule:
    plugin_id: str
    scope: Scope
    target: str  # office name or workstation name
    enabled: bool
