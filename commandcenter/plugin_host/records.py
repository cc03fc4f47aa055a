"""What the host knows about each plugin: its state and, when it failed, why — as the manager shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from commandcenter.plugins_api.contributions import Contributions


class PluginState(StrEnum):
    ACTIVE = "active"
    FAILED = "failed"  # broken at discovery, import, migration or activation, or disabled after a fault
    NOT_ENABLED = "not enabled"  # not for this office / workstation
    INCOMPATIBLE = "incompatible"  # needs another API version
    WAITING = "waiting"  # the database did not answer while it was activated: tried again later


@dataclass
class PluginRecord:
    id: str
    name: str
    version: str
    source: str
    location: str
    state: PluginState
    message: str = ""
    traceback: str = ""
    offices: tuple[str, ...] = ()
    contributions: Contributions = field(default_factory=Contributions)
