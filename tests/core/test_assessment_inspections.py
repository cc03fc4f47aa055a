"""The assessment takes the 督查 findings' points off the office found (``services.assessment_sources``):
a 暗访 finding in office 1 costs it 2 points in that month's ranking, with the finding as the reason —
seen by the supervisor and by office 1's own user, who may not see the inspections themselves."""

from __future__ import annotations

import pytest

from commandcenter.domain.inspections import FindingReport
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.inspection_district import filled_pool, inspection_district, inspection_supervisor


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, inspection_district())
    return store


def test_a_findings_points_come_off_its_offices_monthly_score(district: Store) -> None:
    services = inspection_supervisor(district)
    filled_pool(services)
    services.inspections.confirm(services.inspections.preview("2026-12", "暗访", seed=3))
    group = next(g for g in services.inspections.overview().rounds[0].groups if g.target_office_id == 1)
    filed = services.inspection_findings.record(
        group.id, FindingReport("S0501", 113.61, 34.71, "夜市占道经营")
    )
    assert filed.report.case_id is not None
    for viewer in (services, services_for(district, UserRole.OFFICE, username="office1", office_id=1)):
        ranking = viewer.assessments.ranking("2026-12")
        [office] = [row for row in ranking.rows if row.office_id == 1]
        [found] = [extra for extra in office.extra if extra.source == "督查"]
        assert found.points == 2.0
        assert "暗访" in found.reason
        others = [extra for row in ranking.rows if row.office_id != 1 for extra in row.extra]
        assert not [extra for extra in others if extra.source == "督查"]
    assert services.assessments.ranking("2026-11").rows[0].extra == ()
