"""The rows of the trips-and-stops list: what each says and where playback jumps when it is picked.

Times show in the district's local time (Asia/Shanghai), as operators read them on the wall clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from commandcenter.rules.permits import DISTRICT_TIMEZONE
from commandcenter.tracks import Segmentation, Stop, Trip


@dataclass(frozen=True)
class TrackRow:
    unit_id: int
    start: float  # epoch seconds: where playback seeks when the row is chosen
    text: str
    is_stop: bool


def clock_text(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).astimezone(DISTRICT_TIMEZONE).strftime("%H:%M:%S")


def _minutes(seconds: float) -> str:
    return QCoreApplication.translate("TrackRows", "%n min", "", max(1, round(seconds / 60)))


def rows_for(unit_label: str, unit_id: int, segmentation: Segmentation) -> list[TrackRow]:
    """Trips and stops interleaved in time order."""
    parts: list[Trip | Stop] = sorted([*segmentation.trips, *segmentation.stops], key=lambda part: part.start)
    rows = []
    for part in parts:
        span = f"{clock_text(part.start)}–{clock_text(part.end)}"
        if isinstance(part, Stop):
            what = QCoreApplication.translate("TrackRows", "Stop")
            text = f"{unit_label}  {what}  {span}  {_minutes(part.duration_s)}"
        else:
            what = QCoreApplication.translate("TrackRows", "Trip")
            text = (
                f"{unit_label}  {what}  {span}  {part.distance_m / 1000:.1f} km  {_minutes(part.duration_s)}"
            )
        rows.append(TrackRow(unit_id, part.start, text, isinstance(part, Stop)))
    return rows
