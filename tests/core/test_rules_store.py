"""Rules against a real store on both databases: the context read from it, alerts stored and read
back, an alert filed as a case exactly once, permits stored, and the demo's permits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.units import Position
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.map.alerts import recent_alerts, save_alerts
from commandcenter.persistence.map.permits import load_permits, replace_permits
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.rules import Alert, AlertKind, RuleEngine, TruckPermit, alert_to_report, load_rule_context
from commandcenter.rules.demo_permits import demo_permits
from commandcenter.services.alert_service import AlertNotFiled
from commandcenter.testing.accounts import services_for
from commandcenter.testing.demo_district import DemoDistrict
from commandcenter.testing.rule_district import SITE, TRUCK, rule_district

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


def test_alerts_are_stored_and_filed_as_a_case_through_intake_once(district: Store) -> None:
    alert = RuleEngine(load_rule_context(district)).feed(_dumping(12))[0]
    (saved,) = save_alerts(district, [alert])
    assert saved.id is not None
    (back,) = recent_alerts(district)
    assert back == saved
    assert back.since == T0
    assert back.case_id is None
    alerts = services_for(district, username="operator7").alerts
    filed = alerts.file_as_case(back)
    assert not filed.already
    again = alerts.file_as_case(back)
    assert (again.case_id, again.already) == (filed.case_id, True)
    assert recent_alerts(district)[0].case_id == filed.case_id
    # Through intake: located on its office, a dispatch deadline in working hours, the alert as evidence.
    (row,) = district.execute_raw(
        "SELECT c.source, k.code, c.office_id, c.deadline_at FROM cases c "
        f"JOIN case_categories k ON k.id = c.category_id WHERE c.id = {filed.case_id}"
    )
    assert row[:3] == ("地图告警", "S0103", 1)
    assert row[3] is not None
    audited = AuditTrail(district).recent(action=AuditAction.CASE_FILED)
    assert [(r.actor, r.target) for r in audited] == [("operator7", f"case:{filed.case_id}")]


def test_an_alert_outside_the_district_is_refused_with_the_reason(district: Store) -> None:
    far = Alert(AlertKind.DUMPING, TRUCK, "豫A·B0002", T0, T0, 114.5, 35.5, "疑似偷倒")
    (saved,) = save_alerts(district, [far])
    with pytest.raises(AlertNotFiled, match="不在辖区"):
        services_for(district).alerts.file_as_case(saved)
    assert recent_alerts(district)[0].case_id is None


def test_an_unsaved_alert_or_an_off_segment_alert_without_category_is_refused(district: Store) -> None:
    alert = Alert(AlertKind.OFF_SEGMENT, 1, "张伟", T0, T0, 113.6, 34.7, "偏离")
    with pytest.raises(ValueError, match="save_alerts"):
        services_for(district).alerts.file_as_case(alert)
    with pytest.raises(ValueError, match="没有默认案件类别"):
        alert_to_report(alert)
    assert alert_to_report(alert, "S0501").category_code == "S0501"


def test_an_office_user_may_not_file_an_alert(district: Store) -> None:
    alert = RuleEngine(load_rule_context(district)).feed(_dumping(12))[0]
    (saved,) = save_alerts(district, [alert])
    with pytest.raises(PermissionDenied):
        services_for(district, UserRole.OFFICE, office_id=1).alerts.file_as_case(saved)
    assert recent_alerts(district)[0].case_id is None


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


def test_the_watcher_follows_a_permit_edited_on_another_workstation(district: Store) -> None:
    from commandcenter.rules.watcher import AlertWatcher

    here = [[113.60, 34.71], [113.61, 34.71], [113.61, 34.72], [113.60, 34.71]]
    far = [[113.70, 34.80], [113.71, 34.80], [113.71, 34.81], [113.70, 34.80]]
    replace_permits(district, [TruckPermit(2, "郑渣准字2026-0009", area=here)])
    watcher = AlertWatcher(district)
    assert watcher.poll() == []

    def drive(hour: int) -> list[Alert]:
        for m in range(12):
            fix = Position(2, T0 + timedelta(hours=hour, minutes=m), 113.605, 34.715, 20.0, 90.0, "empty")
            record_positions(district, [fix])
        return watcher.poll()

    assert drive(1) == []  # inside its area
    replace_permits(district, [TruckPermit(2, "郑渣准字2026-0009", area=far)])  # the area is moved …
    AuditTrail(district).record("admin1", AuditAction.DISTRICT_EDIT, "permit:1", {"after": {"area": far}})
    assert [a.kind for a in drive(3)] == [AlertKind.OUT_OF_AREA]  # … and this workstation knows it
