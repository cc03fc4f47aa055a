"""The hover card's text for one unit: who or which plate, office, state, speed, last fix time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from commandcenter.mapping.unit_frame import Load, MotionState, UnitFrame


def _tr(text: str) -> str:
    return QCoreApplication.translate("UnitCard", text)


def unit_card_text(
    frame: UnitFrame, index: int, office_names: dict[int, str], *, has_video: bool = False
) -> str:
    state = {
        MotionState.MOVING: _tr("Moving"),
        MotionState.STOPPED: _tr("Stopped"),
        MotionState.OFFLINE: _tr("Offline"),
    }[MotionState(int(frame.state[index]))]
    load = int(frame.load[index])
    if load != Load.NONE:
        state += " · " + (_tr("Loaded") if load == Load.LOADED else _tr("Empty"))
    office = office_names.get(int(frame.office[index]), "—")
    ts = float(frame.ts[index])
    fix = datetime.fromtimestamp(ts).strftime("%H:%M:%S") if ts == ts else "—"
    lines = [
        str(frame.labels[index]),
        f"{_tr('Office')}: {office}",
        f"{_tr('State')}: {state}",
        f"{_tr('Speed')}: {float(frame.speed[index]):.0f} km/h",
        f"{_tr('Last fix')}: {fix}",
    ]
    if has_video:  # a click opens it on the wall: say so where the operator is looking
        lines.append(_tr("Vehicle video: click to view"))
    return "\n".join(lines)
