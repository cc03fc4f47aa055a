"""One kind of record written out as the editor lists it (issue 13): CSV (UTF-8 with BOM), Excel or,
for the kinds with a place, GeoJSON — with the writers of the district export (``export.py``), so a
file from here opens the same way as a delivery's.

Columns are the kind's fields (``domain.edit_fields``) after the record's id; a permit's hours are
written as ``HH:MM``. GeoJSON features carry the same fields as properties; a camera without a
position has no feature (nothing to draw), and is counted out in the return value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import Any

from commandcenter.district_data.export import collection, feature, line_in, write_csv, write_json, write_xlsx
from commandcenter.domain.district_edits import SPATIAL_KINDS, EditKind, EditRefused, Problem, Record
from commandcenter.domain.edit_fields import FIELDS, FieldType, clock_of
from commandcenter.geo.datum import Datum, from_wgs84

Rows = Iterable[tuple[Record, Any]]  # a record and its geometry columns (or None)


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    GEOJSON = "geojson"


def columns_of(kind: EditKind) -> list[str]:
    return ["id", *(spec.name for spec in FIELDS[kind])]


def export_records(
    kind: EditKind, rows: Rows, path: Path, fmt: ExportFormat, datum: Datum = Datum.WGS84
) -> int:
    """Write ``rows`` to ``path``; returns how many records were written."""
    if fmt is ExportFormat.GEOJSON:
        if kind not in SPATIAL_KINDS:
            raise EditRefused(Problem.READ_ONLY, "geojson", kind=kind.value)
        features = [f for f in (_feature_of(kind, record, shape, datum) for record, shape in rows) if f]
        write_json(path, collection(features))
        return len(features)
    counted = _Counted(_cells(kind, record) for record, _ in rows)
    writer = write_csv if fmt is ExportFormat.CSV else write_xlsx
    writer(path, columns_of(kind), counted)
    return counted.count


class _Counted:
    """Counts rows as a writer streams them (the writers take any iterable)."""

    def __init__(self, rows: Iterable[list[object]]) -> None:
        self._rows, self.count = rows, 0

    def __iter__(self) -> Iterator[list[object]]:
        for row in self._rows:
            self.count += 1
            yield row


def _text(kind: EditKind, name: str, value: object) -> object:
    times = {spec.name for spec in FIELDS[kind] if spec.type is FieldType.TIME}
    return clock_of(value) if name in times and isinstance(value, int) else value


def _cells(kind: EditKind, record: Record) -> list[object]:
    return [record.id, *(_text(kind, spec.name, record.values.get(spec.name)) for spec in FIELDS[kind])]


def _feature_of(kind: EditKind, record: Record, shape: Any, datum: Datum) -> dict[str, Any] | None:
    properties = dict(zip(columns_of(kind), _cells(kind, record), strict=True))
    if kind is EditKind.CAMERA:
        lon, lat = record.values.get("lon"), record.values.get("lat")
        if lon is None or lat is None:
            return None
        return feature("Point", [round(c, 7) for c in from_wgs84(lon, lat, datum)], properties)
    if kind is EditKind.OFFICE:
        return feature("Polygon", [line_in(shape[0], datum)], properties)
    if kind is EditKind.PERMIT:
        area, route = shape
        if area:
            return feature("Polygon", [line_in(area, datum)], properties)
        return feature("LineString", line_in(route, datum), properties)
    return feature("LineString", line_in(shape[0], datum), properties)
