"""Versions, manifests, enablement rules (pure and stored), domain events from the change feed."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.accounts.principal import Principal
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.domain_events import DomainEvents
from commandcenter.persistence.accounts import audit_log
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.change_feed import Change, open_change_feed
from commandcenter.persistence.plugins.enablement import load_rules
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.enablement import Seat, is_enabled
from commandcenter.plugin_host.manifest import ManifestError, parse_manifest
from commandcenter.plugin_host.startup import start_plugins
from commandcenter.plugins_api import CardValue
from commandcenter.plugins_api.version import VersionError, is_compatible, parse_version
from commandcenter.services.plugin_service import PluginService
from commandcenter.testing.minimal_district import minimal_district, minimal_report

MANIFEST = {"id": "demo_x", "name": "x", "version": "1.0.0", "api_version": "1.0", "entry": "plugin:activate"}


def test_api_versions_need_the_same_major_and_no_newer_minor() -> None:
    assert is_compatible("1.0", "1.3")
    assert is_compatible("1.3", "1.3")
    assert not is_compatible("1.4", "1.3")
    assert not is_compatible("2.0", "1.3")
    assert not is_compatible("0.9", "1.0")
    with pytest.raises(VersionError):
        parse_version("one")


def test_manifest_refuses_bad_ids_entries_and_unknown_keys() -> None:
    assert parse_manifest({**MANIFEST, "offices": ["五里堡街道"]}, "m").offices == ("五里堡街道",)
    for broken in (
        {**MANIFEST, "id": "Bad-Id"},
        {**MANIFEST, "entry": "plugin"},
        {**MANIFEST, "colour": "red"},
    ):
        with pytest.raises(ManifestError):
            parse_manifest(broken, "m")


def test_workstation_rule_beats_office_rule_beats_the_plugins_default() -> None:
    manifest = parse_manifest({**MANIFEST, "offices": ["五里堡街道"]}, "m")
    office, other = Seat("五里堡街道", "ws1"), Seat("福华街街道", "ws2")
    assert is_enabled(manifest, office, [])
    assert not is_enabled(manifest, other, [])
    assert is_enabled(manifest, Seat(None, "centre"), [])
    off_for_office = EnablementRule("demo_x", Scope.OFFICE, "五里堡街道", False)
    on_for_ws1 = EnablementRule("demo_x", Scope.WORKSTATION, "ws1", True)
    assert not is_enabled(manifest, office, [off_for_office])
    assert is_enabled(manifest, office, [off_for_office, on_for_ws1])
    assert is_enabled(manifest, other, [EnablementRule("demo_x", Scope.OFFICE, "福华街街道", True)])


ADMIN = Principal(1, "admin", "系统管理员", UserRole.ADMIN, None)
OPERATOR = Principal(2, "operator1", "值班员", UserRole.OPERATOR, None)


def test_rules_are_stored_centrally_and_only_an_admin_changes_them_audited_under_the_user(
    store: Store,
) -> None:
    rule = EnablementRule("wulibao_sanhui", Scope.OFFICE, "福华街街道", True)
    refused = PluginService(store, OPERATOR)
    assert not refused.may_manage()
    with pytest.raises(PermissionDenied):
        refused.set_rule(rule)
    with pytest.raises(PermissionDenied):
        refused.clear_rule("wulibao_sanhui", Scope.OFFICE, "福华街街道")
    service = PluginService(store, ADMIN)
    service.set_rule(rule)
    service.set_rule(EnablementRule("wulibao_sanhui", Scope.OFFICE, "福华街街道", False))
    assert service.rules() == [EnablementRule("wulibao_sanhui", Scope.OFFICE, "福华街街道", False)]
    assert load_rules(store) == service.rules()
    service.clear_rule("wulibao_sanhui", Scope.OFFICE, "福华街街道")
    assert service.rules() == []
    audited = audit_log.read(store, action="plugin_change")
    assert [(r.actor, r.target, r.details["enabled"]) for r in audited] == [
        ("admin", "plugin:wulibao_sanhui", True),
        ("admin", "plugin:wulibao_sanhui", False),
        ("admin", "plugin:wulibao_sanhui", None),
    ]
    denied = audit_log.read(store, action="access_denied")
    assert [(r.actor, r.target) for r in denied] == [("operator1", "plugin:wulibao_sanhui")] * 2


def test_the_manager_offers_the_offices_a_principal_may_see(store: Store) -> None:
    replace_all(store, minimal_district())
    assert PluginService(store, ADMIN).office_names() == ["建中街街道"]
    office_user = Principal(3, "office410103008", "建中街", UserRole.OFFICE, 99)  # another office's user
    with pytest.raises(PermissionDenied):
        PluginService(store, office_user).office_names()


def test_domain_events_follow_the_change_feeds_records() -> None:
    events = DomainEvents()
    got: list[tuple[str, int]] = []
    for name in ("case_created", "case_dispatched", "case_closed"):
        events.emitter(name).connect(lambda event, name=name: got.append((name, event.case_id)))
    for change in (
        Change("cases", 7, "受理", 1),
        Change("cases", 7, "派遣", 3),  # a case row moving: not a creation
        Change("case_events", 7, "派遣", None),
        Change("case_events", 7, "结案", None),
        Change("resync", None, None, None),
    ):
        events.on_change(change)
    assert got == [("case_created", 7), ("case_dispatched", 7), ("case_closed", 7)]
    with pytest.raises(KeyError):
        events.emitter("case_teleported")


def test_a_plugin_hears_of_a_case_another_writer_created_through_the_live_feed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'feed.sqlite'}"
    store, writer = Store.open(url), Store.open(url)
    feed = open_change_feed(store)
    try:
        replace_all(store, minimal_district())
        events = DomainEvents()
        assert feed.start()
        events.follow(feed)
        host = start_plugins(store, Seat(None, "ws"), events=events, entry_points=False)
        heard = threading.Event()
        events.case_created.connect(lambda _event: heard.set())  # after the plugin's own handler
        case_id = create_case(writer, minimal_report())
        assert heard.wait(10)
        record, card = next((r, c) for r, c in host.cards() if r.id == "example_hello")
        assert host.call(record, "card", card.value).value == CardValue("1", "件")
        assert case_id > 0
    finally:
        feed.stop()
        writer.close()
        store.close()


def test_map_rule_alerts_are_re_announced_as_unit_alerts() -> None:
    from commandcenter.domain.alerts import Alert, AlertKind
    from commandcenter.domain_events import UnitAlert
    from commandcenter.events import EventEmitter

    watcher_alerts: EventEmitter[Alert] = EventEmitter("rules.stored_alert")
    events = DomainEvents()
    events.follow_alerts(watcher_alerts)
    heard: list[UnitAlert] = []
    events.unit_alert.connect(heard.append)
    kind = next(iter(AlertKind))
    moment = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    watcher_alerts.emit(Alert(kind, 7, "豫A12345", moment, moment, 113.6, 34.7, "渣土车偏离路线"))
    assert heard == [UnitAlert(7, str(kind), "渣土车偏离路线")]


def test_every_name_a_plugin_sees_is_the_facades_own() -> None:
    """No record of the core leaks through the facade: a persistence or domain change cannot break
    a plugin (1.0 handed out the domain's OfficeRecord, SegmentShape, StaffRecord, CaseOutcome)."""
    import inspect

    import commandcenter.plugins_api as api

    for name in api.__all__:
        value = getattr(api, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            assert value.__module__.startswith("commandcenter.plugins_api"), name


def test_the_context_hands_out_the_facades_records(store: Store) -> None:
    from commandcenter.plugins_api import CaseOutcome, Office, Segment, StaffMember
    from commandcenter.testing.plugins import context_for

    replace_all(store, minimal_district())
    create_case(store, minimal_report())
    context = context_for(store, "songshan_assessment")
    [office] = context.offices()
    assert isinstance(office, Office)
    assert office.boundary[0] == (113.6, 34.7)
    assert [type(segment) for segment in context.segments("建中街街道")] == [Segment]
    assert [(type(member), member.name) for member in context.staff(role="城市管理员")] == [
        (StaffMember, "张伟")
    ]
    assert [type(outcome) for outcome in context.case_outcomes("建中街街道")] == [CaseOutcome]
    assert context.case_outcomes("不存在街道") == []
