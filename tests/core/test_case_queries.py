"""The screening reads on both databases: PostgreSQL hands back aware timestamps, SQLite naive ones,
and callers must not be able to tell."""

from __future__ import annotations

from datetime import timedelta, timezone

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.cases import NewCase
from commandcenter.domain.categories import DEFAULT_CATEGORIES
from commandcenter.domain.kinds import StaffRole
from commandcenter.persistence.cases import categories as case_categories, queries as case_queries
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.store import Store
from commandcenter.testing.demo_district import DISTRICT_NOW, middle_of, north_of


def test_reads_for_screening(store: Store) -> None:
    load_demo_data(store, now=DISTRICT_NOW)
    segments = district_queries.segment_shapes(store)
    assert len(segments) == 291
    assert len(district_queries.offices(store)) == 18
    assert set(case_categories.active_categories(store)) == {spec.code for spec in DEFAULT_CATEGORIES}
    roster = district_queries.staff_roster(store)
    managers = [member for member in roster if member.role == StaffRole.CITY_MANAGER]
    assert len(managers) == 1600
    assert all(m.last_ts is not None and m.last_ts.tzinfo is not None for m in managers)

    segment = segments[0]
    lon, lat = middle_of(segment)
    report = NewCase("B0105", "市民上报", "测试", "测试", lon, lat, "市民", segment.office_id, segment.id)
    case_id = create_case(store, report, now=DISTRICT_NOW - timedelta(hours=2))
    since = DISTRICT_NOW - timedelta(hours=24)
    found = case_queries.open_cases_near(store, "B0105", *north_of(lon, lat, 40.0), 50.0, since)
    assert [(case.id, round(case.distance_m)) for case in found] == [(case_id, 40)]
    assert found[0].created_at == DISTRICT_NOW - timedelta(hours=2)
    assert found[0].created_at.tzinfo is not None
    assert case_queries.open_cases_near(store, "B0105", *north_of(lon, lat, 60.0), 50.0, since) == []
    later = (DISTRICT_NOW - timedelta(hours=1)).astimezone(timezone(timedelta(hours=8)))  # local time
    assert case_queries.open_cases_near(store, "B0105", lon, lat, 50.0, later) == []
