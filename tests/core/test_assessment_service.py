"""差异化考核 and 协商 through the services on SQLite and PostgreSQL: the month's money sums as
configured, an office user sees the ranking's positions but only their own figures, a published
bulletin never changes afterwards, a 协商 case not closed costs its office in the 督办 part, and
every change is audited (refusals too)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.assessment_settings import AssessmentSettings, RewardPool
from commandcenter.domain.consultations import ConsultationError, ConsultationStatus
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.evaluation.deductions import ExtraDeduction, GivenDeductions
from commandcenter.evaluation.periods import PeriodError, PeriodKind, parse_period
from commandcenter.persistence.access import writing
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.evaluation.published import AlreadyPublished
from commandcenter.persistence.store import Store
from commandcenter.services.assessment_service import AssessmentService
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.indicator_cases import case_row, load_two_offices

Z = ZoneInfo("Asia/Shanghai")
_S = CaseStatus
RECEIVED, DEADLINE = datetime(2026, 11, 2, 9, tzinfo=Z), datetime(2026, 11, 10, 17, tzinfo=Z)


def _november() -> list[dict[str, Any]]:
    """Office 1: 10 due, all closed in time. Office 2: 10 due, 6 closed in time, 4 still open."""
    due = {"dispatched_at": RECEIVED + timedelta(hours=1), "deadline_at": DEADLINE}
    rows = [
        case_row(n, RECEIVED, status=_S.CLOSED, closed_at=DEADLINE - timedelta(hours=3), **due)
        for n in range(1, 11)
    ]
    rows += [
        case_row(n, RECEIVED, office_id=2, status=_S.CLOSED, closed_at=DEADLINE - timedelta(hours=3), **due)
        for n in range(11, 17)
    ]
    rows += [case_row(n, RECEIVED, office_id=2, status=_S.DISPOSING, **due) for n in range(17, 21)]
    return rows


@pytest.fixture
def district(store: Store) -> Store:
    load_two_offices(store, _november())
    return store


def _clock() -> datetime:
    return datetime(2026, 12, 1, 2, tzinfo=UTC)


def test_monthly_ranking_money_sums_to_zero(district: Store) -> None:
    ranking = services_for(district, UserRole.LEADER).assessments.ranking("2026-11")
    first, second = ranking.rows
    assert (first.office, first.rank, first.grade) == ("建中街街道", 1, "优")
    assert first.final == 100.0
    assert first.counts is not None
    assert first.counts["due"] == 10
    assert second.office == "淮河路街道"
    assert second.counts["overdue_open"] == 4
    assert second.final is not None
    assert second.final < 70
    assert first.reward_cny is not None
    assert second.reward_cny is not None
    assert first.reward_cny + second.reward_cny == 0
    assert first.reward_cny > 0
    assert ranking.monthly_base_cny == 200_000


def test_fixed_pool_from_the_settings_document(district: Store) -> None:
    admin = services_for(district, UserRole.ADMIN)
    current = admin.settings.current()
    policy = AssessmentSettings(pool=RewardPool.FIXED, pool_cny=9_999)
    admin.settings.save(dataclasses.replace(current.settings, assessment=policy), current.revision)
    [entry] = AuditTrail(district).recent(action=AuditAction.SETTING_CHANGE)
    assert entry.details["changes"]["assessment.reward.pool"] == {"before": "zero_sum", "after": "fixed"}
    rows = services_for(district, UserRole.LEADER).assessments.ranking("2026-11").rows
    assert sum(row.reward_cny or 0 for row in rows) == 9_999


def test_office_user_sees_positions_and_only_their_figures(district: Store) -> None:
    ranking = services_for(district, UserRole.OFFICE, office_id=2).assessments.ranking("2026-11")
    assert [(row.rank, row.office) for row in ranking.rows] == [(1, "建中街街道"), (2, "淮河路街道")]
    other, own = ranking.rows
    assert other.grade == "优"
    assert other.final is None
    assert other.counts is None
    assert other.reward_cny is None
    assert own.final is not None
    assert own.reward_cny is not None
    assert own.reward_cny < 0
    daily = services_for(district, UserRole.OFFICE, office_id=2).assessments.daily(date(2026, 11, 2))
    assert [(row.office, row.received) for row in daily] == [("淮河路街道", 10)]


def test_refused_without_permission_and_audited(district: Store) -> None:
    department = services_for(district, UserRole.DEPARTMENT, department="城管执法")
    with pytest.raises(PermissionDenied):
        department.assessments.ranking("2026-11")
    with pytest.raises(PermissionDenied):
        services_for(district, UserRole.OFFICE, office_id=1).assessments.publish("2026-11")
    with pytest.raises(PermissionDenied):
        services_for(district, UserRole.OPERATOR).consultations.flag(1, "难")
    denied = AuditTrail(district).recent(action=AuditAction.ACCESS_DENIED)
    assert {entry.target for entry in denied} >= {"assessment", "assessment:month:2026-11", "case:1"}


def test_publish_freezes_the_figures(district: Store) -> None:
    leader = services_for(district, UserRole.LEADER)
    published = leader.assessments.publish("2026-11")
    assert published.published_by == leader.principal.username
    with writing(district) as connection:  # afterwards office 2 closes its open cases in time
        connection.execute(
            Case.__table__.update()
            .where(Case.status == _S.DISPOSING.value)
            .values(status=_S.CLOSED.value, closed_at=DEADLINE - timedelta(hours=1))
        )
    again = leader.assessments.ranking("2026-11")
    assert again.rows == published.rows
    assert again.published_by
    assert leader.assessments._compute(parse_period("2026-11")).rows != published.rows
    with pytest.raises(AlreadyPublished):
        leader.assessments.publish("2026-11")
    [entry] = AuditTrail(district).recent(action=AuditAction.ASSESSMENT_PUBLISHED)
    assert entry.target == "assessment:month:2026-11"
    assert entry.details["first"] == "建中街街道"
    with pytest.raises(PeriodError):
        leader.assessments.ranking("2026-11", kind=PeriodKind.WEEK)


def test_unresolved_consultation_counts_in_the_supervision_part(district: Store) -> None:
    supervisor = services_for(district, UserRole.SUPERVISOR)
    flagged = supervisor.consultations.flag(
        1, "涉及多部门，需协商", meeting_date=date(2026, 11, 20), department="市政"
    )
    open_one = supervisor.consultations.flag(
        17, "占道经营反复", meeting_date=date(2026, 11, 20), department="城管执法"
    )
    assert flagged.status is ConsultationStatus.PENDING
    assert flagged.office_id == 1
    with pytest.raises(ConsultationError):
        supervisor.consultations.flag(17, "再次提请")
    with pytest.raises(ConsultationError):
        supervisor.consultations.flag(999, "没有这个案件")
    with pytest.raises(ConsultationError):
        supervisor.consultations.flag(2, "   ")
    decided = supervisor.consultations.decide(open_one.id, "由城管执法牵头，三日内清理")
    assert decided.status is ConsultationStatus.DECIDED
    assert decided.department == "城管执法"
    ranking = supervisor.assessments.ranking("2026-11")
    office_2 = ranking.row_of(2)
    assert office_2 is not None
    assert [d.source for d in office_2.extra] == ["督办"]
    assert "#17" in office_2.extra[0].reason
    assert ranking.row_of(1).extra == ()
    assert ranking.supervision == {
        "城管执法": {"flagged": 1, "resolved": 0},
        "市政": {"flagged": 1, "resolved": 1},
    }
    withdrawn = supervisor.consultations.withdraw(flagged.id, "已自行解决")
    assert withdrawn.status is ConsultationStatus.WITHDRAWN
    assert [c.case_id for c in supervisor.consultations.listed()] == [17]
    office_view = services_for(district, UserRole.OFFICE, office_id=1).consultations.listed()
    assert office_view == []
    targets = [e.target for e in AuditTrail(district).recent(action=AuditAction.CONSULTATION_CHANGE)]
    assert sorted(targets) == ["case:1", "case:1", "case:17", "case:17"]


def test_inspection_deductions_plug_in_as_a_source(district: Store) -> None:
    found = ExtraDeduction(1, 5.0, "督查：暗访发现垃圾堆积 2 处")
    inspections = GivenDeductions("2026-11", (found,))
    service = AssessmentService(district, principal_of_role(UserRole.LEADER), extra_sources=[inspections])
    office_1 = service.ranking("2026-11").row_of(1)
    assert office_1 is not None
    assert office_1.extra == (found,)
    assert office_1.deductions == 5.0
    assert office_1.final == 95.0  # both offices one segment: no scaling; 10 per segment each: no volume
    assert service.ranking("2026-10").row_of(1).extra == ()  # type: ignore[union-attr]
