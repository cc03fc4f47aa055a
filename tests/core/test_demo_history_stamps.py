"""The demo's week of history stamps each case as the workflow would: ``dispatched_at`` at its last
派遣 step and ``closed_at`` at its 结案 step (bug: both were empty, so the indicators showed 派遣 and
应结案 as 0 on the demo). Checked on the generated rows and on the assessment read from a store."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from commandcenter.demo.generate import DEMO_NOW, generate, load_demo_data
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.cases.models import Case, CaseEvent
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for


def test_history_rows_carry_the_trails_dispatch_and_closure() -> None:
    rows = generate()
    trail: dict[int, list[dict[str, object]]] = {}
    for event in rows[CaseEvent]:
        trail.setdefault(int(event["case_id"]), []).append(event)  # type: ignore[arg-type]
    dispatched = closed = 0
    for case in rows[Case]:
        steps = trail[case["id"]]
        last_dispatch = [e["ts"] for e in steps if e["action"] == CaseStatus.DISPATCHED.value]
        closing = [e["ts"] for e in steps if e["action"] == CaseStatus.CLOSED.value]
        assert case["dispatched_at"] == (last_dispatch[-1] if last_dispatch else None)
        assert case["closed_at"] == (closing[-1] if closing else None)
        dispatched += case["dispatched_at"] is not None
        closed += case["status"] == CaseStatus.CLOSED.value
        assert (case["closed_at"] is not None) == (case["status"] == CaseStatus.CLOSED.value)
    assert dispatched > len(rows[Case]) // 2
    assert closed > 0


def test_the_demo_week_has_dispatched_and_due_cases(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'd.sqlite'}")
    try:
        load_demo_data(store, now=DEMO_NOW)
        week = DEMO_NOW.astimezone(UTC).strftime("%G-W%V")
        table = services_for(store, UserRole.LEADER).indicators.table(week)
    finally:
        store.close()
    assert table.total.indicators.dispatched > 0
    assert table.total.indicators.due > 0
    assert table.total.indicators.closed > 0
