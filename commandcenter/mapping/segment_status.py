"""The colour of each numbered segment: is somebody in charge, and is anything waiting there?

A segment is *overdue* when an open case on it is past its deadline, *unwatched* when none of the
patrollers assigned to it has reported from anywhere in the last ``unwatched_after_s`` (the
"every area has someone in charge" check), *open* when it has open cases, else *normal*. The most
severe wins, in that order, because the duty officer should see the worst thing first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from enum import IntEnum

from commandcenter.domain.cases import CasePin
from commandcenter.domain.units import UnitPosition


class SegmentStatus(IntEnum):
    NORMAL = 0
    OPEN_CASES = 1
    UNWATCHED = 2
    OVERDUE = 3


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def segment_statuses(
    segment_ids: Iterable[int],
    pins: Iterable[CasePin],
    assignments: Mapping[int, int],
    positions: Iterable[UnitPosition],
    now: datetime,
    *,
    unwatched_after_s: float = 900.0,
) -> dict[int, SegmentStatus]:
    """segment id → status, for every segment in ``segment_ids``.

    ``assignments`` is unit id → segment id (``patrol_assignments``); ``positions`` the latest fixes.
    """
    status = dict.fromkeys(segment_ids, SegmentStatus.NORMAL)
    watched: set[int] = set()
    for position in positions:
        segment = assignments.get(position.unit_id)
        fresh = position.ts is not None and (now - _utc(position.ts)).total_seconds() <= unwatched_after_s
        if segment is not None and fresh:
            watched.add(segment)
    for segment in status:
        if segment not in watched:
            status[segment] = SegmentStatus.UNWATCHED
    for pin in pins:
        if pin.segment_id not in status:
            continue
        overdue = pin.deadline_at is not None and _utc(pin.deadline_at) < now
        found = SegmentStatus.OVERDUE if overdue else SegmentStatus.OPEN_CASES
        status[pin.segment_id] = max(status[pin.segment_id], found)
    return status
