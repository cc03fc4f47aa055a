"""Importing and exporting the district's base data as a signed-in user (issue 13): administrators
only, every stored import audited with its files and counts, every export audited as an export.

Reading and checking a delivery (``read``) is separate from storing it (``store``), so a screen can
show every problem — or the dry run's all-clear — before anything changes, and the command line can
stop after the check (``--dry-run``). Both are slow at city scale (seconds): screens call them
through ``ui/background.py``.
"""

from __future__ import annotations

from pathlib import Path

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.district_data.export import export_district
from commandcenter.district_data.importer import DistrictFiles, read_district
from commandcenter.domain.district_import import DistrictImportPlan, DistrictImportReport
from commandcenter.geo.datum import Datum
from commandcenter.persistence.district.exports import district_snapshot
from commandcenter.persistence.district.imports import apply_district_import, known_district
from commandcenter.services.guard import Guarded


class DistrictDataService(Guarded):
    def may_manage(self) -> bool:
        return self.principal.can(Permission.MANAGE_DISTRICT)

    def read(self, files: DistrictFiles) -> DistrictImportPlan:
        """Every file read and every row checked; raises ``DistrictFileError`` for a file that
        cannot be read at all. Nothing is stored."""
        self._require(Permission.MANAGE_DISTRICT, "district import")
        return read_district(files, known_district(self.store))

    def store_plan(self, plan: DistrictImportPlan) -> DistrictImportReport:
        """Store a plan without problems in one transaction (``ValueError`` for one with problems)."""
        self._require(Permission.MANAGE_DISTRICT, "district import")
        report = apply_district_import(self.store, plan)
        counts = {name: [c.inserted, c.updated] for name, c in report.tables.items()}
        self._record(AuditAction.DISTRICT_IMPORT, ", ".join(plan.sources), {"inserted_updated": counts})
        return report

    def export(self, folder: Path, datum: Datum = Datum.WGS84) -> dict[str, Path]:
        """The district as the files ``read`` takes, into ``folder``."""
        self._require(Permission.MANAGE_DISTRICT, "district export")
        plan = district_snapshot(self.store)
        written = export_district(plan, folder, datum)
        self._record(
            AuditAction.EXPORT, "district", {"folder": str(folder), "rows": plan.rows, "datum": datum.value}
        )
        return written
