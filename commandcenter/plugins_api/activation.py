"""Bringing one discovered plugin to life, step by step, each step guarded: is it enabled for this
seat, is its API compatible, do its migrations run, does it import, does ``activate`` succeed. The
first failing step names the reason; nothing half-registered survives a failed activation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commandcenter.domain.plugins import EnablementRule
from commandcenter.persistence.plugins.migrations import upgrade_plugin
from commandcenter.plugins_api.context import PluginContext
from commandcenter.plugins_api.discovery import Candidate, DiscoveryFailure, Found
from commandcenter.plugins_api.enablement import Seat, is_enabled
from commandcenter.plugins_api.guard import PluginFault, guarded_call
from commandcenter.plugins_api.loader import load_entry
from commandcenter.plugins_api.records import PluginRecord, PluginState
from commandcenter.plugins_api.version import API_VERSION, is_compatible

if TYPE_CHECKING:
    from commandcenter.plugins_api.host import PluginHost


def load_one(host: PluginHost, item: Found, seat: Seat, rules: list[EnablementRule]) -> PluginRecord:
    if isinstance(item, DiscoveryFailure):
        return PluginRecord(
            item.location,
            Path(item.location).name,
            "?",
            item.source,
            item.location,
            PluginState.FAILED,
            item.message,
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
    elif (fault := _activate(host, item, record)) is not None:
        host.fail(record, fault)
    return record


def _activate(host: PluginHost, candidate: Candidate, record: PluginRecord) -> PluginFault | None:
    manifest = candidate.manifest
    if manifest.migrations:
        migrations = candidate.location / manifest.migrations
        result = guarded_call(
            "数据库迁移 (migrations)", upgrade_plugin, host.store, migrations, manifest.version_table
        )
        if result.fault:
            return result.fault
    imported = guarded_call(f"导入 {manifest.entry} (import)", load_entry, candidate)
    if imported.fault:
        return imported.fault
    context = PluginContext(manifest, host.store, record.contributions, _subscriber(host, record))
    return guarded_call("启用 (activate)", imported.value, context).fault


def _subscriber(host: PluginHost, record: PluginRecord) -> Callable[[str, Callable[[Any], object]], None]:
    def subscribe(event: str, handler: Callable[[Any], object]) -> None:
        emitter = host.events.emitter(event)  # an unknown name raises inside activate: a fault

        def run(payload: Any) -> None:
            if record.state is PluginState.ACTIVE:
                host.call(
                    record,
                    f"事件 {event} 处理 (handler)",
                    handler,
                    payload,
                    budget_s=host.handler_budget_s,
                )

        emitter.connect(run)
        record.contributions.subscriptions.append((event, run))

    return subscribe
