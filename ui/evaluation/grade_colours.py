"""The colour of a grade: the district's bands best first — green, blue, amber, red (the worst band
is always red, whatever the number of bands), so a ranking reads at a glance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

from commandcenter.domain.assessment_settings import GradeBand

_COLOURS = ("#2e7d32", "#1565c0", "#ef6c00")
_WORST = "#c62828"


def grade_colour(grade: str, bands: Sequence[GradeBand]) -> QColor | None:
    ordered = [band.name for band in sorted(bands, key=lambda band: -band.min_score)]
    if grade not in ordered:
        return None
    place = ordered.index(grade)
    if place == len(ordered) - 1:
        return QColor(_WORST)
    return QColor(_COLOURS[min(place, len(_COLOURS) - 1)])
