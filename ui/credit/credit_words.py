"""The words of the credit record in the UI's language: a violator's kind, an appeal's state, why a
violator is listed (with the figures the threshold was met with) and why a listing ended. The core
hands keys (``ViolatorKind``, ``AppealStatus``, ``ListingBasis``, ``RemovalReason``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.credit import AppealStatus, Listing, ListingBasis, RemovalReason, ViolatorKind

_CONTEXT = "CreditWords"
_KINDS: dict[str, str] = {
    ViolatorKind.PERSON: str(QT_TRANSLATE_NOOP("CreditWords", "Person")),
    ViolatorKind.SHOP: str(QT_TRANSLATE_NOOP("CreditWords", "Shop")),
    ViolatorKind.COMPANY: str(QT_TRANSLATE_NOOP("CreditWords", "Transport company")),
    ViolatorKind.PLATE: str(QT_TRANSLATE_NOOP("CreditWords", "Vehicle plate")),
}
_APPEALS: dict[str, str] = {
    AppealStatus.NONE: str(QT_TRANSLATE_NOOP("CreditWords", "No appeal")),
    AppealStatus.FILED: str(QT_TRANSLATE_NOOP("CreditWords", "Appeal filed")),
    AppealStatus.UPHELD: str(QT_TRANSLATE_NOOP("CreditWords", "Appeal upheld (void)")),
    AppealStatus.REJECTED: str(QT_TRANSLATE_NOOP("CreditWords", "Appeal rejected")),
}
_REMOVALS: dict[str, str] = {
    RemovalReason.EXPIRY: str(QT_TRANSLATE_NOOP("CreditWords", "Expired")),
    RemovalReason.APPEAL_UPHELD: str(QT_TRANSLATE_NOOP("CreditWords", "Appeal upheld")),
    RemovalReason.MANUAL: str(QT_TRANSLATE_NOOP("CreditWords", "Removed by hand")),
}
KINDS = tuple(ViolatorKind)


def kind_name(kind: ViolatorKind) -> str:
    return QCoreApplication.translate(_CONTEXT, _KINDS[kind])


def appeal_text(status: AppealStatus) -> str:
    return QCoreApplication.translate(_CONTEXT, _APPEALS[status])


def basis_text(listing: Listing) -> str:
    """``3 violations within 12 months`` / ``12 points within 12 months``."""
    facts = listing.facts
    if listing.basis is ListingBasis.COUNT:
        pattern = QCoreApplication.translate("CreditWords", "%1 violations within %2 months")
        figure = facts.get("count", 0)
    else:
        pattern = QCoreApplication.translate("CreditWords", "%1 points within %2 months")
        figure = facts.get("points", 0)
    return pattern.replace("%1", str(figure)).replace("%2", str(facts.get("window_months", 0)))


def removal_text(reason: RemovalReason | None) -> str:
    return "" if reason is None else QCoreApplication.translate(_CONTEXT, _REMOVALS[reason])
