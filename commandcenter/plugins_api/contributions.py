"""What a plugin can contribute, as plain data and callables — never Qt objects or host internals.

The host decides where and when each contribution appears: a map layer is points and polylines in
WGS-84 that the map draws in its own style system, a dashboard card is a title and a value provider,
a panel is a factory the UI calls with a parent widget of ITS choosing. Plugins never see the main
window, so the window can change without breaking them (the lesson of Picard's v2 plugins).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from commandcenter.geo import point_along_polyline, polyline_length_m
from commandcenter.plugins_api.types import ScreenedReport


@dataclass(frozen=True)
class MapPoint:
    lon: float  # WGS-84
    lat: float
    label: str = ""
    color: str = "#f5a623"
    size: float = 9.0
    symbol: str = "o"  # o circle, s square, t triangle, d diamond, star


@dataclass(frozen=True)
class MapPolyline:
    coordinates: tuple[tuple[float, float], ...]  # WGS-84 (lon, lat) pairs
    label: str = ""
    color: str = "#f5a623"
    width: float = 2.0


def midpoint(geometry: Sequence[Sequence[float]]) -> tuple[float, float]:
    """The point halfway along a WGS-84 polyline (a segment's label or marker position)."""
    lon, lat, _heading = point_along_polyline(geometry, polyline_length_m(geometry) / 2)
    return lon, lat


@dataclass(frozen=True)
class LayerData:
    points: tuple[MapPoint, ...] = ()
    polylines: tuple[MapPolyline, ...] = ()


@dataclass(frozen=True)
class MapLayer:
    """``provide`` runs on a worker thread (it may read the database) and returns ``LayerData``;
    it is called when the plugins are placed and again every 30 s."""

    id: str
    title: str
    provide: Callable[[], LayerData]


@dataclass(frozen=True)
class CardValue:
    value: str
    detail: str = ""


@dataclass(frozen=True)
class DashboardCard:
    """A briefing-screen card; ``value`` runs on a worker thread and returns a ``CardValue``."""

    id: str
    title: str
    value: Callable[[], CardValue]


@dataclass(frozen=True)
class Panel:
    """``create(host)`` is called on the Qt thread with a ``ui.plugins.PanelHost`` (parent widget +
    background ``submit``) and returns a QWidget; it imports its Qt modules inside, so loading the
    plugin stays Qt-free and fast."""

    id: str
    title: str
    create: Callable[[Any], Any]


class InvalidEntry(ValueError):
    """Raised by a panel job for input the user must correct ("姓名不能为空"): the panel shows the
    message and the plugin stays on (API 1.1). Any other exception from a job is the plugin's fault."""


@dataclass(frozen=True)
class MenuAction:
    """``trigger()`` runs on a worker thread when the entry is chosen; what it returns is ignored."""

    id: str
    title: str
    trigger: Callable[[], object]


@dataclass(frozen=True)
class RuleOutcome:
    """What a case rule says about a screened report: ``notes`` the operator reads beside the case
    (kept with its first event), and ``overrides`` intake applies — ``urgency`` (1 urgent … 3
    routine), ``office_name`` (the responsible office, by name) and ``assignee_staff_id`` (offered
    first when dispatching). Other keys and invalid values are noted on the case and ignored."""

    notes: tuple[str, ...] = ()
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseRule:
    """``check(report)`` runs inside intake for each new report located in one of the plugin's
    offices (every office when it names none); it returns a ``RuleOutcome`` or None."""

    id: str
    check: Callable[[ScreenedReport], RuleOutcome | None]


@dataclass(frozen=True)
class DemoData:
    """``seed()`` writes the plugin's example rows into its own tables — for the demo only."""

    seed: Callable[[], object]


@dataclass
class Contributions:
    """Everything one plugin registered, kept per plugin so disabling it removes all of it."""

    layers: list[MapLayer] = field(default_factory=list)
    cards: list[DashboardCard] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    menu_actions: list[MenuAction] = field(default_factory=list)
    case_rules: list[CaseRule] = field(default_factory=list)
    demo_data: list[DemoData] = field(default_factory=list)
    subscriptions: list[tuple[str, Callable[[Any], object]]] = field(default_factory=list)
