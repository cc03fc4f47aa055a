"""The words for what the case core decides: why someone is offered for dispatch (``Basis``), who a
late case should go to (``EscalationStep``), staff roles and shifts. The core hands out keys and
names, the desk says them here in the UI's language (names of people and offices are data and stay
as they are). Strings are marked for lupdate where they are written: a ``translate()`` of a
variable is invisible to it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from commandcenter.cases.escalation import EscalationLevel, EscalationStep
from commandcenter.cases.recommend import Basis, Recommendation
from commandcenter.domain.kinds import Shift, StaffRole

# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_ROLES: dict[str, str] = {
    StaffRole.CITY_MANAGER: str(QT_TRANSLATE_NOOP("CaseWords", "city manager")),
    StaffRole.ROAD_CHIEF: str(QT_TRANSLATE_NOOP("CaseWords", "road chief")),
    StaffRole.INSPECTOR: str(QT_TRANSLATE_NOOP("CaseWords", "inspector")),
}
_SHIFTS: dict[str, str] = {
    Shift.DAY: str(QT_TRANSLATE_NOOP("CaseWords", "day shift")),
    Shift.NIGHT: str(QT_TRANSLATE_NOOP("CaseWords", "night shift")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWords", text)


def role_name(role: str) -> str:
    """城市管理员 / 路长 / 督查员 for a ``StaffRole`` value (an unknown role is shown as stored)."""
    return _tr(_ROLES[role]) if role in _ROLES else role  # a StrEnum key matches its stored value


def shift_name(shift: str) -> str:
    return _tr(_SHIFTS[shift]) if shift in _SHIFTS else shift


def dispatch_reason(pick: Recommendation, office: str | None) -> str:
    """What the pop-up says beside a name: why this person (``office`` is the case's office)."""
    distance = "" if pick.distance_m is None else f"{pick.distance_m:.0f}"
    if pick.basis is Basis.ROAD_CHIEF:
        return QCoreApplication.translate("CaseWords", "Road chief of the segment")
    if pick.basis is Basis.ROAD_CHIEF_OFF_SHIFT:
        return QCoreApplication.translate("CaseWords", "Road chief of the segment (off shift)")
    if pick.basis is Basis.ON_DUTY:
        return QCoreApplication.translate("CaseWords", "On duty on the segment by the roster")
    if pick.basis is Basis.SEGMENT_MANAGER:
        text = QCoreApplication.translate("CaseWords", "City manager of the segment (%1)")
        text = text.replace("%1", shift_name(pick.staff.shift))
        away = QCoreApplication.translate("CaseWords", ", %1 m away").replace("%1", distance)
        return text + (away if distance else "")
    if pick.basis is Basis.ENFORCEMENT_VEHICLE and pick.vehicle is not None:
        text = QCoreApplication.translate("CaseWords", "Enforcement vehicle %1, %2 m away")
        return text.replace("%1", pick.vehicle.plate).replace("%2", distance or "?")
    if pick.basis is Basis.CASE_RULE:
        return QCoreApplication.translate("CaseWords", "Named by the office's case rule")
    if pick.basis is Basis.NEARBY:
        return QCoreApplication.translate("CaseWords", "City manager %1 m away").replace("%1", distance)
    text = QCoreApplication.translate("CaseWords", "Duty %1 of %2").replace("%1", role_name(pick.staff.role))
    return text.replace("%2", office or "—")


def escalation_label(step: EscalationStep) -> str:
    """Who should hold a late case: "张三（责任路段路长）", "淮河路街道（值班督查员 李四）"."""
    if step.level is EscalationLevel.ROAD_CHIEF and step.staff is not None:
        text = QCoreApplication.translate("CaseWords", "%1 (road chief of the segment)")
        return text.replace("%1", step.staff.name)
    if step.level is EscalationLevel.OFFICE and step.staff is None:
        return step.office or ""
    if step.level is EscalationLevel.OFFICE and step.staff is not None:
        text = QCoreApplication.translate("CaseWords", "%1 (duty %2 %3)").replace("%1", step.office or "")
        return text.replace("%2", role_name(step.staff.role)).replace("%3", step.staff.name)
    return QCoreApplication.translate("CaseWords", "District bureau command center")


def english_gloss(gloss: str) -> str:
    """The workflow's English gloss of a Chinese action (立案 "file"), as a tooltip for readers of the
    English UI; the action itself is the GB/T 30428 term the case log stores, shown in both
    languages. A Chinese reader gets nothing from the gloss: no tooltip then."""
    return gloss if QLocale().language() == QLocale.Language.English else ""
