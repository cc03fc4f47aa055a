"""``services.audit_log``: whoever may view the audit log reads it, verifies it and exports it (the
export itself recorded); anyone else is refused, and the refusal is recorded too."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from commandcenter.audit.trail import AuditAction
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.errors import PermissionDenied
from commandcenter.testing.accounts import services_for


def test_a_leader_reads_verifies_and_exports(store: Store, tmp_path: Path) -> None:
    services = services_for(store, UserRole.LEADER, username="leader1")
    assert services.audit_log.may_view()
    services.admin.authorize_export("cases", 3)
    assert [r.action for r in services.audit_log.recent()] == [AuditAction.EXPORT]
    assert services.audit_log.verify().ok
    target = tmp_path / "audit.csv"
    assert services.audit_log.export_csv(target) == 1
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][:5] == ["seq", "ts_utc", "actor", "action", "target"]
    assert rows[1][2:5] == ["leader1", "export", "export:cases"]
    newest = services.audit_log.recent()[-1]
    assert (newest.action, newest.target, newest.details["rows"]) == ("export", "export:audit_log", 1)
    assert services.audit_log.verify().rows == 2


def test_an_operator_is_refused_and_the_refusal_recorded(store: Store, tmp_path: Path) -> None:
    operator = services_for(store, UserRole.OPERATOR)
    assert not operator.audit_log.may_view()
    with pytest.raises(PermissionDenied):
        operator.audit_log.recent()
    with pytest.raises(PermissionDenied):
        operator.audit_log.export_csv(tmp_path / "no.csv")
    assert not (tmp_path / "no.csv").exists()
    records = services_for(store, UserRole.ADMIN).audit_log.recent()
    assert [(r.action, r.target) for r in records] == [
        ("access_denied", "audit_log"),
        ("access_denied", "export:audit_log"),
    ]
