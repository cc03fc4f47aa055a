"""One clock for the district: case numbers, shifts, permit hours and the working calendar read the
district's zone (the configuration's ``time_zone``), never the workstation's own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from commandcenter.cases.recommend import shift_at
from commandcenter.config import ConfigError, load_settings
from commandcenter.district_time import UnknownTimeZone, district_clock, use_time_zone
from commandcenter.domain.alerts import TruckPermit
from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.kinds import Shift
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.queries import recent_cases
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report

BEFORE_MIDNIGHT_UTC = datetime(2026, 12, 1, 16, 30, tzinfo=UTC)  # 00:30 on 2 December in Shanghai
AFTER_MIDNIGHT_UTC = datetime(2026, 12, 2, 0, 30, tzinfo=UTC)  # 08:30 on 2 December in Shanghai


@pytest.mark.parametrize("workstation", ["UTC", "America/New_York", "Asia/Shanghai"])
def test_the_day_key_is_the_districts_day_whatever_the_workstations_zone(
    workstation_zone: Callable[[str], None], workstation: str
) -> None:
    workstation_zone(workstation)
    clock = district_clock()
    assert clock.day_key(BEFORE_MIDNIGHT_UTC) == "20261202"  # UTC still says 1 December
    assert clock.day_key(datetime(2026, 12, 1, 15, 59, tzinfo=UTC)) == "20261201"  # 23:59 in Shanghai
    assert clock.day_key(AFTER_MIDNIGHT_UTC) == "20261202"
    assert clock.local(BEFORE_MIDNIGHT_UTC).hour == 0


def test_another_district_zone_moves_the_day_key(district_zone: Callable[[str], None]) -> None:
    district_zone("UTC")
    assert district_clock().day_key(BEFORE_MIDNIGHT_UTC) == "20261201"
    district_zone("Asia/Urumqi")  # UTC+6
    assert district_clock().day_key(datetime(2026, 12, 1, 17, 59, tzinfo=UTC)) == "20261201"
    assert district_clock().day_key(datetime(2026, 12, 1, 18, 0, tzinfo=UTC)) == "20261202"


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        district_clock().day_key(datetime(2026, 12, 1, 16, 30))


def test_a_bad_zone_name_is_refused_and_the_clock_keeps_its_zone() -> None:
    for name in ("Asia/Shanghia", "+08:00", ""):
        with pytest.raises(UnknownTimeZone, match="IANA"):
            use_time_zone(name)
    assert district_clock().name == "Asia/Shanghai"


def test_case_numbers_follow_the_districts_day_on_a_utc_workstation(
    store: Store, workstation_zone: Callable[[str], None]
) -> None:
    workstation_zone("UTC")
    replace_all(store, minimal_district())
    create_case(store, minimal_report(), now=BEFORE_MIDNIGHT_UTC)
    (row,) = recent_cases(store)
    assert row.number == "20261202-00001"


def test_shifts_and_permit_hours_read_the_districts_clock(workstation_zone: Callable[[str], None]) -> None:
    workstation_zone("America/New_York")
    eight_in_shanghai = datetime(2026, 12, 2, 0, 0, tzinfo=UTC)
    assert shift_at(eight_in_shanghai) is Shift.DAY
    assert shift_at(datetime(2026, 12, 1, 23, 59, tzinfo=UTC)) is Shift.NIGHT  # 07:59 in Shanghai
    night_permit = TruckPermit(
        1, "渣土-1", area=[[0, 0], [1, 0], [1, 1]], start_minute=22 * 60, end_minute=6 * 60
    )
    assert night_permit.in_window(datetime(2026, 12, 1, 15, 0, tzinfo=UTC))  # 23:00 in Shanghai
    assert not night_permit.in_window(datetime(2026, 12, 2, 0, 0, tzinfo=UTC))  # 08:00 in Shanghai


def test_within_understands_hours_across_midnight() -> None:
    clock = district_clock()
    at = datetime(2026, 12, 2, 23, 0, tzinfo=clock.zone)
    assert clock.within(at, time(22), time(6))
    assert not clock.within(at, time(8), time(20))
    assert clock.within(at.replace(hour=5), time(22), time(6))


def test_the_working_calendar_counts_in_the_districts_zone(district_zone: Callable[[str], None]) -> None:
    assert WorkingCalendar().tz.key == "Asia/Shanghai"
    district_zone("Asia/Urumqi")
    calendar = WorkingCalendar()
    assert calendar.tz.key == "Asia/Urumqi"
    tuesday_nine = datetime(2026, 3, 10, 9, 0, tzinfo=calendar.tz)
    assert calendar.is_working_day(date(2026, 3, 10))
    assert calendar.add_working_hours(tuesday_nine, 1).hour == 10


def test_the_config_names_the_district_zone(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml", environ={}).time_zone == "Asia/Shanghai"
    file = tmp_path / "config.toml"
    file.write_text('time_zone = "Asia/Urumqi"\n', encoding="utf-8")
    assert load_settings(file, environ={}).time_zone == "Asia/Urumqi"


def test_a_bad_zone_in_the_config_is_a_clear_config_error(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text('time_zone = "Beijing"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="time_zone") as raised:
        load_settings(file, environ={})
    assert "Beijing" in str(raised.value)
    assert "IANA" in str(raised.value)
