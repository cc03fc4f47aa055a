"""The words of the 新建案件 form for what the core hands back: a place's kind, screening's reasons,
the filing's outcome, the duplicate hint. Names, numbers and the reasons' details are data and stay
as stored; the sentences around them are translated here."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.cases import NearbyCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.lookup.places import Place, PlaceKind
from commandcenter.services.intake_service import FiledReport, Filing
from ui.cases.review_words import reasons_text

CONTEXT = "NewCaseWords"
_KINDS: dict[PlaceKind, str] = {
    PlaceKind.ROAD: str(QT_TRANSLATE_NOOP("NewCaseWords", "road")),
    PlaceKind.SEGMENT: str(QT_TRANSLATE_NOOP("NewCaseWords", "segment")),
    PlaceKind.OFFICE: str(QT_TRANSLATE_NOOP("NewCaseWords", "office")),
    PlaceKind.LANDMARK: str(QT_TRANSLATE_NOOP("NewCaseWords", "landmark")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def place_kind(kind: PlaceKind) -> str:
    return _tr(_KINDS[kind])


def place_line(place: object) -> str:
    """A found place as the list shows it: 大学路（road）, 大学路第1段（segment EQ-0001）."""
    assert isinstance(place, Place)
    return f"{place.label}（{place_kind(place.kind)}{' ' + place.code if place.code else ''}）"


def category_line(spec: object) -> str:
    assert isinstance(spec, CategorySpec)
    return f"{spec.code}  {spec.name}（{spec.major_name}）"


def filed_text(filed: FiledReport) -> str:
    """One line for the operator to read out: the new case's number, the case it joined, or why not."""
    if filed.filing is Filing.NEW:
        return QCoreApplication.translate("NewCaseWords", "Case %1 filed.").replace("%1", filed.number or "")
    if filed.filing is Filing.MERGED:
        return QCoreApplication.translate(
            "NewCaseWords", "Added to open case %1 (same kind, close by)."
        ).replace("%1", filed.number or "")
    reasons = reasons_text(filed.rejections)  # screening's reasons, worded once (the 待甄别 list's)
    if filed.filing is Filing.IN_REVIEW:
        text = QCoreApplication.translate("NewCaseWords", "Kept for review (待甄别): %1 — place it there.")
        return text.replace("%1", reasons)
    return QCoreApplication.translate("NewCaseWords", "Not filed: %1").replace("%1", reasons)


def age_text(since: datetime, now: datetime) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("NewCaseWords", "%1 min").replace("%1", str(minutes))
    return QCoreApplication.translate("NewCaseWords", "%1 h").replace("%1", f"{minutes / 60:.0f}")


def duplicate_text(nearby: list[NearbyCase], now: datetime) -> str:
    """The hint under the form: the case intake will add this report to (the nearest), or nothing."""
    if not nearby:
        return ""
    case = nearby[0]
    text = QCoreApplication.translate(
        "NewCaseWords",
        "Same kind of case open nearby: %1, %2 m away, reported %3 ago. Filing adds this report to it.",
    )
    text = text.replace("%1", case.number).replace("%2", f"{case.distance_m:.0f}")
    return text.replace("%3", age_text(case.created_at, now))
