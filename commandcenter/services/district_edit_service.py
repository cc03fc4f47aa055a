"""Editing the district's base data by hand, with a history per record (issue 13).

Who may do what: editing and exporting need ``MANAGE_DISTRICT`` (administrators, who also import);
reading — listing, one record, its history — is open to ``CHECK_DISTRICT`` too, so a supervisor who
runs the consistency check can open the record a finding names and see who changed it last, without
being able to change it. Everyone else is refused, and the refusal audited.

Every change is one audit entry per record touched (``DISTRICT_EDIT``, target ``<kind>:<id>``,
details ``{"operation", "before", "after"}`` with only the fields that changed), written in the
edit's own transaction (``persistence.district.journal``); ``history`` reads them back by target.
Exports are audited as ``EXPORT``. Every call may take a moment: screens go through ``ui/background.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction
from commandcenter.district_data.permit_shape import read_permit_shape
from commandcenter.district_data.record_export import ExportFormat, export_records
from commandcenter.domain.accounts import AuditRecord
from commandcenter.domain.departments import DepartmentRecord
from commandcenter.domain.district_edits import (
    EditKind,
    EditRefused,
    Outcome,
    Problem,
    Record,
    RecordPage,
    SegmentMerge,
    SegmentSplit,
    target_of,
)
from commandcenter.domain.edit_fields import parse_changes, parse_value, spec_of
from commandcenter.geo.datum import Datum
from commandcenter.persistence.accounts.audit_log import read_target
from commandcenter.persistence.district import departments as department_queries, edits, segment_edits
from commandcenter.persistence.district.edit_reads import all_records, get_record, record_page
from commandcenter.persistence.district.journal import Journal
from commandcenter.services.guard import Guarded


class DistrictEditService(Guarded):
    def may_edit(self) -> bool:
        return self.principal.can(Permission.MANAGE_DISTRICT)

    def may_read(self) -> bool:
        return self.may_edit() or self.principal.can(Permission.CHECK_DISTRICT)

    def departments(self) -> list[DepartmentRecord]:
        """Every department, also inactive ones (the administrator's list)."""
        self._read(EditKind.OFFICE)
        return department_queries.departments(self.store, active_only=False)

    def add_department(self, code: object, name: object, phone: object = "") -> int:
        """A new department (联动): categories naming it route their cases to it, its users get a desk.
        Audited as a district edit, so every workstation's intake picks it up within one refresh."""
        self._require(Permission.MANAGE_DISTRICT, "department")
        clean_code = clean_text(code, "code", limit=16, required=True)
        clean_name = clean_text(name, "name", limit=40, required=True)
        clean_phone = clean_text(phone, "phone", limit=20)
        taken = {d.code for d in department_queries.departments(self.store, active_only=False)}
        if clean_code in taken or department_queries.department_named(self.store, clean_name):
            raise InvalidInput("department", "部门编码或名称已存在", "the department's code or name is taken")
        department_id = department_queries.add_department(self.store, clean_code, clean_name, clean_phone)
        after = {"code": clean_code, "name": clean_name, "phone": clean_phone}
        self._record(
            AuditAction.DISTRICT_EDIT, f"department:{department_id}", {"operation": "add", "after": after}
        )
        return department_id

    def page(self, kind: EditKind | str, text: str = "", offset: int = 0, limit: int = 200) -> RecordPage:
        """At most ``limit`` (≤ 500) records of ``kind`` whose name, number, code … contain ``text``."""
        kind = self._read(kind)
        return record_page(self.store, kind, text, offset, limit)

    def get(self, kind: EditKind | str, record_id: int) -> Record:
        kind = self._read(kind)
        return get_record(self.store, kind, record_id)

    def history(self, kind: EditKind | str, record_id: int, limit: int = 200) -> list[AuditRecord]:
        """The audit entries naming this record, newest first (every edit, split, merge, follow)."""
        kind = self._read(kind)
        return read_target(self.store, target_of(kind, record_id), limit=max(1, min(int(limit), 1000)))

    def edit(self, kind: EditKind | str, record_id: int, changes: Mapping[str, object]) -> Outcome:
        """Change fields of one record; values as a form gives them (text) or typed."""
        kind = self._write(kind, record_id)
        return edits.edit_record(self.store, kind, record_id, parse_changes(kind, changes), self._journal())

    def add_staff(self, values: Mapping[str, object]) -> Outcome:
        self._write(EditKind.STAFF, 0)
        parsed = parse_changes(EditKind.STAFF, values, adding=True)
        return edits.add_staff(self.store, parsed, self._journal())

    def remove_staff(self, staff_id: int) -> Outcome:
        """Refused (``IN_USE``) while a case names him as its assignee: unassign him instead."""
        self._write(EditKind.STAFF, staff_id)
        return edits.remove_staff(self.store, staff_id, self._journal())

    def rename_company(self, old: str, new: str) -> Outcome:
        self._require(Permission.MANAGE_DISTRICT, "company:" + old)
        value = parse_value(spec_of(EditKind.VEHICLE, "company"), new)
        if value is None:
            raise EditRefused(Problem.REQUIRED, "company")
        return edits.rename_company(self.store, old, value, self._journal())

    def split_segment(self, segment_id: int, fraction: float, new_number: str, new_name: str = "") -> Outcome:
        self._write(EditKind.SEGMENT, segment_id)
        number = parse_value(spec_of(EditKind.SEGMENT, "number"), new_number)
        name = parse_value(spec_of(EditKind.SEGMENT, "name"), new_name) if new_name.strip() else ""
        split = SegmentSplit(segment_id, float(fraction), number, name)
        return segment_edits.split_segment(self.store, split, self._journal())

    def merge_segments(self, kept_id: int, absorbed_id: int) -> Outcome:
        self._write(EditKind.SEGMENT, kept_id)
        return segment_edits.merge_segments(self.store, SegmentMerge(kept_id, absorbed_id), self._journal())

    def replace_permit_shape(self, permit_id: int, path: Path, datum: Datum = Datum.WGS84) -> Outcome:
        """The permit's area (a Polygon) or route (a LineString) from the first feature of a GeoJSON file."""
        self._write(EditKind.PERMIT, permit_id)
        area, route = read_permit_shape(Path(path), datum)
        return edits.replace_permit_shape(self.store, permit_id, area, route, self._journal())

    def export(
        self, kind: EditKind | str, path: Path, fmt: ExportFormat | str, datum: Datum = Datum.WGS84
    ) -> int:
        """Every record of ``kind`` to ``path`` as CSV, Excel or GeoJSON; returns how many."""
        kind, fmt = EditKind(kind), ExportFormat(fmt)
        self._require(Permission.MANAGE_DISTRICT, f"export:{kind.value}")
        rows = all_records(self.store, kind, geometry=fmt is ExportFormat.GEOJSON)
        count = export_records(kind, rows, Path(path), fmt, datum)
        details = {"rows": count, "file": Path(path).name, "format": fmt.value, "datum": datum.value}
        self._record(AuditAction.EXPORT, f"export:{kind.value}", details)
        return count

    def _read(self, kind: EditKind | str) -> EditKind:
        kind = EditKind(kind)
        if not self.may_read():
            self._require(Permission.CHECK_DISTRICT, f"{kind.value} records")
        return kind

    def _write(self, kind: EditKind | str, record_id: int) -> EditKind:
        kind = EditKind(kind)
        self._require(Permission.MANAGE_DISTRICT, target_of(kind, record_id))
        return kind

    def _journal(self) -> Journal:
        return Journal(self.principal.username, AuditAction.DISTRICT_EDIT.value, self.clock())
