"""The shared part of every service: the principal, the audit trail, the office scope of reads, and
refusing with a record. Permissions and office scoping live here and in the services — nowhere else:
the UI reaches data only through a service bound to the signed-in principal."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import NoReturn

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal, require
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.persistence.store import Store


class Guarded:
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.principal = principal
        self.clock = clock or (lambda: datetime.now(UTC))
        self.audit = audit or AuditTrail(store, self.clock)

    def _require(self, permission: Permission, target: str = "") -> None:
        try:
            require(self.principal, permission)
        except PermissionDenied as refusal:
            self._record_denial(target or permission.value, refusal)

    def _deny(self, target: str, chinese: str, english: str) -> NoReturn:
        self._record_denial(target, PermissionDenied(chinese, english))

    def _record_denial(self, target: str, refusal: PermissionDenied) -> NoReturn:
        self.audit.record(
            self.principal.username, AuditAction.ACCESS_DENIED, target, {"message": str(refusal)}
        )
        raise refusal

    def _record(self, action: AuditAction, target: str, details: Mapping[str, object] | None = None) -> None:
        self.audit.record(self.principal.username, action, target, details)

    def _office_scope(self, target: str) -> int | None:
        """None: every office. An office user: their office. No read permission: refused (audited)."""
        if self.principal.can(Permission.READ_ALL_CASES):
            return None
        if self.principal.can(Permission.READ_OFFICE_CASES) and self.principal.office_id is not None:
            return self.principal.office_id
        return self._deny(target, "不能查看本项数据", f"may not read {target}")

    def _any_reader(self, target: str) -> None:
        """What every case reader may see whatever their scope — the camera catalog, the category
        table, the district's outlines — office and department users included; others refused."""
        readers = (Permission.READ_ALL_CASES, Permission.READ_OFFICE_CASES, Permission.READ_DEPARTMENT_CASES)
        if not any(self.principal.can(permission) for permission in readers):
            self._deny(target, "不能查看本项数据", f"may not read {target}")
