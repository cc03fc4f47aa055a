"""This session's plugins: their records, the lock over them, and the one way into plugin code.

The state the host and activation share lives here, so neither calls the other (they used to, each
holding half of it). ``call`` is the only door into a plugin once it is active: it runs the hook
within its bound (``guard``), disables the plugin on its own fault — for the rest of the session,
taking away everything it contributed — and hands an outage back to the caller untouched. The
session is thread-safe: hooks run on workers, the change feed's thread and intake threads while the
UI reads the lists.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from commandcenter.domain_events import DomainEvents
from commandcenter.events import EventEmitter
from commandcenter.plugin_host.guard import CallResult, HookBounds, PluginFault, call_bounded, call_inline
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.plugins_api.contributions import Contributions

log = logging.getLogger(__name__)
T = TypeVar("T")
_NOT_ACTIVE = CallResult(fault=PluginFault("插件未启用 (plugin not active)", ""))


class PluginSession:
    def __init__(self, events: DomainEvents, bounds: HookBounds) -> None:
        self.events = events
        self.bounds = bounds
        self.changed: EventEmitter[PluginRecord] = EventEmitter("plugins.changed")
        self._records: dict[str, PluginRecord] = {}
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ records
    def put(self, record: PluginRecord) -> None:
        with self._lock:
            self._records[record.id] = record
        self.changed.emit(record)

    def records(self) -> list[PluginRecord]:
        with self._lock:
            return list(self._records.values())

    def record(self, plugin_id: str) -> PluginRecord:
        with self._lock:
            return self._records[plugin_id]

    def active(self, pick: Callable[[Contributions], list[T]]) -> list[tuple[PluginRecord, T]]:
        """One contribution list of every active plugin, each item with its plugin's record."""
        with self._lock:
            return [
                (record, item)
                for record in self._records.values()
                if record.state is PluginState.ACTIVE
                for item in pick(record.contributions)
            ]

    # ------------------------------------------------------------------ calling plugin code
    def call(
        self,
        record: PluginRecord,
        what: str,
        function: Callable[..., Any],
        *args: Any,
        bound_s: float | None = None,
        returns: type | tuple[type, ...] | None = None,
    ) -> CallResult:
        """Run one hook of an active plugin. A fault disables the plugin; ``returns`` (the types the
        hook must answer with) turns a wrong answer into a fault too; an outage is only passed back."""
        if record.state is not PluginState.ACTIVE:
            return _NOT_ACTIVE
        bound = self.bounds.hook_s if bound_s is None else bound_s
        return self._settled(record, what, call_bounded(what, function, *args, bound_s=bound), returns)

    def call_here(
        self,
        record: PluginRecord,
        what: str,
        function: Callable[..., Any],
        *args: Any,
        returns: type | tuple[type, ...] | None = None,
    ) -> CallResult:
        """The hooks that must run on the caller's (Qt) thread — a panel factory, a panel's result
        callback: caught and timed against the panel budget, but not bounded (see ``guard``)."""
        if record.state is not PluginState.ACTIVE:
            return _NOT_ACTIVE
        result = call_inline(what, function, *args, budget_s=self.bounds.panel_s)
        return self._settled(record, what, result, returns)

    def _settled(
        self, record: PluginRecord, what: str, result: CallResult, returns: type | tuple[type, ...] | None
    ) -> CallResult:
        if result.ok and returns is not None and not isinstance(result.value, returns):
            message = f"{what} 返回了 {type(result.value).__name__} (returned the wrong type)"
            result = CallResult(fault=PluginFault(message, ""), elapsed_s=result.elapsed_s)
        if result.fault is not None:
            self.disable(record, result.fault)
        elif result.outage is not None:
            log.warning("插件 %s: 数据库暂不可用 (database unavailable): %s", record.id, result.outage)
        return result

    def disable(self, record: PluginRecord, fault: PluginFault) -> None:
        """Switch an active plugin off for the session; the manager shows why."""
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

    def fail(self, record: PluginRecord, fault: PluginFault, state: PluginState = PluginState.FAILED) -> None:
        """Mark a plugin failed (or waiting) and drop everything it contributed (caller holds the
        lock or is still activating it)."""
        record.state = state
        record.message = fault.message
        record.traceback = fault.traceback
        self.disconnect(record)
        record.contributions = Contributions()

    def disconnect(self, record: PluginRecord) -> None:
        for event, run in record.contributions.subscriptions:
            with contextlib.suppress(ValueError):  # already gone
                self.events.emitter(event).disconnect(run)
        record.contributions.subscriptions.clear()

    def disconnect_all(self) -> None:
        with self._lock:
            for record in self._records.values():
                self.disconnect(record)
