"""The trend a report draws beside its ranking: cases received (受理) and closed (结案) per day of a
week or month, per month of a year, on the district's clock. Counted in one pass over the period's
facts — the ranking's own rules (``received_in``, a 结案 inside the period), bucketed by local date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandcenter.district_time import DistrictClock, district_clock
from commandcenter.domain.indicators import CaseFacts
from commandcenter.domain.kinds import CaseStatus
from commandcenter.evaluation.periods import Period, PeriodKind


@dataclass(frozen=True)
class Trend:
    labels: tuple[str, ...]  # 11-01 … or 1月 …
    received: tuple[int, ...]
    closed: tuple[int, ...]


def trend_of(facts: Iterable[CaseFacts], period: Period, clock: DistrictClock | None = None) -> Trend:
    clock = clock or district_clock()
    by_month = period.kind is PeriodKind.YEAR
    keys = _buckets(period, clock, by_month)
    index = {key: place for place, key in enumerate(keys)}
    received = [0] * len(keys)
    closed = [0] * len(keys)
    for case in facts:
        if period.contains(case.received_at):
            received[index[_key(case.received_at, clock, by_month)]] += 1
        if case.status == CaseStatus.CLOSED.value and period.contains(case.ended_at):
            assert case.ended_at is not None
            closed[index[_key(case.ended_at, clock, by_month)]] += 1
    labels = tuple(f"{key[1]}月" if by_month else f"{key[1]:02d}-{key[2]:02d}" for key in keys)
    return Trend(labels, tuple(received), tuple(closed))


def _key(moment: datetime, clock: DistrictClock, by_month: bool) -> tuple[int, int, int]:
    local = clock.local(moment)
    return (local.year, local.month, 1 if by_month else local.day)


def _buckets(period: Period, clock: DistrictClock, by_month: bool) -> list[tuple[int, int, int]]:
    day = clock.local(period.start).date()
    last = clock.local(period.end).date()
    keys: list[tuple[int, int, int]] = []
    while day < last:
        key = (day.year, day.month, 1 if by_month else day.day)
        if not keys or keys[-1] != key:
            keys.append(key)
        day += timedelta(days=1)
    return keys
