"""每日汇总: per office, what happened to its cases today (受理, 派遣, 结案) and what is late now
(超期未处置), on the district's clock — the instant summary the centre circulates each day.

Patrol figures (巡查: who was on duty, segments covered, metres walked) come from the duty part
built beside this: anything implementing ``PatrolSource`` is asked for the day and its figures
joined per office; without one the row says nothing about patrols (None, shown "—").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from commandcenter.district_time import DistrictClock, district_clock
from commandcenter.domain.indicators import CaseFacts
from commandcenter.domain.kinds import CaseStatus
from commandcenter.evaluation import period_rules as rules
from commandcenter.evaluation.periods import Period, PeriodKind


@dataclass(frozen=True)
class PatrolFigures:
    """One office's patrols of the day (the duty part fills these)."""

    on_duty: int = 0  # people on duty
    segments_covered: int = 0
    metres_walked: float = 0.0


class PatrolSource(Protocol):
    def patrols(self, day: date) -> Mapping[int, PatrolFigures]: ...  # office id → figures


@dataclass(frozen=True)
class DailyRow:
    office_id: int
    office: str
    received: int = 0  # 受理 today
    dispatched: int = 0  # 派遣 today
    closed: int = 0  # 结案 today
    overdue_open: int = 0  # 超期未处置 at ``as_of``
    patrol: PatrolFigures | None = None


def day_period(day: date, clock: DistrictClock | None = None) -> Period:
    """``day`` from local midnight to the next, held in UTC like the other periods."""
    zone = (clock or district_clock()).zone
    start = datetime.combine(day, time(), zone).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(), zone).astimezone(UTC)
    return Period(PeriodKind.DAY, day.isoformat(), start, end)


def daily_summary(
    facts: Iterable[CaseFacts],
    period: Period,
    offices: Mapping[int, str],
    as_of: datetime,
    patrols: Mapping[int, PatrolFigures] | None = None,
) -> list[DailyRow]:
    """One row per office of ``offices`` (by name); ``as_of``: the moment 超期 is judged (now, or the
    day's end for a past day)."""
    counts: dict[int, list[int]] = {office: [0, 0, 0, 0] for office in offices}
    for case in facts:
        row = counts.get(case.office_id) if case.office_id is not None else None
        if row is None:
            continue
        row[0] += rules.received_in(case, period)
        row[1] += rules.dispatched_in(case, period)
        row[2] += case.status == CaseStatus.CLOSED.value and period.contains(case.ended_at)
        row[3] += rules.overdue_open_at(case, as_of)
    rows = []
    for office, name in offices.items():
        received, dispatched, closed, overdue = counts[office]
        patrol = (patrols or {}).get(office)
        rows.append(DailyRow(office, name, received, dispatched, closed, overdue, patrol))
    return sorted(rows, key=lambda row: row.office)


def totals(rows: Sequence[DailyRow]) -> DailyRow:
    return DailyRow(
        0,
        "合计",
        sum(r.received for r in rows),
        sum(r.dispatched for r in rows),
        sum(r.closed for r in rows),
        sum(r.overdue_open for r in rows),
    )
