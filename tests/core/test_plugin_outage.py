"""A database outage is not a plugin's fault, and demo rows are the demo's business.

On a real PostgreSQL shut to connections: every office plugin's card and layer answer "unavailable"
without being disabled and answer again once the database is back; plugins activated during the
outage wait and are activated when it ends. A plugin's own bad statement is still its fault. And a
shipped plugin writes no row on first use — its example rows come only from ``load_demo_data``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.plugins.tables import PluginTableError, PluginTables
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.demo_rows import seed_demo_rows
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import start_plugins
from commandcenter.plugins_api import CardValue, LayerData
from commandcenter.testing.minimal_district import minimal_district

CENTRE = Seat(None, "ws-outage")
WITH_TABLES = {"wulibao_sanhui", "fuhua_volunteers", "jianzhong_kiosks"}


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    yield store
    store.close()


@pytest.mark.postgres
def test_cards_and_layers_say_unavailable_during_an_outage_and_no_plugin_is_disabled(
    pg_store: Store, pg_gate: Callable[[bool], None]
) -> None:
    host = start_plugins(pg_store, CENTRE, entry_points=False)
    hooks = [(record, card.value, CardValue) for record, card in host.cards()]
    hooks += [(record, layer.provide, LayerData) for record, layer in host.layers()]
    assert all(host.call(record, "hook", hook, returns=kind).ok for record, hook, kind in hooks)
    pg_gate(False)
    try:
        during = [host.call(record, "hook", hook, returns=kind) for record, hook, kind in hooks]
    finally:
        pg_gate(True)
    reading = {record.id for record, _hook, _kind in hooks} - {"example_hello"}  # it counts events only
    assert {
        record.id for (record, _h, _k), answer in zip(hooks, during, strict=True) if answer.outage
    } == reading
    assert all(answer.fault is None for answer in during)
    assert all(record.state is PluginState.ACTIVE for record in host.records())
    after = [host.call(record, "hook", hook, returns=kind) for record, hook, kind in hooks]
    assert all(answer.ok for answer in after)


@pytest.mark.postgres
def test_plugins_activated_during_an_outage_wait_and_start_once_it_ends(
    pg_store: Store, pg_gate: Callable[[bool], None]
) -> None:
    pg_gate(False)
    try:
        host = start_plugins(pg_store, CENTRE, entry_points=False)
        waiting = {record.id for record in host.records() if record.state is PluginState.WAITING}
        assert waiting == WITH_TABLES  # their migrations could not run
        assert host.retry_waiting() == []  # still away: still waiting
    finally:
        pg_gate(True)
    assert {record.id for record in host.retry_waiting()} == WITH_TABLES
    assert all(record.state is PluginState.ACTIVE for record in host.records())
    assert {record.id for record, _card in host.cards()} >= WITH_TABLES


def test_a_plugins_own_bad_statement_is_its_fault_not_an_outage(store: Store) -> None:
    replace_all(store, minimal_district())
    start_plugins(store, CENTRE, entry_points=False)  # the kiosks' migration creates the table
    tables = PluginTables(store, "plg_jianzhong_kiosks_")
    with pytest.raises(PluginTableError):
        tables.insert("kiosks", name="没有路段的亭")  # NOT NULL columns missing
    assert not isinstance(PluginTableError("x"), DatabaseUnavailable)


def test_a_shipped_plugin_writes_no_row_on_first_use(store: Store) -> None:
    replace_all(store, minimal_district())
    host = start_plugins(store, CENTRE, entry_points=False)
    for record, card in host.cards():
        assert host.call(record, "card", card.value).ok
    for record, layer in host.layers():
        assert host.call(record, "layer", layer.provide).ok
    assert _plugin_rows(store) == {}


def test_demo_rows_come_only_from_the_demo_loader_once_per_load(tmp_path: Path) -> None:
    from commandcenter.demo.generate import DEMO_NOW, load_demo_data

    store = Store.open(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        load_demo_data(store, now=DEMO_NOW)
        rows = _plugin_rows(store)
        assert rows == {"plg_fuhua_volunteers_volunteers": 6, "plg_jianzhong_kiosks_kiosks": 4}
        assert store.execute_raw("SELECT DISTINCT note FROM plg_fuhua_volunteers_volunteers") == [("示例",)]
        assert seed_demo_rows(store, entry_points=False) == {
            "fuhua_volunteers": True,
            "jianzhong_kiosks": True,
        }
        assert _plugin_rows(store) == rows  # emptied first: a reload never doubles them
    finally:
        store.close()


def _plugin_rows(store: Store) -> dict[str, int]:
    """Rows per plugin table (tables without rows left out)."""
    from sqlalchemy import inspect

    names = [name for name in inspect(store.engine).get_table_names() if name.startswith("plg_")]
    counts = {name: store.execute_raw(f"SELECT count(*) FROM {name}")[0][0] for name in names}
    return {name: count for name, count in counts.items() if count}
