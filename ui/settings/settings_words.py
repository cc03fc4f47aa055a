"""The words for the settings' keys and problems: the core names a setting by its document key and a
problem by a ``Fault`` with facts (``domain.settings_problems``); this module says them in the UI's
language, one ``translate`` pattern per sentence."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.holiday_import import RowFault, RowProblem
from commandcenter.domain.settings import LadderLevel
from commandcenter.domain.settings_problems import Fault, SettingsProblem

_CONTEXT = "SettingsWords"
_LABELS: dict[str, str] = {
    "": str(QT_TRANSLATE_NOOP("SettingsWords", "The settings")),
    "ack_timeout_minutes": str(QT_TRANSLATE_NOOP("SettingsWords", "Acknowledgement timeout")),
    "duplicate_radius_m": str(QT_TRANSLATE_NOOP("SettingsWords", "Duplicate radius")),
    "duplicate_window_hours": str(QT_TRANSLATE_NOOP("SettingsWords", "Duplicate window")),
    "snap_radius_m": str(QT_TRANSLATE_NOOP("SettingsWords", "Segment snap radius")),
    "day_shift": str(QT_TRANSLATE_NOOP("SettingsWords", "Day shift")),
    "day_shift.start": str(QT_TRANSLATE_NOOP("SettingsWords", "Day shift start")),
    "day_shift.end": str(QT_TRANSLATE_NOOP("SettingsWords", "Day shift end")),
    "notifications": str(QT_TRANSLATE_NOOP("SettingsWords", "Notifications")),
    "notifications.popup": str(QT_TRANSLATE_NOOP("SettingsWords", "Pop-up")),
    "notifications.sound": str(QT_TRANSLATE_NOOP("SettingsWords", "Sound")),
    "notifications.max_urgency": str(QT_TRANSLATE_NOOP("SettingsWords", "Pop-up urgency")),
    "notifications.categories": str(QT_TRANSLATE_NOOP("SettingsWords", "Pop-up categories")),
    "escalation": str(QT_TRANSLATE_NOOP("SettingsWords", "Escalation ladder")),
    "calendar": str(QT_TRANSLATE_NOOP("SettingsWords", "Working calendar")),
    "calendar.periods": str(QT_TRANSLATE_NOOP("SettingsWords", "Working periods")),
    "media_url_template": str(QT_TRANSLATE_NOOP("SettingsWords", "Media URL template")),
}
_LEVELS: dict[str, str] = {
    LadderLevel.ROAD_CHIEF: str(QT_TRANSLATE_NOOP("SettingsWords", "Road chief")),
    LadderLevel.OFFICE: str(QT_TRANSLATE_NOOP("SettingsWords", "Sub-district office")),
    LadderLevel.BUREAU: str(QT_TRANSLATE_NOOP("SettingsWords", "District bureau")),
}
_FAULTS: dict[Fault, str] = {
    Fault.NOT_A_VALUE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: not a valid value (%2)")),
    Fault.OUT_OF_RANGE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: must be between %2 and %3")),
    Fault.START_NOT_BEFORE_END: str(
        QT_TRANSLATE_NOOP("SettingsWords", "%1: the start must be before the end")
    ),
    Fault.PERIODS_OVERLAP: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: overlaps the period before (at %2)")),
    Fault.NO_PERIODS: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: a working day needs at least one period")),
    Fault.LEVEL_TWICE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: appears twice")),
    Fault.BUREAU_REQUIRED: str(
        QT_TRANSLATE_NOOP("SettingsWords", "%1: the district bureau must be the last level and switched on")
    ),
    Fault.YEAR_TWICE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: the year appears twice")),
    Fault.OUTSIDE_YEAR: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: neither starts nor ends in %2")),
    Fault.TOO_LONG: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: longer than %2 days")),
    Fault.NAME_MISSING: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: the name is missing")),
    Fault.DAY_OFF_AND_WORKED: str(
        QT_TRANSLATE_NOOP("SettingsWords", "%1: %2 is both a day off and a working day")
    ),
    Fault.NOT_A_URL: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: must start with one of %2")),
    Fault.UNKNOWN_PLACEHOLDER: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: unknown placeholder %2")),
    Fault.DEVICE_MISSING: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: must contain {device}")),
}

_ROW_FAULTS: dict[RowFault, str] = {
    RowFault.NOT_READABLE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: cannot be read (%2)")),
    RowFault.NO_ROWS: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: holds no rows")),
    RowFault.MISSING_FIELD: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: %2 is missing")),
    RowFault.NOT_A_DATE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: %2 is not a date (2027-01-01)")),
    RowFault.OUTSIDE_YEAR: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: %2 is not in %3")),
    RowFault.DUPLICATE_DATE: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: %2 repeats row %3")),
    RowFault.UNKNOWN_KIND: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: the kind %2 must be 休 or 班")),
    RowFault.NAME_MISSING: str(QT_TRANSLATE_NOOP("SettingsWords", "%1: the name is missing")),
    RowFault.WORKDAY_WITHOUT_HOLIDAY: str(
        QT_TRANSLATE_NOOP("SettingsWords", "%1: a 班 day of %2, which has no days off")
    ),
}

_ROW_FIELDS: dict[str, str] = {
    "date": str(QT_TRANSLATE_NOOP("SettingsWords", "the date")),
    "kind": str(QT_TRANSLATE_NOOP("SettingsWords", "the kind")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def level_name(level: LadderLevel | str) -> str:
    return _tr(_LEVELS[level]) if level in _LEVELS else str(level)


def setting_label(key: str) -> str:
    """The setting a problem's key names, as the dialog labels it."""
    if key in _LABELS:
        return _tr(_LABELS[key])
    parts = key.split(".")
    if parts[0] == "escalation" and len(parts) >= 2:
        if len(parts) == 3:
            return QCoreApplication.translate("SettingsWords", "%1: wait").replace("%1", level_name(parts[1]))
        return level_name(parts[1])
    if parts[:2] == ["calendar", "periods"] and len(parts) == 3:
        return QCoreApplication.translate("SettingsWords", "Working period %1").replace("%1", parts[2])
    if parts[:2] == ["calendar", "years"] and len(parts) == 5:
        return (
            QCoreApplication.translate("SettingsWords", "Holiday %1 of %2")
            .replace("%1", parts[4])
            .replace("%2", parts[2])
        )
    if parts[:2] == ["calendar", "years"] and len(parts) == 3:
        return QCoreApplication.translate("SettingsWords", "Calendar year %1").replace("%1", parts[2])
    return key


def problem_text(problem: SettingsProblem) -> str:
    text = _tr(_FAULTS[problem.fault]).replace("%1", setting_label(problem.key))
    for number, fact in enumerate(problem.facts, 2):
        text = text.replace(f"%{number}", fact)
    return text


def row_problem_text(problem: RowProblem) -> str:
    """A bad row of an imported holiday table, named by its row (0: the whole file)."""
    where = (
        QCoreApplication.translate("SettingsWords", "The file")
        if problem.row == 0
        else QCoreApplication.translate("SettingsWords", "Row %1").replace("%1", str(problem.row))
    )
    text = _tr(_ROW_FAULTS[problem.fault]).replace("%1", where)
    facts = list(problem.facts)
    if problem.fault is RowFault.MISSING_FIELD:
        facts = [_tr(_ROW_FIELDS.get(fact, fact)) for fact in facts]
    for number, fact in enumerate(facts, 2):
        text = text.replace(f"%{number}", fact)
    return text
