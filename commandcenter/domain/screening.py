"""Why screening refuses a report: the reason as a key (``RejectReason``, its value the Chinese word
an operator or a citizen reads) with the facts behind it. Kept in the domain, below ``cases``, so the
review list (``domain.reviews``) can say which reasons an operator may fix without importing intake."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RejectReason(StrEnum):
    BAD_COORDINATES = "坐标无效"
    UNKNOWN_DATUM = "未知坐标系"
    SWAPPED_COORDINATES = "经纬度颠倒"
    OUTSIDE_DISTRICT = "不在辖区内"
    UNKNOWN_CATEGORY = "未知类别"
    PHOTO_MISSING = "缺少现场照片"
    NO_SEGMENT = "附近无责任路段"  # within the district but farther than the snap radius from every segment


@dataclass(frozen=True)
class Rejection:
    reason: RejectReason
    detail: str

    def __str__(self) -> str:
        return f"{self.reason.value}：{self.detail}"
