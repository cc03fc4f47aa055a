"""``PluginHost``: loads the enabled plugins, keeps their contributions, and switches off any plugin
that fails — for the rest of the session, with its message and traceback kept for the manager view.

Every call into plugin code passes the session's guard (``session.py``, ``guard.py``); what a plugin
registered is kept per plugin, so disabling one removes its layers, cards, panels, actions, rules and
event subscriptions together and the others go on. A database outage disables nobody: a plugin it
caught during activation waits and is activated again by ``retry_waiting``. With a ``CaseRuleSet``
the host registers one provider for all its plugins' case rules (``case_rules.py``); with
``follow_live_changes`` its plugins hear every workstation's cases through the store's change feed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.domain.plugins import EnablementRule
from commandcenter.domain_events import DomainEvents
from commandcenter.events import EventEmitter
from commandcenter.persistence.change_feed import ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.activation import activate, new_record
from commandcenter.plugin_host.case_rules import PluginCaseRules
from commandcenter.plugin_host.discovery import Candidate, Found
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.guard import CallResult, HookBounds, PluginFault
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.plugin_host.session import PluginSession
from commandcenter.plugins_api.contributions import DashboardCard, DemoData, MapLayer, MenuAction, Panel

log = logging.getLogger(__name__)
RULES_OWNER = "plugins"  # the host's provider in a CaseRuleSet


class PluginHost:
    def __init__(
        self,
        store: Store,
        events: DomainEvents | None = None,
        *,
        bounds: HookBounds | None = None,
        case_rules: CaseRuleSet | None = None,
    ) -> None:
        self.store = store
        self.session = PluginSession(events or DomainEvents(), bounds or HookBounds())
        self._case_rules = case_rules
        self._waiting: dict[str, Candidate] = {}
        self._feed: ChangeFeed | None = None
        self._feed_lock = threading.Lock()
        self._activating = threading.Lock()  # a retry never overlaps the load or another retry
        self._unloaded = False

    @property
    def events(self) -> DomainEvents:
        return self.session.events

    @property
    def changed(self) -> EventEmitter[PluginRecord]:
        return self.session.changed

    @property
    def bounds(self) -> HookBounds:
        return self.session.bounds

    # ------------------------------------------------------------------ loading
    def load(
        self, found: Iterable[Found], seat: Seat, rules: Iterable[EnablementRule] = ()
    ) -> list[PluginRecord]:
        rules = list(rules)
        with self._activating:
            for item in found:
                record = new_record(item, seat, rules)
                if isinstance(item, Candidate) and record.state is PluginState.ACTIVE:
                    self._activate(item, record)
                self.session.put(record)
        if self._case_rules is not None:
            self._case_rules.register(RULES_OWNER, PluginCaseRules(self.session))
        return self.records()

    def _activate(self, candidate: Candidate, record: PluginRecord) -> None:
        activate(self.session, self.store, candidate, record)
        if record.state is PluginState.WAITING:
            self._waiting[record.id] = candidate
        else:
            self._waiting.pop(record.id, None)

    def waiting(self) -> bool:
        return bool(self._waiting)

    def retry_waiting(self) -> list[PluginRecord]:
        """Activate again each plugin a database outage kept waiting; returns those now active."""
        woken = []
        with self._activating:
            for plugin_id, candidate in list(self._waiting.items()):
                record = self.session.record(plugin_id)
                self._activate(candidate, record)
                if record.state is not PluginState.WAITING:
                    self.session.changed.emit(record)
                if record.state is PluginState.ACTIVE:
                    woken.append(record)
        return woken

    # ------------------------------------------------------------------ calling plugin code
    def call(
        self,
        record: PluginRecord,
        what: str,
        function: Any,
        *args: Any,
        bound_s: float | None = None,
        returns: type | tuple[type, ...] | None = None,
    ) -> CallResult:
        """Run a plugin hook (see ``PluginSession.call``): a fault disables the plugin."""
        return self.session.call(record, what, function, *args, bound_s=bound_s, returns=returns)

    def call_here(
        self,
        record: PluginRecord,
        what: str,
        function: Any,
        *args: Any,
        returns: type | tuple[type, ...] | None = None,
    ) -> CallResult:
        """Run a hook that must stay on this (Qt) thread (see ``PluginSession.call_here``)."""
        return self.session.call_here(record, what, function, *args, returns=returns)

    def disable(self, record: PluginRecord, fault: PluginFault) -> None:
        self.session.disable(record, fault)

    # ------------------------------------------------------------------ the live change feed
    def follow_live_changes(self) -> None:
        """Feed ``events`` from the store's change feed until ``unload`` (an in-memory database has
        no feed: its plugins get no events)."""
        try:
            feed = open_change_feed(self.store)
        except ValueError as error:
            log.info("plugins get no domain events: %s", error)
            return
        with self._feed_lock:
            if self._unloaded:  # unloaded while the feed was opening
                return
            feed.start()
            self.events.follow(feed)
            self._feed = feed

    def unload(self) -> None:
        """End of session: withdraw the case rules, stop the feed, disconnect every event handler."""
        if self._case_rules is not None:
            self._case_rules.unregister(RULES_OWNER)
        with self._feed_lock:
            self._unloaded = True
            feed, self._feed = self._feed, None
        if feed is not None:
            self.events.unfollow()
            feed.stop()
        self.session.disconnect_all()

    # ------------------------------------------------------------------ what the host shows
    def records(self) -> list[PluginRecord]:
        return self.session.records()

    def record(self, plugin_id: str) -> PluginRecord:
        return self.session.record(plugin_id)

    def layers(self) -> list[tuple[PluginRecord, MapLayer]]:
        return self.session.active(lambda c: c.layers)

    def cards(self) -> list[tuple[PluginRecord, DashboardCard]]:
        return self.session.active(lambda c: c.cards)

    def panels(self) -> list[tuple[PluginRecord, Panel]]:
        return self.session.active(lambda c: c.panels)

    def menu_actions(self) -> list[tuple[PluginRecord, MenuAction]]:
        return self.session.active(lambda c: c.menu_actions)

    def demo_data(self) -> list[tuple[PluginRecord, DemoData]]:
        return self.session.active(lambda c: c.demo_data)
