"""The words for what the district services return as keys: the consistency check's severities,
rules and record kinds, the import's tables and the units its rows are counted in, and the datums.
Marked with ``QT_TRANSLATE_NOOP`` so lupdate finds them (a ``translate()`` of a variable is invisible
to it); an unknown key is shown as the core gave it rather than hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.district_check import Rule, Severity
from commandcenter.geo.datum import Datum

_CONTEXT = "DistrictWords"


def _word(text: object) -> str:
    return str(text)  # the marker's stub returns ``object``; lupdate still finds it inside the call


SEVERITIES: dict[str, str] = {
    Severity.ERROR: _word(QT_TRANSLATE_NOOP("DistrictWords", "Error")),
    Severity.WARNING: _word(QT_TRANSLATE_NOOP("DistrictWords", "Warning")),
}
KINDS: dict[str, str] = {
    "segment": _word(QT_TRANSLATE_NOOP("DistrictWords", "Segment")),
    "staff": _word(QT_TRANSLATE_NOOP("DistrictWords", "Staff")),
    "vehicle": _word(QT_TRANSLATE_NOOP("DistrictWords", "Vehicle")),
    "camera": _word(QT_TRANSLATE_NOOP("DistrictWords", "Camera")),
    "permit": _word(QT_TRANSLATE_NOOP("DistrictWords", "Transport permit")),
    "office": _word(QT_TRANSLATE_NOOP("DistrictWords", "Office")),
}
RULES: dict[str, str] = {
    Rule.SEGMENT_WITHOUT_ROAD_CHIEF: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "Segment without a road chief")
    ),
    Rule.SEGMENT_WITH_SEVERAL_ROAD_CHIEFS: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "Segment with several road chiefs")
    ),
    Rule.ROAD_CHIEF_ON_SEVERAL_SEGMENTS: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "Road chief of several segments")
    ),
    Rule.SEGMENTS_OVERLAP: _word(QT_TRANSLATE_NOOP("DistrictWords", "Segments overlap")),
    Rule.SEGMENT_OUTSIDE_OFFICE: _word(QT_TRANSLATE_NOOP("DistrictWords", "Segment outside its office")),
    Rule.SEGMENT_WITHOUT_GEOMETRY: _word(QT_TRANSLATE_NOOP("DistrictWords", "Segment without a valid line")),
    Rule.OFFICE_WITHOUT_BOUNDARY: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "Office without a valid boundary")
    ),
    Rule.CAMERA_OUTSIDE_DISTRICT: _word(QT_TRANSLATE_NOOP("DistrictWords", "Camera outside the district")),
    Rule.PERMIT_OUTSIDE_DISTRICT: _word(QT_TRANSLATE_NOOP("DistrictWords", "Permit outside the district")),
    Rule.ROAD_CHIEF_WITHOUT_SEGMENT: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "Road chief without a segment")
    ),
    Rule.CITY_MANAGER_WITHOUT_SEGMENT: _word(
        QT_TRANSLATE_NOOP("DistrictWords", "City manager without a segment")
    ),
    Rule.TERMINAL_NEVER_REPORTED: _word(QT_TRANSLATE_NOOP("DistrictWords", "Terminal never reported")),
    Rule.OFFICE_WITHOUT_SEGMENTS: _word(QT_TRANSLATE_NOOP("DistrictWords", "Office without segments")),
}
TABLES: dict[str, str] = {
    "offices": _word(QT_TRANSLATE_NOOP("DistrictWords", "Sub-district offices")),
    "roads": _word(QT_TRANSLATE_NOOP("DistrictWords", "Roads")),
    "segments": _word(QT_TRANSLATE_NOOP("DistrictWords", "Segments")),
    "staff": _word(QT_TRANSLATE_NOOP("DistrictWords", "Staff")),
    "vehicles": _word(QT_TRANSLATE_NOOP("DistrictWords", "Vehicles")),
    "units": _word(QT_TRANSLATE_NOOP("DistrictWords", "Positioning units")),
    "cameras": _word(QT_TRANSLATE_NOOP("DistrictWords", "Cameras")),
    "categories": _word(QT_TRANSLATE_NOOP("DistrictWords", "Case categories")),
}
# ``Origin.unit`` as the reader sets it (a CSV line, an Excel row, a GeoJSON feature, a JSON item)
UNITS: dict[str, str] = {
    "行 line": _word(QT_TRANSLATE_NOOP("DistrictWords", "line %1")),
    "行 row": _word(QT_TRANSLATE_NOOP("DistrictWords", "row %1")),
    "要素 feature": _word(QT_TRANSLATE_NOOP("DistrictWords", "feature %1")),
    "项 item": _word(QT_TRANSLATE_NOOP("DistrictWords", "item %1")),
}
DATUMS: dict[str, str] = {
    Datum.WGS84: _word(QT_TRANSLATE_NOOP("DistrictWords", "WGS-84 (satellite positioning)")),
    Datum.GCJ02: _word(QT_TRANSLATE_NOOP("DistrictWords", "GCJ-02 (national survey, phone maps)")),
    Datum.BD09: _word(QT_TRANSLATE_NOOP("DistrictWords", "BD-09 (Baidu maps)")),
}


def word(words: dict[str, str], key: str) -> str:
    """The UI's word for ``key`` in one of the maps above; the key itself when it has none."""
    text = words.get(key)
    return QCoreApplication.translate(_CONTEXT, text) if text else key


def where(unit: str, line: int) -> str:
    """ "line 3" / "第 3 行" for an ``Origin``'s unit and number."""
    return word(UNITS, unit).replace("%1", str(line)) if unit in UNITS else f"{unit} {line}"
