"""领导观摩 on the seed district: the briefing screen opens with the live KPIs as the services give
them (today's cases and 超期 from the daily summary, the month's on-time rate, units on duty, cameras
online), the office ranking and each office's day; a presenter's keys step through the pages
(PageDown/→ next, PageUp/← back, Home, Esc closes); a failed read is a quiet line, never a dialog;
and the entry in 视图 is offered to indicator readers only."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.evaluation.daily import totals
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.briefing import heap
from ui.briefing.briefing_entry import BriefingEntry
from ui.briefing.briefing_figures import units_on_duty
from ui.briefing.briefing_slides import MODULE_SLIDES
from ui.briefing.qt_briefing_window import QtBriefingWindow


@pytest.fixture
def runner(qtbot: QtBot, qapp: QApplication) -> Iterator[BackgroundRunner]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    yield runner
    runner.shutdown()


def _open(qtbot: QtBot, window: QtBriefingWindow) -> None:
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    window.start()
    window.activateWindow()
    qtbot.waitExposed(window)


def test_kpis_ranking_and_pages(qtbot: QtBot, runner: BackgroundRunner, district_store: Store) -> None:
    leader = services_for(district_store, UserRole.LEADER)
    window = QtBriefingWindow(leader, runner, refresh_s=600, video=False)
    _open(qtbot, window)
    qtbot.waitUntil(lambda: window.figures is not None, timeout=30_000)
    figures = window.figures
    assert figures is not None
    day = totals(leader.assessments.daily())
    assert window.kpis["cases_today"].value.text() == f"{day.received:,}"
    assert window.kpis["overdue"].value.text() == f"{day.overdue_open:,}"
    assert window.map is not None
    qtbot.waitUntil(lambda: len(window.map.units.frame) > 0, timeout=30_000)
    qtbot.waitUntil(lambda: window.kpis["units"].value.text() not in {"—", "0"}, timeout=10_000)
    shown = window.figures
    assert shown is not None
    assert shown.units_on_duty == units_on_duty(window.map.units.frame)
    assert window.kpis["units"].value.text() == f"{shown.units_on_duty:,}"
    assert window.kpis["cameras"].value.text().endswith(f"/ {figures.cameras_total:,}")
    assert window.ranking.rowCount() == 18
    assert window.ranking.item(0, 0).text() == "1"
    assert (
        window.trend.getPlotItem().geometry().width() > window.trend.width() / 2
    )  # the chart fills its place
    assert window.daily.rowCount() == 18
    bars = window.office_bars.received_series.opts["width"]
    assert list(bars) == [row.received for row in figures.daily]  # the chart draws the table's figures
    today = datetime.now(UTC).astimezone(ZoneInfo("Asia/Shanghai")).strftime("%m-%d")
    assert figures.trend.labels[-1] == today  # the month so far
    pages = window.pages.count()
    assert pages == 3 + len(MODULE_SLIDES)
    assert window.page_number.text() == f"1 / {pages}"
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.pages.currentIndex() == 1
    qtbot.keyClick(window.ranking, Qt.Key.Key_Right)  # a key wherever the focus is
    assert window.pages.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.pages.currentIndex() == 1
    qtbot.keyClick(window, Qt.Key.Key_Home)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.pages.currentIndex() == pages - 1  # the last module
    assert window.page_title.text() == "The offices' own modules"
    with qtbot.waitSignal(window.closed, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)


def test_pages_advance_on_their_own(qtbot: QtBot, runner: BackgroundRunner, district_store: Store) -> None:
    window = QtBriefingWindow(
        services_for(district_store, UserRole.SUPERVISOR), runner, refresh_s=600, advance_s=0.05, video=False
    )
    _open(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentIndex() >= 2, timeout=10_000)
    window.close()


def test_a_page_comes_in_a_part_at_a_time_and_every_part_ends_painted(
    qtbot: QtBot, runner: BackgroundRunner, district_store: Store
) -> None:
    """The live map, the ranking and the trend each paint in a turn of their own (one frame of all
    three stalled the screen 70–170 ms); however fast a presenter steps, no part stays frozen."""
    window = QtBriefingWindow(
        services_for(district_store, UserRole.LEADER), runner, refresh_s=600, video=False
    )
    _open(qtbot, window)
    assert window.map is not None
    parts = [window.map, window.ranking, window.trend, window.office_bars, window.daily]
    qtbot.waitUntil(lambda: all(part.updatesEnabled() for part in parts), timeout=5_000)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert not window.office_bars.updatesEnabled()  # not yet
    assert not window.daily.updatesEnabled()
    for key in (Qt.Key.Key_Home, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
        qtbot.keyClick(window, key)  # faster than a page's reveal
    qtbot.waitUntil(lambda: all(part.updatesEnabled() for part in parts), timeout=5_000)
    assert window.pages.currentIndex() == 1
    window.close()


def test_a_failed_read_is_a_line_not_a_dialog(
    qtbot: QtBot, runner: BackgroundRunner, district_store: Store
) -> None:
    operator = services_for(district_store, UserRole.OPERATOR)  # may not read the indicators
    window = QtBriefingWindow(operator, runner, refresh_s=600, video=False, live_map=False)
    _open(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.status.text()), timeout=30_000)
    assert window.status.text().startswith("Figures not refreshed")
    dialogs = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog | QMessageBox) and w.isVisible()
    ]
    assert dialogs == []
    assert window.kpis["cases_today"].value.text() == "—"
    window.close()


def test_a_desk_window_opened_on_its_display_goes_behind_it(
    qtbot: QtBot, runner: BackgroundRunner, district_store: Store
) -> None:
    window = QtBriefingWindow(
        services_for(district_store, UserRole.LEADER), runner, refresh_s=600, video=False, live_map=False
    )
    _open(qtbot, window)
    popup = QWidget(None, Qt.WindowType.Tool)  # as the new-case pop-up is
    qtbot.addWidget(popup)
    popup.setGeometry(window.geometry().center().x() - 200, window.geometry().center().y() - 100, 400, 200)
    popup.show()
    qtbot.waitUntil(lambda: window.guard.sent_behind == 1, timeout=5_000)
    qtbot.waitUntil(lambda: QApplication.topLevelAt(window.geometry().center()) is window, timeout=5_000)
    assert popup.isVisible()  # behind, not closed
    window.close()
    assert not window.guard.active


def test_the_view_entry_for_indicator_readers(
    qtbot: QtBot, runner: BackgroundRunner, district_store: Store
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    for role, offered in ((UserRole.LEADER, True), (UserRole.OPERATOR, False)):
        view = QMenu(host)
        entry = BriefingEntry(services_for(district_store, role), runner, host).install(view)
        assert [a.text() for a in view.actions()] == (["Leaders' briefing…"] if offered else [])
        if offered:
            window = entry.open()
            assert window.isFullScreen() or window.isVisible()
            window.close()
            qtbot.waitUntil(lambda entry=entry: entry.window is None, timeout=5_000)


def test_heap_trim_at_most_once_a_minute() -> None:
    heap._last_trim[0] = 0.0
    assert heap.trim() is sys.platform.startswith("linux")
    assert heap.trim() is False  # not again within the minute
