"""``PluginContext``: the one object a plugin gets. Small and versioned on purpose.

Everything a plugin may use is a method here: reads of the district through core functions, its own
tables, domain events and the ``add_*`` registrations. It hands out plain dataclasses, never the
store, the engine or a window, so the internals can change without breaking plugins; adding a method
bumps ``API_VERSION``'s minor, changing or removing one bumps the major.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from commandcenter.domain.cases import CaseOutcome
from commandcenter.domain.district import OfficeRecord, SegmentShape, StaffRecord
from commandcenter.persistence.cases.outcomes import case_outcomes
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.plugins.tables import PluginTables
from commandcenter.persistence.store import Store
from commandcenter.plugins_api.contributions import (
    CardValue,
    CaseRule,
    Contributions,
    DashboardCard,
    LayerData,
    MapLayer,
    MenuAction,
    Panel,
    RuleOutcome,
)
from commandcenter.plugins_api.manifest import PluginManifest
from commandcenter.plugins_api.version import API_VERSION


class PluginContext:
    api_version = API_VERSION

    def __init__(
        self,
        manifest: PluginManifest,
        store: Store,
        contributions: Contributions,
        subscribe: Callable[[str, Callable[[Any], object]], None],
    ) -> None:
        self.manifest = manifest
        self.tables = PluginTables(store, manifest.table_prefix)
        self.log = logging.getLogger(f"commandcenter.plugin.{manifest.id}")
        self._store = store
        self._contributions = contributions
        self._subscribe = subscribe

    # ------------------------------------------------------------------ reading the district
    @functools.cached_property
    def _offices(self) -> list[OfficeRecord]:
        return district_queries.offices(self._store)

    def offices(self) -> list[OfficeRecord]:
        return list(self._offices)

    def office_id(self, name: str) -> int | None:
        return next((office.id for office in self._offices if office.name == name), None)

    def segments(self, office: str | None = None) -> list[SegmentShape]:
        """Every 路段, or those of one office (by name)."""
        shapes = district_queries.segment_shapes(self._store)
        if office is None:
            return shapes
        office_id = self.office_id(office)
        return [shape for shape in shapes if shape.office_id == office_id]

    def staff(self, office: str | None = None, role: str | None = None) -> list[StaffRecord]:
        office_id = None if office is None else self.office_id(office)
        return [
            member
            for member in district_queries.staff_roster(self._store)
            if (office is None or member.office_id == office_id) and (role is None or member.role == role)
        ]

    def case_outcomes(self, office: str | None = None) -> list[CaseOutcome]:
        return case_outcomes(self._store, None if office is None else self.office_id(office) or -1)

    # ------------------------------------------------------------------ contributing
    def subscribe(self, event: str, handler: Callable[[Any], object]) -> None:
        """Follow a domain event (``case_created``, ``case_dispatched``, ``case_closed``,
        ``unit_alert``). The handler runs on a background thread and must return quickly."""
        self._subscribe(event, handler)

    def add_map_layer(self, layer_id: str, title: str, provide: Callable[[], LayerData]) -> None:
        self._contributions.layers.append(MapLayer(layer_id, title, provide))

    def add_dashboard_card(self, card_id: str, title: str, value: Callable[[], CardValue]) -> None:
        self._contributions.cards.append(DashboardCard(card_id, title, value))

    def add_panel(self, panel_id: str, title: str, create: Callable[[Any], Any]) -> None:
        self._contributions.panels.append(Panel(panel_id, title, create))

    def add_menu_action(self, action_id: str, title: str, trigger: Callable[[], object]) -> None:
        self._contributions.menu_actions.append(MenuAction(action_id, title, trigger))

    def add_case_rule(self, rule_id: str, check: Callable[[Any], RuleOutcome | None]) -> None:
        self._contributions.case_rules.append(CaseRule(rule_id, check))
