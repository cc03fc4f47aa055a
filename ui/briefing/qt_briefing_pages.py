"""The briefing screen's pages: the desk's live map beside the month's office ranking and trend,
each office's day (bars and table), the camera tour on a 2×2 wall, then the modules of the scripted
presentation. Each page says its title (``pageTitle``) for the header.

A page comes in a part at a time (``show_page``): the live map, the ranking and the trend painted in
one go when the page came back took 70–170 ms — each view lays itself out and draws everything anew
after minutes hidden — and the screen answered nothing meanwhile (a clicker, the clock, the live
figures). One part per turn of the event loop keeps each turn to a few tens of milliseconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.briefing.briefing_slides import MODULE_SLIDES
from ui.briefing.qt_briefing_charts import QtOfficeBars, QtTrendChart
from ui.briefing.qt_briefing_slides import QtBigTable, QtModulePage
from ui.map.qt_overview_map import QtOverviewMap
from ui.videowall.qt_wall import QtVideoWall

REVEAL_STEP_MS = 15  # a page's parts paint this far apart: the screen's timers and keys run between


class QtBriefingPages(QStackedWidget):
    def __init__(
        self,
        services: Services,
        runner: BackgroundRunner,
        *,
        live_map: bool,
        video: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.runner = services, runner
        self._parts: dict[QWidget, list[QWidget]] = {}  # a page's heavy views, revealed one at a time
        self.map = self._overview(live_map)
        self._daily_page()
        self.wall = self._camera_page(video)
        for slide in MODULE_SLIDES:
            self.addWidget(QtModulePage(slide, self))

    def _overview(self, live_map: bool) -> QtOverviewMap | None:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        shown_map = None
        if live_map:
            shown_map = QtOverviewMap(self.services, self.runner, parent=page)
            shown_map.toolbar.hide()
            row.addWidget(shown_map, 3)
        side = QVBoxLayout()
        self.ranking = QtBigTable(
            [self.tr("Rank"), self.tr("Office"), self.tr("Grade"), self.tr("Score")],
            page,
            name_column=1,
            compact=True,
        )
        self.trend = QtTrendChart(self.tr("Received"), self.tr("Closed"), page)
        side.addWidget(self.ranking, 3)
        side.addWidget(self.trend, 2)
        row.addLayout(side, 2)
        self._parts[page] = [part for part in (shown_map, self.ranking, self.trend) if part is not None]
        self.addWidget(page)
        page.setProperty("pageTitle", self.tr("Live map, office ranking and trend of the month"))
        return shown_map

    def show_page(self, index: int) -> None:
        """Make page ``index`` current with its heavy views frozen, then paint them one per turn."""
        page = self.widget(index)
        parts = self._parts.get(page, []) if page is not None else []
        for part in parts:
            part.setUpdatesEnabled(False)
        self.setCurrentIndex(index)
        QTimer.singleShot(REVEAL_STEP_MS, self, lambda: self._reveal(parts))

    def _reveal(self, parts: list[QWidget]) -> None:
        """Let the first part paint (in its own turn, laid out by then) and the rest after it."""
        if parts:
            parts[0].setUpdatesEnabled(True)
            QTimer.singleShot(REVEAL_STEP_MS, self, lambda: self._reveal(parts[1:]))

    def _daily_page(self) -> None:
        page = QWidget(self)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        self.office_bars = QtOfficeBars(self.tr("Received"), self.tr("Closed"), page)
        headers = [
            self.tr("Office"),
            self.tr("Received"),
            self.tr("Dispatched"),
            self.tr("Closed"),
            self.tr("Overdue"),
            self.tr("On duty"),
        ]
        self.daily = QtBigTable(headers, page)
        row.addWidget(self.office_bars, 1)
        row.addWidget(self.daily, 1)
        page.setProperty("pageTitle", self.tr("Today in each office"))
        self._parts[page] = [self.office_bars, self.daily]
        self.addWidget(page)

    def _camera_page(self, video: bool) -> QtVideoWall | None:
        wall = None
        page: QWidget
        if video:
            page = wall = QtVideoWall(self)
            wall.toolbar.hide()
            wall.set_layout("2x2")
        else:
            page = QLabel(self.tr("Camera tour"), self)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        page.setProperty("pageTitle", self.tr("Camera tour"))
        self.addWidget(page)
        return wall
