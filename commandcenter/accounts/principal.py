"""The signed-in person as the core services see them: who, which role, which office."""

from __future__ import annotations

import getpass
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
    department: str | None = None  # a department user's department (by name): the cases it holds

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


COMMAND_LINE_PREFIX = "cli:"


def command_line_principal(os_user: str | None = None) -> Principal:
    """IT at the server's shell (``commandcenter users …``): an administrator by virtue of holding
    the database's credentials, as with PostgreSQL's ``createuser``. It is no row of ``users`` (id 0,
    which no user has), so the first administrator can be made on an empty database; the services
    still check its permissions and the audit log names it ``cli:<OS user>``."""
    return Principal(
        0, COMMAND_LINE_PREFIX + (os_user or _os_user()), "命令行 command line", UserRole.ADMIN, None
    )


FIRST_RUN_PREFIX = "first-run:"


def first_run_principal(os_user: str | None = None) -> Principal:
    """The person at a workstation whose database has nobody who can sign in (the first-run dialog):
    like ``command_line_principal`` an administrator by holding the database's credentials, no row
    of ``users``, audited as ``first-run:<OS user>``. ``Workspace.create_first_administrator`` is the
    one place that acts as it, and only while the database still has no user who can sign in."""
    return Principal(
        0, FIRST_RUN_PREFIX + (os_user or _os_user()), "首次运行 first run", UserRole.ADMIN, None
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no LOGNAME/USER and no passwd entry (some containers)
        return "unknown"


def require(principal: Principal, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless the principal holds ``permission`` — the one check every
    service (and the plugin manager: ``require(p, Permission.MANAGE_PLUGINS)``) calls."""
    if not principal.can(permission):
        raise PermissionDenied(
            f"{principal.username}（{principal.role.value}）不能执行「{PERMISSION_NAMES[permission]}」",
            f"{principal.username} ({principal.role.value}) lacks {permission.value}",
        )
