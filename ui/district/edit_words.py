"""The words for the district editor's keys: kinds of record, field names, operations and the reasons
an edit is refused (``EditRefused.problem`` with its facts). Marked with ``QT_TRANSLATE_NOOP`` so
lupdate finds them; an unknown key is shown as the core gave it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.district_edits import EditRefused, Problem

_CONTEXT = "EditWords"


def _w(text: object) -> str:
    return str(text)


KINDS: dict[str, str] = {
    "office": _w(QT_TRANSLATE_NOOP("EditWords", "Offices")),
    "road": _w(QT_TRANSLATE_NOOP("EditWords", "Roads")),
    "segment": _w(QT_TRANSLATE_NOOP("EditWords", "Segments")),
    "staff": _w(QT_TRANSLATE_NOOP("EditWords", "Staff")),
    "vehicle": _w(QT_TRANSLATE_NOOP("EditWords", "Vehicles")),
    "camera": _w(QT_TRANSLATE_NOOP("EditWords", "Cameras")),
    "permit": _w(QT_TRANSLATE_NOOP("EditWords", "Transport permits")),
}
FIELDS: dict[str, str] = {
    "id": _w(QT_TRANSLATE_NOOP("EditWords", "Id")),
    "code": _w(QT_TRANSLATE_NOOP("EditWords", "Code")),
    "name": _w(QT_TRANSLATE_NOOP("EditWords", "Name")),
    "kind": _w(QT_TRANSLATE_NOOP("EditWords", "Kind")),
    "grade": _w(QT_TRANSLATE_NOOP("EditWords", "Grade")),
    "length_m": _w(QT_TRANSLATE_NOOP("EditWords", "Length (m)")),
    "number": _w(QT_TRANSLATE_NOOP("EditWords", "Number")),
    "road": _w(QT_TRANSLATE_NOOP("EditWords", "Road")),
    "office": _w(QT_TRANSLATE_NOOP("EditWords", "Office")),
    "difficulty": _w(QT_TRANSLATE_NOOP("EditWords", "Difficulty")),
    "phone": _w(QT_TRANSLATE_NOOP("EditWords", "Phone")),
    "role": _w(QT_TRANSLATE_NOOP("EditWords", "Role")),
    "segment": _w(QT_TRANSLATE_NOOP("EditWords", "Segment")),
    "shift": _w(QT_TRANSLATE_NOOP("EditWords", "Shift")),
    "plate": _w(QT_TRANSLATE_NOOP("EditWords", "Plate")),
    "company": _w(QT_TRANSLATE_NOOP("EditWords", "Company")),
    "terminal_id": _w(QT_TRANSLATE_NOOP("EditWords", "Terminal")),
    "group": _w(QT_TRANSLATE_NOOP("EditWords", "Group")),
    "main_url": _w(QT_TRANSLATE_NOOP("EditWords", "Main stream URL")),
    "sub_url": _w(QT_TRANSLATE_NOOP("EditWords", "Sub stream URL")),
    "lon": _w(QT_TRANSLATE_NOOP("EditWords", "Longitude")),
    "lat": _w(QT_TRANSLATE_NOOP("EditWords", "Latitude")),
    "vehicle": _w(QT_TRANSLATE_NOOP("EditWords", "Vehicle")),
    "start": _w(QT_TRANSLATE_NOOP("EditWords", "From")),
    "end": _w(QT_TRANSLATE_NOOP("EditWords", "Until")),
    "buffer_m": _w(QT_TRANSLATE_NOOP("EditWords", "Buffer (m)")),
    "shape": _w(QT_TRANSLATE_NOOP("EditWords", "Shape")),
    "merged_into": _w(QT_TRANSLATE_NOOP("EditWords", "Merged into")),
}
OPERATIONS: dict[str, str] = {
    "edit": _w(QT_TRANSLATE_NOOP("EditWords", "edited")),
    "add": _w(QT_TRANSLATE_NOOP("EditWords", "added")),
    "remove": _w(QT_TRANSLATE_NOOP("EditWords", "removed")),
    "split": _w(QT_TRANSLATE_NOOP("EditWords", "split")),
    "merge": _w(QT_TRANSLATE_NOOP("EditWords", "merged")),
    "follow": _w(QT_TRANSLATE_NOOP("EditWords", "moved with its segment")),
    "rename_company": _w(QT_TRANSLATE_NOOP("EditWords", "company renamed")),
    "shape": _w(QT_TRANSLATE_NOOP("EditWords", "area or route replaced")),
}
PROBLEMS: dict[str, str] = {
    Problem.NOT_FOUND: _w(QT_TRANSLATE_NOOP("EditWords", "The record no longer exists.")),
    Problem.READ_ONLY: _w(QT_TRANSLATE_NOOP("EditWords", "%1 cannot be changed here.")),
    Problem.REQUIRED: _w(QT_TRANSLATE_NOOP("EditWords", "%1 is required.")),
    Problem.TOO_LONG: _w(QT_TRANSLATE_NOOP("EditWords", "%1 is too long.")),
    Problem.NOT_A_NUMBER: _w(QT_TRANSLATE_NOOP("EditWords", "%1 must be a number.")),
    Problem.OUT_OF_RANGE: _w(QT_TRANSLATE_NOOP("EditWords", "%1 is out of range.")),
    Problem.UNKNOWN_CHOICE: _w(QT_TRANSLATE_NOOP("EditWords", "%1: choose one of the listed values.")),
    Problem.BAD_PHONE: _w(QT_TRANSLATE_NOOP("EditWords", "%1 is not a phone number.")),
    Problem.BAD_TERMINAL: _w(QT_TRANSLATE_NOOP("EditWords", "%1 must be 6 to 20 digits.")),
    Problem.BAD_TIME: _w(QT_TRANSLATE_NOOP("EditWords", "%1 must be a time such as 06:30.")),
    Problem.BAD_COORDINATES: _w(
        QT_TRANSLATE_NOOP("EditWords", "Give both longitude and latitude, inside China.")
    ),
    Problem.DUPLICATE: _w(QT_TRANSLATE_NOOP("EditWords", "%1 is already used by another record.")),
    Problem.UNKNOWN_REFERENCE: _w(QT_TRANSLATE_NOOP("EditWords", "%1: no such record.")),
    Problem.SEGMENT_OF_OTHER_OFFICE: _w(
        QT_TRANSLATE_NOOP("EditWords", "The segment and the staff on it must belong to the same office.")
    ),
    Problem.BAD_SPLIT: _w(
        QT_TRANSLATE_NOOP("EditWords", "Split inside the segment, leaving both parts at least 10 m.")
    ),
    Problem.SAME_SEGMENT: _w(QT_TRANSLATE_NOOP("EditWords", "Choose another segment to merge with.")),
    Problem.DIFFERENT_ROADS: _w(
        QT_TRANSLATE_NOOP("EditWords", "Only segments of the same road can be merged.")
    ),
    Problem.NOT_TOUCHING: _w(QT_TRANSLATE_NOOP("EditWords", "The segments do not meet end to end.")),
    Problem.IN_USE: _w(
        QT_TRANSLATE_NOOP("EditWords", "Cases name this person: take him off his segment instead.")
    ),
    Problem.BAD_GEOJSON: _w(QT_TRANSLATE_NOOP("EditWords", "The GeoJSON file cannot be used: %1")),
}


def word(table: dict[str, str], key: object) -> str:
    text = table.get(str(key))
    return QCoreApplication.translate(_CONTEXT, text) if text is not None else str(key)


def refusal_text(error: EditRefused) -> str:
    """One sentence for a refused edit, naming the field (or the file's reason)."""
    text = word(PROBLEMS, error.problem)
    detail = (
        str(error.facts.get("message", ""))
        if error.problem is Problem.BAD_GEOJSON
        else word(FIELDS, error.field)
    )
    return text.replace("%1", detail)
