"""The words of the 待甄别 list: screening's reasons (``RejectReason`` keys) and the refusals a
decision can meet, said in the UI's language. The reason's detail (coordinates, the code as sent) is
data and is shown as stored, in a tooltip."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.screening import Rejection, RejectReason
from commandcenter.services.errors import ReviewStillRejected

_CONTEXT = "ReviewWords"
# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_REASONS: dict[str, str] = {
    RejectReason.BAD_COORDINATES: str(QT_TRANSLATE_NOOP("ReviewWords", "Invalid coordinates")),
    RejectReason.UNKNOWN_DATUM: str(QT_TRANSLATE_NOOP("ReviewWords", "Unknown coordinate system")),
    RejectReason.SWAPPED_COORDINATES: str(QT_TRANSLATE_NOOP("ReviewWords", "Longitude and latitude swapped")),
    RejectReason.OUTSIDE_DISTRICT: str(QT_TRANSLATE_NOOP("ReviewWords", "Outside the district")),
    RejectReason.UNKNOWN_CATEGORY: str(QT_TRANSLATE_NOOP("ReviewWords", "Unknown category")),
    RejectReason.PHOTO_MISSING: str(QT_TRANSLATE_NOOP("ReviewWords", "Photo missing")),
    RejectReason.NO_SEGMENT: str(QT_TRANSLATE_NOOP("ReviewWords", "No road segment within reach")),
}


def reason_name(reason: RejectReason) -> str:
    return QCoreApplication.translate(_CONTEXT, _REASONS[reason]) if reason in _REASONS else reason.value


def reasons_text(reasons: Iterable[Rejection]) -> str:
    """The reasons in words, one after the other (the list's column)."""
    return " · ".join(reason_name(r.reason) for r in reasons)


def reasons_detail(reasons: Iterable[Rejection]) -> str:
    """The facts behind the reasons, as screening stated them (data: shown as stored)."""
    return "\n".join(rejection.detail for rejection in reasons)


def refusal_text(error: Exception) -> str:
    """What the operator reads when a decision did not happen. The core's refusals are already one
    bilingual line; a correction still refused is worded from its reason keys."""
    if isinstance(error, ReviewStillRejected):
        text = QCoreApplication.translate(
            "ReviewWords", "Still not acceptable: %1. The item stays in the list."
        )
        return text.replace("%1", reasons_text(error.reasons))
    return str(error)
