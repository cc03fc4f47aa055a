"""The indicators of cases walked through the real workflow and approvals (not rows written by
hand), on SQLite and PostgreSQL: an approved 挂账 across the month end stops the clock and the case
counts in the month its restarted deadline falls; an approved 延期 moves the case into the month of
its new deadline, and it counts as extended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from commandcenter.accounts.principal import Principal
from commandcenter.domain.cases import NewCase
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.store import Store
from commandcenter.services.approval_service import ApprovalService
from commandcenter.services.case_service import CaseService
from commandcenter.services.indicator_service import IndicatorService
from commandcenter.testing.indicator_cases import load_two_offices

Z = ZoneInfo("Asia/Shanghai")
HANDLER = Principal(1, "office-a", "镇办甲", UserRole.OFFICE, 1)
SUPERVISOR = Principal(3, "supervisor-a", "值班长甲", UserRole.SUPERVISOR, None)
LEADER = Principal(4, "leader-a", "领导甲", UserRole.LEADER, None)


def clock(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def in_hand(store: Store, received: datetime) -> int:
    """A case of office 1 filed, dispatched to staff 1 and acknowledged at ``received`` + minutes."""
    report = NewCase(
        "S0501", "市民上报", "人行道上摆摊", "大学路", 113.61, 34.71, "市民", office_id=1, segment_id=1
    )
    case_id = create_case(store, report, now=received.astimezone(UTC))
    for version, action in enumerate(("立案", "派遣", "签收"), start=1):
        payload = {"assignee_staff_id": 1} if action == "派遣" else None
        apply_transition(store, case_id, version, action, "值班员", "", received.replace(minute=10), payload)
    return case_id


def approved(store: Store, case_id: int, action: str, asked: datetime, hours: float | None = None) -> None:
    handler_cases = CaseService(store, HANDLER, clock=clock(asked))
    request_id = ApprovalService(store, HANDLER, cases=handler_cases, clock=clock(asked)).request(
        case_id, action, hours, "需协调相关部门"
    )
    decided = asked.replace(minute=asked.minute + 20)
    supervisor_cases = CaseService(store, SUPERVISOR, clock=clock(decided))
    ApprovalService(store, SUPERVISOR, cases=supervisor_cases, clock=clock(decided)).approve(request_id)


def step(store: Store, who: Principal, case_id: int, action: str, when: datetime, reason: str = "") -> None:
    version = read_case(store, case_id).version
    CaseService(store, who, clock=clock(when)).transition(case_id, version, action, reason)


@pytest.fixture
def district(store: Store) -> Store:
    load_two_offices(store)
    return store


def test_a_hold_across_the_month_end_and_an_extension(district: Store) -> None:
    held = in_hand(district, datetime(2026, 11, 25, 10, 0, tzinfo=Z))
    approved(district, held, "挂账", datetime(2026, 11, 25, 11, 0, tzinfo=Z))
    assert read_case(district, held).status == CaseStatus.SUSPENDED
    step(district, SUPERVISOR, held, "恢复办理", datetime(2026, 12, 3, 9, 0, tzinfo=Z), "协调完毕")
    step(district, HANDLER, held, "反馈", datetime(2026, 12, 3, 10, 0, tzinfo=Z))
    step(district, SUPERVISOR, held, "核查", datetime(2026, 12, 3, 10, 30, tzinfo=Z))
    step(district, SUPERVISOR, held, "结案", datetime(2026, 12, 3, 11, 0, tzinfo=Z))

    extended = in_hand(district, datetime(2026, 11, 30, 16, 0, tzinfo=Z))
    approved(district, extended, "延期", datetime(2026, 11, 30, 16, 20, tzinfo=Z), hours=16.0)
    deadline = read_case(district, extended).deadline_at
    assert deadline is not None
    assert deadline.astimezone(Z).month == 12

    indicators = IndicatorService(district, LEADER)
    november = indicators.table("2026-11").total.indicators
    assert (november.received, november.filed, november.dispatched) == (2, 2, 2)
    assert (november.due, november.overdue_open) == (0, 0)  # one held at the month's end, one not due yet
    december = indicators.table("2026-12").total.indicators
    assert (december.due, december.closed, december.on_time) == (2, 1, 1)
    assert (december.extended, december.overdue_open) == (1, 1)
    assert december.extension_rate == 0.5
    by_post = indicators.table("2026-12", by="post")
    assert [(row.name, row.indicators.due) for row in by_post.rows] == [("张伟（城市管理员 CM0001）", 2)]
    by_segment = indicators.table("2026-12", by="segment")
    assert [row.name for row in by_segment.rows] == ["EQ-0001 大学路第1段"]
