"""Evaluation benchmark (issue 16): the monthly assessment of the seed district's 18 offices over a
year of history.

The seed district (``load_demo_data``, its week of demo history included) goes into a throwaway
PostgreSQL cluster and into a SQLite file; then ``--cases`` cases (default 300,000: about the seed
district's year) spread over 2026 are written beside it in bulk (``bulk_insert``: COPY on PostgreSQL),
in every state an assessment distinguishes: not filed, 简易处置, voided, closed in time or late,
reworked, extended, still open and late, and a few in approved 挂账 holds (``case_requests`` and the
恢复办理 steps). Timed: a leader's 月奖惩 of 2026-11 — ``services.assessments.ranking`` (the period's
facts in one SELECT, the holds in another, the offices with their segment counts, the 协商 flags,
every period rule, each office's 综合指标值, its deductions normalised by segments, difficulty and
volume, the grades, and the reward or penalty on the 200,000 CNY base summing to the pool) — median
of ``--runs``. Bars: ≤ 2 s on PostgreSQL, ≤ 5 s on SQLite.

Last line: ``{"monthly_pg_s": …, "monthly_sqlite_s": …}``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from commandcenter.demo.generate import load_demo_data
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.access import read_one, read_rows
from commandcenter.persistence.cases.desk_models import CaseRequest
from commandcenter.persistence.cases.models import Case, CaseCategory, CaseEvent
from commandcenter.persistence.district.models import Segment, Staff
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.indicator_cases import case_row, store_rows
from commandcenter.testing.postgres import ThrowawayPostgres

YEAR_START = datetime(2026, 1, 1, tzinfo=UTC) - timedelta(hours=8)  # midnight in Zhengzhou
YEAR_SECONDS = 365 * 86_400
NOW = datetime(2027, 1, 1, 2, tzinfo=UTC)
MONTH = "2026-11"
BATCH = 50_000
_S = CaseStatus


def _history(store: Store, count: int, seed: int) -> tuple[int, int]:
    """Write ``count`` cases of 2026 (and their 挂账 holds) beside the demo district; returns
    (cases, holds) written."""
    rng = random.Random(seed)
    first_id = (read_one(store, select(func.max(Case.id)))[0] or 0) + 1  # type: ignore[index]
    segments = read_rows(store, select(Segment.id, Segment.office_id).order_by(Segment.id))
    categories = read_rows(
        store, select(CaseCategory.id, CaseCategory.dispose_hours).order_by(CaseCategory.id)
    )
    patrollers: dict[int | None, list[int | None]] = {}
    for staff_id, segment_id in read_rows(store, select(Staff.id, Staff.segment_id).order_by(Staff.id)):
        patrollers.setdefault(segment_id, []).append(staff_id)
    rows: list[dict[str, Any]] = []
    holds: list[tuple[int, int, datetime, datetime | None]] = []
    for case_id in range(first_id, first_id + count):
        segment_id, office_id = rng.choice(segments)
        category_id, dispose_hours = rng.choice(categories)
        received = YEAR_START + timedelta(seconds=rng.randrange(YEAR_SECONDS))
        row, hold = _case(rng, case_id, received, office_id, category_id, dispose_hours)
        row["segment_id"] = segment_id
        row["assignee_staff_id"] = rng.choice(patrollers.get(segment_id, [None]))
        rows.append(row)
        if hold:
            holds.append((case_id, office_id, *hold))
        if len(rows) == BATCH:
            store_rows(store, Case, rows)
            rows = []
    store_rows(store, Case, rows)
    store_rows(store, CaseRequest, [_request(*hold) for hold in holds])
    store_rows(store, CaseEvent, [_resume(case_id, end) for case_id, _o, _s, end in holds if end])
    return count, len(holds)


def _case(
    rng: random.Random, case_id: int, received: datetime, office_id: int, category_id: int, hours: float
) -> tuple[dict[str, Any], tuple[datetime, datetime | None] | None]:
    draw = rng.random()
    common: dict[str, Any] = {"office_id": office_id, "category_id": category_id}
    if draw < 0.03:
        return case_row(case_id, received, status=rng.choice([_S.RECEIVED, _S.REJECTED]), **common), None
    if draw < 0.05:
        done = received + timedelta(minutes=30)
        return case_row(case_id, received, status=_S.CLOSED, closed_at=done, **common), None
    dispatched = received + timedelta(minutes=rng.uniform(10, 90))
    deadline = dispatched + timedelta(hours=hours * rng.uniform(1.5, 3.0))  # working hours on the wall clock
    extended = rng.random() < 0.02
    if extended:
        deadline += timedelta(days=1)
    late = rng.random() < 0.2
    closed = dispatched + (deadline - dispatched) * (
        rng.uniform(1.05, 2.0) if late else rng.uniform(0.2, 0.95)
    )
    fields: dict[str, Any] = {
        "dispatched_at": dispatched,
        "deadline_at": deadline,
        "rework_count": int(rng.random() < 0.03),
        "extension_count": int(extended),
        **common,
    }
    if draw < 0.06:
        return case_row(
            case_id, received, status=_S.VOIDED, updated_at=dispatched + timedelta(hours=1), **fields
        ), None
    if draw < 0.062:  # 挂账: held since a day after dispatch; half of them resumed a week later
        start = dispatched + timedelta(days=1)
        if rng.random() < 0.5 and start + timedelta(days=7) < NOW:
            end = start + timedelta(days=7)
            fields["deadline_at"] = end + timedelta(hours=hours * 2)
            return case_row(case_id, received, status=_S.DISPOSING, **fields), (start, end)
        fields["deadline_at"] = None
        return case_row(case_id, received, status=_S.SUSPENDED, **fields), (start, None)
    if closed < NOW and rng.random() < 0.997:  # a few stay open long after their deadline (遗留)
        return case_row(case_id, received, status=_S.CLOSED, closed_at=closed, **fields), None
    return case_row(case_id, received, status=_S.DISPOSING, **fields), None


def _request(case_id: int, office_id: int, start: datetime, _end: datetime | None) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "office_id": office_id,
        "action": "挂账",
        "hours": None,
        "reason": "涉及多部门，需协调处理",
        "evidence": [],
        "requested_by": "office1",
        "requested_at": start - timedelta(hours=2),
        "case_version": 5,
        "status": "已批准",
        "decided_by": "supervisor1",
        "decided_at": start,
        "decision_reason": "",
    }


def _resume(case_id: int, end: datetime) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "ts": end,
        "actor": "supervisor1",
        "action": "恢复办理",
        "from_status": "挂账",
        "to_status": "处置",
        "note": "协调完毕，恢复办理",
        "payload": {},
    }


def _measure(name: str, url: str, cases: int, runs: int) -> float:
    store = Store.open(url)
    try:
        started = time.perf_counter()
        load_demo_data(store, now=NOW)
        written, holds = _history(store, cases, seed=16)
        elapsed = time.perf_counter() - started
        print(f"{name}: seed district + {written:,} cases ({holds} 挂账) written in {elapsed:.1f} s")
        leader = services_for(store, UserRole.LEADER).assessments
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            result = leader.ranking(MONTH)
            samples.append(time.perf_counter() - started)
        rows = result.rows
        finals = [row.final or 0.0 for row in rows]
        money = [row.reward_cny or 0 for row in rows]
        received = sum((row.counts or {}).get("received", 0) for row in rows)
        print(
            f"{name}: 月奖惩 {MONTH}: {len(rows)} offices, 受理 {received:,}, "
            f"考核得分 {min(finals):.2f}–{max(finals):.2f}, grades {''.join(row.grade for row in rows)}, "
            f"奖惩 {min(money):+,}…{max(money):+,} CNY (sum {sum(money):+,}); "
            f"runs {', '.join(f'{s:.2f}' for s in samples)} s"
        )
        assert sum(money) == 0, "a zero-sum month"
        return statistics.median(samples)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=300_000, help="cases over 2026 (default 300,000)")
    parser.add_argument("--runs", type=int, default=5, help="assessments timed (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sqlite_s = _measure(
            "SQLite", f"sqlite:///{Path(folder) / 'evaluation.sqlite'}", args.cases, args.runs
        )
        cluster = ThrowawayPostgres.start()
        try:
            pg_s = _measure("PostgreSQL", cluster.create_database("bench_evaluation"), args.cases, args.runs)
        finally:
            cluster.stop()
    print(
        f"monthly assessment of the offices: PostgreSQL {pg_s:.2f} s (≤ 2 s), SQLite {sqlite_s:.2f} s (≤ 5 s)"
    )
    print(json.dumps({"monthly_pg_s": round(pg_s, 3), "monthly_sqlite_s": round(sqlite_s, 3)}))


if __name__ == "__main__":
    main()
