"""``PluginHost``: loads the enabled plugins, keeps their contributions, and switches off any plugin
that fails — for the rest of the session, with its message and traceback kept for the manager view.

Every call into plugin code passes ``guarded_call``; what a plugin registered is kept per plugin, so
disabling one removes its layers, cards, panels, actions, rules and event subscriptions together and
the others go on. The host is thread-safe: event handlers run on the change feed's thread while the
UI reads the lists on its own.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from commandcenter.domain.plugins import EnablementRule
from commandcenter.domain_events import DomainEvents
from commandcenter.events import EventEmitter
from commandcenter.persistence.store import Store
from commandcenter.plugins_api import activation
from commandcenter.plugins_api.contributions import (
    Contributions,
    DashboardCard,
    MapLayer,
    MenuAction,
    Panel,
    RuleOutcome,
)
from commandcenter.plugins_api.discovery import Found
from commandcenter.plugins_api.enablement import Seat
from commandcenter.plugins_api.guard import PluginFault, guarded_call
from commandcenter.plugins_api.records import PluginRecord, PluginState

log = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_HANDLER_BUDGET_S = 0.05


class PluginHost:
    def __init__(
        self,
        store: Store,
        events: DomainEvents | None = None,
        *,
        handler_budget_s: float = DEFAULT_HANDLER_BUDGET_S,
    ) -> None:
        self.store = store
        self.events = events or DomainEvents()
        self.handler_budget_s = handler_budget_s
        self.changed: EventEmitter[PluginRecord] = EventEmitter("plugins.changed")
        self._records: dict[str, PluginRecord] = {}
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ loading
    def load(
        self, found: Iterable[Found], seat: Seat, rules: Iterable[EnablementRule] = ()
    ) -> list[PluginRecord]:
        rules = list(rules)
        for item in found:
            record = activation.load_one(self, item, seat, rules)
            with self._lock:
                self._records[record.id] = record
            self.changed.emit(record)
        return self.records()

    # ------------------------------------------------------------------ calling plugin code
    def call(
        self,
        record: PluginRecord,
        what: str,
        function: Callable[..., T],
        *args: Any,
        budget_s: float | None = None,
    ) -> T | None:
        """Run a plugin hook; on a fault the plugin is disabled and None returned."""
        if record.state is not PluginState.ACTIVE:
            return None
        result = guarded_call(what, function, *args, budget_s=budget_s)
        if result.fault is not None:
            self.disable(record, result.fault)
            return None
        return result.value

    def disable(self, record: PluginRecord, fault: PluginFault) -> None:
        with self._lock:
            if record.state is not PluginState.ACTIVE:
                return
            self.fail(record, fault)
        log.error(
            "插件 %s 已停用 (plugin disabled for this session): %s\n%s",
            record.id,
            fault.message,
            fault.traceback,
        )
        self.changed.emit(record)

    def fail(self, record: PluginRecord, fault: PluginFault) -> None:
        """Mark a plugin failed and drop everything it contributed (caller holds the lock or is
        still loading it)."""
        record.state = PluginState.FAILED
        record.message = fault.message
        record.traceback = fault.traceback
        self._disconnect(record)
        record.contributions = Contributions()

    def _disconnect(self, record: PluginRecord) -> None:
        for event, run in record.contributions.subscriptions:
            with contextlib.suppress(ValueError):  # already gone
                self.events.emitter(event).disconnect(run)
        record.contributions.subscriptions.clear()

    def unload(self) -> None:
        """Disconnect every plugin's event handlers (end of session)."""
        with self._lock:
            for record in self._records.values():
                self._disconnect(record)

    # ------------------------------------------------------------------ what the host shows
    def records(self) -> list[PluginRecord]:
        with self._lock:
            return list(self._records.values())

    def record(self, plugin_id: str) -> PluginRecord:
        with self._lock:
            return self._records[plugin_id]

    def _active(self, pick: Callable[[Contributions], list[T]]) -> list[tuple[PluginRecord, T]]:
        with self._lock:
            return [
                (record, item)
                for record in self._records.values()
                if record.state is PluginState.ACTIVE
                for item in pick(record.contributions)
            ]

    def layers(self) -> list[tuple[PluginRecord, MapLayer]]:
        return self._active(lambda c: c.layers)

    def cards(self) -> list[tuple[PluginRecord, DashboardCard]]:
        return self._active(lambda c: c.cards)

    def panels(self) -> list[tuple[PluginRecord, Panel]]:
        return self._active(lambda c: c.panels)

    def menu_actions(self) -> list[tuple[PluginRecord, MenuAction]]:
        return self._active(lambda c: c.menu_actions)

    def run_case_rules(self, screening_result: Any) -> list[tuple[str, RuleOutcome]]:
        """Every active rule of a plugin serving the report's office; a raising rule disables its
        plugin and the report goes on without it."""
        office = getattr(getattr(screening_result, "office", None), "name", None)
        outcomes: list[tuple[str, RuleOutcome]] = []
        for record, rule in self._active(lambda c: c.case_rules):
            if record.offices and office not in record.offices:
                continue
            outcome = self.call(record, f"案件规则 {rule.id} (case rule)", rule.check, screening_result)
            if outcome is not None:
                outcomes.append((record.id, outcome))
        return outcomes
