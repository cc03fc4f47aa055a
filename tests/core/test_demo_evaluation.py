"""The demo's 考核 content (``demo/evaluation_rows``): a leader's demo opens 督查 with the demo's 督查员 in
the pool and this month's 明察 round drawn over every office, and 失信名单 with a transport company
listed on three closed demo cases — each step audited as the set-up user; a second start adds nothing,
and no case is filed."""

from __future__ import annotations

from pathlib import Path

from commandcenter.demo.evaluation_rows import TRUCK, ensure_demo_evaluation
from commandcenter.demo.generate import DEMO_NOW, load_demo_data
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role


def test_the_demo_opens_the_assessment_windows_with_content(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    try:
        load_demo_data(store, now=DEMO_NOW)
        cases = store.execute_raw("SELECT COUNT(*) FROM cases")
        ensure_demo_evaluation(store, DEMO_NOW)
        ensure_demo_evaluation(store, DEMO_NOW)  # a second start: nothing more
        leader = Services(store, principal_of_role(UserRole.LEADER), clock=lambda: DEMO_NOW)
        overview = leader.inspections.overview()
        inspectors = store.execute_raw("SELECT COUNT(*) FROM staff WHERE role = '督查员'")[0][0]
        assert len(overview.pool) == inspectors > 0
        [drawn] = overview.rounds
        assert {group.target_office_id for group in drawn.groups} == set(overview.offices)
        [listed] = leader.credit.listed()
        assert (listed.violator.identifier, listed.violations) == (TRUCK.identifier, 3)
        assert store.execute_raw("SELECT COUNT(*) FROM cases") == cases
        actors = store.execute_raw("SELECT DISTINCT action FROM audit_log WHERE actor = 'demo-setup'")
        assert {"inspector_change", "inspection_draw", "credit_violation"} <= {action for (action,) in actors}
    finally:
        store.close()
