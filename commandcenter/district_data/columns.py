"""The columns (CSV/Excel) and properties (GeoJSON) each district file may have, by canonical key,
with the Chinese headers a district's own spreadsheets use. ``docs/DISTRICT.md`` documents the same.
"""

from __future__ import annotations

from collections.abc import Mapping

from commandcenter.domain.kinds import Shift, StaffRole, VehicleKind

OFFICE_ALIASES = {"名称": "name", "镇办": "name", "编码": "code", "代码": "code", "类型": "kind"}
ROAD_ALIASES = {"名称": "name", "道路": "name", "等级": "grade", "道路等级": "grade"}
SEGMENT_ALIASES = {
    "编号": "code",
    "路段编号": "code",
    "number": "code",
    "道路": "road",
    "所属道路": "road",
    "镇办": "office",
    "所属镇办": "office",
    "街道": "office",
    "名称": "name",
    "路段名称": "name",
    "难度": "difficulty",
}
STAFF_ALIASES = {
    "工号": "code",
    "编号": "code",
    "姓名": "name",
    "电话": "phone",
    "手机": "phone",
    "手机号": "phone",
    "角色": "role",
    "岗位": "role",
    "镇办": "office",
    "所属镇办": "office",
    "路段": "segment",
    "路段编号": "segment",
    "班次": "shift",
}
VEHICLE_ALIASES = {
    "车牌": "plate",
    "车牌号": "plate",
    "类型": "kind",
    "车辆类型": "kind",
    "公司": "company",
    "所属公司": "company",
    "运输公司": "company",
    "终端号": "terminal_id",
    "终端": "terminal_id",
    "终端手机号": "terminal_id",
    "镇办": "office",
    "所属镇办": "office",
}

REQUIRED: Mapping[str, tuple[str, ...]] = {
    "offices": ("name",),
    "roads": ("name",),
    "segments": ("code", "road", "office"),
    "staff": ("name", "phone", "role", "office"),
    "vehicles": ("plate", "kind"),
}

# Accepted spellings of the closed vocabularies, mapped to the stored Chinese term.
STAFF_ROLES = {
    **{role.value: role.value for role in StaffRole},
    "city_manager": StaffRole.CITY_MANAGER.value,
    "road_chief": StaffRole.ROAD_CHIEF.value,
    "inspector": StaffRole.INSPECTOR.value,
    "城管队员": StaffRole.CITY_MANAGER.value,
}
SHIFTS = {**{shift.value: shift.value for shift in Shift}, "day": "白班", "night": "夜班", "": "白班"}
VEHICLE_KINDS = {
    **{kind.value: kind.value for kind in VehicleKind},
    "muck_truck": VehicleKind.MUCK_TRUCK.value,
    "enforcement": VehicleKind.ENFORCEMENT.value,
    "建筑垃圾运输车": VehicleKind.MUCK_TRUCK.value,
}
