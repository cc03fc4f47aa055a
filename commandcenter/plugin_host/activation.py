"""Bringing one discovered plugin to life, step by step, each step guarded: is it enabled for this
seat, is its API compatible, do its migrations run, does it import, does ``activate`` succeed. The
first failing step names the reason; nothing half-registered survives a failed activation.

A step stopped by a database outage is not the plugin's failure: the plugin is left WAITING and
``activate`` is simply run again later (``PluginHost.retry_waiting``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from commandcenter.domain.plugins import EnablementRule
from commandcenter.persistence.plugins.migrations import upgrade_plugin
from commandcenter.persistence.plugins.tables import PluginTables
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.boundary import StoreDistrict, plugin_event, plugin_info
from commandcenter.plugin_host.discovery import Candidate, DiscoveryFailure, Found
from commandcenter.plugin_host.enablement import Seat, is_enabled
from commandcenter.plugin_host.guard import CallResult, PluginFault, call_bounded
from commandcenter.plugin_host.loader import load_entry
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.plugin_host.session import PluginSession
from commandcenter.plugins_api.context import PluginContext
from commandcenter.plugins_api.contributions import Contributions
from commandcenter.plugins_api.version import API_VERSION, is_compatible

WAITING_MESSAGE = "数据库暂不可用，稍后重试 (database unavailable; will retry)"


def new_record(item: Found, seat: Seat, rules: list[EnablementRule]) -> PluginRecord:
    """The plugin's record before any of its code runs: ACTIVE only if it is to be activated."""
    if isinstance(item, DiscoveryFailure):
        name = Path(item.location).name
        return PluginRecord(
            item.location, name, "?", item.source, item.location, PluginState.FAILED, item.message
        )
    manifest = item.manifest
    record = PluginRecord(
        manifest.id,
        manifest.name,
        manifest.version,
        item.source,
        str(item.location),
        PluginState.ACTIVE,
        offices=manifest.offices,
    )
    if not is_enabled(manifest, seat, rules):
        record.state = PluginState.NOT_ENABLED
    elif not is_compatible(manifest.api_version):
        record.state = PluginState.INCOMPATIBLE
        record.message = f"需要插件 API {manifest.api_version}, 本程序提供 {API_VERSION} (incompatible API)"
    return record


def activate(session: PluginSession, store: Store, candidate: Candidate, record: PluginRecord) -> None:
    """Run migrations, import and ``activate``; leaves ``record`` ACTIVE, FAILED or WAITING (its
    state changes only at the end, so nobody calls a half-activated plugin)."""
    record.contributions = Contributions()
    result = _steps(session, store, candidate, record)
    if result.outage is not None:
        waiting = PluginFault(f"{WAITING_MESSAGE}: {result.outage.reason}", "")
        session.fail(record, waiting, PluginState.WAITING)
    elif result.fault is not None:
        session.fail(record, result.fault)
    else:
        record.state, record.message, record.traceback = PluginState.ACTIVE, "", ""


def _steps(session: PluginSession, store: Store, candidate: Candidate, record: PluginRecord) -> CallResult:
    manifest, bound = candidate.manifest, session.bounds.hook_s
    if manifest.migrations:
        migrations = candidate.location / manifest.migrations
        migrated = call_bounded(
            "数据库迁移 (migrations)",
            upgrade_plugin,
            store,
            migrations,
            manifest.version_table,
            bound_s=bound,
        )
        if not migrated.ok:
            return migrated
    imported = call_bounded(f"导入 {manifest.entry} (import)", load_entry, candidate, bound_s=bound)
    if not imported.ok:
        return imported
    context = PluginContext(
        plugin_info(manifest),
        StoreDistrict(store),
        PluginTables(store, manifest.table_prefix),
        record.contributions,
        _subscriber(session, record),
    )
    return call_bounded("启用 (activate)", imported.value, context, bound_s=bound)


def _subscriber(
    session: PluginSession, record: PluginRecord
) -> Callable[[str, Callable[[Any], object]], None]:
    def subscribe(event: str, handler: Callable[[Any], object]) -> None:
        emitter = session.events.emitter(event)  # an unknown name raises inside activate: a fault

        def run(payload: Any) -> None:
            session.call(
                record,
                f"事件 {event} 处理 (handler)",
                handler,
                plugin_event(payload),
                bound_s=session.bounds.handler_s,
            )

        emitter.connect(run)
        record.contributions.subscriptions.append((event, run))

    return subscribe
