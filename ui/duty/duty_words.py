"""The words for what the duty core decides: attendance (``AttendanceStatus``), why someone holds a
shift (``DutySource``), a day's exception (``ExceptionKind``), weekdays. Keys in, the UI's language
out; names of people, segments and shifts are data and stay as stored."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.duty import ExceptionKind
from commandcenter.duty.assignments import DutySource
from commandcenter.duty.attendance import AttendanceStatus

# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_STATUS: dict[str, str] = {
    AttendanceStatus.PRESENT: str(QT_TRANSLATE_NOOP("DutyWords", "present")),
    AttendanceStatus.LATE: str(QT_TRANSLATE_NOOP("DutyWords", "late")),
    AttendanceStatus.ABSENT: str(QT_TRANSLATE_NOOP("DutyWords", "absent")),
    AttendanceStatus.ON_LEAVE: str(QT_TRANSLATE_NOOP("DutyWords", "on leave")),
    AttendanceStatus.PENDING: str(QT_TRANSLATE_NOOP("DutyWords", "not yet due")),
}
_KINDS: dict[str, str] = {
    ExceptionKind.LEAVE: str(QT_TRANSLATE_NOOP("DutyWords", "Leave")),
    ExceptionKind.SWAP: str(QT_TRANSLATE_NOOP("DutyWords", "Swap")),
    ExceptionKind.EXTRA: str(QT_TRANSLATE_NOOP("DutyWords", "Extra shift")),
}
_WEEKDAYS = (
    str(QT_TRANSLATE_NOOP("DutyWords", "Mon")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Tue")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Wed")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Thu")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Fri")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Sat")),
    str(QT_TRANSLATE_NOOP("DutyWords", "Sun")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("DutyWords", text)


def status_name(status: AttendanceStatus) -> str:
    return _tr(_STATUS[status])


def kind_name(kind: ExceptionKind) -> str:
    return _tr(_KINDS[kind])


def weekday_name(index: int) -> str:
    return _tr(_WEEKDAYS[index])


def cell_text(name: str, source: DutySource, replaces: str | None) -> str:
    """张伟 · 李强 (covering for 王芳) · 赵六 (extra shift)."""
    if source is DutySource.SWAP:
        return _tr("%1 (covering for %2)").replace("%1", name).replace("%2", replaces or "?")
    if source is DutySource.EXTRA:
        return _tr("%1 (extra shift)").replace("%1", name)
    return name


def leave_text(names: tuple[str, ...]) -> str:
    return _tr("On leave: %1").replace("%1", "、".join(names))
