"""The working calendar against hand-checked deadlines: lunch, weekends, 2026 holidays and 调休 days."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from commandcenter.domain.calendar import DISTRICT_TIMEZONE, DeadlineState, WorkingCalendar, deadline_state
from commandcenter.domain.holidays import CHINA_2026, CalendarConfigError, HolidayPeriod, HolidayTable

CAL = WorkingCalendar.default()  # 08:30–12:00, 14:00–18:00 (7.5 h a day), 2026 holidays


def at(day: str, clock: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), tzinfo=DISTRICT_TIMEZONE)


@pytest.mark.parametrize(
    ("start", "hours", "deadline", "why"),
    [
        (at("2026-03-10", "11:00"), 4, at("2026-03-10", "17:00"), "1 h before lunch, 3 h after"),
        (at("2026-03-10", "08:30"), 3.5, at("2026-03-10", "12:00"), "ends at lunch, not at 14:00"),
        (at("2026-03-10", "07:00"), 0.5, at("2026-03-10", "09:00"), "reported before office hours"),
        (at("2026-03-10", "12:30"), 0.5, at("2026-03-10", "14:30"), "reported over lunch"),
        (at("2026-03-13", "17:00"), 4, at("2026-03-16", "11:30"), "Friday evening → Monday"),
        (at("2026-03-14", "10:00"), 1, at("2026-03-16", "09:30"), "reported on a Saturday"),
        (at("2026-09-30", "17:00"), 2, at("2026-10-08", "09:30"), "国庆 1–7 Oct skipped"),
        (at("2026-10-09", "17:00"), 8, at("2026-10-10", "17:30"), "调休 Saturday 10 Oct is worked"),
        (at("2026-09-19", "10:00"), 1, at("2026-09-20", "09:30"), "调休 Sunday 20 Sep is worked"),
        (at("2026-02-13", "17:00"), 2, at("2026-02-14", "09:30"), "春节 make-up Saturday 14 Feb"),
        (at("2026-02-14", "17:00"), 2, at("2026-02-24", "09:30"), "春节 15–23 Feb skipped"),
        (at("2026-04-03", "17:30"), 1, at("2026-04-07", "09:00"), "清明 4–6 Apr, no make-up day"),
    ],
)
def test_add_working_hours(start: datetime, hours: float, deadline: datetime, why: str) -> None:
    assert CAL.add_working_hours(start, hours) == deadline, why
    if start.time() >= time(8, 30) and CAL.is_working_day(start.date()):
        assert CAL.working_hours_between(start, deadline) == pytest.approx(hours)


def test_utc_input_gives_the_same_instant() -> None:
    start = datetime(2026, 3, 10, 3, 0, tzinfo=UTC)  # 11:00 in Zhengzhou
    assert CAL.add_working_hours(start, 4) == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        CAL.add_working_hours(datetime(2026, 3, 10, 11, 0), 1)


def test_add_working_days() -> None:
    assert CAL.hours_per_day == 7.5
    assert CAL.add_working_days(at("2026-03-10", "10:00"), 5) == at("2026-03-17", "10:00")
    # 29 Sep → 30 Sep (1) → 8 Oct (2, after 国庆) → 9 Oct (3)
    assert CAL.add_working_days(at("2026-09-29", "10:00"), 3) == at("2026-10-09", "10:00")


def test_working_hours_between() -> None:
    assert CAL.working_hours_between(at("2026-03-13", "17:00"), at("2026-03-16", "09:30")) == 2
    assert CAL.working_hours_between(at("2026-03-16", "09:30"), at("2026-03-13", "17:00")) == -2
    assert CAL.working_hours_between(at("2026-10-01", "09:00"), at("2026-10-07", "17:00")) == 0
    assert CAL.working_hours_between(at("2026-03-09", "00:00"), at("2026-03-16", "00:00")) == 5 * 7.5


def test_the_2026_table_matches_the_state_council_notice() -> None:
    table = HolidayTable.china_2026()
    assert len(table.holidays) == 3 + 9 + 3 + 5 + 3 + 3 + 7
    assert sorted(table.makeup_workdays) == [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]
    assert all(day.weekday() >= 5 for day in table.makeup_workdays)
    assert not CAL.is_working_day(date(2026, 10, 1))
    assert CAL.is_working_day(date(2026, 10, 10))


def test_deadline_state() -> None:
    deadline = at("2026-03-10", "17:00")
    assert deadline_state(at("2026-03-10", "15:00"), deadline) is DeadlineState.NORMAL
    assert deadline_state(at("2026-03-10", "16:00"), deadline) is DeadlineState.DUE_SOON
    assert deadline_state(at("2026-03-10", "17:00"), deadline) is DeadlineState.DUE_SOON
    assert deadline_state(at("2026-03-10", "17:01"), deadline) is DeadlineState.OVERDUE
    assert deadline_state(at("2026-03-10", "17:01"), None) is DeadlineState.NORMAL
    friday, monday = at("2026-03-13", "17:50"), at("2026-03-16", "08:45")  # 25 working minutes apart
    assert deadline_state(friday, monday) is DeadlineState.NORMAL
    assert deadline_state(friday, monday, calendar=CAL) is DeadlineState.DUE_SOON
    assert deadline_state(friday, monday, timedelta(minutes=20), CAL) is DeadlineState.NORMAL


def test_calendar_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text(
        'working_hours = [["09:00", "12:00"], ["15:00", "18:00"]]\n'
        '[[holiday]]\nname = "区庆"\nfirst = 2026-03-10\n'
        '[[holiday]]\nname = "补班"\nfirst = 2026-03-09\nlast = 2026-03-09\nmakeup_workdays = [2026-03-14]\n',
        encoding="utf-8",
    )
    summer = WorkingCalendar.from_toml(path)
    assert summer.hours_per_day == 6
    assert not summer.is_working_day(date(2026, 3, 10))
    assert summer.is_working_day(date(2026, 3, 14))
    assert not summer.is_working_day(date(2026, 10, 1))  # the built-in table is kept
    assert summer.add_working_hours(at("2026-03-11", "11:00"), 2) == at("2026-03-11", "16:00")
    path.write_text("include_builtin_holidays = false\n", encoding="utf-8")
    assert WorkingCalendar.from_toml(path).is_working_day(date(2026, 10, 8))
    assert not WorkingCalendar.from_toml(path).is_working_day(date(2026, 10, 10))


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ('working_hours = [["12:00", "08:30"]]', "must end after"),
        ('working_hours = [["08:00", "12:00"], ["11:00", "13:00"]]', "overlap"),
        ('working_hours = [["8h", "12:00"]]', "invalid calendar file"),
        ('[[holiday]]\nname = "x"\nfirst = "2026-03-10"', "TOML dates"),
        ("[[holiday]]\nfirst = 2026-03-10", "lacks"),
        ("[[holiday]]\nname = 'x'\nfirst = 2026-03-10\nmakeup_workdays = [2026-03-10]", "off and worked"),
    ],
)
def test_malformed_calendar_files_say_what_is_wrong(tmp_path: Path, text: str, match: str) -> None:
    path = tmp_path / "calendar.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CalendarConfigError, match=match):
        WorkingCalendar.from_toml(path)


def test_holidays_can_be_passed_as_a_list() -> None:
    local = [*CHINA_2026, HolidayPeriod("区庆", date(2026, 3, 10), date(2026, 3, 11))]
    calendar = WorkingCalendar(holidays=HolidayTable.from_periods(local))
    assert calendar.add_working_hours(at("2026-03-09", "17:00"), 2) == at("2026-03-12", "09:30")
