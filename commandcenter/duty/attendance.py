"""Attendance of one person for one shift (出勤): present, late, absent, on leave — or not yet due.

Present: checked in (first fix on the segment, ``coverage``) no later than ``LATE_AFTER`` (10 min)
after the shift starts. Late: checked in after that. Absent: no check-in and the grace is over (the
shift may still run: absent *so far*). On leave: an approved 请假 for that shift. Pending: the shift
has not started, or started less than ``LATE_AFTER`` ago with no check-in yet.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

LATE_AFTER = timedelta(minutes=10)


class AttendanceStatus(StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    ON_LEAVE = "on_leave"
    PENDING = "pending"


def attendance(
    start: datetime,
    first_seen: datetime | None,
    now: datetime,
    *,
    on_leave: bool = False,
    late_after: timedelta = LATE_AFTER,
) -> AttendanceStatus:
    """The status of a shift starting at ``start`` whose holder was first seen on the segment at
    ``first_seen`` (None: not yet), as of ``now``."""
    if on_leave:
        return AttendanceStatus.ON_LEAVE
    due = start + late_after
    if first_seen is not None:
        return AttendanceStatus.PRESENT if first_seen <= due else AttendanceStatus.LATE
    return AttendanceStatus.PENDING if now < due else AttendanceStatus.ABSENT
