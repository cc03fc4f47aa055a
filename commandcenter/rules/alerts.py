"""Alerts the map rules raise, and how one becomes a case.

An alert is a fact ("豫A·B1234 stopped loaded off-site for 12 minutes since 14:02"), not yet a case:
the operator decides. ``alert_to_case`` prepares the ``NewCase`` the store files; the category
follows the kind (dumping → 积存垃圾渣土, permit breaches → the muck-transport category), while a
patroller leaving his segment is a staff matter with no GB/T 30428 category, so the operator must
name one.
"""

from __future__ import annotations

from commandcenter.domain.alerts import Alert, AlertKind
from commandcenter.domain.cases import NewCase

ALERT_CASE_SOURCE = "城市平台"  # machine-detected, like the city platform's own reports
ALERT_REPORTER = "地图规则告警"


_CATEGORY: dict[AlertKind, str | None] = {
    AlertKind.OFF_SEGMENT: None,
    AlertKind.OUT_OF_AREA: "S0303",  # 渣土撒漏: the category of muck-transport breaches
    AlertKind.OUT_OF_WINDOW: "S0303",
    AlertKind.DUMPING: "S0103",  # 积存垃圾渣土: what is left where a truck dumped
}


def default_category(kind: AlertKind) -> str | None:
    """The case category an alert of ``kind`` files under, or None when the operator must choose."""
    return _CATEGORY[kind]


def alert_to_case(alert: Alert, category_code: str | None = None, *, urgency: int = 2) -> NewCase:
    """The case an operator files for ``alert``; raises ValueError when the kind has no default
    category and none is given."""
    code = category_code or _CATEGORY[alert.kind]
    if code is None:
        raise ValueError(f"告警类型「{alert.kind.value}」没有默认案件类别，请指定类别 (category_code)")
    return NewCase(
        category_code=code,
        source=ALERT_CASE_SOURCE,
        description=alert.text,
        address=f"{alert.unit_label}定位点 ({alert.lon:.6f}, {alert.lat:.6f})",
        lon=alert.lon,
        lat=alert.lat,
        reporter=ALERT_REPORTER,
        urgency=urgency,
    )
