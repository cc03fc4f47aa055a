"""The words for the user roles (``UserRole`` keys) in the UI's language: the header says who is
signed in, so an operator at a shared desk never acts under someone else's name by mistake."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.kinds import UserRole

# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_ROLES: dict[str, str] = {
    UserRole.OPERATOR: str(QT_TRANSLATE_NOOP("RoleWords", "duty operator")),
    UserRole.SUPERVISOR: str(QT_TRANSLATE_NOOP("RoleWords", "duty supervisor")),
    UserRole.LEADER: str(QT_TRANSLATE_NOOP("RoleWords", "leader")),
    UserRole.OFFICE: str(QT_TRANSLATE_NOOP("RoleWords", "sub-district office")),
    UserRole.DEPARTMENT: str(QT_TRANSLATE_NOOP("RoleWords", "department")),
    UserRole.INSPECTOR: str(QT_TRANSLATE_NOOP("RoleWords", "inspector")),
    UserRole.ADMIN: str(QT_TRANSLATE_NOOP("RoleWords", "administrator")),
}


def role_name(role: str) -> str:
    """值班员 / 值班长 / … for a ``UserRole`` value (an unknown role is shown as stored)."""
    return QCoreApplication.translate("RoleWords", _ROLES[role]) if role in _ROLES else role
