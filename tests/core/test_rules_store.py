"""Rules against a real store on both databases: the context read from it, alerts stored and read
back, an alert filed as a case exactly once, permits stored, and the demo's permits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.domain.units import Position
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.map.alerts import file_alert_as_case, recent_alerts, save_alerts
from commandcenter.persistence.map.permits import load_permits, replace_permits
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.rules import Alert, AlertKind, RuleEngine, TruckPermit, alert_to_case, load_rule_context
from commandcenter.rules.demo_permits import demo_permits
from commandcenter.testing.demo_district import DemoDistrict
from commandcenter.testing.rule_district import SITE, rule_district

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, rule_district())
    return store


def _dumping(minutes: int) -> list[Position]:
    return [
        Position(2, T0 + timedelta(minutes=m), 113.605, 34.715, 0.0, 0.0, "loaded") for m in range(minutes)
    ]


def test_the_context_comes_from_the_store_and_drives_the_engine(district: Store) -> None:
    context = load_rule_context(district)
    assert context.segments[1].number == "EQ-0001"
    assert context.units[2].label == "豫A·B0002"
    assert list(context.sites) == [SITE]
    engine = RuleEngine(context)
    alerts = engine.feed(_dumping(12))
    assert [a.kind for a in alerts] == [AlertKind.DUMPING]
    off = [
        Position(1, T0 + timedelta(minutes=m), 113.62, 34.70, 4.0) for m in range(16)
    ]  # ≈1.3 km off EQ-0001
    assert [a.kind for a in engine.feed(off)] == [AlertKind.OFF_SEGMENT]


def test_alerts_are_stored_and_filed_as_a_case_once(district: Store) -> None:
    alert = RuleEngine(load_rule_context(district)).feed(_dumping(12))[0]
    (saved,) = save_alerts(district, [alert])
    assert saved.id is not None
    (back,) = recent_alerts(district)
    assert back == saved
    assert back.since == T0
    assert back.case_id is None
    case_id = file_alert_as_case(district, back)
    assert file_alert_as_case(district, back) == case_id
    assert recent_alerts(district)[0].case_id == case_id
    (row,) = district.execute_raw(f"SELECT c.source, k.code FROM cases c JOIN case_categories k "
                                  f"ON k.id = c.category_id WHERE c.id = {case_id}")  # fmt: skip
    assert row == ("城市平台", "S0103")


def test_an_unsaved_alert_or_an_off_segment_alert_without_category_is_refused(district: Store) -> None:
    alert = Alert(AlertKind.OFF_SEGMENT, 1, "张伟", T0, T0, 113.6, 34.7, "偏离")
    with pytest.raises(ValueError, match="save_alerts"):
        file_alert_as_case(district, alert)
    with pytest.raises(ValueError, match="没有默认案件类别"):
        alert_to_case(alert)
    assert alert_to_case(alert, "S0501").category_code == "S0501"


def test_permits_round_trip(district: Store) -> None:
    ring = [[113.6, 34.7], [113.7, 34.7], [113.7, 34.8], [113.6, 34.7]]
    permits = [
        TruckPermit(2, "郑渣准字2026-0001", area=ring),
        TruckPermit(2, "郑渣准字2026-0002", route=[[113.6, 34.7], [113.7, 34.8]], buffer_m=300,
                    start_minute=22 * 60, end_minute=360),
    ]  # fmt: skip
    replace_permits(district, permits)
    assert load_permits(district) == permits
    replace_permits(district, permits[:1])
    assert load_permits(district) == permits[:1]


def test_the_demo_gets_four_permits_and_one_is_for_the_night(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from commandcenter.testing.demo_district import demo_district

    with demo_district(tmp_path_factory.mktemp("permits")) as built:
        assert isinstance(built, DemoDistrict)
        permits = demo_permits(built.store)
        assert [p.number[-4:] for p in permits] == ["0001", "0002", "0003", "0004"]
        assert sum(not p.in_window(T0) for p in permits) == 1  # 14:00 local: only the night permit is shut
        context = load_rule_context(built.store, permits)
        assert len(context.permits) == 4
        assert len(context.segments) > 1000


def test_the_watcher_follows_new_fixes_only_and_stores_what_it_raises(district: Store) -> None:
    from commandcenter.rules.watcher import AlertWatcher

    record_positions(district, _dumping(12))  # history before the watcher starts: not replayed
    watcher = AlertWatcher(district)
    heard: list[Alert] = []
    watcher.alerts.connect(heard.append)
    assert watcher.poll() == []
    later = [
        Position(2, T0 + timedelta(hours=1, minutes=m), 113.605, 34.715, 0.0, 0.0, "loaded")
        for m in range(11)
    ]
    for fix in later:
        record_positions(district, [fix])
    (alert,) = watcher.poll()
    assert alert.kind is AlertKind.DUMPING
    assert alert.id is not None
    assert alert.since == T0 + timedelta(hours=1)
    assert heard == [alert]
    assert recent_alerts(district) == [alert]
    assert watcher.poll() == []
