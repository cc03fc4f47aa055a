"""The roster as a long-running process holds it: read once with the district (``CaseIntake``), from
yesterday on (a night shift that started yesterday still runs), rebuilt like the district index when an
audited roster edit (``AuditAction.DUTY_CHANGE``, one of ``BASE_DATA_ACTIONS``) is newer."""

from __future__ import annotations

from datetime import date, timedelta

from commandcenter.district_time import district_clock
from commandcenter.duty.roster import DutyRoster
from commandcenter.persistence.duty.queries import read_roster
from commandcenter.persistence.store import Store


def roster_between(store: Store, first: date, last: date | None, office_id: int | None = None) -> DutyRoster:
    """The roster of days ``first``..``last`` (None: from ``first`` on), the night before included."""
    shifts, entries, exceptions = read_roster(store, office_id, first - timedelta(days=1), last)
    return DutyRoster(shifts, entries, exceptions)


def current_roster(store: Store) -> DutyRoster | None:
    """From yesterday on; None when no office keeps a roster (every recommendation keeps the fixed
    白班/夜班 of the settings)."""
    roster = roster_between(store, district_clock().today(), None)
    return roster if roster.entries else None
