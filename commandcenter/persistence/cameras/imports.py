"""Writing imported cameras (a vendor's spreadsheet, a GB/T 28181 platform's channel list) into the
cameras table, so every workstation's tree shows them.

Matched by code: a known camera is updated with what the import knows (an empty field never
erases a stored value — an import without coordinates must not un-place 3,000 cameras), a new one
is inserted. Office and segment are given by name and resolved to ids; an unknown name is
reported and left empty rather than failing the import.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update

from commandcenter.domain.cameras import CameraEntry, CameraSaveReport
from commandcenter.persistence.access import writing
from commandcenter.persistence.bulk_insert import insert_rows
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Segment
from commandcenter.persistence.store import Store

_OPTIONAL = ("office_id", "segment_id", "lon", "lat", "main_url", "sub_url", "gb_device_id")


def _values(entry: CameraEntry, office_id: int | None, segment_id: int | None) -> dict[str, Any]:
    values: dict[str, Any] = {"name": entry.name, "kind": entry.kind, "online": entry.online}
    optional = {
        "office_id": office_id,
        "segment_id": segment_id,
        "lon": entry.lon,
        "lat": entry.lat,
        "main_url": entry.main_url or None,
        "sub_url": entry.sub_url or None,
        "gb_device_id": entry.gb_device_id,
    }
    values.update({key: value for key, value in optional.items() if value is not None})
    return values


class _Import:
    """The name → id lookups and the GB id owners of one import run, read once per transaction."""

    def __init__(self, connection: Connection, report: CameraSaveReport) -> None:
        camera = Camera
        self.connection, self.report = connection, report
        self.offices = dict(connection.execute(select(Office.name, Office.id)).all())
        self.segments = dict(connection.execute(select(Segment.name, Segment.id)).all())
        self.known = dict(connection.execute(select(camera.code, camera.id)).all())
        with_gb = select(camera.gb_device_id, camera.code).where(camera.gb_device_id.is_not(None))
        self.gb_owner = dict(connection.execute(with_gb).all())
        self.pending: list[dict[str, Any]] = []

    def _place(self, entry: CameraEntry) -> tuple[int | None, int | None]:
        office_id = self.offices.get(entry.office) if entry.office else None
        segment_id = self.segments.get(entry.segment) if entry.segment else None
        if entry.office and office_id is None:
            self.report.warnings.append(f"{entry.code}: unknown office {entry.office!r}, left empty")
        if entry.segment and segment_id is None:
            self.report.warnings.append(f"{entry.code}: unknown segment {entry.segment!r}, left empty")
        return office_id, segment_id

    def save(self, entry: CameraEntry) -> None:
        camera = Camera
        values = _values(entry, *self._place(entry))
        owner = self.gb_owner.get(entry.gb_device_id) if entry.gb_device_id else None
        if owner is not None and owner != entry.code:
            self.report.warnings.append(f"{entry.code}: GB id {entry.gb_device_id} is {owner}'s, not set")
            values.pop("gb_device_id")
        elif entry.gb_device_id:
            self.gb_owner[entry.gb_device_id] = entry.code
        if entry.code in self.known:
            self.connection.execute(
                update(camera).where(camera.id == self.known[entry.code]).values(**values)
            )
            self.report.updated += 1
        else:
            # New cameras go in one multi-row INSERT at the end (a city's 56,850 in seconds); one
            # statement needs the same columns in every row, so the absent ones are NULL.
            self.pending.append({**dict.fromkeys(_OPTIONAL, None), "code": entry.code, **values})
            self.known[entry.code] = -1
            self.report.inserted += 1

    def flush(self) -> None:
        if self.pending:
            insert_rows(self.connection, Camera.__table__, self.pending)  # type: ignore[arg-type]
            self.pending = []


def save_cameras_in(connection: Connection, entries: list[CameraEntry]) -> CameraSaveReport:
    """``save_cameras`` inside a transaction the caller holds (a district import stores its cameras
    with its offices and segments, all or nothing)."""
    report = CameraSaveReport()
    run = _Import(connection, report)
    for entry in entries:
        run.save(entry)
    run.flush()
    return report


def save_cameras(store: Store, entries: list[CameraEntry]) -> CameraSaveReport:
    """Insert or update ``entries`` in one transaction; see the module docstring for the rules."""
    with writing(store) as connection:
        return save_cameras_in(connection, entries)
