"""The settings are used where decisions are made, at once: two "workstations" on one database, one
administrator saves, and the other's intake, board and workflow deadlines follow after its
``LiveSettings`` refreshes — no restart, no new intake."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta

import pytest

from commandcenter.cases.board import CaseBoard
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.domain.settings import CalendarSettings
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.services.live_settings import LiveSettings
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Zhengzhou
EIGHTY_M = 80 / 111_195  # degrees of latitude


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _report(lat: float, reporter: str, lon: float = 113.61) -> IncomingReport:
    """On or near the minimal district's one (diagonal) segment: off it, intake keeps it for review."""
    return IncomingReport("S0501", lon, lat, reporter=reporter, description="占道", photos=("a.jpg",))


def _save(admin: Services, **changes: object) -> None:
    stored = admin.settings.current()
    admin.settings.save(dataclasses.replace(stored.settings, **changes), stored.revision)  # type: ignore[arg-type]


def test_a_raised_duplicate_radius_merges_the_next_report(district: Store) -> None:
    admin = services_for(district, UserRole.ADMIN)  # workstation A
    live = LiveSettings(district)  # workstation B
    live.refresh()
    intake = CaseIntake.from_store(district, settings=live.current)
    first = intake.receive(_report(34.71, "甲"), NOW)
    north = intake.receive(_report(34.71 + EIGHTY_M, "乙"), NOW + timedelta(minutes=1))
    assert not north.merged  # 80 m is beyond the default 50 m
    _save(admin, duplicate_radius_m=100.0)
    assert intake.screening_rules().duplicate_radius_m == 50.0  # B has not looked yet
    live.refresh()
    south = intake.receive(_report(34.71 - EIGHTY_M, "丙"), NOW + timedelta(minutes=2))
    assert south.merged  # 80 m from the first case, 160 m from the north one
    assert south.case_id == first.case_id


def test_the_board_follows_the_ack_timeout(district: Store) -> None:
    live = LiveSettings(district)
    live.refresh()
    board = CaseBoard(settings=live.current)
    intake = CaseIntake.from_store(district, settings=live.current)
    case_id = intake.receive(_report(34.71, "甲"), NOW).case_id
    assert case_id is not None
    [row] = board_rows(district, [case_id])
    sent = dataclasses.replace(row, status=CaseStatus.DISPATCHED.value, dispatched_at=NOW)
    board.replace([sent])
    later = NOW + timedelta(minutes=45)
    assert board.counters(later).unacknowledged == 1
    _save(services_for(district, UserRole.ADMIN), ack_timeout_minutes=60)
    live.refresh()
    assert board.ack_timeout == timedelta(minutes=60)
    assert board.counters(later).unacknowledged == 0


def test_deadlines_count_in_the_settings_calendar(district: Store) -> None:
    operator = services_for(district, UserRole.OPERATOR)
    intake = CaseIntake.from_store(district, settings=operator.live_settings.current)
    before = intake.receive(_report(34.71, "甲"), NOW)  # 0.5 working hours: 10:30
    assert before.case_id is not None
    assert board_rows(district, [before.case_id])[0].deadline_at == NOW + timedelta(minutes=30)
    no_holidays = CalendarSettings(periods=((time(10, 20), time(18)),))
    _save(services_for(district, UserRole.ADMIN), calendar=no_holidays)
    operator.live_settings.refresh()
    after = intake.receive(_report(34.715, "乙", lon=113.615), NOW)  # the day now starts at 10:20: due 10:50
    assert after.case_id is not None
    assert board_rows(district, [after.case_id])[0].deadline_at == NOW + timedelta(minutes=50)
    assert operator.cases.deadline_calendar() is operator.live_settings.current().working_calendar()
