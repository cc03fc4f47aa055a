"""The demo district's duty roster, so 勤务 ▸ 值班表 is not empty: two shift templates (白班 08:00–20:00,
夜班 20:00–08:00 — the settings' default day shift) and a weekly entry every day for each 路长 and city
manager on their own segment, on the shift their ``staff.shift`` names. The roster therefore puts on
duty exactly whom the fixed-shift rule did, and the recommendations of the demo are unchanged until
someone edits it (a leave, a swap)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from commandcenter.demo.plan import Rows
from commandcenter.district_time import district_clock
from commandcenter.domain.kinds import Shift, StaffRole
from commandcenter.persistence.district.models import Segment, Staff
from commandcenter.persistence.duty.models import DutyRosterRow, DutyShift

DEMO_SHIFTS = {Shift.DAY: (1, time(8), time(20)), Shift.NIGHT: (2, time(20), time(8))}
ROSTERED = (StaffRole.ROAD_CHIEF.value, StaffRole.CITY_MANAGER.value)
EVERY_DAY = "0123456"


def add_duty(rows: Rows, now: datetime) -> None:
    """Shift templates and one roster entry per 路长 and city manager, valid from a year before ``now``."""
    rows[DutyShift] = [
        {"id": key, "name": shift.value, "start_time": start, "end_time": end}
        for shift, (key, start, end) in DEMO_SHIFTS.items()
    ]
    office_of = {segment["id"]: segment["office_id"] for segment in rows[Segment]}
    since = district_clock().local(now).date() - timedelta(days=365)
    rows[DutyRosterRow] = [
        {
            "id": index,
            "staff_id": member["id"],
            "segment_id": member["segment_id"],
            "office_id": office_of[member["segment_id"]],
            "shift_id": DEMO_SHIFTS[Shift(member["shift"])][0],
            "weekdays": EVERY_DAY,
            "valid_from": since,
            "valid_to": None,
        }
        for index, member in enumerate(
            (m for m in rows[Staff] if m["role"] in ROSTERED and m["segment_id"] is not None), start=1
        )
    ]
