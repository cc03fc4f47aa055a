"""The settings dialog (System ▸ Settings…) on the demo district in SQLite: an administrator edits
values on three pages, saves (the service stores and audits them, a reread shows them); problems are
listed in words and nothing is saved; a save over another administrator's newer revision is
explained and reloads theirs; only administrators are offered the dialog; zh_CN shows no English."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QTableWidgetItem
from pytestqt.qtbot import QtBot
from screen_words import ScreenReader, english_words

from commandcenter.domain.kinds import UserRole
from commandcenter.domain.settings import LadderLevel
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.app import install_translations
from ui.background import BackgroundRunner
from ui.settings.qt_settings_dialog import QtSettingsDialog, offered

WAIT_MS = 20_000


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


def _saved(dialog: QtSettingsDialog) -> bool:
    return dialog.save_button.isEnabled() and dialog.stored is not None and dialog.stored.revision > 0


def test_an_administrator_edits_saves_and_rereads(
    qtbot: QtBot, dialog: QtSettingsDialog, district_store: Store
) -> None:
    dialog.dispatch.ack_timeout.setValue(45)
    [_road, office, _bureau] = dialog.dispatch.rungs
    office[1].setChecked(False)
    assert not dialog.dispatch.rungs[-1][1].isEnabled()  # the bureau cannot be switched off
    dialog.screening.duplicate_radius.setValue(100)
    dialog.notifications.categories.setText("S0501，S0502")
    dialog.calendar.new_year.setValue(2027)
    dialog.calendar.add_year()
    dialog.calendar.add_holiday()
    for column, text in enumerate(["元旦", "2027-01-01", "2027-01-03", "2027-01-04"]):
        dialog.calendar.holidays.setItem(0, column, QTableWidgetItem(text))
    dialog.video.template.setText("http://zlm:80/rtp/{device}_{channel}.live.flv")
    dialog.save()
    qtbot.waitUntil(lambda: _saved(dialog), timeout=WAIT_MS)
    stored = services_for(district_store, UserRole.OPERATOR).settings.current()
    settings = stored.settings
    assert (stored.revision, settings.ack_timeout_minutes, settings.duplicate_radius_m) == (1, 45, 100.0)
    assert settings.ladder_waits()[LadderLevel.OFFICE] is None
    assert settings.notifications.categories == ("S0501", "S0502")
    assert settings.media_url_template.endswith("{device}_{channel}.live.flv")
    assert [entry.year for entry in settings.calendar.years] == [2026, 2027]
    assert settings.working_calendar().is_working_day(date(2027, 1, 4))  # a Monday anyway …
    assert not settings.working_calendar().is_working_day(date(2027, 1, 1))  # … and 元旦 off
    [record] = services_for(district_store, UserRole.ADMIN).audit_log.recent()
    assert (record.actor, record.action) == ("admin1", "setting_change")
    assert record.details["changes"]["ack_timeout_minutes"] == {"before": 30, "after": 45}
    dialog.reload()  # reread: the pages show what is stored
    qtbot.waitUntil(lambda: dialog.status.text().endswith("1"), timeout=WAIT_MS)
    assert dialog.dispatch.ack_timeout.value() == 45
    assert dialog.calendar.year.count() == 2


def test_problems_are_listed_in_words_and_nothing_is_saved(
    qtbot: QtBot, dialog: QtSettingsDialog, district_store: Store
) -> None:
    dialog.calendar.periods.setItem(0, 0, QTableWidgetItem("8点半"))
    dialog.video.template.setText("zlm/{stream}")
    dialog.save()
    lines = dialog.problems.text().splitlines()
    assert lines == [
        "Working period 1: not a valid value (8点半 – 12:00)",
        "Media URL template: must start with one of http, https, rtsp, rtmp, ws, wss",
        "Media URL template: unknown placeholder {stream}",
        "Media URL template: must contain {device}",
    ]
    assert dialog.status.text() == "Not saved: 4 problems"
    assert services_for(district_store, UserRole.ADMIN).settings.current().revision == 0


def test_a_save_over_a_newer_revision_is_explained_and_reloads(
    qtbot: QtBot, dialog: QtSettingsDialog, district_store: Store
) -> None:
    other = services_for(district_store, UserRole.ADMIN, username="admin2").settings
    theirs = dataclasses.replace(other.current().settings, snap_radius_m=70.0)
    other.save(theirs, 0)
    dialog.screening.duplicate_radius.setValue(120)
    dialog.save()
    qtbot.waitUntil(lambda: "Another administrator" in dialog.status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.stored is not None and dialog.stored.revision == 1, timeout=WAIT_MS)
    assert dialog.screening.snap_radius.value() == 70  # their value shown, to edit again
    assert dialog.screening.duplicate_radius.value() == 50
    stored = other.current()
    assert (stored.revision, stored.settings.duplicate_radius_m, stored.updated_by) == (1, 50.0, "admin2")


def test_only_administrators_are_offered_the_dialog(district_store: Store) -> None:
    assert offered(services_for(district_store, UserRole.ADMIN))
    for role in (UserRole.OPERATOR, UserRole.SUPERVISOR, UserRole.LEADER, UserRole.OFFICE):
        office = 1 if role is UserRole.OFFICE else None
        assert not offered(services_for(district_store, role, office_id=office))


def test_the_chinese_dialog_shows_no_english(
    qtbot: QtBot, shell_app: QApplication, district_store: Store
) -> None:
    install_translations(shell_app, "zh_CN")
    runner = BackgroundRunner()
    dialog = QtSettingsDialog(services_for(district_store, UserRole.ADMIN).settings, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    dialog.calendar.periods.setItem(0, 0, QTableWidgetItem("8点半"))
    dialog.save()  # a problem in words too
    assert dialog.problems.text() == "工作时段 1：取值无效（8点半 – 12:00）"
    seen = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        seen += list(ScreenReader().window(dialog))
    findings = [(where, text) for where, text in seen if english_words(text)]
    runner.shutdown()
    assert len(seen) > 40
    assert findings == []
