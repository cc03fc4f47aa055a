"""Staff and vehicles (CSV or Excel) and cameras (CSV or JSON) into import inputs, every bad row named.

A row is checked on its own here (required cells, the closed vocabularies, phone and terminal
numbers); whether its office or segment exists is ``references``' job, once every file is read.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from commandcenter.catalog.csv_rows import RowError
from commandcenter.catalog.file_import import import_file
from commandcenter.catalog.source import CatalogError
from commandcenter.district_data.columns import (
    REQUIRED,
    SHIFTS,
    STAFF_ALIASES,
    STAFF_ROLES,
    VEHICLE_ALIASES,
    VEHICLE_KINDS,
)
from commandcenter.district_data.read_features import DistrictFileError
from commandcenter.district_data.tables import Cells, TableError, read_table
from commandcenter.domain.district_import import (
    DistrictImportPlan,
    ImportProblem,
    Origin,
    StaffInput,
    VehicleInput,
)
from commandcenter.domain.kinds import PHONE_PATTERN, TERMINAL_PATTERN
from commandcenter.geo.datum import Datum
from commandcenter.textfiles import TextEncodingError

# Column widths of the tables the rows land in: longer text is refused, never cut.
LIMITS = {"name": 20, "code": 16, "phone": 20, "plate": 16, "company": 60, "office": 40, "segment": 16}


def _rows(
    path: Path, file_kind: str, aliases: Mapping[str, str], plan: DistrictImportPlan
) -> list[tuple[Origin, Cells]]:
    try:
        table = read_table(path, aliases)
    except TableError as error:
        raise DistrictFileError(str(error)) from None
    missing = [key for key in REQUIRED[file_kind] if key not in table.header]
    if missing:
        raise DistrictFileError(
            f"{path.name}: 缺少列 missing columns {', '.join(missing)} (see docs/DISTRICT.md)"
        )
    plan.sources[path.name] = table.source
    unit = "行 row" if table.source == "Excel" else "行 line"
    good: list[tuple[Origin, Cells]] = []
    for number, row in table.rows:
        origin = Origin(path.name, number, unit)
        if isinstance(row, RowError):
            plan.problems.append(ImportProblem(origin, row.message))
            continue
        problems = _shape_problems(row, REQUIRED[file_kind])
        if problems:
            plan.problems.append(ImportProblem(origin, "; ".join(problems)))
            continue
        good.append((origin, row))
    return good


def _shape_problems(row: Cells, required: tuple[str, ...]) -> list[str]:
    problems = [f"缺少 missing {key}" for key in required if not row.get(key)]
    problems += [
        f"{key} 超过 {limit} 字 longer than {limit}: {row[key][:limit]}…"
        for key, limit in LIMITS.items()
        if len(row.get(key) or "") > limit
    ]
    return problems


def read_staff(path: Path, plan: DistrictImportPlan) -> list[StaffInput]:
    staff: list[StaffInput] = []
    for origin, row in _rows(path, "staff", STAFF_ALIASES, plan):
        role = STAFF_ROLES.get(row["role"].lower())
        shift = SHIFTS.get((row.get("shift") or "").lower())
        phone = row["phone"].replace(" ", "")
        problems = []
        if role is None:
            problems.append(
                f"未知角色 unknown role {row['role']!r} ({'/'.join(sorted(set(STAFF_ROLES.values())))})"
            )
        if shift is None:
            problems.append(f"未知班次 unknown shift {row.get('shift')!r} (白班/夜班)")
        if not PHONE_PATTERN.match(phone):
            problems.append(f"电话号码无效 not a phone number: {row['phone']!r}")
        if problems or role is None or shift is None:
            plan.problems.append(ImportProblem(origin, "; ".join(problems)))
            continue
        code = row.get("code") or f"P{phone.replace('-', '')[-15:]}"
        staff.append(
            StaffInput(
                origin, code, row["name"], phone, role, row["office"], row.get("segment") or None, shift
            )
        )
    return staff


def read_vehicles(path: Path, plan: DistrictImportPlan) -> list[VehicleInput]:
    vehicles: list[VehicleInput] = []
    for origin, row in _rows(path, "vehicles", VEHICLE_ALIASES, plan):
        kind = VEHICLE_KINDS.get(row["kind"].lower())
        terminal = row.get("terminal_id") or None
        problems = []
        if kind is None:
            problems.append(f"未知车辆类型 unknown vehicle kind {row['kind']!r} (渣土车/执法车)")
        if terminal is not None and not TERMINAL_PATTERN.match(terminal):
            problems.append(f"终端号应为 6–20 位数字 terminal id must be 6–20 digits: {terminal!r}")
        if problems or kind is None:
            plan.problems.append(ImportProblem(origin, "; ".join(problems)))
            continue
        vehicles.append(
            VehicleInput(
                origin, row["plate"], kind, row.get("company") or None, terminal, row.get("office") or None
            )
        )
    return vehicles


def read_cameras(path: Path, datum: Datum, plan: DistrictImportPlan) -> None:
    """Cameras by the camera importer's rules (``catalog.file_import``: its columns, its checks)."""
    try:
        result = import_file(path, datum)
    except (CatalogError, TextEncodingError, OSError) as error:
        raise DistrictFileError(f"{path.name}: {error}") from None
    plan.sources[path.name] = result.encoding
    unit = "项 item" if path.suffix.lower() == ".json" else "行 line"
    for bad in result.errors:
        plan.problems.append(ImportProblem(Origin(path.name, bad.line, unit), bad.message))
    plan.cameras += result.cameras
    plan.camera_origins += [Origin(path.name, line, unit) for line in result.lines]
