"""The status bar's 工作日历 warning: "2027年节假日未配置" while this year or next has no holiday table.

Without the year's table every deadline in it counts 春节 and 国庆 as working days — silently. The
State Council publishes next year's notice in November or December; from then on every workstation
shows the missing year, so someone tells the administrator, and an administrator's click opens
System ▸ Settings ▸ 工作日历 where the year is entered or imported. The check is one settings read on
a worker, every few minutes and at once after a save on this workstation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from commandcenter.health import Level
from commandcenter.services.settings_service import SettingsService
from ui.background import BackgroundPoll, BackgroundRunner
from ui.settings.qt_settings_dialog import QtSettingsDialog
from ui.theme import LEVEL_COLORS
from ui.thread_bridge import ThreadBridge

CHECK_EVERY_S = 300.0


class CalendarWarning(QLabel):
    clicked = Signal()  # an administrator asks for the 工作日历 page

    def __init__(
        self,
        service: SettingsService,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
        interval_s: float = CHECK_EVERY_S,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendarWarning")
        self.service = service
        self.years: list[int] = []
        self.hide()
        if service.may_edit:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._poll = BackgroundPoll(
            runner, interval_s, service.years_without_holidays, self.show_years, parent=self
        )
        self._bridge = ThreadBridge(self)  # a save is heard on the worker that saved
        service.saved.connect(lambda _stored: self._bridge.post(self._poll.poll_now))

    def start(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        self._poll.stop()

    def show_years(self, years: list[int]) -> None:
        self.years = list(years)
        self.setVisible(bool(years))
        if not years:
            return
        listed = QLocale().createSeparatedList([str(year) for year in years])  # 2026和2027
        color = LEVEL_COLORS[Level.WARNING]
        words = self.tr("Holidays of %1 not configured").replace("%1", listed)
        self.setText(f'<span style="color:{color};">⚠ {words}</span>')
        self.setToolTip(
            self.tr("Click to enter them: System ▸ Settings ▸ Working calendar")
            if self.service.may_edit
            else self.tr(
                "Deadlines count those holidays as working days. "
                "Ask an administrator to enter them (System ▸ Settings ▸ Working calendar)."
            )
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.service.may_edit and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def install_calendar_warning(
    status: QStatusBar,
    service: SettingsService,
    runner: BackgroundRunner,
    open_settings: Callable[[], QtSettingsDialog],
) -> CalendarWarning:
    """The warning at the status bar's right end; an administrator's click opens the settings on
    the 工作日历 page."""
    warning = CalendarWarning(service, runner, status)
    status.addPermanentWidget(warning)
    warning.clicked.connect(lambda: open_settings().show_calendar())
    return warning
