"""The district's clock: one time zone for every time the system numbers, counts or shows.

A case is numbered by the district's day (``20261202-00017``), its deadline counts the district's
working hours, a shift and a permit's hours are read on the district's wall clock — and an operator
reads all of them beside the header clock. A workstation's own zone (a server in UTC, a laptop set to
another city) must change none of it, so nothing asks the operating system: the zone comes from the
configuration (``time_zone``, an IANA name, ``Asia/Shanghai`` by default), is set once when a
process starts (``use_time_zone``) and is read from here by the core and the UI alike.

Naive datetimes are refused: a silently misread zone shifts every deadline by hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "Asia/Shanghai"  # China keeps one zone and no daylight saving


class UnknownTimeZone(ValueError):
    """The name is not an IANA time zone this machine knows (``Asia/Shanghai``, ``Asia/Urumqi``)."""


def zone_named(name: str) -> ZoneInfo:
    """The zone of an IANA name; ``UnknownTimeZone`` for anything else (a typo, an offset, "")."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as error:
        raise UnknownTimeZone(
            f"{name!r} 不是时区名称 is not an IANA time zone name (e.g. Asia/Shanghai)"
        ) from error


@dataclass(frozen=True)
class DistrictClock:
    """The district's wall clock: what a moment reads there, which day it belongs to."""

    zone: ZoneInfo

    @property
    def name(self) -> str:
        return self.zone.key

    def local(self, moment: datetime) -> datetime:
        """``moment`` on the district's wall clock (a naive one is refused: ``ValueError``)."""
        if moment.tzinfo is None:
            raise ValueError("naive datetime: give the time zone (UTC or the district's)")
        return moment.astimezone(self.zone)

    def now(self) -> datetime:
        return datetime.now(self.zone)

    def today(self) -> date:
        return self.now().date()

    def day_key(self, moment: datetime) -> str:
        """The district's day of ``moment`` as case numbers carry it: ``20261202``."""
        return self.local(moment).strftime("%Y%m%d")

    def within(self, moment: datetime, start: time, end: time) -> bool:
        """Whether ``moment`` falls in the daily hours ``start`` (inclusive) to ``end`` (exclusive),
        read on the district's clock; hours that cross midnight (22:00–06:00) are understood."""
        clock = self.local(moment).time()
        if start <= end:
            return start <= clock < end
        return clock >= start or clock < end


_current = DistrictClock(zone_named(DEFAULT_TIME_ZONE))


def district_clock() -> DistrictClock:
    """The process's district clock (``Asia/Shanghai`` until ``use_time_zone`` set another)."""
    return _current


def use_time_zone(name: str) -> DistrictClock:
    """Set the district's zone for this process: once, at start-up, from the configuration (and in
    tests). Raises ``UnknownTimeZone`` and keeps the previous zone for a bad name."""
    global _current
    _current = DistrictClock(zone_named(name))
    return _current
