"""Who may do what: the role → permission table, explicit in code so a reviewer reads it in one place.

Separation of duties follows the 145 platform: operators (值班员) file, dispatch and close; office
users (镇办) take and dispose of their own office's cases; only supervisors (值班长) approve 延期/挂账,
resume and void; leaders read and export; inspectors close small cases on the spot (简易处置);
administrators (IT) manage users, plugins and settings but do not work cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from commandcenter.domain.kinds import UserRole


class Permission(StrEnum):
    READ_ALL_CASES = "read_all_cases"  # every office's cases, segments and staff
    READ_OFFICE_CASES = "read_office_cases"  # only the principal's own office
    READ_DEPARTMENT_CASES = "read_department_cases"  # only the cases the principal's department holds
    CENTER_STEPS = "center_steps"  # 立案 不予立案 核查 结案 返工
    FILE_REPORT = "file_report"  # 受理: a citizen's call or visit taken down at the desk (新建案件)
    DISPATCH = "dispatch"  # 派遣
    OFFICE_STEPS = "office_steps"  # 签收 退回 处置 反馈, and requesting 延期/挂账
    DEPARTMENT_STEPS = "department_steps"  # 回复: a department's answer, handing the case back
    ON_SITE_CLOSE = "on_site_close"  # 简易处置
    APPROVE_EXTENSION = "approve_extension"  # 延期 / 挂账 approval
    SUPERVISE = "supervise"  # 恢复办理 作废
    EXPORT = "export"
    VIEW_AUDIT = "view_audit"
    MANAGE_USERS = "manage_users"
    MANAGE_PLUGINS = "manage_plugins"
    MANAGE_SETTINGS = "manage_settings"
    MANAGE_CATEGORIES = "manage_categories"  # the category table (立结案标准)
    CHECK_DISTRICT = "check_district"  # the district consistency report (issue 13)
    MANAGE_DISTRICT = "manage_district"  # importing and exporting the district's base data
    VIEW_INDICATORS = "view_indicators"  # the evaluation's indicator tables (an office user: their office)
    # 勤务 (issue 16): the duty roster and who is on duty; an office user: their own office's
    VIEW_DUTY = "view_duty"
    MANAGE_DUTY = "manage_duty"  # shift templates, roster entries, leave/swap/extra shifts
    # issue 16, 差异化考核 and 协商 (services.assessments, services.consultations)
    PUBLISH_ASSESSMENT = "publish_assessment"  # 发布考核通报: freezes a week's/month's/year's figures
    MANAGE_CONSULTATION = "manage_consultation"  # 协商议题: flag, withdraw, meeting, outcome
    # 督查 (issue 16): the inspector pool, drawing rounds, recording findings; viewing them. Office users
    # have neither: a 暗访 group's target must not be known to the office it visits.
    MANAGE_INSPECTIONS = "manage_inspections"
    VIEW_INSPECTIONS = "view_inspections"
    # issue 16, the credit record (失信联合惩戒)
    VIEW_CREDIT = "view_credit"  # the list, violators and violations (an office user: their office's cases)
    MANAGE_CREDIT = "manage_credit"  # confirm a violation on a case, file an appeal (执法, supervisors)
    # issue 18: steering a platform's dome cameras (云台: direction, zoom, lens, presets, cruise)
    PTZ_CONTROL = "ptz_control"


_P = Permission
_OPERATOR = frozenset(
    {_P.READ_ALL_CASES, _P.FILE_REPORT, _P.CENTER_STEPS, _P.DISPATCH, _P.EXPORT, _P.PTZ_CONTROL}
)
ROLE_PERMISSIONS: Mapping[UserRole, frozenset[Permission]] = {
    UserRole.OPERATOR: _OPERATOR,
    UserRole.SUPERVISOR: _OPERATOR
    | {
        _P.APPROVE_EXTENSION,
        _P.SUPERVISE,
        _P.VIEW_AUDIT,
        _P.MANAGE_CATEGORIES,
        _P.CHECK_DISTRICT,
        _P.VIEW_INDICATORS,
        _P.VIEW_DUTY,
        _P.MANAGE_DUTY,
        _P.PUBLISH_ASSESSMENT,
        _P.MANAGE_CONSULTATION,
        _P.MANAGE_INSPECTIONS,  # 督查
        _P.VIEW_INSPECTIONS,
        _P.VIEW_CREDIT,  # credit: appeals and removals also need SUPERVISE
        _P.MANAGE_CREDIT,
    },
    UserRole.LEADER: frozenset(
        {
            _P.READ_ALL_CASES,
            _P.EXPORT,
            _P.VIEW_AUDIT,
            _P.VIEW_INDICATORS,
            _P.VIEW_DUTY,
            _P.PUBLISH_ASSESSMENT,
            _P.VIEW_INSPECTIONS,
            _P.VIEW_CREDIT,
        }
    ),
    UserRole.OFFICE: frozenset(
        {
            _P.READ_OFFICE_CASES,
            _P.OFFICE_STEPS,
            _P.VIEW_INDICATORS,
            _P.VIEW_DUTY,
            _P.MANAGE_DUTY,
            _P.VIEW_CREDIT,
        }
    ),
    UserRole.DEPARTMENT: frozenset({_P.READ_DEPARTMENT_CASES, _P.DEPARTMENT_STEPS}),
    UserRole.INSPECTOR: frozenset({_P.READ_ALL_CASES, _P.ON_SITE_CLOSE})
    | {_P.VIEW_CREDIT, _P.MANAGE_CREDIT},  # 执法 in the field
    UserRole.ADMIN: frozenset(
        {
            _P.READ_ALL_CASES,
            _P.VIEW_AUDIT,
            _P.MANAGE_USERS,
            _P.MANAGE_PLUGINS,
            _P.MANAGE_SETTINGS,
            _P.MANAGE_CATEGORIES,
            _P.CHECK_DISTRICT,
            _P.MANAGE_DISTRICT,
            _P.VIEW_INDICATORS,  # the command line's reports (``commandcenter indicators``)
            _P.VIEW_DUTY,  # ``commandcenter duty``; reading only, no roster edits
            _P.MANAGE_INSPECTIONS,  # the command line's draws (``commandcenter inspections``)
            _P.VIEW_INSPECTIONS,
        }
    )
    | {_P.VIEW_CREDIT},  # ``commandcenter credit list``
}

# Which permission each workflow action needs (the actions of commandcenter.cases.workflow).
ACTION_PERMISSIONS: Mapping[str, Permission] = {
    "立案": _P.CENTER_STEPS,
    "不予立案": _P.CENTER_STEPS,
    "核查": _P.CENTER_STEPS,
    "结案": _P.CENTER_STEPS,
    "返工": _P.CENTER_STEPS,
    "派遣": _P.DISPATCH,
    "改派": _P.DISPATCH,
    "转办": _P.DISPATCH,
    "回复": _P.DEPARTMENT_STEPS,
    "升级": _P.DISPATCH,
    "签收": _P.OFFICE_STEPS,
    "退回": _P.OFFICE_STEPS,
    "处置": _P.OFFICE_STEPS,
    "反馈": _P.OFFICE_STEPS,
    "延期": _P.APPROVE_EXTENSION,
    "挂账": _P.APPROVE_EXTENSION,
    "简易处置": _P.ON_SITE_CLOSE,
    "恢复办理": _P.SUPERVISE,
    "作废": _P.SUPERVISE,
}

PERMISSION_NAMES: Mapping[Permission, str] = {
    _P.READ_ALL_CASES: "查看全区案件",
    _P.READ_OFFICE_CASES: "查看本镇办案件",
    _P.READ_DEPARTMENT_CASES: "查看本部门案件",
    _P.CENTER_STEPS: "中心办理",
    _P.FILE_REPORT: "受理",
    _P.DISPATCH: "派遣",
    _P.OFFICE_STEPS: "镇办处置",
    _P.DEPARTMENT_STEPS: "部门联动回复",
    _P.ON_SITE_CLOSE: "简易处置",
    _P.APPROVE_EXTENSION: "审批延期/挂账",
    _P.SUPERVISE: "督办（恢复、作废）",
    _P.EXPORT: "导出",
    _P.VIEW_AUDIT: "查看审计日志",
    _P.MANAGE_USERS: "用户管理",
    _P.MANAGE_PLUGINS: "插件管理",
    _P.MANAGE_SETTINGS: "系统设置",
    _P.MANAGE_CATEGORIES: "案件类别管理",
    _P.CHECK_DISTRICT: "辖区数据检查",
    _P.MANAGE_DISTRICT: "基础数据管理",
    _P.VIEW_INDICATORS: "查看考核指标",
    _P.VIEW_DUTY: "查看勤务",
    _P.MANAGE_DUTY: "排班管理",
    _P.PUBLISH_ASSESSMENT: "发布考核通报",
    _P.MANAGE_CONSULTATION: "协商议题管理",
    _P.MANAGE_INSPECTIONS: "督查管理（抽组、记录问题）",
    _P.VIEW_INSPECTIONS: "查看督查",
    _P.VIEW_CREDIT: "查看失信名单",
    _P.MANAGE_CREDIT: "失信记录管理",
    _P.PTZ_CONTROL: "云台控制",
}


def permissions_of(role: UserRole | str) -> frozenset[Permission]:
    """The role's permissions; an unknown role has none (fail closed)."""
    try:
        return ROLE_PERMISSIONS[UserRole(role)]
    except ValueError:
        return frozenset()
