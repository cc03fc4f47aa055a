"""The 嵩山路 assessment rule, Qt-free and database-free: case outcomes in, one score per 路长 out.

Per 路长 (the cases located on their segment):
- 结案率 = closed / all cases;  按期处置率 = closed by the deadline / closed;
- 返工率 = cases reworked at least once / all cases;  逾期未结 = open cases past their deadline.
Score (0–100) = 100 × (W_ON_TIME·按期处置率 + W_CLOSED·结案率 + W_REWORK·(1 − 返工率)) − 2 per overdue
open case. A 路长 with no case in the period scores 100 (nothing went wrong on their road).
The weights are the office's to set; these follow the usual 考核 emphasis on timeliness.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from commandcenter.plugins_api import CaseOutcome

W_ON_TIME, W_CLOSED, W_REWORK = 0.5, 0.3, 0.2
OVERDUE_PENALTY = 2.0
CLOSED = "结案"


@dataclass(frozen=True)
class ChiefScore:
    staff_id: int
    name: str
    segment_id: int
    cases: int
    closed: int
    on_time_rate: float
    rework_rate: float
    overdue_open: int
    score: float


def score_chiefs(
    chiefs: Iterable[tuple[int, str, int]], outcomes: Sequence[CaseOutcome], now: datetime
) -> list[ChiefScore]:
    """``chiefs``: (staff id, name, segment id); ``outcomes``: ``CaseOutcome`` rows. Best first."""
    by_segment: dict[int, list[CaseOutcome]] = defaultdict(list)
    for outcome in outcomes:
        by_segment[outcome.segment_id].append(outcome)
    scores = [
        _score(staff_id, name, segment_id, by_segment.get(segment_id, []), now)
        for staff_id, name, segment_id in chiefs
    ]
    return sorted(scores, key=lambda s: (-s.score, s.staff_id))


def _score(staff_id: int, name: str, segment_id: int, cases: list[CaseOutcome], now: datetime) -> ChiefScore:
    closed = [c for c in cases if c.status == CLOSED]
    on_time = [c for c in closed if c.deadline_at is None or (c.closed_at and c.closed_at <= c.deadline_at)]
    reworked = [c for c in cases if c.rework_count > 0]
    overdue = [c for c in cases if c.status != CLOSED and c.deadline_at is not None and c.deadline_at < now]
    on_time_rate = len(on_time) / len(closed) if closed else 1.0
    closed_rate = len(closed) / len(cases) if cases else 1.0
    rework_rate = len(reworked) / len(cases) if cases else 0.0
    raw = 100 * (W_ON_TIME * on_time_rate + W_CLOSED * closed_rate + W_REWORK * (1 - rework_rate))
    score = max(0.0, round(raw - OVERDUE_PENALTY * len(overdue), 1))
    return ChiefScore(
        staff_id, name, segment_id, len(cases), len(closed), on_time_rate, rework_rate, len(overdue), score
    )
