"""The 嵩山路 assessment rule, Qt-free and database-free: the district's indicators per 路长 in, one
score per 路长 out (issue 16: the office's own scoring uses the district's indicators and periods).

The counts come from ``PluginContext.post_indicators`` (API 1.2) for a period — the current month by
default, or a week/year — so 应结案, 按期, 返工 and 超期未处置 follow the district's period rules
(deadline's period, 挂账 time excluded) instead of this module's own all-time count. On top of the
district's 综合指标值 the office keeps its own 路长制 emphasis:

    score = 综合指标值 − OVERDUE_PENALTY × 超期未处置   (0–100)

A 路长 with nothing due in the period has no score ("—") and ranks after those scored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from commandcenter.plugins_api import PostIndicators

OVERDUE_PENALTY = 1.5  # the office's own extra weight on cases left late (路长制 考核制度)


@dataclass(frozen=True)
class ChiefScore:
    staff_id: int
    name: str
    segment_id: int
    due: int
    closed: int
    on_time_rate: float | None
    rework_rate: float | None
    overdue_open: int
    score: float | None


def score_chiefs(
    chiefs: Iterable[tuple[int, str, int]], indicators: Sequence[PostIndicators]
) -> list[ChiefScore]:
    """``chiefs``: (staff id, name, segment id); ``indicators``: the period's per person. Best first,
    those without a score last."""
    by_staff = {row.staff_id: row for row in indicators}
    scores = [
        _score(staff_id, name, segment_id, by_staff.get(staff_id)) for staff_id, name, segment_id in chiefs
    ]
    return sorted(scores, key=lambda s: (s.score is None, -(s.score or 0.0), s.staff_id))


def _score(staff_id: int, name: str, segment_id: int, row: PostIndicators | None) -> ChiefScore:
    if row is None:
        return ChiefScore(staff_id, name, segment_id, 0, 0, None, None, 0, None)
    score = None
    if row.score is not None:
        score = round(max(0.0, row.score - OVERDUE_PENALTY * row.overdue_open), 1)
    return ChiefScore(
        staff_id,
        name,
        segment_id,
        row.due,
        row.closed,
        row.on_time_rate,
        row.rework_rate,
        row.overdue_open,
        score,
    )
