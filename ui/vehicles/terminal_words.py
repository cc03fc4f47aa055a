"""The words of terminal commands: a command's kind and status, and the answer's facts, in the UI's
language (the core hands keys: ``CommandKind``, ``CommandStatus``, the answer's fields)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from commandcenter.domain.desk_commands import CommandKind, CommandStatus, DeskCommand
from ui.district_time import clock_text

_CONTEXT = "TerminalWords"
# str(): the marker's stub returns ``object``; lupdate still finds the marker inside the call
_KINDS: dict[str, str] = {
    CommandKind.LOCATE: str(QT_TRANSLATE_NOOP("TerminalWords", "Locate now")),
    CommandKind.TRACK: str(QT_TRANSLATE_NOOP("TerminalWords", "Temporary tracking")),
    CommandKind.TEXT: str(QT_TRANSLATE_NOOP("TerminalWords", "Text to the driver")),
}
_STATUSES: dict[str, str] = {
    CommandStatus.PENDING: str(QT_TRANSLATE_NOOP("TerminalWords", "Waiting for the gateway")),
    CommandStatus.SENT: str(QT_TRANSLATE_NOOP("TerminalWords", "Sent to the terminal")),
    CommandStatus.ANSWERED: str(QT_TRANSLATE_NOOP("TerminalWords", "Answered by the terminal")),
    CommandStatus.FAILED: str(QT_TRANSLATE_NOOP("TerminalWords", "Failed")),
    CommandStatus.EXPIRED: str(QT_TRANSLATE_NOOP("TerminalWords", "Expired: the terminal was not online")),
}


def kind_name(kind: CommandKind) -> str:
    return QCoreApplication.translate(_CONTEXT, _KINDS[kind])


def status_text(command: DeskCommand) -> str:
    """One line: the status, and what the terminal said (its position for 立即定位) or why not."""
    text = QCoreApplication.translate(_CONTEXT, _STATUSES[command.status])
    answer = command.answer
    if command.status is CommandStatus.ANSWERED and "lon" in answer and "lat" in answer:
        where = QCoreApplication.translate("TerminalWords", "%1 — at %2, %3 (%4)")
        when = answer.get("time")
        fixed = clock_text(datetime.fromisoformat(when)) if isinstance(when, str) else "—"
        return (
            where.replace("%1", text)
            .replace("%2", f"{float(answer['lon']):.6f}")
            .replace("%3", f"{float(answer['lat']):.6f}")
            .replace("%4", fixed)
        )
    if command.error:
        return (
            QCoreApplication.translate("TerminalWords", "%1: %2")
            .replace("%1", text)
            .replace("%2", command.error)
        )
    return text
