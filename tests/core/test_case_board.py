"""The board's urgency order and counters, on plain rows (no database needed for a pure model)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from commandcenter.cases.board import CaseBoard
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.kinds import CaseStatus

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
BASE = BoardCase(
    id=1, number="20260512-00001", category_code="S0501", category_name="占道经营",
    status=CaseStatus.RECEIVED.value, version=1, urgency=2, source="市民上报", description="",
    address="大学路", lon=113.61, lat=34.71, office_id=1, office_name="建中街街道", segment_id=1,
    segment_name="大学路第1段", assignee_id=None, assignee_name=None, created_at=NOW,
    deadline_at=NOW + timedelta(hours=3), reporters=1, photo_uri=None, dispatched_at=None,
)  # fmt: skip


def case(case_id: int, **fields: object) -> BoardCase:
    return replace(BASE, id=case_id, number=f"20260512-{case_id:05d}", **fields)  # type: ignore[arg-type]


def test_late_first_then_due_soon_then_waiting_for_dispatch_then_urgency() -> None:
    board = CaseBoard()
    board.replace(
        [
            case(1, status=CaseStatus.DISPATCHED.value, assignee_id=7),
            case(2),
            case(3, urgency=1),
            case(4, deadline_at=NOW + timedelta(minutes=20), status=CaseStatus.DISPOSING.value),
            case(5, deadline_at=NOW - timedelta(minutes=1), status=CaseStatus.DISPATCHED.value),
        ]
    )
    assert [row.id for row in board.ordered(NOW)] == [5, 4, 3, 2, 1]
    counters = board.counters(NOW)
    assert (counters.open, counters.unassigned, counters.due_within_hour, counters.overdue) == (5, 2, 1, 1)
    assert counters.unacknowledged == 0


def test_apply_announces_arrivals_once_and_drops_closed_cases() -> None:
    board = CaseBoard()
    board.replace([case(1)])
    change = board.apply([case(1, version=2), case(2)])
    assert [row.id for row in change.arrived] == [2]
    assert [row.id for row in change.updated] == [1]
    change = board.apply([case(2, status=CaseStatus.CLOSED.value), case(9, status=CaseStatus.VOIDED.value)])
    assert change.removed == (2,)
    assert change.arrived == ()
    assert 2 not in board
    assert 9 not in board
    assert len(board) == 1


def test_a_case_without_deadline_is_never_late() -> None:
    board = CaseBoard()
    board.replace([case(1, deadline_at=None)])
    assert board.counters(NOW + timedelta(days=30)).overdue == 0


def test_a_suspended_case_stops_the_clock() -> None:
    board = CaseBoard()
    board.replace([case(1, status=CaseStatus.SUSPENDED.value, deadline_at=NOW - timedelta(hours=5))])
    assert board.counters(NOW).overdue == 0


def test_a_dispatch_not_signed_for_in_time_is_flagged_for_escalation() -> None:
    board = CaseBoard(ack_timeout=timedelta(minutes=30))
    waiting = case(
        1, status=CaseStatus.DISPATCHED.value, assignee_id=7, dispatched_at=NOW - timedelta(minutes=45)
    )
    fresh = case(
        2, status=CaseStatus.DISPATCHED.value, assignee_id=7, dispatched_at=NOW - timedelta(minutes=5)
    )
    signed = case(
        3, status=CaseStatus.ACKNOWLEDGED.value, assignee_id=7, dispatched_at=NOW - timedelta(hours=2)
    )
    board.replace([waiting, fresh, signed])
    assert board.unacknowledged_for(waiting, NOW) == timedelta(minutes=45)
    assert board.unacknowledged_for(fresh, NOW) is None
    assert board.unacknowledged_for(signed, NOW) is None
    assert board.counters(NOW).unacknowledged == 1


def test_the_same_row_heard_twice_is_no_change() -> None:
    board = CaseBoard()
    board.replace([case(1)])
    change = board.apply([case(1)])
    assert (change.arrived, change.updated, change.removed) == ((), (), ())
