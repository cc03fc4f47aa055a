"""The rows of the trips-and-stops list: what each says and where playback jumps when it is picked.

Times show on the district's clock (``ui.district_time``), as operators read them on the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from commandcenter.tracks import Segmentation, Stop, Trip
from ui.district_time import epoch_clock_text


@dataclass(frozen=True)
class TrackRow:
    unit_id: int
    start: float  # epoch seconds: where playback seeks when the row is chosen
    text: str
    is_stop: bool


def clock_text(epoch: float) -> str:
    return epoch_clock_text(epoch)


def _minutes(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))  # a call as the count argument hides the string from lupdate
    return QCoreApplication.translate("TrackRows", "%n min", "", minutes)


def stop_summary(stop: Stop) -> str:
    """``停留 08:20:00–08:32:10 12 分钟``: the list's words, also on the map's stop markers."""
    what = QCoreApplication.translate("TrackRows", "Stop")
    return f"{what}  {clock_text(stop.start)}–{clock_text(stop.end)}  {_minutes(stop.duration_s)}"


def rows_for(unit_label: str, unit_id: int, segmentation: Segmentation) -> list[TrackRow]:
    """Trips and stops interleaved in time order."""
    parts: list[Trip | Stop] = sorted([*segmentation.trips, *segmentation.stops], key=lambda part: part.start)
    rows = []
    for part in parts:
        span = f"{clock_text(part.start)}–{clock_text(part.end)}"
        if isinstance(part, Stop):
            text = f"{unit_label}  {stop_summary(part)}"
        else:
            what = QCoreApplication.translate("TrackRows", "Trip")
            text = (
                f"{unit_label}  {what}  {span}  {part.distance_m / 1000:.1f} km  {_minutes(part.duration_s)}"
            )
        rows.append(TrackRow(unit_id, part.start, text, isinstance(part, Stop)))
    return rows
