"""What the assessment takes from the other parts of issue 16: the daily summary's patrol figures
from the duty roster and the tracks (``DutyPatrols``), and, off the score beside the indicators, the 督查
findings of the period (``evaluation.inspection_results``: 1 point a 明察 finding, 2 a 暗访 one, the
office of the case found). Read from the store directly, not through the guarded inspection service:
a deduction belongs to the office whoever looks at the ranking — an office user, who may not see the
inspections themselves (a 暗访 target stays unknown to the office visited), still sees the points."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time

from commandcenter.district_time import district_clock
from commandcenter.duty.attendance import AttendanceStatus
from commandcenter.evaluation.daily import PatrolFigures
from commandcenter.evaluation.deductions import ExtraDeduction
from commandcenter.evaluation.inspection_results import inspection_deductions
from commandcenter.evaluation.periods import Period
from commandcenter.persistence.inspections.rounds import finding_facts
from commandcenter.persistence.store import Store
from commandcenter.services.duty_service import presence_at

_CHECKED_IN = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


class InspectionFindings:
    """A ``DeductionSource``: each office's 督查 points of the period, with one reason per finding."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def deductions(self, period: Period) -> list[ExtraDeduction]:
        offices = inspection_deductions(finding_facts(self.store, period.start, period.end))
        return [
            ExtraDeduction(office_id, found.points, "；".join(found.reasons), "督查")
            for office_id, found in sorted(offices.items())
            if found.points
        ]


class DutyPatrols:
    """A ``PatrolSource``: each office's day from the roster and the tracks (``presence_at``) — people
    who checked in on their segment, segments walked, metres walked — as of now for today, as of the
    day's end for a past day. Read unscoped: the summary's own service scopes its rows."""

    REUSE_S = 300.0  # a day's figures are read again after this: each reading walks the day's tracks

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self.store, self.clock = store, clock
        self._kept: dict[date, tuple[datetime, Mapping[int, PatrolFigures]]] = {}

    def patrols(self, day: date) -> Mapping[int, PatrolFigures]:
        now = self.clock()
        kept = self._kept.get(day)
        if kept is not None and 0 <= (now - kept[0]).total_seconds() < self.REUSE_S:
            return kept[1]
        figures = self._read(day, now)
        self._kept = {day: (now, figures)}
        return figures

    def _read(self, day: date, now: datetime) -> Mapping[int, PatrolFigures]:
        zone = district_clock()
        if zone.local(now).date() != day:
            end_of_day = datetime.combine(day, time(23, 59, 59), tzinfo=zone.zone)
            now = min(now, end_of_day.astimezone(UTC))
        figures: dict[int, list[float]] = {}
        covered: dict[int, set[int]] = {}
        for row in presence_at(self.store, None, now):
            on_duty, metres = figures.setdefault(row.office_id, [0.0, 0.0])
            figures[row.office_id] = [
                on_duty + (row.status in _CHECKED_IN),
                metres + row.coverage.metres_walked,
            ]
            if row.coverage.metres_walked > 0:
                covered.setdefault(row.office_id, set()).add(row.segment_id)
        return {
            office: PatrolFigures(int(on_duty), len(covered.get(office, ())), round(metres, 1))
            for office, (on_duty, metres) in figures.items()
        }
