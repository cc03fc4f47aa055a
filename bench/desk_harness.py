"""The operator's case desk as the benchmarks drive it: a real QApplication (Xvfb when DISPLAY is
set, Qt's offscreen platform otherwise), the ``CaseDesk`` with its queue and pop-up in one window."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.cases.arrival_chime import ArrivalChime
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_popup import QtCasePopup
from ui.cases.qt_case_queue import QtCaseQueue


def application() -> QApplication:
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    existing = QApplication.instance()
    return existing if isinstance(existing, QApplication) else QApplication([])


class DeskHarness:
    def __init__(
        self, store: Store, role: UserRole = UserRole.OPERATOR, office_id: int | None = None
    ) -> None:
        """The desk of a principal of ``role`` (an office desk: ``office_id``'s cases only)."""
        self.app = application()
        self.host = QWidget()
        self.host.resize(1400, 800)
        self.runner = BackgroundRunner(self.host)
        self.desk = CaseDesk(services_for(store, role, office_id=office_id), self.runner, parent=self.host)
        self.queue = QtCaseQueue(self.desk, self.host)
        self.queue.resize(1400, 800)
        self.popup = QtCasePopup(self.desk, anchor=self.host, chime=ArrivalChime(enabled=False))
        self.host.show()
        self.desk.start()
        self.queue.start()

    def pump_until(self, done: Callable[[], object], timeout_s: float) -> bool:
        """Run the Qt event loop until ``done()`` is true or the timeout passes. A real ``QEventLoop``
        sleeps between events (no busy loop: five client processes share two cores with the
        writer); a 5 ms timer wakes it to check ``done``."""
        if done():
            return True
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        checker = QTimer()

        def check() -> None:
            if done() or time.monotonic() > deadline:
                loop.quit()

        checker.timeout.connect(check)
        checker.start(5)
        loop.exec()
        checker.stop()
        return bool(done())

    def queue_ids(self) -> set[int]:
        model = self.queue.model
        return {model.case_at(row).id for row in range(model.rowCount())}

    def queue_offices(self) -> dict[int, int | None]:
        """Every queue row's case id and office (what an office desk may hold: its office only)."""
        model = self.queue.model
        return {model.case_at(row).id: model.case_at(row).office_id for row in range(model.rowCount())}

    def close(self) -> None:
        self.queue.stop()
        self.desk.stop()
        self.runner.shutdown()
        self.host.close()
