"""The indicator table read from a real database (SQLite and PostgreSQL) through the service:
published figures reproduced to the hundredth of a percent, an office user's table holding their
office only, 挂账 holds read from ``case_requests`` and the 恢复办理 step, refusals audited."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.evaluation.text import percent, row_cells
from commandcenter.persistence.cases.desk_models import CaseRequest
from commandcenter.persistence.cases.indicator_facts import period_facts
from commandcenter.persistence.cases.models import CaseEvent
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.indicator_cases import case_row, load_two_offices, store_rows

Z = ZoneInfo("Asia/Shanghai")
_S = CaseStatus
RECEIVED, DEADLINE = datetime(2026, 11, 2, 9, tzinfo=Z), datetime(2026, 11, 10, 17, tzinfo=Z)


def published_november() -> list[dict[str, Any]]:
    """Office 1's November: Fuzhou's 36,314 reports of which 33,928 filed (5/2015), and among them
    Tianmen's 972 cases due of which 911 closed, 737 in time (12/2016). Office 2: ten cases."""
    rows: list[dict[str, Any]] = []

    def add(**fields: Any) -> None:
        rows.append(case_row(len(rows) + 1, RECEIVED, **fields))

    due = {"dispatched_at": RECEIVED + timedelta(hours=1), "deadline_at": DEADLINE}
    for _ in range(737):
        add(status=_S.CLOSED, closed_at=DEADLINE - timedelta(hours=2), **due)
    for number in range(174):
        add(status=_S.CLOSED, closed_at=DEADLINE + timedelta(days=2), rework_count=number % 2, **due)
    for _ in range(61):
        add(status=_S.DISPOSING, **due)
    for _ in range(33_928 - 972):
        add(status=_S.FILED, deadline_at=RECEIVED + timedelta(hours=1))
    for number in range(36_314 - 33_928):
        add(status=_S.RECEIVED if number % 2 else _S.REJECTED)
    for _ in range(10):
        add(office_id=2, status=_S.CLOSED, closed_at=DEADLINE - timedelta(days=1), **due)
    return rows


@pytest.fixture
def november(store: Store) -> Store:
    load_two_offices(store, published_november())
    return store


def test_published_figures_reproduced(november: Store) -> None:
    table = services_for(november, UserRole.LEADER).indicators.table("2026-11")
    office = {row.name: row for row in table.rows}["建中街街道"]
    counts = office.indicators
    assert (counts.received, counts.filed, counts.dispatched) == (36_314, 33_928, 972)
    assert (counts.due, counts.closed, counts.on_time, counts.overdue_open) == (972, 911, 737, 61)
    assert percent(counts.filing_rate) == "93.43%"
    assert percent(counts.closure_rate) == "93.72%"
    assert percent(counts.on_time_rate) == "75.82%"
    assert percent(counts.rework_rate) == "9.55%"  # 87 of 911 sent back at 核查
    assert row_cells(office)[3] == "93.43%"
    assert table.total.indicators.received == 36_314 + 10


def test_an_office_user_sees_only_their_office(november: Store) -> None:
    table = services_for(november, UserRole.OFFICE, office_id=2).indicators.table("2026-11", by="office")
    assert [row.name for row in table.rows] == ["淮河路街道"]
    assert (table.total.indicators.received, table.total.indicators.due) == (10, 10)
    assert table.total.score == 100
    by_category = services_for(november, UserRole.OFFICE, office_id=2).indicators.table("2026-11", "category")
    assert by_category.total.indicators.received == 10


def test_who_may_not_look_is_refused_and_audited(november: Store) -> None:
    operator = services_for(november, UserRole.OPERATOR)
    with pytest.raises(PermissionDenied, match="查看考核指标"):
        operator.indicators.table("2026-11")
    last = AuditTrail(november).recent(limit=1)[0]
    assert (last.actor, last.action, last.target) == ("operator1", AuditAction.ACCESS_DENIED, "indicators")
    assert services_for(november, UserRole.SUPERVISOR).indicators.table("2026-11").total.indicators.due == 982


def test_bad_input_is_one_bilingual_line(november: Store) -> None:
    indicators = services_for(november, UserRole.LEADER).indicators
    with pytest.raises(ValueError, match=r"考核周期「2026-13」无效.* / invalid period"):
        indicators.table("2026-13")
    with pytest.raises(ValueError, match=r"未知的分组.* / unknown grouping"):
        indicators.table("2026-11", by="street")


def test_a_hold_across_the_month_end_is_read_and_stops_the_clock(store: Store) -> None:
    """Late since Nov 20, held by an approved 挂账 from Nov 25 until 恢复办理 on Dec 5."""
    late = case_row(
        1,
        datetime(2026, 11, 15, 9, tzinfo=Z),
        status=_S.DISPOSING,
        dispatched_at=datetime(2026, 11, 15, 10, tzinfo=Z),
        deadline_at=datetime(2026, 12, 9, 17, tzinfo=Z),  # restarted by 恢复办理
    )
    still_held = case_row(
        2,
        datetime(2026, 11, 15, 9, tzinfo=Z),
        status=_S.SUSPENDED,
        dispatched_at=datetime(2026, 11, 15, 10, tzinfo=Z),
    )
    load_two_offices(store, [late, still_held])
    approved = datetime(2026, 11, 25, 9, tzinfo=Z)
    store_rows(store, CaseRequest, [_approved_hold(1, approved), _approved_hold(2, approved)])
    resumed = datetime(2026, 12, 5, 9, tzinfo=Z)
    store_rows(
        store,
        CaseEvent,
        [
            {
                "case_id": 1,
                "ts": resumed,
                "actor": "supervisor1",
                "action": "恢复办理",
                "from_status": "挂账",
                "to_status": "处置",
                "note": "协调完毕",
                "payload": {},
            }
        ],
    )
    nov_start, dec_start = (datetime(2026, month, 1, tzinfo=Z) for month in (11, 12))
    facts = {f.id: f for f in period_facts(store, nov_start, dec_start)}
    assert [(h.start, h.end) for h in facts[1].holds] == [(approved, resumed)]
    assert [(h.start, h.end) for h in facts[2].holds] == [(approved, None)]
    leader = services_for(store, UserRole.LEADER).indicators
    assert leader.table("2026-11").total.indicators.overdue_open == 0
    december = leader.table("2026-12").total.indicators
    assert (december.due, december.overdue_open) == (1, 1)  # due Dec 9, still open at the end


def _approved_hold(case_id: int, decided: datetime) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "office_id": 1,
        "action": "挂账",
        "hours": None,
        "reason": "涉及多部门",
        "evidence": [],
        "requested_by": "office1",
        "requested_at": decided - timedelta(hours=2),
        "case_version": 3,
        "status": "已批准",
        "decided_by": "supervisor1",
        "decided_at": decided,
        "decision_reason": "",
    }
