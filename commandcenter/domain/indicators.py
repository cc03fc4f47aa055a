"""What the evaluation reads about a case — plain data, no SQL.

The indicators (受理数, 结案率, 按期结案率 …, ``commandcenter.evaluation``) are pure functions over
these records, so the period rules are tested without a database and the persistence layer fetches
exactly these columns for a period in a couple of SELECTs. Times are aware (UTC from the store).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Hold:
    """One approved 挂账: from the supervisor's approval until 恢复办理 (``end`` None: still held)."""

    start: datetime
    end: datetime | None = None

    def covers(self, moment: datetime) -> bool:
        return self.start <= moment and (self.end is None or moment < self.end)


@dataclass(frozen=True)
class CaseFacts:
    """One case as the evaluation needs it.

    ``deadline_at`` is the running deadline as the workflow keeps it: set by 派遣 (the category's
    dispose hours), moved by every approved 延期, cleared while 挂账 and restarted by 恢复办理; kept
    by 结案. ``ended_at`` is when the case stopped being open: ``closed_at`` for 结案, the last change
    for 作废 and 不予立案, None while it is open."""

    id: int
    status: str  # CaseStatus
    received_at: datetime
    category_id: int
    office_id: int | None = None
    segment_id: int | None = None
    staff_id: int | None = None  # the assignee (路长, city manager …): the post evaluated
    dispatched_at: datetime | None = None
    deadline_at: datetime | None = None
    ended_at: datetime | None = None
    rework_count: int = 0
    extension_count: int = 0
    holds: tuple[Hold, ...] = ()


@dataclass(frozen=True)
class IndicatorNames:
    """The names the table shows for each grouping's ids (read once beside the facts)."""

    offices: Mapping[int, str] = field(default_factory=dict)
    segments: Mapping[int, str] = field(default_factory=dict)
    categories: Mapping[int, str] = field(default_factory=dict)
    category_departments: Mapping[int, str] = field(default_factory=dict)  # 责任单位 by 立结案标准
    staff: Mapping[int, str] = field(default_factory=dict)
