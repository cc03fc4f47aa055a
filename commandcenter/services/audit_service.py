"""The audit log for those who may read it (supervisors, leaders, administrators): the newest
records, the hash chain verified, and the log exported to CSV — the export itself recorded as an
``EXPORT`` under the reader, as every other export is (``admin_service.authorize_export``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.domain.accounts import AuditRecord, ChainReport
from commandcenter.persistence.accounts import audit_log
from commandcenter.services.guard import Guarded

CSV_HEADER = ("seq", "ts_utc", "actor", "action", "target", "details", "prev_hash", "hash")


class AuditService(Guarded):
    def may_view(self) -> bool:
        """Whether to offer the audit log at all (the service refuses anyway, audited)."""
        return self.principal.can(Permission.VIEW_AUDIT)

    def recent(self, limit: int = 500) -> list[AuditRecord]:
        """The newest ``limit`` records, oldest first."""
        self._require(Permission.VIEW_AUDIT, "audit_log")
        return audit_log.read(self.store, limit=max(1, min(int(limit), 10_000)))

    def verify(self) -> ChainReport:
        """The whole chain walked: intact, or every break named."""
        self._require(Permission.VIEW_AUDIT, "audit_log")
        return audit_log.verify_chain(self.store)

    def export_csv(self, path: Path, limit: int = 100_000) -> int:
        """The newest ``limit`` records written to ``path`` (UTF-8 with BOM, for spreadsheets);
        returns how many. The export is recorded after the rows are written."""
        self._require(Permission.VIEW_AUDIT, "export:audit_log")
        records = audit_log.read(self.store, limit=limit)
        with Path(path).open("w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(CSV_HEADER)
            for r in records:
                details = json.dumps(r.details, ensure_ascii=False, sort_keys=True, default=str)
                writer.writerow(
                    (r.seq, r.ts.isoformat(), r.actor, r.action, r.target, details, r.prev_hash, r.hash)
                )
        self._record(AuditAction.EXPORT, "export:audit_log", {"rows": len(records), "file": Path(path).name})
        return len(records)
