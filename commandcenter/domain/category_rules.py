"""Rules of the category table that do not need the database: which fields an office may edit and what
a valid 小类 looks like (filing condition, deadlines in working hours, department, photo rule).

Every value is checked before anything is written, so an invalid edit names the field and the reason
and leaves the table as it was. Codes are the key other tables and incoming reports use, so a code is
never renamed; a 小类 no longer used is deactivated, not deleted (old cases keep pointing at it).
"""

from __future__ import annotations

import math

from commandcenter.domain.categories import CategoryRecord
from commandcenter.domain.kinds import CategoryKind

MAX_HOURS = 24 * 60  # 60 working days: anything longer is a typo, not a deadline


TEXT_LIMITS = {"major_name": 20, "name": 30, "department": 40, "filing_condition": 500}


EDITABLE = ("filing_condition", "dispatch_hours", "dispose_hours", "department", "photo_required", "active")


class InvalidCategory(ValueError):
    """An edit that would make the table wrong; nothing was written."""

    def __init__(self, code: str, field: str, reason: str) -> None:
        super().__init__(
            f"类别 {code} 的「{field}」无效：{reason} / category {code}: invalid {field}: {reason}"
        )
        self.code, self.field = code, field


def validate_category(row: CategoryRecord) -> None:
    if row.kind not in {kind.value for kind in CategoryKind}:
        raise InvalidCategory(row.code, "kind", f"应为部件或事件 / must be 部件 or 事件, not {row.kind!r}")
    if not row.code or len(row.code) > 8 or not row.code.isascii() or not row.code.isalnum():
        raise InvalidCategory(row.code, "code", "1–8 位字母数字 / 1–8 letters or digits")
    for name in ("dispatch_hours", "dispose_hours"):
        hours = getattr(row, name)
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
            raise InvalidCategory(row.code, name, "不是数字 / not a number")
        if not 0 < hours <= MAX_HOURS:
            raise InvalidCategory(
                row.code, name, f"须在 0 到 {MAX_HOURS} 工作时之间 / must be in (0, {MAX_HOURS}]"
            )
    for name, limit in TEXT_LIMITS.items():
        value = getattr(row, name)
        if not isinstance(value, str) or len(value) > limit or "\x00" in value:
            raise InvalidCategory(row.code, name, f"最多 {limit} 字 / at most {limit} characters")
    if not row.name.strip() or not row.department.strip():
        raise InvalidCategory(row.code, "name", "名称和责任部门不能为空 / name and department are required")
