"""The words for what the core classifies about a unit: ``MotionState`` and ``Load`` are keys, the map
words them here in the UI's language — the same word in the filter bar, the hover card and the
legend. Marked with ``QT_TRANSLATE_NOOP`` so lupdate finds them: a ``translate()`` of a variable is
invisible to it, and the string would silently stay English.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.mapping.unit_frame import Load, MotionState

_CONTEXT = "UnitWords"
# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_STATES: dict[MotionState, str] = {
    MotionState.MOVING: str(QT_TRANSLATE_NOOP("UnitWords", "Moving")),
    MotionState.STOPPED: str(QT_TRANSLATE_NOOP("UnitWords", "Stopped")),
    MotionState.OFFLINE: str(QT_TRANSLATE_NOOP("UnitWords", "Offline")),
}
_LOADS: dict[Load, str] = {
    Load.NONE: "",
    Load.EMPTY: str(QT_TRANSLATE_NOOP("UnitWords", "Empty")),
    Load.LOADED: str(QT_TRANSLATE_NOOP("UnitWords", "Loaded")),
}


def state_name(state: int) -> str:
    """移动中 / 静止 / 离线 for a ``MotionState`` value."""
    return QCoreApplication.translate(_CONTEXT, _STATES[MotionState(state)])


def load_name(load: int) -> str:
    """空车 / 重车 for a truck's ``Load`` value; empty for a unit that carries nothing."""
    text = _LOADS[Load(load)]
    return QCoreApplication.translate(_CONTEXT, text) if text else ""
