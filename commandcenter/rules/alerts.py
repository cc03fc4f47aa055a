"""How an alert becomes a case: the report an operator files through intake.

An alert is a fact ("豫A·B1234 stopped loaded off-site for 12 minutes since 14:02"), not yet a case:
the operator decides, and the case then enters through ``CaseIntake`` like every other report —
screened, located on its segment and office, merged into an open duplicate, deadline in working
hours. The category follows the kind (dumping → 积存垃圾渣土, permit breaches → the muck-transport
category), while a patroller leaving his segment is a staff matter with no GB/T 30428 category, so
the operator must name one. Its evidence is the alert with the unit's track, not a photo
(``ALERT_SOURCE`` is exempt from the photo rule in screening).
"""

from __future__ import annotations

from commandcenter.domain.alerts import ALERT_REPORTER, ALERT_SOURCE, Alert, AlertKind
from commandcenter.domain.cases import IncomingReport

_CATEGORY: dict[AlertKind, str | None] = {
    AlertKind.OFF_SEGMENT: None,
    AlertKind.OUT_OF_AREA: "S0303",  # 渣土撒漏: the category of muck-transport breaches
    AlertKind.OUT_OF_WINDOW: "S0303",
    AlertKind.DUMPING: "S0103",  # 积存垃圾渣土: what is left where a truck dumped
}


def default_category(kind: AlertKind) -> str | None:
    """The case category an alert of ``kind`` files under, or None when the operator must choose."""
    return _CATEGORY[kind]


def alert_to_report(alert: Alert, category_code: str | None = None) -> IncomingReport:
    """The report an operator files for ``alert``; raises ValueError when the kind has no default
    category and none is given."""
    code = category_code or _CATEGORY[alert.kind]
    if code is None:
        raise ValueError(f"告警类型「{alert.kind.value}」没有默认案件类别，请指定类别 (category_code)")
    return IncomingReport(
        category_code=code,
        lon=alert.lon,
        lat=alert.lat,
        source=ALERT_SOURCE,
        reporter=ALERT_REPORTER,
        description=alert.text,
        address=f"{alert.unit_label}定位点 ({alert.lon:.6f}, {alert.lat:.6f})",
    )
