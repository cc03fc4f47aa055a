"""Camera lists from a CSV or JSON file: the spreadsheet every platform vendor hands over.

Nothing is lost: good rows are imported and every bad row is reported with its line number and
what is wrong, so the operator fixes the file and imports again rather than guessing which of
3,000 rows vanished. Coordinates are converted to WGS-84 from the datum the file was made in
(vendors export GCJ-02 from AMap or BD-09 from Baidu maps as often as WGS-84).

Columns (header names, case-insensitive): ``code`` and ``name`` required; optional ``kind``,
``office``, ``segment``, ``lon``, ``lat``, ``online``, ``main_url``, ``sub_url``, ``gb_device_id``.
A JSON file is a list of objects with the same keys (its "line" is the 1-based item number).

CSV rows come from ``csv_rows`` (one row per line: an unclosed quote or extra cells is that line's
error). The file may be UTF-8 (with or without Excel's BOM) or GBK/GB18030: ``commandcenter.textfiles``
decides and ``ImportResult.encoding`` says which.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from commandcenter.catalog.csv_rows import RowError, csv_header_and_rows
from commandcenter.catalog.source import CatalogError
from commandcenter.domain.cameras import CameraEntry, StreamUrls
from commandcenter.geo.datum import Datum, to_wgs84
from commandcenter.textfiles import TextEncodingError, read_text, read_utf8

_TRUE = {"1", "true", "yes", "y", "on", "online", "在线", "是"}
_FALSE = {"0", "false", "no", "n", "off", "offline", "离线", "否"}
DEFAULT_KIND = "导入"
_LIMITS = {"code": 24, "name": 80, "kind": 8}


@dataclass
class ImportResult:
    cameras: list[CameraEntry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # each camera's line, for errors found later
    encoding: str = "UTF-8"  # what the file was read as (``textfiles``), for the import summary


def _text(row: Mapping[str, object], key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _online(raw: str) -> bool:
    if raw == "" or raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ValueError(f"online must be yes/no or 1/0, got {raw!r}")


def _position(row: Mapping[str, object], datum: Datum) -> tuple[float | None, float | None]:
    lon_text, lat_text = _text(row, "lon"), _text(row, "lat")
    if not lon_text and not lat_text:
        return None, None
    if not lon_text or not lat_text:
        raise ValueError("lon and lat must be given together")
    try:
        lon, lat = float(lon_text), float(lat_text)
    except ValueError:
        raise ValueError(f"lon/lat must be numbers, got {lon_text!r}, {lat_text!r}") from None
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
        raise ValueError(f"lon/lat out of range: {lon}, {lat}")
    return to_wgs84(lon, lat, datum)


def _check_lengths(row: Mapping[str, object]) -> None:
    """The cameras table's column widths: better a row error now than a failed import later."""
    for key, limit in _LIMITS.items():
        value = _text(row, key)
        if len(value) > limit:
            raise ValueError(f"{key} is longer than {limit} characters: {value!r}")
    gb_id = _text(row, "gb_device_id")
    if gb_id and not (len(gb_id) == 20 and gb_id.isdigit()):
        raise ValueError(f"gb_device_id must be 20 digits (GB/T 28181), got {gb_id!r}")


def _entry(row: Mapping[str, object], datum: Datum) -> CameraEntry:
    code, name = _text(row, "code"), _text(row, "name")
    if not code:
        raise ValueError("code is missing")
    if not name:
        raise ValueError("name is missing")
    _check_lengths(row)
    lon, lat = _position(row, datum)
    return CameraEntry(
        code=code,
        name=name,
        kind=_text(row, "kind") or DEFAULT_KIND,
        office=_text(row, "office") or None,
        segment=_text(row, "segment") or None,
        lon=lon,
        lat=lat,
        online=_online(_text(row, "online")),
        main_url=_text(row, "main_url"),
        sub_url=_text(row, "sub_url"),
        gb_device_id=_text(row, "gb_device_id") or None,
    )


def _collect(rows: Iterable[tuple[int, Mapping[str, object] | object]], datum: Datum) -> ImportResult:
    result, seen = ImportResult(), set[str]()
    for line, row in rows:
        if isinstance(row, RowError):
            result.errors.append(row)
            continue
        if not isinstance(row, Mapping):
            result.errors.append(RowError(line, "not an object"))
            continue
        try:
            entry = _entry({str(key).strip().lower(): value for key, value in row.items()}, datum)
        except ValueError as error:
            result.errors.append(RowError(line, str(error)))
            continue
        if entry.code in seen:
            result.errors.append(RowError(line, f"duplicate code {entry.code!r}"))
            continue
        seen.add(entry.code)
        result.cameras.append(entry)
        result.lines.append(line)
    return result


def parse_csv(text: str, datum: Datum | str = Datum.WGS84) -> ImportResult:
    header, rows = csv_header_and_rows(text)
    if "code" not in {name.strip().lower() for name in header}:
        raise CatalogError("the CSV header must name at least the columns code and name")
    return _collect(rows, Datum(datum))


def parse_json(text: str, datum: Datum | str = Datum.WGS84) -> ImportResult:
    try:
        items = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogError(f"not valid JSON (line {error.lineno}): {error.msg}") from error
    if isinstance(items, dict) and isinstance(items.get("cameras"), list):
        items = items["cameras"]
    if not isinstance(items, list):
        raise CatalogError('the JSON file must be a list of cameras (or {"cameras": [...]})')
    return _collect(enumerate(items, start=1), Datum(datum))


def import_file(path: Path, datum: Datum | str = Datum.WGS84) -> ImportResult:
    """Parse ``path`` by its extension: .json (UTF-8, as JSON requires), otherwise CSV in UTF-8
    (BOM or not), GBK or GB18030 — the encoding found is ``result.encoding``."""
    try:
        if path.suffix.lower() == ".json":
            return parse_json(read_utf8(path, "JSON"), datum)
        decoded = read_text(path)
    except OSError as error:
        raise CatalogError(f"cannot read {path}: {error}") from error
    except TextEncodingError as error:
        raise CatalogError(str(error)) from error
    result = parse_csv(decoded.text, datum)
    result.encoding = decoded.encoding
    return result


class FileCatalog:
    """``CameraCatalog`` over an imported file's good rows."""

    def __init__(self, result: ImportResult) -> None:
        self.result = result
        self._by_code = {entry.code: entry for entry in result.cameras}

    @classmethod
    def from_path(cls, path: Path, datum: Datum | str = Datum.WGS84) -> FileCatalog:
        return cls(import_file(path, datum))

    def list_cameras(self) -> list[CameraEntry]:
        return list(self.result.cameras)

    def stream_urls(self, code: str) -> StreamUrls:
        entry = self._by_code.get(code)
        if entry is None:
            raise CatalogError(f"no camera with code {code!r} in the imported file")
        return entry.streams
