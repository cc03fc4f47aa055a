"""The dispatch notice: one line over the queue saying how the operator's last dispatch ended.

A dispatch is queued and carried out in the background, so the click itself cannot say "someone
else was faster" or "the case was voided". The desk's ``dispatch_finished`` does, and this strip
shows it: a success for a few seconds, anything else (taken, voided, refused, failed, a damaged
dispatch file) until the operator clicks it away or the next such warning replaces it — a success
never hides a warning not yet read (the queue shows the dispatched case anyway).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.cases.case_desk import CaseDesk

SUCCESS_SHOWN_MS = 8_000


class QtDispatchNotice(QLabel):
    def __init__(self, desk: CaseDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispatchNotice")
        self.setWordWrap(True)
        self.hide()
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.setInterval(SUCCESS_SHOWN_MS)
        self._fade.timeout.connect(self.hide)
        desk.dispatch_finished.connect(self.show_outcome)
        desk.journal_damaged.connect(lambda text: self.show_outcome(False, text))

    def show_outcome(self, succeeded: bool, text: str) -> None:
        if succeeded and self.isVisible() and self.property("level") == "warning":
            return  # the warning stays until it is read
        self.setText(text)
        self.setToolTip(self.tr("Click to close"))
        self.setProperty("level", "info" if succeeded else "warning")
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
        if succeeded:
            self._fade.start()
        else:
            self._fade.stop()  # a failure stays until it is read

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        super().mousePressEvent(event)
