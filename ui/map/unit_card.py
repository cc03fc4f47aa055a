"""The hover card's text for one unit: who or which plate, office, state, speed, last fix time.

Each line is one translatable pattern with its value put in (``%1``), never a translated word
glued to a value in an f-string: lupdate does not look inside f-strings.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from commandcenter.mapping.unit_frame import UnitFrame
from ui.district_time import epoch_clock_text
from ui.map.unit_words import load_name, state_name


def unit_card_text(
    frame: UnitFrame, index: int, office_names: dict[int, str], *, has_video: bool = False
) -> str:
    state = state_name(int(frame.state[index]))
    load = load_name(int(frame.load[index]))
    if load:
        state += " · " + load
    office = office_names.get(int(frame.office[index]), "—")
    ts = float(frame.ts[index])
    fix = epoch_clock_text(ts) if ts == ts else "—"  # the district's clock
    speed = f"{float(frame.speed[index]):.0f}"
    lines = [
        str(frame.labels[index]),
        QCoreApplication.translate("UnitCard", "Office: %1").replace("%1", office),
        QCoreApplication.translate("UnitCard", "State: %1").replace("%1", state),
        QCoreApplication.translate("UnitCard", "Speed: %1 km/h").replace("%1", speed),
        QCoreApplication.translate("UnitCard", "Last fix: %1").replace("%1", fix),
    ]
    if has_video:  # a click opens it on the wall: say so where the operator is looking
        lines.append(QCoreApplication.translate("UnitCard", "Vehicle video: click to view"))
    return "\n".join(lines)
