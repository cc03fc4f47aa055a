"""The signed-in person as the core services see them: who, which role, which office."""

from __future__ import annotations

from dataclasses import dataclass

from commandcenter.accounts.errors import PermissionDenied
from commandcenter.accounts.permissions import PERMISSION_NAMES, Permission, permissions_of
from commandcenter.domain.kinds import UserRole


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    display_name: str
    role: UserRole
    office_id: int | None  # set for office (镇办) users: the only office they see

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.role)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def office_scoped(self) -> bool:
        """True when reads are limited to one office (no district-wide read permission)."""
        return not self.can(Permission.READ_ALL_CASES)

    def may_see_office(self, office_id: int | None) -> bool:
        if self.can(Permission.READ_ALL_CASES):
            return True
        return (
            self.can(Permission.READ_OFFICE_CASES)
            and self.office_id is not None
            and office_id == self.office_id
        )


def require(principal: Principal, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless the principal holds ``permission`` — the one check every
    service (and the plugin manager: ``require(p, Permission.MANAGE_PLUGINS)``) calls."""
    if not principal.can(permission):
        raise PermissionDenied(
            f"{principal.username}（{principal.role.value}）不能执行「{PERMISSION_NAMES[permission]}」",
            f"{principal.username} ({principal.role.value}) lacks {permission.value}",
        )
