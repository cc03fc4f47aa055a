"""The plugin host with real plugins: the shipped ones, the documented example and a broken plugin of
every kind (tests/data/plugins). Each broken one ends disabled with a clear message, and the good
ones keep working — the session survives every failure."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from commandcenter.domain_events import CaseEvent, DomainEvents
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.discovery import Candidate, DiscoveryFailure, discover
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.guard import HookBounds
from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.plugin_host.startup import start_plugins
from commandcenter.plugins_api import CardValue
from commandcenter.testing.minimal_district import minimal_district

BROKEN = Path(__file__).parents[1] / "data" / "plugins"
SHIPPED = {"example_hello", "wulibao_sanhui", "fuhua_volunteers", "jianzhong_kiosks", "songshan_assessment"}
CENTRE = Seat(None, "ws-test")


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def test_every_shipped_plugin_loads_and_its_cards_answer(district: Store) -> None:
    host = start_plugins(district, CENTRE, entry_points=False)
    states = {record.id: record.state for record in host.records()}
    assert states == dict.fromkeys(SHIPPED, PluginState.ACTIVE)
    values = [host.call(record, "card", card.value).value for record, card in host.cards()]
    assert len(values) == 5
    assert all(isinstance(value, CardValue) for value in values)
    assert {record.id for record, _layer in host.layers()} == {"fuhua_volunteers", "jianzhong_kiosks"}
    assert all(record.state is PluginState.ACTIVE for record in host.records())


def test_plugin_tables_come_from_the_plugins_own_versioned_migrations(district: Store) -> None:
    start_plugins(district, CENTRE, entry_points=False)
    stamped = district.execute_raw("SELECT version_num FROM alembic_version_plg_wulibao_sanhui")
    assert stamped == [("sanhui_0001",)]
    start_plugins(district, CENTRE, entry_points=False)  # second start: already at head, no error
    assert district.execute_raw("SELECT count(*) FROM plg_jianzhong_kiosks_kiosks") == [(0,)]


def test_a_broken_plugin_of_every_kind_is_disabled_with_a_message_and_the_rest_run(district: Store) -> None:
    host = start_plugins(district, CENTRE, [BROKEN], entry_points=False)
    records = {record.id: record for record in host.records()}
    failed = {key: records[key] for key in records if records[key].state is PluginState.FAILED}
    assert "cc_test_no_such_dependency" in failed["cc_test_import_error"].message
    assert "Traceback" in failed["cc_test_import_error"].traceback
    assert "activate exploded" in failed["cc_test_raising_activate"].message
    assert "SystemExit: 2" in failed["cc_test_exiting_activate"].message  # sys.exit ends only the plugin
    assert "case_teleported" in failed["cc_test_bad_event"].message
    bad_manifest = next(key for key in failed if key.endswith("cc_test_bad_manifest"))
    assert "entry" in failed[bad_manifest].message
    assert "api_version" in failed[bad_manifest].message
    assert records["cc_test_incompatible"].state is PluginState.INCOMPATIBLE
    assert "2.0" in records["cc_test_incompatible"].message
    # the half-registered cards of the plugins whose activate raised or exited are gone with them
    assert not {"cc_test_raising_activate", "cc_test_exiting_activate"} & {r.id for r, _card in host.cards()}
    assert {key for key, record in records.items() if record.state is PluginState.ACTIVE} == SHIPPED | {
        "cc_test_raising_hook",
        "cc_test_slow_handler",
        "cc_test_exiting_hook",
    }


def test_a_raising_hook_disables_only_its_plugin_and_removes_all_it_contributed(district: Store) -> None:
    host = start_plugins(district, CENTRE, [BROKEN], entry_points=False)
    boom = host.record("cc_test_raising_hook")
    card = next(card for record, card in host.cards() if record is boom)
    answer = host.call(boom, "card", card.value)
    assert answer.value is None
    assert answer.fault is not None
    assert boom.state is PluginState.FAILED
    assert "hook exploded" in boom.message
    assert "ValueError" in boom.traceback
    assert all(record is not boom for record, _ in [*host.cards(), *host.layers(), *host.panels()])
    assert host.record("jianzhong_kiosks").state is PluginState.ACTIVE


def test_a_hook_answering_with_the_wrong_type_is_a_fault(district: Store) -> None:
    host = start_plugins(district, CENTRE, entry_points=False)
    record, card = next((r, c) for r, c in host.cards() if r.id == "example_hello")
    assert host.call(record, "card", lambda: "12 件", returns=CardValue).fault is not None
    assert record.state is PluginState.FAILED
    assert "wrong type" in record.message
    assert host.call(record, "card", card.value).value is None  # disabled: not called any more


def _mine(pairs: list[tuple[PluginRecord, Any]], record: PluginRecord) -> Any:
    return next(item for owner, item in pairs if owner is record)


HOOKS: dict[str, tuple[str, Callable[[PluginHost, PluginRecord], object]]] = {
    # hook of cc_test_exiting_hook: what it raises, how the host calls it
    "card": ("SystemExit", lambda host, r: host.call(r, "card", _mine(host.cards(), r).value)),
    "layer": ("KeyboardInterrupt", lambda host, r: host.call(r, "layer", _mine(host.layers(), r).provide)),
    "menu": ("Escape", lambda host, r: host.call(r, "menu", _mine(host.menu_actions(), r).trigger)),
    "handler": ("KeyboardInterrupt", lambda host, _r: host.events.case_created.emit(CaseEvent(1, "受理"))),
}


@pytest.fixture
def release_hanging() -> Iterator[None]:
    """Let the hook threads the hanging test plugins left behind finish (they are daemons anyway),
    and re-arm the plugins for the next test (their modules stay imported)."""
    yield
    for name in ("cc_test_hanging_hook.plugin", "cc_test_hanging_activate.plugin"):
        module = sys.modules.get(name)
        if module is not None:
            module.RELEASE.set()
            module.RELEASE.clear()


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_a_hook_raising_a_base_exception_disables_only_its_plugin(district: Store, hook: str) -> None:
    """SystemExit, KeyboardInterrupt and a BaseException of the plugin's own are not Exceptions: the
    host catches them too, and the session (this test process) goes on."""
    host = start_plugins(district, CENTRE, [BROKEN], entry_points=False)
    exiting = host.record("cc_test_exiting_hook")
    raised, call = HOOKS[hook]
    call(host, exiting)
    assert exiting.state is PluginState.FAILED
    assert raised in exiting.message
    assert host.record("example_hello").state is PluginState.ACTIVE


@pytest.mark.usefixtures("release_hanging")
def test_an_activate_that_never_returns_fails_only_that_plugin(district: Store) -> None:
    bounds = HookBounds(hook_s=0.5)
    host = start_plugins(district, CENTRE, [BROKEN / "hanging"], entry_points=False, bounds=bounds)
    hanging = host.record("cc_test_hanging_activate")
    assert hanging.state is PluginState.FAILED
    assert "did not return within 0.5 s" in hanging.message
    assert "cc_test_hanging_activate" not in {record.id for record, _card in host.cards()}
    assert host.record("cc_test_hanging_hook").state is PluginState.ACTIVE
    assert all(host.record(plugin_id).state is PluginState.ACTIVE for plugin_id in SHIPPED)


@pytest.mark.usefixtures("release_hanging")
def test_a_hook_that_never_returns_is_given_up_after_its_bound_and_disables_its_plugin(
    district: Store,
) -> None:
    bounds = HookBounds(hook_s=0.3)
    host = start_plugins(district, CENTRE, [BROKEN / "hanging"], entry_points=False, bounds=bounds)
    hanging = host.record("cc_test_hanging_hook")
    answer = host.call(hanging, "card", _mine(host.cards(), hanging).value)  # returns: the caller goes on
    assert answer.fault is not None
    assert hanging.state is PluginState.FAILED
    assert "did not return within 0.3 s" in hanging.message
    assert host.record("example_hello").state is PluginState.ACTIVE


@pytest.mark.usefixtures("release_hanging")
def test_a_handler_that_never_returns_does_not_hold_up_the_event(district: Store) -> None:
    events = DomainEvents()
    bounds = HookBounds(hook_s=0.3, handler_s=0.2)
    host = start_plugins(
        district, CENTRE, [BROKEN / "hanging"], events=events, entry_points=False, bounds=bounds
    )
    heard: list[int] = []
    events.case_created.connect(lambda event: heard.append(event.case_id))
    events.case_created.emit(CaseEvent(1, "受理"))  # the hanging handler is connected first
    assert heard == [1]
    assert host.record("cc_test_hanging_hook").state is PluginState.FAILED
    events.case_created.emit(CaseEvent(2, "受理"))
    assert heard == [1, 2]


def test_a_handler_slower_than_the_budget_is_switched_off_and_others_still_hear(district: Store) -> None:
    events = DomainEvents()
    host = start_plugins(
        district, CENTRE, [BROKEN], events=events, entry_points=False, bounds=HookBounds(handler_s=0.05)
    )
    slow = host.record("cc_test_slow_handler")
    heard: list[int] = []
    events.case_created.connect(lambda event: heard.append(event.case_id))
    events.case_created.emit(CaseEvent(1, "受理"))
    assert slow.state is PluginState.FAILED
    assert "did not return within 0.05 s" in slow.message
    from cc_test_slow_handler import plugin as slow_module  # type: ignore[import-not-found]

    calls_before = len(slow_module.calls)
    events.case_created.emit(CaseEvent(2, "受理"))
    assert len(slow_module.calls) == calls_before  # disconnected: not called again
    assert heard == [1, 2]


def test_nothing_loads_from_a_folder_that_was_not_configured() -> None:
    found = discover(entry_points=False)
    ids = {item.manifest.id for item in found if isinstance(item, Candidate)}
    assert ids == SHIPPED
    assert not any(isinstance(item, DiscoveryFailure) for item in found)
    assert all("cc_test" not in str(item) for item in found)


def test_a_missing_configured_folder_is_reported_not_fatal(tmp_path: Path) -> None:
    found = discover([tmp_path / "nowhere"], entry_points=False, shipped=False)
    assert len(found) == 1
    assert isinstance(found[0], DiscoveryFailure)


def test_an_office_seat_loads_only_its_office_modules(district: Store) -> None:
    host = start_plugins(district, Seat("建中街街道", "ws-jz"), entry_points=False)
    active = {record.id for record in host.records() if record.state is PluginState.ACTIVE}
    assert active == {"jianzhong_kiosks", "example_hello"}
    assert host.record("wulibao_sanhui").state is PluginState.NOT_ENABLED


def test_host_without_plugins_is_empty(district: Store) -> None:
    host = PluginHost(district)
    host.load([], CENTRE)
    assert host.records() == []
    assert host.cards() == []


def test_the_documented_example_loads_when_installed_through_an_entry_point(
    district: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/PLUGINS.md "Packaging": the example copied into its own distribution, found through the
    ``commandcenter.plugins`` entry point group as pip would install it."""
    example = Path(__file__).parents[2] / "plugins" / "example_hello"
    shutil.copytree(example, tmp_path / "cc_hello", ignore=shutil.ignore_patterns("__pycache__"))
    dist_info = tmp_path / "cc_hello-1.0.0.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: cc-hello\nVersion: 1.0.0\n")
    (dist_info / "entry_points.txt").write_text("[commandcenter.plugins]\nhello = cc_hello\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    found = discover(shipped=False)
    candidate = next(item for item in found if isinstance(item, Candidate))
    assert (candidate.source, candidate.module_name, candidate.manifest.id) == (
        "entry point",
        "cc_hello",
        "example_hello",
    )
    host = PluginHost(district)
    host.load([candidate], CENTRE)
    record = host.record("example_hello")
    assert record.state is PluginState.ACTIVE
    assert [card.title for _record, card in host.cards()] == ["本次新建案件"]
    host.events.case_created.emit(CaseEvent(41, "受理"))
    card = host.cards()[0][1]
    assert host.call(record, "card", card.value).value == CardValue("1", "件")
