"""Two reports waiting in 待甄别 in the demo, so the list has something to show: a 12345 hotline call
placed 40 km east of the district (outside it) and a citizen's app report with a category code the
table does not have. Both as screening would keep them (its reason keys, the report as sent)."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandcenter.demo.placing import lonlat
from commandcenter.demo.plan import DistrictPlan, Rows
from commandcenter.domain.reviews import ReviewStatus
from commandcenter.domain.screening import RejectReason
from commandcenter.persistence.cases.desk_models import ScreeningReview

OUTSIDE_EAST_M = 40_000.0


def add_reviews(districts: list[DistrictPlan], rows: Rows, now: datetime) -> None:
    district = districts[0]
    x, y = district.offices[0].center
    far_lon, far_lat = lonlat(district.frame, (x + OUTSIDE_EAST_M, y))
    lon, lat = lonlat(district.frame, (x, y))
    rows[ScreeningReview] = [
        _row(
            1,
            now - timedelta(minutes=12),
            "12345热线",
            "张女士",
            "13598761234",
            "S0502",
            "来电反映小区门口有流动摊贩，地址说不清，只说在东边",
            far_lon,
            far_lat,
            RejectReason.OUTSIDE_DISTRICT,
            f"({far_lon:.6f}, {far_lat:.6f}) 不在任何镇办辖区内",
        ),
        _row(
            2,
            now - timedelta(minutes=31),
            "市民上报",
            "微信用户",
            "",
            "S9901",
            "路边共享单车倒了一地",
            lon,
            lat,
            RejectReason.UNKNOWN_CATEGORY,
            "类别代码 S9901 不在类别表中",
        ),
    ]


def _row(
    review_id: int,
    received: datetime,
    source: str,
    reporter: str,
    phone: str,
    code: str,
    description: str,
    lon: float,
    lat: float,
    reason: RejectReason,
    detail: str,
) -> dict[str, object]:
    return {
        "id": review_id,
        "received_at": received,
        "source": source,
        "reporter": reporter,
        "reporter_phone": phone,
        "external_ref": None,
        "category_code": code,
        "description": description,
        "lon": lon,
        "lat": lat,
        "datum": "WGS84",
        "photos": ["demo/photos/review.jpg"],
        "reasons": [{"reason": reason.value, "detail": detail}],
        "status": ReviewStatus.PENDING.value,
        "decided_by": None,
        "decided_at": None,
        "decision_note": "",
        "case_id": None,
    }
