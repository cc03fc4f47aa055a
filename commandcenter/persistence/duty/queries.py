"""Reads and writes of the duty tables: the roster in one go (templates, entries, the exceptions from
a day on), and one edit per function. Each returns domain records (``domain.duty``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import delete, insert, select

from commandcenter.domain.duty import (
    DutyException,
    ExceptionKind,
    NewDutyException,
    NewRosterEntry,
    RosterEntry,
    ShiftTemplate,
)
from commandcenter.persistence.access import read_rows, reading, writing
from commandcenter.persistence.duty.models import DutyExceptionRow, DutyRosterRow, DutyShift
from commandcenter.persistence.store import Store


def _shift(row: Any) -> ShiftTemplate:
    return ShiftTemplate(row.id, row.name, row.start_time, row.end_time)


def _entry(row: Any) -> RosterEntry:
    days = frozenset(int(digit) for digit in row.weekdays)
    return RosterEntry(
        row.id, row.staff_id, row.segment_id, row.office_id, row.shift_id, days, row.valid_from, row.valid_to
    )


def _exception(row: Any) -> DutyException:
    return DutyException(
        row.id,
        row.day,
        ExceptionKind(row.kind),
        row.staff_id,
        row.shift_id,
        row.segment_id,
        row.office_id,
        row.other_staff_id,
        row.note,
    )


def shifts(store: Store) -> list[ShiftTemplate]:
    return [_shift(row) for row in read_rows(store, select(DutyShift).order_by(DutyShift.start_time))]


def read_roster(
    store: Store, office_id: int | None = None, since: date | None = None, until: date | None = None
) -> tuple[list[ShiftTemplate], list[RosterEntry], list[DutyException]]:
    """The templates, the roster entries (of ``office_id``, None: all) still valid on or after
    ``since``, and the exceptions of days ``since``..``until`` (either None: unbounded), one connection."""
    entries = select(DutyRosterRow).order_by(
        DutyRosterRow.office_id, DutyRosterRow.segment_id, DutyRosterRow.id
    )
    exceptions = select(DutyExceptionRow).order_by(DutyExceptionRow.day, DutyExceptionRow.id)
    if office_id is not None:
        entries = entries.where(DutyRosterRow.office_id == office_id)
        exceptions = exceptions.where(DutyExceptionRow.office_id == office_id)
    if since is not None:
        entries = entries.where((DutyRosterRow.valid_to.is_(None)) | (DutyRosterRow.valid_to >= since))
        exceptions = exceptions.where(DutyExceptionRow.day >= since)
    if until is not None:
        entries = entries.where(DutyRosterRow.valid_from <= until)
        exceptions = exceptions.where(DutyExceptionRow.day <= until)
    with reading(store) as connection:
        templates = [
            _shift(row) for row in connection.execute(select(DutyShift).order_by(DutyShift.start_time))
        ]
        return (
            templates,
            [_entry(row) for row in connection.execute(entries)],
            [_exception(row) for row in connection.execute(exceptions)],
        )


def add_shift(store: Store, name: str, start: time, end: time) -> ShiftTemplate:
    with writing(store) as connection:
        key = connection.execute(
            insert(DutyShift).values(name=name, start_time=start, end_time=end).returning(DutyShift.id)
        ).scalar_one()
    return ShiftTemplate(key, name, start, end)


def add_entry(store: Store, entry: NewRosterEntry, office_id: int) -> RosterEntry:
    values = {
        "staff_id": entry.staff_id,
        "segment_id": entry.segment_id,
        "office_id": office_id,
        "shift_id": entry.shift_id,
        "weekdays": "".join(str(day) for day in sorted(entry.weekdays)),
        "valid_from": entry.valid_from,
        "valid_to": entry.valid_to,
    }
    with writing(store) as connection:
        key = connection.execute(
            insert(DutyRosterRow).values(values).returning(DutyRosterRow.id)
        ).scalar_one()
    return RosterEntry(
        key,
        entry.staff_id,
        entry.segment_id,
        office_id,
        entry.shift_id,
        entry.weekdays,
        entry.valid_from,
        entry.valid_to,
    )


def entry(store: Store, entry_id: int) -> RosterEntry | None:
    rows = read_rows(store, select(DutyRosterRow).where(DutyRosterRow.id == entry_id))
    return _entry(rows[0]) if rows else None


def remove_entry(store: Store, entry_id: int) -> None:
    with writing(store) as connection:
        connection.execute(delete(DutyRosterRow).where(DutyRosterRow.id == entry_id))


def add_exception(
    store: Store, exception: NewDutyException, office_id: int, by: str, at: datetime
) -> DutyException:
    values = {
        "day": exception.day,
        "kind": exception.kind.value,
        "staff_id": exception.staff_id,
        "shift_id": exception.shift_id,
        "segment_id": exception.segment_id,
        "office_id": office_id,
        "other_staff_id": exception.other_staff_id,
        "note": exception.note[:200],
        "created_by": by[:40],
        "created_at": at,
    }
    with writing(store) as connection:
        key = connection.execute(
            insert(DutyExceptionRow).values(values).returning(DutyExceptionRow.id)
        ).scalar_one()
    return DutyException(
        key,
        exception.day,
        exception.kind,
        exception.staff_id,
        exception.shift_id,
        exception.segment_id,
        office_id,
        exception.other_staff_id,
        exception.note[:200],
    )


def exception(store: Store, exception_id: int) -> DutyException | None:
    rows = read_rows(store, select(DutyExceptionRow).where(DutyExceptionRow.id == exception_id))
    return _exception(rows[0]) if rows else None


def remove_exception(store: Store, exception_id: int) -> None:
    with writing(store) as connection:
        connection.execute(delete(DutyExceptionRow).where(DutyExceptionRow.id == exception_id))


def store_roster_rows(
    store: Store, shift_rows: Sequence[Mapping[str, Any]], entry_rows: Sequence[Mapping[str, Any]]
) -> None:
    """Shift templates and roster entries as rows with their ids, in one transaction (the demo)."""
    with writing(store) as connection:
        if shift_rows:
            connection.execute(insert(DutyShift), list(shift_rows))
        if entry_rows:
            connection.execute(insert(DutyRosterRow), list(entry_rows))
        if connection.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for table in ("duty_shifts", "duty_rosters"):
                connection.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                )
