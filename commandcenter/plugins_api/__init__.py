"""The plugin API (version ``API_VERSION``): what a CommandCenter plugin imports, and nothing more.

A plugin is a package with a ``plugin.toml`` manifest and an entry function taking a
``PluginContext``; see ``docs/PLUGINS.md``. The names below are the whole public surface — plugins
import from ``commandcenter.plugins_api`` only, never from the modules behind it, so those can move.
"""

from commandcenter.domain.cases import CaseOutcome
from commandcenter.domain_events import CaseEvent, UnitAlert
from commandcenter.plugins_api.context import PluginContext
from commandcenter.plugins_api.contributions import (
    CardValue,
    LayerData,
    MapPoint,
    MapPolyline,
    RuleOutcome,
    midpoint,
)
from commandcenter.plugins_api.version import API_VERSION

__all__ = [
    "API_VERSION",
    "CardValue",
    "CaseEvent",
    "CaseOutcome",
    "LayerData",
    "MapPoint",
    "MapPolyline",
    "PluginContext",
    "RuleOutcome",
    "UnitAlert",
    "midpoint",
]
