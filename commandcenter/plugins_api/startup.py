"""Everything a session does to get its plugins going, in one call used by the app and the benchmark:
discover (shipped + configured folders + entry points), read the central enablement rules, load."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from commandcenter.domain.plugins import EnablementRule
from commandcenter.domain_events import DomainEvents
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.plugins.enablement import load_rules
from commandcenter.persistence.store import Store
from commandcenter.plugins_api.discovery import discover
from commandcenter.plugins_api.enablement import Seat
from commandcenter.plugins_api.host import DEFAULT_HANDLER_BUDGET_S, PluginHost

log = logging.getLogger(__name__)


def start_plugins(
    store: Store,
    seat: Seat,
    folders: Iterable[Path] = (),
    *,
    events: DomainEvents | None = None,
    entry_points: bool = True,
    handler_budget_s: float = DEFAULT_HANDLER_BUDGET_S,
) -> PluginHost:
    host = PluginHost(store, events, handler_budget_s=handler_budget_s)
    rules: list[EnablementRule] = []
    try:
        rules = load_rules(store)
    except DatabaseUnavailable as error:  # the defaults still give every office its own modules
        log.warning("插件启用规则无法读取, 使用默认 (enablement rules unavailable): %s", error)
    host.load(discover(folders, entry_points=entry_points), seat, rules)
    return host
