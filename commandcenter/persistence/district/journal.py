"""The audit entry of a hand edit, written in the edit's own transaction (``audit_log.append_in``):
a change to base data and its record in the log commit together or not at all, so a record's
history (the entries whose target names it) never misses an edit that happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from commandcenter.domain.district_edits import Change
from commandcenter.persistence.accounts.audit_log import append_in


@dataclass(frozen=True)
class Journal:
    actor: str
    action: str  # the audit action's value (the audit layer sits above persistence)
    now: datetime

    def write(self, connection: Connection, change: Change) -> None:
        details = {"operation": change.operation, "before": change.before, "after": change.after}
        append_in(connection, self.actor[:40], self.action[:32], change.target[:120], details, self.now)
