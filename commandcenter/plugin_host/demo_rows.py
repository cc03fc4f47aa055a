"""Plugins' example rows, written only when the demo district is generated.

A shipped plugin never fills a production table on first use (福华街 used to add six invented
volunteers with invented phone numbers wherever it ran). Example rows come from a plugin's
``add_demo_data`` hook, and only ``load_demo_data`` (``commandcenter demo-data`` and the demo's
first start) runs those hooks: after the district was replaced, each plugin's tables are emptied
(their rows name segments the reload replaced) and its hooks write fresh examples through its own
``context.tables``, guarded like any other hook.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from commandcenter.persistence.plugins.tables import empty_tables
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.manifest import table_prefix
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import start_plugins

log = logging.getLogger(__name__)
DEMO_SEAT = Seat(None, "demo-data")  # the district centre: every plugin not switched off


def seed_demo_rows(
    store: Store, folders: Iterable[Path] = (), *, entry_points: bool = True
) -> dict[str, bool]:
    """Run every active plugin's demo-data hooks; returns plugin id → whether its rows were written."""
    host = start_plugins(store, DEMO_SEAT, folders, entry_points=entry_points)
    seeded: dict[str, bool] = {}
    try:
        for record, demo in host.demo_data():
            if record.id not in seeded:
                empty_tables(store, table_prefix(record.id))
            result = host.call(record, "示例数据 (demo data)", demo.seed)
            seeded[record.id] = seeded.get(record.id, True) and result.ok
            if not result.ok:
                reason = result.fault.message if result.fault is not None else str(result.outage)
                log.warning("插件 %s 的示例数据未写入 (demo rows not written): %s", record.id, reason)
        for record in host.records():
            if record.state not in (PluginState.ACTIVE, PluginState.NOT_ENABLED):
                log.warning("插件 %s 未启用 (not active for the demo): %s", record.id, record.message)
    finally:
        host.unload()
    return seeded
