"""The case path at any hour of the day, by an injected clock rather than the wall clock: a report
filed at 03:00, at the shift changes (08:00, 20:00), in the afternoon or late evening is a case with
someone to send, a deadline in working time, a calm board, and an escalation that reaches the bureau.
The seed-scale demo district (tests/core/conftest.py) has day and night staff, as a real one does."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from commandcenter.cases.board import CaseBoard
from commandcenter.cases.escalation import EscalationLevel
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.recommend import shift_at
from commandcenter.domain.calendar import DISTRICT_TIMEZONE, WorkingCalendar
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import Shift
from commandcenter.persistence.cases.board import board_rows
from commandcenter.testing.demo_district import DemoDistrict, middle_of

TUESDAY = date(2026, 5, 12)  # an ordinary working day (the demo district's day)
HOURS = [
    ("03:00", Shift.NIGHT),
    ("07:59", Shift.NIGHT),
    ("08:00", Shift.DAY),
    ("14:00", Shift.DAY),
    ("17:45", Shift.DAY),
    ("19:59", Shift.DAY),
    ("20:00", Shift.NIGHT),
    ("23:30", Shift.NIGHT),
]


@pytest.mark.parametrize(("clock", "shift"), HOURS)
def test_a_report_becomes_a_dispatchable_case_at_any_hour(
    district: DemoDistrict, clock: str, shift: Shift
) -> None:
    now = datetime.combine(TUESDAY, time.fromisoformat(clock), DISTRICT_TIMEZONE)
    assert shift_at(now) is shift
    segment = district.segments[[c for c, _ in HOURS].index(clock) * 17]  # one place per hour: no merging
    lon, lat = middle_of(segment)
    report = IncomingReport(
        "S0501", lon, lat, reporter=f"市民{clock}", description="人行道摆摊", photos=("a.jpg",)
    )
    intake = CaseIntake.from_store(district.store)
    outcome = intake.receive(report, now)
    assert outcome.case_id is not None, outcome.result.rejections
    assert not outcome.merged
    assert outcome.recommendations, "nobody to send at this hour"
    [row] = board_rows(district.store, [outcome.case_id])
    calendar = WorkingCalendar.default()
    assert row.deadline_at is not None
    assert row.deadline_at > now
    assert calendar.working_hours_between(now, row.deadline_at) == pytest.approx(0.5)  # S0501: 0.5 h
    board = CaseBoard(calendar)
    board.replace([row])
    counters = board.counters(now)
    assert (counters.open, counters.overdue) == (1, 0)
    step = intake.escalation_for_case(row, now, now + timedelta(minutes=70), timedelta(minutes=30))
    assert step.level is EscalationLevel.BUREAU
