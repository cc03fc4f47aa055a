"""The working calendar beyond 2026 on screen: every workstation's status bar names the year without
holidays; an administrator's click opens System ▸ Settings on the 工作日历 page, which warns too and
imports the year's table from a file (a GBK CSV here) through the service — stored, audited, and the
warning gone; a bad file's rows are listed and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.district_time import district_clock
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.settings.queries import read_settings, settings_revision
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from ui.background import BackgroundRunner
from ui.main_window import MainWindow
from ui.settings.qt_settings_dialog import QtSettingsDialog

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000
NEXT_YEAR = district_clock().today().year + 1  # only 2026 is built in: next year is always missing


def _table(year: int) -> str:
    days = [f"{year}-10-0{day},休,国庆节" for day in (1, 2, 3)]
    return "\n".join(["日期,类型,名称", *days, f"{year}-09-26,班,国庆节", ""])


@pytest.fixture
def dialog(qtbot: QtBot, qapp: QApplication, district_store: Store) -> Iterator[QtSettingsDialog]:
    runner = BackgroundRunner()
    opened = QtSettingsDialog(
        services_for(district_store, UserRole.ADMIN, username="admin1").settings, runner
    )
    qtbot.addWidget(opened)
    opened.show()
    qtbot.waitUntil(opened.save_button.isEnabled, timeout=WAIT_MS)
    yield opened
    runner.shutdown()


def test_everyone_sees_the_missing_year_and_only_an_administrator_opens_the_calendar(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    operator = open_window()  # the duty operator: sees it, cannot act on it
    warning = operator.calendar_warning
    qtbot.waitUntil(lambda: bool(warning.isVisible()), timeout=WAIT_MS)
    assert str(NEXT_YEAR) in warning.text()
    assert "节假日未配置" in warning.text() or "not configured" in warning.text()
    with qtbot.assertNotEmitted(warning.clicked):
        qtbot.mouseClick(warning, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))

    admin = open_window(principal=principal_of_role(UserRole.ADMIN))
    qtbot.waitUntil(lambda: bool(admin.calendar_warning.isVisible()), timeout=WAIT_MS)
    with qtbot.waitSignal(admin.calendar_warning.clicked):
        qtbot.mouseClick(admin.calendar_warning, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    dialogs = [d for d in admin.findChildren(QtSettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].tabs.currentWidget() is dialogs[0].calendar
    qtbot.waitUntil(lambda: bool(dialogs[0].calendar.missing.isVisible()), timeout=WAIT_MS)
    assert str(NEXT_YEAR) in dialogs[0].calendar.missing.text()

    dialogs[0].import_holidays(NEXT_YEAR, str(_gbk_file(district_store, NEXT_YEAR)))
    qtbot.waitUntil(lambda: bool(admin.calendar_warning.isHidden()), timeout=WAIT_MS)  # its own save: at once
    assert dialogs[0].calendar.missing.isHidden()


def _gbk_file(store: Store, year: int) -> Path:
    folder = Path(store.url.split("///", 1)[1]).parent
    path = folder / f"{year}年节假日.csv"
    path.write_bytes(_table(year).encode("gbk"))  # as Excel on Chinese Windows saves it
    return path


def test_the_page_imports_a_gbk_csv_through_the_service(
    qtbot: QtBot, dialog: QtSettingsDialog, district_store: Store
) -> None:
    assert not dialog.calendar.missing.isHidden()  # shown on the page (another tab is in front)
    dialog.import_holidays(NEXT_YEAR, str(_gbk_file(district_store, NEXT_YEAR)))
    qtbot.waitUntil(lambda: bool(dialog.stored is not None and dialog.stored.revision == 1), timeout=WAIT_MS)
    assert dialog.calendar.missing.isHidden()
    assert dialog.calendar.year.currentData() == NEXT_YEAR
    assert dialog.calendar.holidays.item(0, 0).text() == "国庆节"
    assert dialog.calendar.holidays.item(0, 3).text() == f"{NEXT_YEAR}-09-26"
    years = {entry.year for entry in read_settings(district_store).settings.calendar.years if entry.holidays}
    assert NEXT_YEAR in years
    [record] = services_for(district_store, UserRole.ADMIN).audit_log.recent(1)
    assert (record.actor, record.details["import"]) == ("admin1", f"{NEXT_YEAR}年节假日.csv")


def test_a_bad_file_lists_its_rows_and_stores_nothing(
    qtbot: QtBot, dialog: QtSettingsDialog, district_store: Store, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"{NEXT_YEAR}-10-01,休,国庆节\n{NEXT_YEAR + 1}-01-01,休,元旦\n{NEXT_YEAR}-10-01,假,国庆节\n",
        encoding="utf-8",
    )
    dialog.import_holidays(NEXT_YEAR, str(bad))
    qtbot.waitUntil(lambda: bool(dialog.problems.text()), timeout=WAIT_MS)
    lines = dialog.problems.text().splitlines()
    assert len(lines) == 3  # row 2 outside the year; row 3 repeats row 1 and has an unknown kind
    assert "2" in lines[0]
    assert str(NEXT_YEAR + 1) in lines[0]
    assert all("3" in line for line in lines[1:])
    assert dialog.save_button.isEnabled()
    assert settings_revision(district_store) == 0
