"""``PluginContext``: the one object a plugin gets. Small and versioned on purpose.

Everything a plugin may use is a method here: reads of the district, its own tables, domain events
and the ``add_*`` registrations. It hands out the facade's own frozen records (``types.py``), never
the store, the engine or a window, so the internals can change without breaking plugins; adding a
method bumps ``API_VERSION``'s minor, changing or removing one bumps the major.

Threads: every read and every registered callable except a panel's ``create`` runs on a worker thread
(see ``docs/PLUGINS.md``); the context itself is safe to use from any of them.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from commandcenter.plugins_api.contributions import (
    CardValue,
    CaseRule,
    Contributions,
    DashboardCard,
    DemoData,
    LayerData,
    MapLayer,
    MenuAction,
    Panel,
    RuleOutcome,
)
from commandcenter.plugins_api.ports import DistrictReader, Tables
from commandcenter.plugins_api.types import (
    CaseOutcome,
    Office,
    PluginInfo,
    PostIndicators,
    ScreenedReport,
    Segment,
    StaffMember,
)
from commandcenter.plugins_api.version import API_VERSION

Subscribe = Callable[[str, Callable[[Any], object]], None]


class PluginContext:
    api_version = API_VERSION

    def __init__(
        self,
        manifest: PluginInfo,
        district: DistrictReader,
        tables: Tables,
        contributions: Contributions,
        subscribe: Subscribe,
    ) -> None:
        self.manifest = manifest
        self.tables = tables
        self.log = logging.getLogger(f"commandcenter.plugin.{manifest.id}")
        self._district = district
        self._contributions = contributions
        self._subscribe = subscribe

    # ------------------------------------------------------------------ reading the district
    @functools.cached_property
    def _offices(self) -> list[Office]:
        return self._district.offices()  # offices do not change during a session

    def offices(self) -> list[Office]:
        return list(self._offices)

    def office_id(self, name: str) -> int | None:
        return next((office.id for office in self._offices if office.name == name), None)

    def segments(self, office: str | None = None) -> list[Segment]:
        """Every 路段, or those of one office (by name; an unknown name has none)."""
        shapes = self._district.segments()
        if office is None:
            return shapes
        office_id = self.office_id(office)
        return [shape for shape in shapes if shape.office_id == office_id]

    def staff(self, office: str | None = None, role: str | None = None) -> list[StaffMember]:
        """The staff, optionally of one office (by name) and of one role (``"路长"`` …)."""
        office_id = None if office is None else self.office_id(office)
        return [
            member
            for member in self._district.staff()
            if (office is None or member.office_id == office_id) and (role is None or member.role == role)
        ]

    def case_outcomes(self, office: str | None = None) -> list[CaseOutcome]:
        """Cases located on a segment — of every office, or of one (by name; unknown: none)."""
        return self._district.case_outcomes(None if office is None else self.office_id(office) or -1)

    def post_indicators(self, office: str, period: str | None = None) -> list[PostIndicators]:
        """API 1.2: the district's indicators per person (路长 …) of one office (by name; unknown:
        none) for ``period`` — ``2026-11``, ``2026-W47``, ``2026`` or None for the current month on
        the district's clock — under the district's period rules and assessment weights. A bad
        period raises ``ValueError`` with a "中文 / English" message."""
        office_id = self.office_id(office)
        return [] if office_id is None else self._district.post_indicators(office_id, period)

    # ------------------------------------------------------------------ contributing
    def subscribe(self, event: str, handler: Callable[[Any], object]) -> None:
        """Follow a domain event (``case_created``, ``case_dispatched``, ``case_closed`` with a
        ``CaseEvent``; ``unit_alert`` with a ``UnitAlert``). The handler runs on a background
        thread and must return within the handler bound (200 ms)."""
        self._subscribe(event, handler)

    def add_map_layer(self, layer_id: str, title: str, provide: Callable[[], LayerData]) -> None:
        self._contributions.layers.append(MapLayer(layer_id, title, provide))

    def add_dashboard_card(self, card_id: str, title: str, value: Callable[[], CardValue]) -> None:
        self._contributions.cards.append(DashboardCard(card_id, title, value))

    def add_panel(self, panel_id: str, title: str, create: Callable[[Any], Any]) -> None:
        self._contributions.panels.append(Panel(panel_id, title, create))

    def add_menu_action(self, action_id: str, title: str, trigger: Callable[[], object]) -> None:
        self._contributions.menu_actions.append(MenuAction(action_id, title, trigger))

    def add_case_rule(self, rule_id: str, check: Callable[[ScreenedReport], RuleOutcome | None]) -> None:
        self._contributions.case_rules.append(CaseRule(rule_id, check))

    def add_demo_data(self, seed: Callable[[], object]) -> None:
        """Example rows for the demo (API 1.1): ``seed()`` runs only when ``commandcenter demo-data``
        (or the demo's first start) generates the demo district, after the plugin's migrations and
        with its tables emptied. A production database never gets them."""
        self._contributions.demo_data.append(DemoData(seed))
