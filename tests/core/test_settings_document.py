"""The settings document without a database: defaults equal to the behaviour before settings existed,
every problem found at once (keys and facts, no sentences), and a JSON form that survives older and
newer documents."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime, time

import pytest

from commandcenter.cases.escalation import DEFAULT_ACK_TIMEOUT
from commandcenter.cases.recommend import DAY_SHIFT_HOURS
from commandcenter.cases.screening import DEFAULT_RULES
from commandcenter.domain.calendar import DISTRICT_TIMEZONE, WorkingCalendar
from commandcenter.domain.holidays import HolidayPeriod
from commandcenter.domain.settings import (
    DEFAULT_SETTINGS,
    CalendarSettings,
    CalendarYear,
    DistrictSettings,
    LadderLevel,
    LadderRung,
    NotificationRules,
)
from commandcenter.domain.settings_document import from_json, parse_json, to_document, to_json
from commandcenter.domain.settings_problems import Fault, InvalidSettings, SettingsProblem
from commandcenter.domain.settings_rules import validate


def test_the_defaults_are_todays_behaviour() -> None:
    s = DEFAULT_SETTINGS
    assert s.ack_timeout == DEFAULT_ACK_TIMEOUT
    assert (s.duplicate_radius_m, s.duplicate_window, s.snap_radius_m) == (
        DEFAULT_RULES.duplicate_radius_m,
        DEFAULT_RULES.duplicate_window,
        DEFAULT_RULES.snap_radius_m,
    )
    assert s.day_shift == (time(DAY_SHIFT_HOURS[0]), time(DAY_SHIFT_HOURS[1]))
    assert [rung.level for rung in s.escalation] == list(LadderLevel)
    assert s.media_url_template == ""
    built_in, ours = WorkingCalendar.default(), s.working_calendar()
    assert ours.periods == built_in.periods
    assert ours.holidays == built_in.holidays
    assert validate(s) == []


def test_every_problem_is_named_at_once_by_key_and_fact() -> None:
    bad = dataclasses.replace(
        DEFAULT_SETTINGS,
        ack_timeout_minutes=0,
        snap_radius_m=5000,
        day_shift_start=time(20),
        day_shift_end=time(8),
        escalation=(
            LadderRung(LadderLevel.ROAD_CHIEF, wait_minutes=0),
            LadderRung(LadderLevel.BUREAU, False),
        ),
        notifications=NotificationRules(max_urgency=4),
        media_url_template="zlm/{device}/{stream}",
    )
    assert validate(bad) == [
        SettingsProblem("ack_timeout_minutes", Fault.OUT_OF_RANGE, ("1", "1440")),
        SettingsProblem("snap_radius_m", Fault.OUT_OF_RANGE, ("1", "2000")),
        SettingsProblem("notifications.max_urgency", Fault.OUT_OF_RANGE, ("1", "3")),
        SettingsProblem("day_shift", Fault.START_NOT_BEFORE_END),
        SettingsProblem("escalation.road_chief.wait_minutes", Fault.OUT_OF_RANGE, ("1", "1440")),
        SettingsProblem("escalation.bureau", Fault.BUREAU_REQUIRED),
        SettingsProblem("media_url_template", Fault.NOT_A_URL, ("http, https, rtsp, rtmp, ws, wss",)),
        SettingsProblem("media_url_template", Fault.UNKNOWN_PLACEHOLDER, ("{stream}",)),
    ]


def test_the_bureau_must_close_the_ladder() -> None:
    reordered = (LadderRung(LadderLevel.BUREAU), LadderRung(LadderLevel.OFFICE))
    problems = validate(dataclasses.replace(DEFAULT_SETTINGS, escalation=reordered))
    assert [p.fault for p in problems] == [Fault.BUREAU_REQUIRED]
    twice = (LadderRung(LadderLevel.OFFICE), LadderRung(LadderLevel.OFFICE), LadderRung(LadderLevel.BUREAU))
    assert [p.fault for p in validate(dataclasses.replace(DEFAULT_SETTINGS, escalation=twice))] == [
        Fault.LEVEL_TWICE
    ]


def test_calendar_problems() -> None:
    calendar = CalendarSettings(
        periods=((time(8, 30), time(12)), (time(11), time(18))),
        years=(
            CalendarYear(
                2027,
                (
                    HolidayPeriod("", date(2027, 2, 6), date(2027, 2, 12), (date(2027, 2, 7),)),
                    HolidayPeriod("国庆节", date(2026, 10, 1), date(2026, 10, 7)),
                    HolidayPeriod("反了", date(2027, 5, 5), date(2027, 5, 1)),
                ),
            ),
        ),
    )
    problems = validate(dataclasses.replace(DEFAULT_SETTINGS, calendar=calendar))
    assert problems == [
        SettingsProblem("calendar.periods.2", Fault.PERIODS_OVERLAP, ("11:00",)),
        SettingsProblem("calendar.years.2027.holidays.1", Fault.NAME_MISSING),
        SettingsProblem("calendar.years.2027.holidays.2", Fault.OUTSIDE_YEAR, ("2027",)),
        SettingsProblem("calendar.years.2027.holidays.3", Fault.START_NOT_BEFORE_END),
        SettingsProblem("calendar.years.2027.holidays.1", Fault.DAY_OFF_AND_WORKED, ("2027-02-07",)),
    ]


def test_a_good_media_template_passes() -> None:
    good = dataclasses.replace(
        DEFAULT_SETTINGS, media_url_template="http://zlm:80/rtp/{device}_{channel}.live.flv"
    )
    assert validate(good) == []
    no_device = dataclasses.replace(DEFAULT_SETTINGS, media_url_template="rtsp://zlm/{channel}")
    assert [p.fault for p in validate(no_device)] == [Fault.DEVICE_MISSING]


def test_the_json_round_trip_is_canonical() -> None:
    changed = dataclasses.replace(
        DEFAULT_SETTINGS,
        duplicate_radius_m=100.0,
        notifications=NotificationRules(sound=False, max_urgency=1, categories=("S0501",)),
        calendar=CalendarSettings(
            years=(CalendarYear(2027, (HolidayPeriod("元旦", date(2027, 1, 1), date(2027, 1, 1)),)),)
        ),
    )
    text = to_json(changed)
    assert from_json(text) == changed
    assert to_json(from_json(text)) == text
    assert json.loads(text)["day_shift"] == {"start": "08:00", "end": "20:00"}


def test_missing_keys_take_defaults_and_unknown_keys_survive() -> None:
    older = from_json('{"ack_timeout_minutes": 45}')
    assert older == dataclasses.replace(DEFAULT_SETTINGS, ack_timeout_minutes=45)
    newer = from_json(
        '{"ack_timeout_minutes": 45, "radio_channel": {"name": "城管1"}, "notifications": {"flash": true}}'
    )
    assert newer == older  # the unknown section key is ignored
    assert to_document(newer)["radio_channel"] == {"name": "城管1"}  # the unknown top-level key is kept


def test_values_of_the_wrong_kind_are_refused_on_import_and_defaulted_when_stored() -> None:
    text = '{"ack_timeout_minutes": "soon", "notifications": {"sound": 1}, "day_shift": {"start": "8am"}}'
    with pytest.raises(InvalidSettings) as refused:
        from_json(text)
    assert [(p.key, p.fault) for p in refused.value.problems] == [
        ("ack_timeout_minutes", Fault.NOT_A_VALUE),
        ("day_shift.start", Fault.NOT_A_VALUE),
        ("notifications.sound", Fault.NOT_A_VALUE),
    ]
    settings, problems = parse_json(text)
    assert settings == DEFAULT_SETTINGS
    assert len(problems) == 3


def test_the_working_calendar_follows_the_settings() -> None:
    summer = CalendarSettings(periods=((time(8, 30), time(12)), (time(15), time(18))), years=())
    calendar = dataclasses.replace(DEFAULT_SETTINGS, calendar=summer).working_calendar()
    friday_noon = datetime(2026, 10, 2, 11, 0, tzinfo=DISTRICT_TIMEZONE)  # 国庆: a working day without 2026
    assert calendar.add_working_hours(friday_noon, 2) == friday_noon.replace(hour=16)
    after_holiday = datetime(2026, 10, 8, 10, 30, tzinfo=DISTRICT_TIMEZONE)  # the default: 国庆 off
    assert DistrictSettings().working_calendar().add_working_hours(friday_noon, 2) == after_holiday
