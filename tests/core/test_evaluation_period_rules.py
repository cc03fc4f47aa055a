"""Each period rule of the evaluation, at the month boundaries where they differ."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from commandcenter.domain.indicators import CaseFacts, Hold
from commandcenter.domain.kinds import CaseStatus
from commandcenter.evaluation import period_rules as rules
from commandcenter.evaluation.indicators import count_indicators
from commandcenter.evaluation.periods import parse_period

Z = ZoneInfo("Asia/Shanghai")
NOV, DEC, JAN = parse_period("2026-11"), parse_period("2026-12"), parse_period("2027-01")
_S = CaseStatus


def at(month: int, day: int, hour: int = 10, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=Z)


def case(**fields: Any) -> CaseFacts:
    values: dict[str, Any] = {
        "id": 1,
        "status": _S.RECEIVED.value,
        "received_at": at(11, 10),
        "category_id": 1,
    }
    values.update(fields)
    return CaseFacts(**values)


def dispatched(received: datetime, deadline: datetime, **fields: Any) -> CaseFacts:
    values: dict[str, Any] = {
        "status": _S.DISPATCHED.value,
        "dispatched_at": received,
        "deadline_at": deadline,
    }
    return case(received_at=received, **(values | fields))


def test_received_counts_in_the_period_of_receipt_on_the_district_clock() -> None:
    late_on_nov_30 = at(11, 30, 23)  # 15:00 UTC: still November in Zhengzhou
    assert rules.received_in(case(received_at=late_on_nov_30), NOV)
    assert not rules.received_in(case(received_at=late_on_nov_30), DEC)


def test_new_years_eve_and_new_years_day_fall_in_two_years() -> None:
    eve, day = case(received_at=at(12, 31, 23, 2026)), case(received_at=at(1, 1, 0, 2027))
    assert rules.received_in(eve, DEC)
    assert not rules.received_in(eve, JAN)
    assert rules.received_in(day, JAN)
    assert not rules.received_in(day, DEC)


def test_filed_means_it_went_into_the_workflow() -> None:
    assert rules.was_filed(case(status=_S.FILED.value))
    assert rules.was_filed(dispatched(at(11, 2), at(11, 3), status=_S.VOIDED.value))  # voided later
    assert not rules.was_filed(case(status=_S.RECEIVED.value))
    assert not rules.was_filed(case(status=_S.REJECTED.value))
    assert not rules.was_filed(case(status=_S.CLOSED.value, ended_at=at(11, 10, 11)))  # 简易处置
    assert not rules.was_filed(case(status=_S.VOIDED.value))


def test_a_case_filed_on_the_30th_with_five_days_is_due_next_month() -> None:
    late = dispatched(at(11, 30), at(12, 5))
    assert rules.received_in(late, NOV)
    assert not rules.due_in(late, NOV)
    assert rules.due_in(late, DEC)
    november, december = count_indicators([late], NOV), count_indicators([late], DEC)
    assert (november.received, november.dispatched, november.due) == (1, 1, 0)
    assert (december.received, december.dispatched, december.due) == (0, 0, 1)


def test_a_deadline_on_new_years_day_is_due_in_january() -> None:
    spanning = dispatched(at(12, 28), at(1, 1, 9, 2027))
    assert not rules.due_in(spanning, DEC)
    assert rules.due_in(spanning, JAN)


def test_a_deadline_on_february_29_is_due_in_february_of_a_leap_year() -> None:
    leap_day = dispatched(at(2, 27, 10, 2028), at(2, 29, 17, 2028))
    assert rules.due_in(leap_day, parse_period("2028-02"))
    after_28 = dispatched(at(2, 27, 10, 2027), at(3, 1, 9, 2027))  # the day after Feb 28, 2027
    assert rules.due_in(after_28, parse_period("2027-03"))
    assert not rules.due_in(after_28, parse_period("2027-02"))


def test_an_approved_extension_moves_the_case_into_the_period_of_its_new_deadline() -> None:
    extended = dispatched(at(11, 20), at(12, 2), extension_count=1)  # was due Nov 25, 延期 to Dec 2
    assert not rules.due_in(extended, NOV)
    assert rules.due_in(extended, DEC)
    closed = dispatched(at(11, 20), at(12, 2), extension_count=1, status=_S.CLOSED.value, ended_at=at(12, 1))
    december = count_indicators([closed], DEC)
    assert (december.due, december.closed, december.on_time, december.extended) == (1, 1, 1, 1)


def test_closed_and_on_time_are_judged_at_the_periods_end() -> None:
    in_time = dispatched(at(11, 3), at(11, 8), status=_S.CLOSED.value, ended_at=at(11, 7))
    late = dispatched(at(11, 3), at(11, 8), status=_S.CLOSED.value, ended_at=at(11, 12), rework_count=1)
    after_the_month = dispatched(at(11, 25), at(11, 28), status=_S.CLOSED.value, ended_at=at(12, 2))
    november = count_indicators([in_time, late, after_the_month], NOV)
    assert (november.due, november.closed, november.on_time, november.reworked) == (3, 2, 1, 1)
    assert november.rework_rate == 0.5  # 返工 / 结案
    assert rules.overdue_open_at(after_the_month, NOV.end)  # open and late when November ended


def test_a_case_spanning_two_months_counts_each_indicator_once() -> None:
    spanning = dispatched(at(11, 28), at(12, 3), status=_S.CLOSED.value, ended_at=at(12, 2))
    november, december = count_indicators([spanning], NOV), count_indicators([spanning], DEC)
    assert (november.received, november.dispatched, november.due, november.closed) == (1, 1, 0, 0)
    assert (december.received, december.dispatched, december.due, december.closed, december.on_time) == (
        0,
        0,
        1,
        1,
        1,
    )


def test_overdue_open_is_the_state_at_the_periods_end() -> None:
    still_open = dispatched(at(10, 20), at(10, 25))  # late since October, never closed
    assert rules.overdue_open_at(still_open, NOV.end)
    assert count_indicators([still_open], NOV).overdue_open == 1
    not_late_yet = dispatched(at(11, 29), at(12, 1, 9))
    assert not rules.overdue_open_at(not_late_yet, NOV.end)
    voided = dispatched(at(10, 20), at(10, 25), status=_S.VOIDED.value, ended_at=at(11, 3))
    assert not rules.overdue_open_at(voided, NOV.end)


def test_a_hold_spanning_the_boundary_stops_the_clock() -> None:
    """Held by 挂账 from Nov 25 (already due Nov 28) to 恢复办理 on Dec 5, due again Dec 9."""
    held = case(
        received_at=at(11, 20),
        status=_S.DISPOSING.value,
        dispatched_at=at(11, 20),
        deadline_at=at(12, 9),  # the workflow restarted the clock at 恢复办理
        holds=(Hold(at(11, 25), at(12, 5)),),
    )
    assert rules.held_at(held, NOV.end)
    assert not rules.held_at(held, DEC.end)
    assert not rules.overdue_open_at(held, NOV.end)
    assert not rules.due_in(held, NOV)
    assert rules.due_in(held, DEC)
    still_held = case(
        received_at=at(11, 20),
        status=_S.SUSPENDED.value,
        dispatched_at=at(11, 20),
        deadline_at=at(11, 24),  # as a record built by hand could say: the hold still wins
        holds=(Hold(at(11, 23)),),
    )
    assert not rules.overdue_open_at(still_held, NOV.end)
    assert not rules.overdue_open_at(still_held, JAN.end)


def test_the_extension_rate_divides_by_the_cases_due() -> None:
    cases = [dispatched(at(11, 2), at(11, 9), extension_count=1), dispatched(at(11, 2), at(11, 9))]
    assert count_indicators(cases, NOV).extension_rate == 0.5
    assert count_indicators([], NOV).closure_rate is None
