"""The words for the audit actions (``AuditAction`` keys) and a record's time in local time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.audit.trail import AuditAction
from ui.district_time import stamp_text

_A = AuditAction
# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_ACTIONS: dict[str, str] = {
    _A.LOGIN_OK: str(QT_TRANSLATE_NOOP("AuditWords", "signed in")),
    _A.LOGIN_FAILED: str(QT_TRANSLATE_NOOP("AuditWords", "sign-in failed")),
    _A.LOGIN_LOCKED: str(QT_TRANSLATE_NOOP("AuditWords", "account locked")),
    _A.LOGOUT: str(QT_TRANSLATE_NOOP("AuditWords", "signed out")),
    _A.SESSION_LOCKED: str(QT_TRANSLATE_NOOP("AuditWords", "screen locked")),
    _A.SESSION_UNLOCKED: str(QT_TRANSLATE_NOOP("AuditWords", "screen unlocked")),
    _A.PASSWORD_CHANGED: str(QT_TRANSLATE_NOOP("AuditWords", "password changed")),
    _A.PASSWORD_RESET: str(QT_TRANSLATE_NOOP("AuditWords", "password reset")),
    _A.DISPATCH: str(QT_TRANSLATE_NOOP("AuditWords", "dispatch")),
    _A.TRANSITION: str(QT_TRANSLATE_NOOP("AuditWords", "case step")),
    _A.APPROVAL: str(QT_TRANSLATE_NOOP("AuditWords", "approval")),
    _A.REQUEST: str(QT_TRANSLATE_NOOP("AuditWords", "extension/suspension request")),
    _A.USER_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "user change")),
    _A.SETTING_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "setting change")),
    _A.PLUGIN_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "plugin change")),
    _A.EXPORT: str(QT_TRANSLATE_NOOP("AuditWords", "export")),
    _A.API_KEY_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "API key change")),
    _A.CATEGORY_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "category change")),
    _A.CASE_FILED: str(QT_TRANSLATE_NOOP("AuditWords", "case filed")),
    _A.ACCESS_DENIED: str(QT_TRANSLATE_NOOP("AuditWords", "access denied")),
    _A.DISTRICT_IMPORT: str(QT_TRANSLATE_NOOP("AuditWords", "district import")),
    _A.DISTRICT_EDIT: str(QT_TRANSLATE_NOOP("AuditWords", "district edit")),
    _A.DUTY_CHANGE: str(QT_TRANSLATE_NOOP("AuditWords", "duty roster change")),
    # issue 16: the credit record (失信联合惩戒)
    _A.CREDIT_VIOLATION: str(QT_TRANSLATE_NOOP("AuditWords", "violation confirmed")),
    _A.CREDIT_APPEAL: str(QT_TRANSLATE_NOOP("AuditWords", "credit appeal")),
    _A.CREDIT_LISTING: str(QT_TRANSLATE_NOOP("AuditWords", "joint-punishment listing")),
    _A.PTZ_COMMAND: str(QT_TRANSLATE_NOOP("AuditWords", "camera steered")),  # issue 18: 云台
}


def action_name(action: str) -> str:
    """登录 / 派遣 / … for an ``AuditAction`` value (an unknown action is shown as stored)."""
    return QCoreApplication.translate("AuditWords", _ACTIONS[action]) if action in _ACTIONS else action


def local_time(ts: datetime) -> str:
    """The entry's time on the district's clock (``ui.district_time``)."""
    return stamp_text(ts)
