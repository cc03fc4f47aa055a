"""The district's departments (联动): 市政所, 环卫中心, 园林绿化中心, 爱卫办, 社管办 … that handle
cases beside the offices. A category routes to one by name (``CategorySpec.department``); the
centre hands a case to one (转办) and the department hands it back with its answer (回复); a
department's users work the cases it holds on their own desk."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DepartmentRecord:
    id: int
    code: str
    name: str
    phone: str = ""
    active: bool = True
