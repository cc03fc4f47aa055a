"""The plugin API (version ``API_VERSION``): what a CommandCenter plugin imports, and nothing more.

A plugin is a package with a ``plugin.toml`` manifest and an entry function taking a
``PluginContext``; see ``docs/PLUGINS.md``. The names below are the whole public surface — plugins
import from ``commandcenter.plugins_api`` only (and, for panels, ``ui.plugins``), never from the
modules behind it, so those can move. Every record here is the facade's own: the host converts the
core's records into them, so a change inside the core never reaches a plugin.
"""

from commandcenter.plugins_api.context import PluginContext
from commandcenter.plugins_api.contributions import (
    CardValue,
    InvalidEntry,
    LayerData,
    MapPoint,
    MapPolyline,
    RuleOutcome,
    midpoint,
)
from commandcenter.plugins_api.ports import Tables
from commandcenter.plugins_api.types import (
    CaseEvent,
    CaseOutcome,
    Coordinates,
    Office,
    PluginInfo,
    PostIndicators,
    ScreenedReport,
    Segment,
    SegmentMatch,
    StaffMember,
    UnitAlert,
)
from commandcenter.plugins_api.version import API_VERSION

__all__ = [
    "API_VERSION",
    "CardValue",
    "CaseEvent",
    "CaseOutcome",
    "Coordinates",
    "InvalidEntry",
    "LayerData",
    "MapPoint",
    "MapPolyline",
    "Office",
    "PluginContext",
    "PluginInfo",
    "PostIndicators",
    "RuleOutcome",
    "ScreenedReport",
    "Segment",
    "SegmentMatch",
    "StaffMember",
    "Tables",
    "UnitAlert",
    "midpoint",
]
