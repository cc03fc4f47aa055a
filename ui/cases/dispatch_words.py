"""The words for how a queued dispatch ended, told to the operator who clicked.

The outbox hands back facts — ``DispatchResult`` (dispatched, or taken: by whom, with which step),
a refusal's reason, a damaged journal — and the desk says them here in the UI's language. A refusal
reason is the core's bilingual line (the house rule for refusals) and is shown as it is. Names of
people and the workflow's actions (派遣, 作废: the terms the case log stores) are data.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from commandcenter.cases.dispatch import DISPATCH_ACTIONS, DispatchOutcome, DispatchResult
from commandcenter.cases.dispatch_journal import JournalDamage


def result_text(result: DispatchResult, case_label: str) -> str:
    """Dispatched (also a 改派), or why not: who dispatched or voided the case first."""
    staff = result.request.staff_name
    if result.outcome is DispatchOutcome.DISPATCHED:
        text = QCoreApplication.translate("DispatchWords", "Dispatched case %1 to %2.")
        return text.replace("%1", case_label).replace("%2", staff)
    by = result.by or QCoreApplication.translate("DispatchWords", "someone else")
    if result.by_action in DISPATCH_ACTIONS:  # 派遣 or 改派
        text = QCoreApplication.translate(
            "DispatchWords", "Case %1 was already dispatched by %2 — your dispatch to %3 was not sent."
        )
    elif result.by_action == "作废":
        text = QCoreApplication.translate(
            "DispatchWords", "Case %1 was voided by %2 — your dispatch to %3 was not sent."
        )
    else:
        text = QCoreApplication.translate(
            "DispatchWords", "Case %1 was already handled by %2 (%4) — your dispatch to %3 was not sent."
        )
    text = text.replace("%4", result.by_action or result.status)
    return text.replace("%1", case_label).replace("%2", by).replace("%3", staff)


def failure_text(case_label: str, reason: str) -> str:
    """A refused or failed dispatch: the case, then the core's reason (one bilingual line)."""
    text = QCoreApplication.translate("DispatchWords", "Case %1 was not dispatched: %2")
    return text.replace("%1", case_label).replace("%2", reason)


def journal_damage_text(damage: JournalDamage) -> str:
    """The outbox's journal had unreadable entries: they were kept aside, the rest go out."""
    text = QCoreApplication.translate(
        "DispatchWords",
        "The queued-dispatch file was damaged: %1 unreadable entries were set aside in %2; "
        "the %3 readable dispatches are being sent.",
    )
    return (
        text.replace("%1", str(damage.bad_lines))
        .replace("%2", str(damage.set_aside))
        .replace("%3", str(damage.kept))
    )
