"""Checking a settings document before it is saved: every problem at once, as keys and facts.

The limits keep a typo from becoming policy (a 3,000-minute 签收 timeout, a 50 km duplicate radius);
the calendar rules are the ones ``WorkingCalendar`` and ``HolidayTable`` would otherwise raise on at
the first deadline, found here while the administrator is still at the dialog.
"""

from __future__ import annotations

import string
from datetime import date, datetime, time

from commandcenter.domain.assessment_settings import assessment_problems
from commandcenter.domain.credit_settings import credit_problems
from commandcenter.domain.settings import CalendarSettings, DistrictSettings, LadderLevel
from commandcenter.domain.settings_problems import Fault, SettingsProblem

RANGES: dict[str, tuple[float, float]] = {
    "ack_timeout_minutes": (1, 1440),
    "duplicate_radius_m": (0, 2000),
    "duplicate_window_hours": (0, 720),
    "snap_radius_m": (1, 2000),
    "notifications.max_urgency": (1, 3),
    "wait_minutes": (1, 1440),
    "year": (2000, 2100),
}
MAX_HOLIDAY_DAYS = 31
MEDIA_SCHEMES = ("http", "https", "rtsp", "rtmp", "ws", "wss")
MEDIA_PLACEHOLDERS = frozenset({"device", "channel"})


def validate(settings: DistrictSettings) -> list[SettingsProblem]:
    """Every problem of ``settings``; empty when it may be saved."""
    problems: list[SettingsProblem] = []
    for key in ("ack_timeout_minutes", "duplicate_radius_m", "duplicate_window_hours", "snap_radius_m"):
        _in_range(problems, key, getattr(settings, key))
    _in_range(problems, "notifications.max_urgency", settings.notifications.max_urgency)
    if not settings.day_shift_start < settings.day_shift_end:
        problems.append(SettingsProblem("day_shift", Fault.START_NOT_BEFORE_END))
    _check_ladder(problems, settings)
    _check_calendar(problems, settings.calendar)
    _check_media(problems, settings.media_url_template)
    problems.extend(assessment_problems(settings.assessment))
    problems.extend(credit_problems(settings.credit))
    return problems


def _in_range(problems: list[SettingsProblem], key: str, value: float, limits_key: str = "") -> None:
    low, high = RANGES[limits_key or key]
    if not low <= value <= high:
        problems.append(SettingsProblem(key, Fault.OUT_OF_RANGE, (_number(low), _number(high))))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _check_ladder(problems: list[SettingsProblem], settings: DistrictSettings) -> None:
    seen: set[LadderLevel] = set()
    for rung in settings.escalation:
        key = f"escalation.{rung.level.value}"
        if rung.level in seen:
            problems.append(SettingsProblem(key, Fault.LEVEL_TWICE, (rung.level.value,)))
        seen.add(rung.level)
        _in_range(problems, f"{key}.wait_minutes", rung.wait_minutes, "wait_minutes")
    ladder = settings.escalation
    last = ladder[-1] if ladder else None
    if last is None or last.level is not LadderLevel.BUREAU or not last.enabled:
        problems.append(SettingsProblem("escalation.bureau", Fault.BUREAU_REQUIRED))


def _check_calendar(problems: list[SettingsProblem], calendar: CalendarSettings) -> None:
    if not calendar.periods:
        problems.append(SettingsProblem("calendar.periods", Fault.NO_PERIODS))
    ordered = sorted(calendar.periods)
    for number, (start, end) in enumerate(ordered, 1):
        if not start < end:
            problems.append(SettingsProblem(f"calendar.periods.{number}", Fault.START_NOT_BEFORE_END))
        if number < len(ordered) and ordered[number][0] < end:
            facts = (_clock(ordered[number][0]),)
            problems.append(SettingsProblem(f"calendar.periods.{number + 1}", Fault.PERIODS_OVERLAP, facts))
    years: set[int] = set()
    off: dict[date, str] = {}
    worked: dict[date, str] = {}
    for entry in calendar.years:
        key = f"calendar.years.{entry.year}"
        if entry.year in years:
            problems.append(SettingsProblem(key, Fault.YEAR_TWICE, (str(entry.year),)))
        years.add(entry.year)
        _in_range(problems, key, entry.year, "year")
        for number, holiday in enumerate(entry.holidays, 1):
            where = f"{key}.holidays.{number}"
            if not holiday.name.strip():
                problems.append(SettingsProblem(where, Fault.NAME_MISSING))
            if holiday.last < holiday.first:
                problems.append(SettingsProblem(where, Fault.START_NOT_BEFORE_END))
                continue
            if entry.year not in (holiday.first.year, holiday.last.year):
                problems.append(SettingsProblem(where, Fault.OUTSIDE_YEAR, (str(entry.year),)))
            if (holiday.last - holiday.first).days + 1 > MAX_HOLIDAY_DAYS:
                problems.append(SettingsProblem(where, Fault.TOO_LONG, (str(MAX_HOLIDAY_DAYS),)))
                continue
            off.update(dict.fromkeys(holiday.days_off(), where))
            worked.update(dict.fromkeys(holiday.makeup_workdays, where))
    for day in sorted(off.keys() & worked.keys()):
        problems.append(SettingsProblem(worked[day], Fault.DAY_OFF_AND_WORKED, (day.isoformat(),)))


def _clock(moment: time) -> str:
    return datetime.combine(date.min, moment).strftime("%H:%M")


def _check_media(problems: list[SettingsProblem], template: str) -> None:
    key = "media_url_template"
    if not template:
        return  # not configured: the wizard asks for it
    scheme = template.split("://", 1)[0].lower() if "://" in template else ""
    if scheme not in MEDIA_SCHEMES:
        problems.append(SettingsProblem(key, Fault.NOT_A_URL, (", ".join(MEDIA_SCHEMES),)))
    try:
        names = {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None}
    except ValueError:
        problems.append(SettingsProblem(key, Fault.UNKNOWN_PLACEHOLDER, (template,)))
        return
    for name in sorted(names - MEDIA_PLACEHOLDERS):
        problems.append(SettingsProblem(key, Fault.UNKNOWN_PLACEHOLDER, (f"{{{name}}}",)))
    if "device" not in names:
        problems.append(SettingsProblem(key, Fault.DEVICE_MISSING))
