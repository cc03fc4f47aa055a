"""Accounts: argon2id password hashes, lockout, sessions, roles and permissions (issue 7).

Qt-free. ``Authenticator`` logs people in; ``Principal`` is who they are; ``require`` and
``Permission`` are what the core services (``commandcenter.services``) check.
"""

from commandcenter.accounts.errors import AccessError, InvalidInput, PermissionDenied
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal, require

__all__ = ["AccessError", "InvalidInput", "Permission", "PermissionDenied", "Principal", "require"]
