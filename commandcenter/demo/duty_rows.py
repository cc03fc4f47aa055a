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
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.district.models import Segment, Staff
from commandcenter.persistence.duty import queries as duty_queries
from commandcenter.persistence.duty.models import DutyRosterRow, DutyShift
from commandcenter.persistence.store import Store

DEMO_SHIFTS = {Shift.DAY: (1, time(8), time(20)), Shift.NIGHT: (2, time(20), time(8))}
ROSTERED = (StaffRole.ROAD_CHIEF.value, StaffRole.CITY_MANAGER.value)
EVERY_DAY = "0123456"


def ensure_demo_roster(store: Store, now: datetime) -> None:
    """A demo database made before the duty tables (migration 0014) gets its roster now: the window
    would otherwise be empty until the next ``demo-data``. A roster already there is left alone."""
    if duty_queries.shifts(store):
        return
    rows: Rows = {
        Staff: [
            {"id": m.id, "role": m.role, "segment_id": m.segment_id, "shift": m.shift}
            for m in district_queries.staff_roster(store)
        ],
        Segment: [{"id": s.id, "office_id": s.office_id} for s in district_queries.segment_shapes(store)],
    }
    add_duty(rows, now)
    duty_queries.store_roster_rows(store, rows[DutyShift], rows[DutyRosterRow])


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
