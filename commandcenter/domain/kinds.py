"""Closed vocabularies: the kinds of staff, vehicles, cameras and units.

Values are the Chinese terms the district uses, so they read naturally in the database, in
exports and in the UI; the enum member names are for code.
"""

from __future__ import annotations

import re
from enum import StrEnum

OFFICE_KINDS = ("街道", "镇", "乡", "管委会")
DEFAULT_ROAD_GRADE = "未分级"
# A phone as staff lists write it, and a JT/T 808 terminal number: 12 digits (2013) or 20 (2019).
# The importer and the editor check the same patterns (one rule, two doors).
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9\- ]{5,18}[0-9]$")
TERMINAL_PATTERN = re.compile(r"^[0-9]{6,20}$")


class StaffRole(StrEnum):
    CITY_MANAGER = "城市管理员"  # full-time patroller, about one per 300 m of road
    ROAD_CHIEF = "路长"  # the person responsible for one numbered road segment
    INSPECTOR = "督查员"  # 路长制 inspector and case collector


class Shift(StrEnum):
    DAY = "白班"
    NIGHT = "夜班"


class VehicleKind(StrEnum):
    MUCK_TRUCK = "渣土车"
    ENFORCEMENT = "执法车"


class CameraKind(StrEnum):
    STREET = "综合"  # street cameras on main and back roads
    CONSTRUCTION = "工地"
    PUBLIC_UNIT = "公共单位"
    VEHICLE = "车载"
    TDM = "TDM"  # citizen service terminals with face recognition


class UnitKind(StrEnum):
    """Anything that reports positions and shows on the live map."""

    PATROLLER = "patroller"
    MUCK_TRUCK = "muck_truck"
    ENFORCEMENT = "enforcement"


class CategoryKind(StrEnum):
    COMPONENT = "部件"
    EVENT = "事件"


class CaseStatus(StrEnum):
    """Stages of the standard workflow (CJJ/T 106, GB/T 30428.8); issue 5 adds the transitions."""

    RECEIVED = "受理"
    FILED = "立案"
    REJECTED = "不予立案"
    DISPATCHED = "派遣"
    ACKNOWLEDGED = "签收"
    DISPOSING = "处置"
    FEEDBACK = "反馈"
    VERIFYING = "核查"
    CLOSED = "结案"
    SUSPENDED = "挂账"
    VOIDED = "作废"


OPEN_CASE_STATUSES: frozenset[CaseStatus] = frozenset(CaseStatus) - {
    CaseStatus.CLOSED,
    CaseStatus.REJECTED,
    CaseStatus.VOIDED,
}


class UserRole(StrEnum):
    OPERATOR = "operator"  # 值班员
    SUPERVISOR = "supervisor"
    LEADER = "leader"
    OFFICE = "office"  # 镇办 user
    DEPARTMENT = "department"  # a department's user (爱卫办, 市政所 …): the cases handed to it
    INSPECTOR = "inspector"
    ADMIN = "admin"


class PhotoStage(StrEnum):
    """Which side of 核查's before/after comparison a case photo belongs to."""

    REPORTED = "上报"  # before: the reporter's photo
    DISPOSED = "处置后"  # after: the disposer's photo
