"""The fields of each kind of editable record and how a typed value is checked (issue 13).

One table says, per kind, which fields a record shows, which may be changed, and what a value must
be; ``parse_changes`` turns what a form sends (text, or already typed) into stored values or refuses
with a ``Problem`` key. Column widths are the tables' own, so text is refused, never cut. Times of a
permit are ``HH:MM`` in the form and minutes after local midnight in the store.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from commandcenter.domain.district_edits import EditKind, EditRefused, Problem
from commandcenter.domain.kinds import (
    OFFICE_KINDS,
    PHONE_PATTERN,
    TERMINAL_PATTERN,
    CameraKind,
    Shift,
    StaffRole,
    VehicleKind,
)
from commandcenter.geo.datum import outside_china


class FieldType(StrEnum):
    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    CHOICE = "choice"
    REFERENCE = "reference"  # another record by name / number / plate
    TIME = "time"  # HH:MM ↔ minutes
    PHONE = "phone"
    TERMINAL = "terminal"


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType = FieldType.TEXT
    required: bool = False
    editable: bool = True
    limit: int = 0  # text length
    choices: tuple[str, ...] = ()
    low: float = -math.inf
    high: float = math.inf


_F, _T = FieldSpec, FieldType
_OFFICE_REF = _F("office", _T.REFERENCE, required=True)
FIELDS: Mapping[EditKind, tuple[FieldSpec, ...]] = {
    EditKind.OFFICE: (
        _F("code", editable=False),
        _F("name", required=True, limit=40),
        _F("kind", _T.CHOICE, required=True, choices=OFFICE_KINDS),
    ),
    EditKind.ROAD: (
        _F("name", required=True, limit=40),
        _F("grade", required=True, limit=8),
        _F("length_m", _T.FLOAT, editable=False),
    ),
    EditKind.SEGMENT: (
        _F("number", required=True, limit=16),
        _F("name", required=True, limit=80),
        _F("road", _T.REFERENCE, required=True),
        _OFFICE_REF,
        _F("difficulty", _T.INT, required=True, low=1, high=3),
        _F("length_m", _T.FLOAT, editable=False),
    ),
    EditKind.STAFF: (
        _F("code", required=True, limit=16),
        _F("name", required=True, limit=20),
        _F("phone", _T.PHONE, required=True, limit=20),
        _F("role", _T.CHOICE, required=True, choices=tuple(StaffRole)),
        _OFFICE_REF,
        _F("segment", _T.REFERENCE),
        _F("shift", _T.CHOICE, required=True, choices=tuple(Shift)),
    ),
    EditKind.VEHICLE: (
        _F("plate", required=True, limit=16),
        _F("kind", _T.CHOICE, required=True, choices=tuple(VehicleKind)),
        _F("company", limit=60),
        _F("terminal_id", _T.TERMINAL, limit=20),
        _F("office", _T.REFERENCE),
    ),
    EditKind.CAMERA: (
        _F("code", editable=False),
        _F("name", required=True, limit=80),
        _F("kind", _T.CHOICE, required=True, choices=tuple(CameraKind)),
        _F("group", limit=40),
        _F("main_url", limit=2000),
        _F("sub_url", limit=2000),
        _F("lon", _T.FLOAT, low=-180, high=180),
        _F("lat", _T.FLOAT, low=-90, high=90),
        _F("office", _T.REFERENCE, editable=False),
        _F("segment", _T.REFERENCE, editable=False),
    ),
    EditKind.PERMIT: (
        _F("number", required=True, limit=32),
        _F("vehicle", _T.REFERENCE, required=True),
        _F("start", _T.TIME, required=True),
        _F("end", _T.TIME, required=True),
        _F("buffer_m", _T.FLOAT, required=True, low=0, high=5000),
        _F("shape", editable=False),  # "area" or "route": replaced from a GeoJSON file
    ),
}


def spec_of(kind: EditKind, name: str) -> FieldSpec:
    for spec in FIELDS[kind]:
        if spec.name == name:
            return spec
    raise EditRefused(Problem.READ_ONLY, name)


def parse_changes(kind: EditKind, changes: Mapping[str, object], *, adding: bool = False) -> dict[str, Any]:
    """Typed, checked values for ``changes``; a new record (``adding``) needs every required field."""
    parsed: dict[str, Any] = {}
    for name, raw in changes.items():
        spec = spec_of(kind, name)
        if not spec.editable:
            raise EditRefused(Problem.READ_ONLY, name)
        parsed[name] = parse_value(spec, raw)
    if adding:
        for spec in FIELDS[kind]:
            if spec.required and spec.editable and parsed.get(spec.name) is None:
                raise EditRefused(Problem.REQUIRED, spec.name)
    if kind is EditKind.CAMERA and ("lon" in parsed or "lat" in parsed):
        _coordinates(parsed.get("lon"), parsed.get("lat"))
    return parsed


def _coordinates(lon: object, lat: object) -> None:
    """A camera is moved with both coordinates, inside China (WGS-84); clearing both is allowed."""
    if lon is None and lat is None:
        return
    if not isinstance(lon, float) or not isinstance(lat, float) or outside_china(lon, lat):
        raise EditRefused(Problem.BAD_COORDINATES, "lon", lon=lon, lat=lat)


def parse_value(spec: FieldSpec, raw: object) -> Any:
    """One value: empty text is None (refused for a required field)."""
    text = raw.strip() if isinstance(raw, str) else raw
    if text is None or text == "":
        if spec.required:
            raise EditRefused(Problem.REQUIRED, spec.name)
        return None
    if spec.type is FieldType.INT or spec.type is FieldType.FLOAT:
        return _number(spec, text)
    if spec.type is FieldType.TIME:
        return minutes_of(spec.name, text)
    value = str(text)
    if spec.limit and len(value) > spec.limit:
        raise EditRefused(Problem.TOO_LONG, spec.name, limit=spec.limit)
    if spec.choices and value not in spec.choices:
        raise EditRefused(Problem.UNKNOWN_CHOICE, spec.name, value=value)
    if spec.type is FieldType.PHONE and not PHONE_PATTERN.match(value):
        raise EditRefused(Problem.BAD_PHONE, spec.name)
    if spec.type is FieldType.TERMINAL and not TERMINAL_PATTERN.match(value):
        raise EditRefused(Problem.BAD_TERMINAL, spec.name)
    return value


def _number(spec: FieldSpec, raw: object) -> int | float:
    try:
        value = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise EditRefused(Problem.NOT_A_NUMBER, spec.name) from None
    if not math.isfinite(value) or not spec.low <= value <= spec.high:
        raise EditRefused(Problem.OUT_OF_RANGE, spec.name, low=spec.low, high=spec.high)
    if spec.type is FieldType.INT:
        if not value.is_integer():
            raise EditRefused(Problem.NOT_A_NUMBER, spec.name)
        return int(value)
    return value


def minutes_of(name: str, raw: object) -> int:
    """``"06:30"`` → 390; 24:00 is the end of the day. Minutes given as a number pass."""
    if isinstance(raw, int):
        minutes = raw
    else:
        hours, colon, rest = str(raw).partition(":")
        if not colon or not hours.isdigit() or not rest.isdigit() or int(rest) > 59:
            raise EditRefused(Problem.BAD_TIME, name)
        minutes = int(hours) * 60 + int(rest)
    if not 0 <= minutes <= 24 * 60:
        raise EditRefused(Problem.BAD_TIME, name)
    return minutes


def clock_of(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
