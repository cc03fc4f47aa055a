"""领导观摩 — the leaders' briefing screen: full screen on the display chosen for it, large type,
the live KPIs (cases today, on-time rate, overdue, units on duty, cameras online), then pages a
presenter steps through with the keyboard or a clicker (PageDown/→/Space next, PageUp/← back, Home
first, Esc leaves): the live map with the month's office ranking and trend, each office's day, the
camera tour, and the scripted modules (``briefing_slides``). Pages may also advance on their own.

Live figures are read every ``refresh_s`` on a worker (``briefing_figures.FigureReader``); the Qt
thread only sets texts and chart data. Nothing operator-only appears here: the window opens no
dialog (a failed read is a quiet line in the header and the last figures stay), stays on top of its
display, and a window the desk opens there (the new-case pop-up …) goes behind it (``front_guard``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from commandcenter.domain.cameras import CameraFeed
from commandcenter.services.hub import Services
from ui.background import BackgroundPoll, BackgroundRunner
from ui.briefing import heap
from ui.briefing.briefing_figures import BriefingFigures, FigureReader, tour_codes, units_on_duty
from ui.briefing.briefing_style import STYLE
from ui.briefing.front_guard import FrontGuard
from ui.briefing.qt_briefing_pages import QtBriefingPages
from ui.briefing.qt_briefing_slides import QtModulePage, daily_rows, ranking_rows
from ui.district_time import district_now, stamp_text
from ui.qt_kpi_strip import QtKpiTile

NEXT_KEYS = (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space)
PREVIOUS_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace)
TOUR_DWELL_S = 10.0


class QtBriefingWindow(QWidget):
    closed = Signal()
    figures_shown = Signal(object)  # BriefingFigures

    def __init__(
        self,
        services: Services,
        runner: BackgroundRunner,
        *,
        refresh_s: float = 15.0,
        advance_s: float = 0.0,
        video: bool = True,
        live_map: bool = True,
        owner: QWidget | None = None,
    ) -> None:
        # a window of its own, owned by the desk's main window: it goes when the desk goes
        super().__init__(owner, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setObjectName("briefingWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.setWindowTitle(self.tr("Leaders' briefing"))
        self.services, self.runner = services, runner
        self.figures: BriefingFigures | None = None
        self._build_header()
        self._build_kpis()
        self.pages = QtBriefingPages(services, runner, live_map=live_map, video=video, parent=self)
        self.map, self.wall = self.pages.map, self.pages.wall
        self.ranking, self.trend = self.pages.ranking, self.pages.trend
        self.office_bars, self.daily = self.pages.office_bars, self.pages.daily
        page = QVBoxLayout(self)
        page.setContentsMargins(24, 16, 24, 16)
        page.setSpacing(12)
        page.addLayout(self.header)
        page.addLayout(self.kpi_row)
        page.addWidget(self.pages, 1)
        self._keys()
        self.reader = FigureReader(services, units=self.map is None)
        self._poll = BackgroundPoll(
            runner, refresh_s, self.reader.read, self.show_figures, self._failed, self
        )
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._tick)
        self._units = QTimer(self, interval=2000)
        self._units.timeout.connect(self._count_map_units)
        self.advance_s = advance_s
        self._advance = QTimer(self, interval=max(1, round(advance_s * 1000)))
        self._advance.timeout.connect(self.next_page)
        self.guard = FrontGuard(self)  # the desk's pop-ups go behind the briefing
        self.show_page(0)

    # ------------------------------------------------------------------ parts
    def _build_header(self) -> None:
        self.title = QLabel(self.tr("Leaders' briefing"), self)
        self.title.setObjectName("briefingTitle")
        self.page_title = QLabel(self)
        self.page_title.setObjectName("briefingPageTitle")
        self.status = QLabel(self)
        self.status.setObjectName("briefingStatus")
        self.clock = QLabel(self)
        self.clock.setObjectName("briefingClock")
        self.page_number = QLabel(self)
        self.page_number.setObjectName("briefingPageNumber")
        self.header = QHBoxLayout()
        self.header.addWidget(self.title)
        self.header.addSpacing(40)
        self.header.addWidget(self.page_title, 1)
        self.header.addWidget(self.status)
        self.header.addSpacing(24)
        self.header.addWidget(self.page_number)
        self.header.addSpacing(24)
        self.header.addWidget(self.clock)

    def _build_kpis(self) -> None:
        self.kpis = {
            "cases_today": QtKpiTile("cases_today", self.tr("Cases today"), parent=self),
            "on_time": QtKpiTile("on_time", self.tr("On-time rate (month)"), parent=self),
            "overdue": QtKpiTile("overdue", self.tr("Overdue"), alert=True, parent=self),
            "units": QtKpiTile("units", self.tr("Units on duty"), parent=self),
            "cameras": QtKpiTile("cameras", self.tr("Cameras online"), parent=self),
        }
        self.kpi_row = QHBoxLayout()
        self.kpi_row.setSpacing(16)
        for tile in self.kpis.values():
            tile.setObjectName("briefingKpi")
            self.kpi_row.addWidget(tile, 1)

    def _keys(self) -> None:
        """Window-wide shortcuts, so a clicker works whatever has the focus (the map included)."""
        actions: list[tuple[Qt.Key, Callable[[], object]]] = [(key, self.next_page) for key in NEXT_KEYS]
        actions += [(key, self.previous_page) for key in PREVIOUS_KEYS]
        actions += [(Qt.Key.Key_Home, lambda: self.show_page(0)), (Qt.Key.Key_Escape, self.close)]
        for key, slot in actions:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ behaviour
    def show_on(self, screen: QScreen | None = None) -> None:
        """Full screen on ``screen`` (the last display — usually the wall's — by default), then start."""
        screens = QGuiApplication.screens()
        screen = screen or (screens[-1] if screens else None)
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.start()

    def start(self) -> None:
        self.guard.start()
        self._poll.start()
        self._clock.start()
        self._tick()
        if self.advance_s > 0:
            self._advance.start()
        if self.map is not None:
            self.map.start()
            self._units.start()
        if self.wall is not None:
            services = self.services
            self.runner.submit(
                lambda: services.cameras.feeds_for_codes(tour_codes(services)), self._tour, self._failed
            )

    def next_page(self) -> None:
        self.show_page((self.pages.currentIndex() + 1) % self.pages.count())

    def previous_page(self) -> None:
        self.show_page((self.pages.currentIndex() - 1) % self.pages.count())

    def show_page(self, index: int) -> None:
        self.pages.show_page(index)
        current = self.pages.currentWidget()
        title = current.property("pageTitle") if current is not None else ""
        if isinstance(current, QtModulePage):
            title = current.title.text()
        self.page_title.setText(str(title or ""))
        self.page_number.setText(f"{index + 1} / {self.pages.count()}")
        if self._advance.isActive():
            self._advance.start()  # a presenter's key restarts the page's time

    def show_figures(self, figures: BriefingFigures) -> None:
        if self.map is not None and self.services.reads_district:  # the live map's own frame
            figures = replace(figures, units_on_duty=units_on_duty(self.map.units.frame))
        first = self.figures is None
        self.figures = figures
        self._show_units(figures.units_on_duty)
        self.kpis["cases_today"].value.setText(f"{figures.cases_today:,}")
        rate = figures.on_time_rate
        self.kpis["on_time"].value.setText("—" if rate is None else f"{rate * 100:.1f}%")
        self.kpis["overdue"].value.setText(f"{figures.overdue:,}")
        self.kpis["cameras"].value.setText(f"{figures.cameras_online:,} / {figures.cameras_total:,}")
        self.ranking.show_rows(ranking_rows(figures.ranking))
        self.trend.show_trend(figures.trend.labels, figures.trend.received, figures.trend.closed)
        self.daily.show_rows(daily_rows(figures.daily))
        names = [row.office for row in figures.daily]
        self.office_bars.show_offices(
            names, [row.received for row in figures.daily], [row.closed for row in figures.daily]
        )
        self.status.clear()
        if first:
            heap.settle()
        self.figures_shown.emit(figures)

    def _count_map_units(self) -> None:
        """Every 2 s, as the map refreshes: units on duty from its frame (no read of its own)."""
        if self.map is not None and self.figures is not None and self.services.reads_district:
            count = units_on_duty(self.map.units.frame)
            self.figures = replace(self.figures, units_on_duty=count)
            self._show_units(count)

    def _show_units(self, count: int | None) -> None:
        self.kpis["units"].value.setText("—" if count is None else f"{count:,}")

    def _failed(self, error: Exception) -> None:
        self.status.setText(self.tr("Figures not refreshed: %1").replace("%1", str(error).split(" / ")[0]))

    def _tour(self, feeds: dict[str, CameraFeed]) -> None:
        if feeds and self.wall is not None:
            self.wall.start_tour(list(feeds.values()), TOUR_DWELL_S)

    def _tick(self) -> None:
        self.clock.setText(stamp_text(district_now()))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.guard.stop()
        self._poll.stop()
        self._clock.stop()
        self._units.stop()
        self._advance.stop()
        if self.map is not None:
            self.map.stop()
        if self.wall is not None:
            self.wall.stop_tour()
            self.wall.stop_all()
        self.closed.emit()
        super().closeEvent(event)
