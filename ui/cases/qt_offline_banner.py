"""The offline banner: a red strip over the queue while the database does not answer.

Operators must know at once that what they see may be stale and that their dispatches are queued,
not lost; the banner says both, and how many dispatches wait. It hides itself when the database
answers again (the outbox has then carried the queued dispatches out).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.cases.case_desk import CaseDesk


class QtOfflineBanner(QLabel):
    def __init__(self, desk: CaseDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offlineBanner")
        self.setWordWrap(True)
        self._desk = desk
        self.hide()
        self.online = True
        desk.online_changed.connect(self._online_changed)
        desk.dispatch_queued.connect(lambda: self._online_changed(self.online))

    def _online_changed(self, online: bool) -> None:
        self.online = online
        if online:
            self.hide()
            return
        waiting = len(self._desk.pending_dispatches())
        self.setText(
            self.tr(
                "Database offline — the queue may be out of date. Dispatches queued: %1. "
                "They are sent automatically when the connection returns."
            ).replace("%1", str(waiting))
        )
        self.show()
