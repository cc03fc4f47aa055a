"""Everything a session does to get its plugins going, in one call used by the app, the demo loader and
the benchmark: discover (shipped + configured folders + entry points), read the central enablement
rules, load.

``PluginLauncher`` is that call bound to a store, for a window: the window starts its seat's plugins
through it without ever holding the store (the UI reaches data only through services and this host).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.domain.plugins import EnablementRule
from commandcenter.domain_events import DomainEvents
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.plugins.enablement import load_rules
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.discovery import discover
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.guard import HookBounds
from commandcenter.plugin_host.host import PluginHost

log = logging.getLogger(__name__)


def start_plugins(
    store: Store,
    seat: Seat,
    folders: Iterable[Path] = (),
    *,
    events: DomainEvents | None = None,
    entry_points: bool = True,
    bounds: HookBounds | None = None,
    case_rules: CaseRuleSet | None = None,
) -> PluginHost:
    host = PluginHost(store, events, bounds=bounds, case_rules=case_rules)
    rules: list[EnablementRule] = []
    try:
        rules = load_rules(store)
    except DatabaseUnavailable as error:  # the defaults still give every office its own modules
        log.warning("插件启用规则无法读取, 使用默认 (enablement rules unavailable): %s", error)
    host.load(discover(folders, entry_points=entry_points), seat, rules)
    return host


@dataclass(frozen=True)
class PluginLauncher:
    """Starts a seat's plugins on ``store``; ``case_rules`` is where their rules go (the demo shares
    one set between the simulator's intake and the window)."""

    store: Store
    case_rules: CaseRuleSet | None = None
    entry_points: bool = True

    def start(
        self, seat: Seat, folders: Iterable[Path], events: DomainEvents, bounds: HookBounds | None = None
    ) -> PluginHost:
        return start_plugins(
            self.store,
            seat,
            folders,
            events=events,
            entry_points=self.entry_points,
            bounds=bounds,
            case_rules=self.case_rules,
        )
