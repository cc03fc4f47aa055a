"""The district's central settings (issue 13, "configuration without code"): one frozen document.

The operational parameters that used to be constants — the 签收 timeout, the duplicate and snap
radii, the shift hours, the escalation ladder, which arrivals pop up, the working calendar, the media
server's URL template — are a district's policy, not a build's. They live in one versioned row
(``persistence/settings``), an administrator edits them (``services.settings``, the 参数设置 dialog,
``commandcenter settings``), and every workstation follows the newest revision without a restart
(``services.live_settings``). The defaults here are exactly the behaviour before settings existed,
so a database without a settings row behaves as it always did.

Plain values only (minutes, metres, ``time``), no SQL, no Qt; the JSON form is in
``settings_document``, the checks in ``settings_rules``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import StrEnum
from typing import Any

from commandcenter.domain.assessment_settings import DEFAULT_ASSESSMENT, AssessmentSettings
from commandcenter.domain.calendar import DEFAULT_WORKING_HOURS, WorkingCalendar
from commandcenter.domain.credit import CreditRules
from commandcenter.domain.holidays import CHINA_2026, HolidayPeriod, HolidayTable


class LadderLevel(StrEnum):
    """A rung of the escalation ladder (the case module words them 路长 / 镇办 / 区城管局)."""

    ROAD_CHIEF = "road_chief"
    OFFICE = "office"
    BUREAU = "bureau"  # the district bureau's command centre always answers: never switched off


@dataclass(frozen=True)
class LadderRung:
    """One level: whether it is asked at all, and how long it holds an unsigned case before the
    next level is due."""

    level: LadderLevel
    enabled: bool = True
    wait_minutes: int = 30


DEFAULT_LADDER: tuple[LadderRung, ...] = (
    LadderRung(LadderLevel.ROAD_CHIEF),
    LadderRung(LadderLevel.OFFICE),
    LadderRung(LadderLevel.BUREAU),
)


@dataclass(frozen=True)
class NotificationRules:
    """Which arriving cases pop up on a workstation and ring the chime.

    A case pops up when ``popup`` is on, its urgency is at most ``max_urgency`` (1 urgent … 3
    routine: 3 means every case) and — when ``categories`` names any 小类 codes — its category is
    one of them. The chime rings once per burst that popped something up, when ``sound`` is on; with
    ``open_cameras`` the case shown also puts its nearest cameras on the wall (1 + N around it).
    Every case reaches the queue whatever these say: they only decide what interrupts the operator.
    """

    popup: bool = True
    sound: bool = True
    max_urgency: int = 3
    categories: tuple[str, ...] = ()
    open_cameras: bool = False  # a case that pops up also opens its nearest cameras on the wall

    def pops_up(self, category_code: str, urgency: int) -> bool:
        if not self.popup or urgency > self.max_urgency:
            return False
        return not self.categories or category_code in self.categories


@dataclass(frozen=True)
class CalendarYear:
    """One year's holidays and their 调休 make-up working days (the State Council's notice)."""

    year: int
    holidays: tuple[HolidayPeriod, ...] = ()


@dataclass(frozen=True)
class CalendarSettings:
    """The working periods of a working day (every year) and each year's holidays."""

    periods: tuple[tuple[time, time], ...] = DEFAULT_WORKING_HOURS
    years: tuple[CalendarYear, ...] = (CalendarYear(2026, CHINA_2026),)

    def working_calendar(self) -> WorkingCalendar:
        """The calendar deadlines count in (built once per settings document: asked per board row)."""
        return self._built

    def years_without_holidays(self, today: date) -> list[int]:
        """This year and next (``today`` on the district's clock) when they have no holiday table:
        their deadlines would count 国庆 as working days, so the administrator must be told — in
        December at the latest, when the State Council publishes next year's notice."""
        kept = {entry.year for entry in self.years if entry.holidays}
        return [year for year in (today.year, today.year + 1) if year not in kept]

    @functools.cached_property
    def _built(self) -> WorkingCalendar:
        periods = [holiday for year in self.years for holiday in year.holidays]
        return WorkingCalendar(self.periods, HolidayTable.from_periods(periods))


@dataclass(frozen=True)
class DistrictSettings:
    ack_timeout_minutes: int = 30  # a dispatched case unsigned this long is flagged (签收 timeout)
    duplicate_radius_m: float = 50.0  # a report this close to an open case of its 小类 is merged
    duplicate_window_hours: float = 24.0  # … if that case was filed within this many hours
    snap_radius_m: float = 100.0  # farther from every segment: no segment, no 路长 (属地 office)
    day_shift_start: time = time(8, 0)  # 白班 starts; 夜班 is the rest of the day
    day_shift_end: time = time(20, 0)
    escalation: tuple[LadderRung, ...] = DEFAULT_LADDER
    notifications: NotificationRules = NotificationRules()
    calendar: CalendarSettings = CalendarSettings()
    media_url_template: str = ""  # e.g. http://zlm:80/rtp/{device}_{channel}.live.flv (the wizard's)
    assessment: AssessmentSettings = DEFAULT_ASSESSMENT  # 差异化考核 (issue 16, assessment_settings)
    credit: CreditRules = field(default_factory=CreditRules)  # 失信联合惩戒 thresholds and terms
    # Keys a newer version stored that this one does not know: kept and written back on save.
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def ack_timeout(self) -> timedelta:
        return timedelta(minutes=self.ack_timeout_minutes)

    @property
    def duplicate_window(self) -> timedelta:
        return timedelta(hours=self.duplicate_window_hours)

    @property
    def day_shift(self) -> tuple[time, time]:
        return (self.day_shift_start, self.day_shift_end)

    def ladder_waits(self) -> dict[LadderLevel, timedelta | None]:
        """Each level's wait; None for a level switched off (the chain skips it)."""
        return {
            rung.level: timedelta(minutes=rung.wait_minutes) if rung.enabled else None
            for rung in self.escalation
        }

    def working_calendar(self) -> WorkingCalendar:
        return self.calendar.working_calendar()


DEFAULT_SETTINGS = DistrictSettings()

# What a consumer holds instead of a value: ask it each time, get the newest document
# (``LiveSettings.current`` on a workstation, ``fixed(...)`` in a test or a one-off command).
SettingsSource = Callable[[], DistrictSettings]


def fixed(settings: DistrictSettings = DEFAULT_SETTINGS) -> SettingsSource:
    return lambda: settings


@dataclass(frozen=True)
class StoredSettings:
    """The document as stored, with the revision the next save must name. Revision 0: no row yet
    (the defaults)."""

    settings: DistrictSettings
    revision: int
    updated_by: str = ""


class SettingsConflict(RuntimeError):
    """Another administrator saved first: the document was not written. Reload and edit again."""

    def __init__(self, expected: int, actual: int) -> None:
        super().__init__(f"设置已被他人修改 settings changed meanwhile (revision {actual}, not {expected})")
        self.expected = expected
        self.actual = actual
