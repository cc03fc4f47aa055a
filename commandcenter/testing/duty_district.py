"""A small district with a roster for the duty tests (service, window): two offices, one segment each,
three people — 张伟 (city manager, segment 1, 白班 every day), 李强 (路长, segment 1, 夜班 every day),
王芳 (city manager of office 2, segment 2, 白班 on weekdays) — each with a GPS unit, and fixes walked
along segment 1 through ``walk_segment`` (``PositionSink``'s own write)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from commandcenter.domain.duty import NewRosterEntry
from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import Position
from commandcenter.geo import point_along_polyline
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Staff
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.persistence.units.positions import record_positions
from commandcenter.services.hub import Services
from commandcenter.testing.indicator_cases import two_office_district

DUTY_MONDAY = date(2026, 11, 30)
ZHANG, LI, WANG = 1, 2, 3
EVERY_DAY = frozenset(range(7))
SEGMENT_1 = [[113.60, 34.70], [113.62, 34.72]]


def _person(staff_id: int, name: str, role: str, office_id: int, shift: str) -> dict[str, object]:
    return {
        "id": staff_id,
        "code": f"CM{staff_id:04d}",
        "name": name,
        "role": role,
        "office_id": office_id,
        "segment_id": office_id,
        "shift": shift,
        "phone": f"1380000000{staff_id}",
        "unit_id": staff_id,
    }


def load_duty_district(store: Store) -> None:
    rows = two_office_district()
    rows[Unit] += [
        {"id": 2, "kind": UnitKind.PATROLLER.value, "label": "李强", "office_id": 1},
        {"id": 3, "kind": UnitKind.PATROLLER.value, "label": "王芳", "office_id": 2},
    ]
    rows[Staff] += [_person(LI, "李强", "路长", 1, "夜班"), _person(WANG, "王芳", "城市管理员", 2, "白班")]
    replace_all(store, rows)


def roster_the_week(services: Services) -> tuple[int, int]:
    """Shift templates 白班 08–20 and 夜班 20–08 and the three people's weekly entries (through the
    service: audited); returns the two shift ids."""
    day = services.duty.add_shift("白班", time(8), time(20))
    night = services.duty.add_shift("夜班", time(20), time(8))
    since = DUTY_MONDAY - timedelta(days=7)
    services.duty.add_roster(NewRosterEntry(ZHANG, 1, day.id, EVERY_DAY, since))
    services.duty.add_roster(NewRosterEntry(LI, 1, night.id, EVERY_DAY, since))
    services.duty.add_roster(NewRosterEntry(WANG, 2, day.id, frozenset(range(5)), since))
    return day.id, night.id


def walk_segment(store: Store, unit_id: int, start: datetime, minutes: int, step_m: float = 60.0) -> None:
    """One fix a minute from ``start`` along segment 1 (113.60,34.70 → 113.62,34.72), ``step_m`` apart."""
    fixes = []
    for minute in range(minutes + 1):
        lon, lat, heading = point_along_polyline(SEGMENT_1, minute * step_m)
        moment = (start + timedelta(minutes=minute)).astimezone(UTC)  # the store keeps UTC
        fixes.append(Position(unit_id, moment, lon, lat, 3.6, heading))
    record_positions(store, fixes)
