"""Offices, roads and segments from GeoJSON files, any of the three datums, into import inputs.

Geometry checks and the datum conversion are the GIS importer's (``gis_import``); this adds what a
district needs of each feature: its properties (name, code, road, office), one ring per office and one
line per road or segment. A file whose ``crs`` names a projected system, or whose coordinates are not
degrees in China, is refused as a whole — the usual sign of a wrong datum or a projected export.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from commandcenter.domain.district_import import (
    DistrictImportPlan,
    ImportProblem,
    Line,
    OfficeInput,
    Origin,
    RoadInput,
    SegmentInput,
)
from commandcenter.domain.gis import ImportedFeature, Layer
from commandcenter.domain.kinds import DEFAULT_ROAD_GRADE, OFFICE_KINDS
from commandcenter.geo.datum import Datum
from commandcenter.geo.distance import polyline_length_m
from commandcenter.gis_import.geojson import GeoJSONError, load_geojson, parse_geojson

T = TypeVar("T")
_FEATURE = "要素 feature"
_CHINA = (73.0, 3.0, 136.0, 54.0)
_LONLAT_CRS = ("crs84", "4326", "4490", "wgs84", "wgs 84", "cgcs2000")


class DistrictFileError(ValueError):
    """A district file that cannot be imported as a whole."""


def _properties(feature: ImportedFeature, aliases: Mapping[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in feature.properties.items():
        if value is None:
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        found[aliases.get(str(key).strip().lower(), str(key).strip().lower())] = text.strip()
    return found


def _check_crs(document: Any, file_name: str) -> None:
    crs = document.get("crs") if isinstance(document, dict) else None
    name = json.dumps(crs, ensure_ascii=False).lower() if crs else ""
    if name and not any(token in name for token in _LONLAT_CRS):
        raise DistrictFileError(
            f"{file_name}: 坐标系 {name[:80]} 不是经纬度 is not longitude/latitude; "
            "export WGS-84, GCJ-02 or BD-09 degrees"
        )


def read_layer(
    path: Path,
    layer: Layer,
    datum: Datum,
    aliases: Mapping[str, str],
    build: Callable[[Origin, dict[str, str], ImportedFeature, DistrictImportPlan], T | None],
    plan: DistrictImportPlan,
) -> list[T]:
    """Every feature of ``path`` built into an input; bad features become problems on ``plan``."""
    try:
        document = load_geojson(path)  # read and parsed once: the crs check and the features
        _check_crs(document, path.name)
        result = parse_geojson(document, datum, layer)
    except GeoJSONError as error:
        raise DistrictFileError(f"{path.name}: {error}") from None
    plan.sources[path.name] = "GeoJSON"
    for bad in result.errors:
        plan.problems.append(ImportProblem(Origin(path.name, bad.index + 1, _FEATURE), bad.reason))
    built: list[T] = []
    for feature in result.features:
        origin = Origin(path.name, feature.index + 1, _FEATURE)
        if not in_china(feature.positions()):
            plan.problems.append(
                ImportProblem(
                    origin, f"坐标不在中国境内 not in China: wrong datum or projected ({datum.value}?)"
                )
            )
            continue
        item = build(origin, _properties(feature, aliases), feature, plan)
        if item is not None:
            built.append(item)
    return built


def in_china(points: Sequence[Sequence[float]]) -> bool:
    """Whether every point is degrees inside China: a projected or lat/lon-swapped file is not."""
    west, south, east, north = _CHINA
    return all(west <= lon <= east and south <= lat <= north for lon, lat, *_ in points)


def _required(
    origin: Origin, values: dict[str, str], keys: tuple[str, ...], plan: DistrictImportPlan
) -> bool:
    missing = [key for key in keys if not values.get(key)]
    if missing:
        plan.problems.append(ImportProblem(origin, f"缺少 missing {', '.join(missing)}"))
    return not missing


def _one_line(origin: Origin, feature: ImportedFeature, plan: DistrictImportPlan, what: str) -> Line:
    """The longest part of a (multi)line; other parts are named in a note, never silently dropped."""
    parts: list[Line] = sorted(feature.parts, key=polyline_length_m, reverse=True)
    if len(parts) > 1:
        plan.notes.append(
            ImportProblem(origin, f"{what}有 {len(parts)} 段, 只保留最长的一段 kept the longest part")
        )
    return parts[0]


def office_input(
    origin: Origin, values: dict[str, str], feature: ImportedFeature, plan: DistrictImportPlan
) -> OfficeInput | None:
    if not _required(origin, values, ("name",), plan):
        return None
    polygons: list[list[Line]] = sorted(feature.parts, key=lambda polygon: len(polygon[0]), reverse=True)
    if len(polygons) > 1:
        plan.notes.append(
            ImportProblem(origin, f"边界有 {len(polygons)} 块, 只保留最大的一块 kept the largest part")
        )
    kind = values.get("kind") or "街道"
    if kind not in OFFICE_KINDS:
        plan.problems.append(
            ImportProblem(origin, f"未知镇办类型 unknown office kind {kind!r} ({'/'.join(OFFICE_KINDS)})")
        )
        return None
    return OfficeInput(origin, values["name"], values.get("code") or None, kind, polygons[0][0])


def road_input(
    origin: Origin, values: dict[str, str], feature: ImportedFeature, plan: DistrictImportPlan
) -> RoadInput | None:
    if not _required(origin, values, ("name",), plan):
        return None
    grade = values.get("grade") or DEFAULT_ROAD_GRADE
    return RoadInput(origin, values["name"], grade, _one_line(origin, feature, plan, "道路"))


def segment_input(
    origin: Origin, values: dict[str, str], feature: ImportedFeature, plan: DistrictImportPlan
) -> SegmentInput | None:
    if not _required(origin, values, ("code", "road", "office"), plan):
        return None
    name = values.get("name") or f"{values['road']}({values['code']})"
    difficulty = (values.get("difficulty") or "").strip()
    if difficulty not in ("", "1", "2", "3"):
        plan.problems.append(
            ImportProblem(origin, f"难度应为 1、2 或 3 difficulty must be 1, 2 or 3: {difficulty!r}")
        )
        return None
    geometry = _one_line(origin, feature, plan, "路段")
    return SegmentInput(
        origin, values["code"], values["road"], values["office"], name, geometry, int(difficulty or 0) or None
    )
