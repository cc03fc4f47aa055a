"""Assessment periods are the district's months, weeks and years, whatever zone the machine runs in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from commandcenter.evaluation.periods import PeriodError, PeriodKind, parse_period

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_month_runs_from_its_first_local_midnight_to_the_next_month() -> None:
    november = parse_period("2026-11")
    assert (november.kind, november.label) == (PeriodKind.MONTH, "2026-11")
    assert november.start == datetime(2026, 11, 1, tzinfo=SHANGHAI)
    assert november.end == datetime(2026, 12, 1, tzinfo=SHANGHAI)
    assert november.start.astimezone(UTC) == datetime(2026, 10, 31, 16, tzinfo=UTC)


def test_december_ends_at_new_year_in_the_district_not_in_utc() -> None:
    december = parse_period("2026-12")
    assert december.end == datetime(2027, 1, 1, tzinfo=SHANGHAI)
    new_year_in_zhengzhou = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 00:30 on Jan 1 there
    assert not december.contains(new_year_in_zhengzhou)
    assert parse_period("2027-01").contains(new_year_in_zhengzhou)
    assert december.contains(datetime(2026, 12, 31, 15, 59, tzinfo=UTC))  # 23:59 on Dec 31


def test_february_has_28_or_29_days() -> None:
    assert parse_period("2027-02").end == datetime(2027, 3, 1, tzinfo=SHANGHAI)
    leap = parse_period("2028-02")
    assert leap.contains(datetime(2028, 2, 29, 12, tzinfo=SHANGHAI))
    assert not leap.contains(datetime(2028, 3, 1, tzinfo=SHANGHAI))


def test_an_iso_week_and_a_year() -> None:
    week = parse_period("2026-w47")
    assert (week.label, week.start, week.end) == (
        "2026-W47",
        datetime(2026, 11, 16, tzinfo=SHANGHAI),
        datetime(2026, 11, 23, tzinfo=SHANGHAI),
    )
    year = parse_period("2026")
    assert (year.kind, year.start, year.end) == (
        PeriodKind.YEAR,
        datetime(2026, 1, 1, tzinfo=SHANGHAI),
        datetime(2027, 1, 1, tzinfo=SHANGHAI),
    )


def test_the_machine_zone_changes_nothing(workstation_zone: Callable[[str], None]) -> None:
    workstation_zone("America/New_York")
    assert parse_period("2026-11").start == datetime(2026, 10, 31, 16, tzinfo=UTC)


def test_the_district_zone_decides(district_zone: Callable[[str], None]) -> None:
    district_zone("Asia/Urumqi")  # UTC+6
    assert parse_period("2026-11").start == datetime(2026, 10, 31, 18, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "2026-W54", "26-11", "November", "", "2026-11-01"])
def test_anything_else_is_refused_in_both_languages(text: str) -> None:
    with pytest.raises(PeriodError, match=r"考核周期.*无效.* / invalid period"):
        parse_period(text)
